import { describe, expect, it } from 'vitest';
import { nextTask, pacer } from '../../lib/next-task';

describe('pacer', () => {
  it('yields only once a slice of a few milliseconds is used up', async () => {
    let now = 0;
    const pace = pacer(() => now);
    let ticked = false;
    void nextTask().then(() => (ticked = true));
    now = 5;
    await pace();
    expect(ticked).toBe(false);
    now = 9;
    await pace();
    expect(ticked).toBe(true);
  });
});
