import { describe, expect, it } from 'vitest';
import { SliceQueue, slicesOf } from '../../content/layer-slices';

const texts = (slices: { items: string[] }[]) => slices.map((s) => s.items.join('|'));

describe('layer slices', () => {
  it('cuts items into consecutive slices by count and characters, a long item alone', () => {
    const items = ['aaaa', 'bb', 'cc', 'dddddddddd', 'e', 'f', 'g'];
    expect(texts(slicesOf(items, (s) => s.length, 3, 6))).toEqual(['aaaa|bb', 'cc', 'dddddddddd', 'e|f|g']);
    expect(slicesOf([], (s: string) => s.length, 3, 6)).toEqual([]);
  });

  it('gives every slice near the viewport at once and first, the rest one by one within the idle budget, each once', () => {
    const slices = slicesOf(['a1', 'b1', 'c1', 'd1', 'e1'], (s) => s.length, 1, 10);
    const [a, b, c, d, e] = slices as [(typeof slices)[number], (typeof slices)[number], (typeof slices)[number], (typeof slices)[number], (typeof slices)[number]];
    const queue = new SliceQueue(slices, 4);
    expect(queue.take()).toEqual([a]);
    queue.nearViewport(d);
    queue.nearViewport(a);
    queue.nearViewport(c);
    queue.nearViewport(d);
    expect(queue.urgent).toBe(true);
    // In the order reported, each once, without the one already drawn.
    expect(queue.take()).toEqual([d, c]);
    expect(queue.urgent).toBe(false);
    // The budget (4 characters) allows one more slice in idle time; then the rest waits for the reader.
    expect(queue.take()).toEqual([b]);
    expect(queue.take()).toEqual([]);
    expect(queue.finished).toBe(false);
    queue.nearViewport(e);
    expect(queue.take()).toEqual([e]);
    expect(queue.take()).toEqual([]);
    expect(queue.finished).toBe(true);
  });
});
