import { describe, expect, it } from 'vitest';
import { SliceQueue, slicesOf } from '../../content/layer-slices';

const texts = (slices: { items: string[] }[]) => slices.map((s) => s.items.join('|'));

describe('layer slices', () => {
  it('cuts items into consecutive slices by count and characters, a long item alone', () => {
    const items = ['aaaa', 'bb', 'cc', 'dddddddddd', 'e', 'f', 'g'];
    expect(texts(slicesOf(items, (s) => s.length, 3, 6))).toEqual(['aaaa|bb', 'cc', 'dddddddddd', 'e|f|g']);
    expect(slicesOf([], (s: string) => s.length, 3, 6)).toEqual([]);
  });

  it('gives slices near the viewport first, the rest in order within the idle budget, each once', () => {
    const slices = slicesOf(['a1', 'b1', 'c1', 'd1', 'e1'], (s) => s.length, 1, 10);
    const [a, b, c, d, e] = slices;
    const queue = new SliceQueue(slices, 4);
    expect(queue.take()).toBe(a);
    queue.nearViewport(d as (typeof slices)[number]);
    queue.nearViewport(a as (typeof slices)[number]);
    expect(queue.urgent).toBe(true);
    expect(queue.take()).toBe(d);
    expect(queue.urgent).toBe(false);
    // The budget (4 characters) allows one more slice in idle time; then the rest waits for the reader.
    expect(queue.take()).toBe(b);
    expect(queue.take()).toBeNull();
    expect(queue.finished).toBe(false);
    queue.nearViewport(e as (typeof slices)[number]);
    expect(queue.take()).toBe(e);
    queue.nearViewport(c as (typeof slices)[number]);
    expect(queue.take()).toBe(c);
    expect(queue.take()).toBeNull();
    expect(queue.finished).toBe(true);
  });
});
