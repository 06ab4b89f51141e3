import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dwell, DWELL_MS } from '../../content/hover/dwell';

describe('dwelling on a word', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts a word once its card has been up DWELL_MS, even when shown again meanwhile', () => {
    const seen: string[] = [];
    const dwell = new Dwell<string>((w) => seen.push(w));
    dwell.shown('峰会', '峰会', true);
    vi.advanceTimersByTime(DWELL_MS / 2);
    dwell.shown('峰会', '峰会', true);
    vi.advanceTimersByTime(DWELL_MS / 2);
    expect(seen).toEqual(['峰会']);
    vi.advanceTimersByTime(DWELL_MS * 3);
    expect(seen).toEqual(['峰会']);
  });

  it('does not count a word left before DWELL_MS, or a card closed', () => {
    const seen: string[] = [];
    const dwell = new Dwell<string>((w) => seen.push(w));
    dwell.shown('峰会', '峰会', true);
    vi.advanceTimersByTime(DWELL_MS - 1);
    dwell.shown('丝路', '丝路', true);
    vi.advanceTimersByTime(DWELL_MS - 1);
    dwell.cancel();
    vi.advanceTimersByTime(DWELL_MS * 2);
    expect(seen).toEqual([]);
  });

  it('does not count a card a page script brought up with a synthetic event', () => {
    const seen: string[] = [];
    const dwell = new Dwell<string>((w) => seen.push(w));
    dwell.shown('峰会', '峰会', true);
    vi.advanceTimersByTime(DWELL_MS / 2);
    dwell.shown('峰会', '峰会', false);
    vi.advanceTimersByTime(DWELL_MS * 2);
    expect(seen).toEqual([]);
  });
});
