// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PING_EVERY_MS, pingPacer, wakeWorkerOnInput } from '../../content/wake-worker';

describe('waking the service worker on the reader’s input', () => {
  it('pings on the first input, then once per interval however much input comes between', () => {
    const due = pingPacer();
    const heard = [0, 5, 100, PING_EVERY_MS - 1, PING_EVERY_MS, PING_EVERY_MS + 1, 3 * PING_EVERY_MS].filter((t) => due(t));
    expect(heard).toEqual([0, PING_EVERY_MS, 3 * PING_EVERY_MS]);
  });

  it('pings at once after a pause longer than the interval', () => {
    const due = pingPacer();
    expect(due(1000)).toBe(true);
    expect(due(1000 + 10 * PING_EVERY_MS)).toBe(true);
    expect(due(1001 + 10 * PING_EVERY_MS)).toBe(false);
  });

  it('does not ping for input a page’s script made, nor after it is stopped', () => {
    let pings = 0;
    const stop = wakeWorkerOnInput(window, () => pings++);
    // Events dispatched by a script are not trusted (the reader's own are tested end to end).
    window.dispatchEvent(new Event('pointermove'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    stop();
    expect(pings).toBe(0);
  });
});
