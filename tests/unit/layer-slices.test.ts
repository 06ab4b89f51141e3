import { describe, expect, it } from 'vitest';
import { SliceQueue, slicesOf, type Slice } from '../../content/layer-slices';

const texts = (slices: { items: string[] }[]) => slices.map((s) => s.items.join('|'));

describe('layer slices', () => {
  it('cuts items into consecutive slices by count and characters, a long item alone', () => {
    const items = ['aaaa', 'bb', 'cc', 'dddddddddd', 'e', 'f', 'g'];
    expect(texts(slicesOf(items, (s) => s.length, 3, 6))).toEqual(['aaaa|bb', 'cc', 'dddddddddd', 'e|f|g']);
    expect(slicesOf([], (s: string) => s.length, 3, 6)).toEqual([]);
  });

  it('gives the slices on screen at once and first, then those near, the rest one by one within the idle budget, each once', () => {
    const slices = slicesOf(['a1', 'b1', 'c1', 'd1', 'e1', 'f1'], (s) => s.length, 1, 10);
    const [a, b, c, d, e, f] = slices as [Slice<string>, Slice<string>, Slice<string>, Slice<string>, Slice<string>, Slice<string>];
    const queue = new SliceQueue(slices, 4);
    expect(queue.take()).toEqual({ slices: [a], near: false });
    queue.nearViewport(d);
    queue.nearViewport(a);
    queue.nearViewport(c, true);
    queue.nearViewport(f);
    queue.nearViewport(d);
    queue.nearViewport(e, true);
    expect(queue.waiting).toBe('screen');
    // What is on screen first, in one batch, in the order reported; then what is near, each once, without the one drawn.
    expect(queue.take()).toEqual({ slices: [c, e], near: true });
    expect(queue.waiting).toBe('near');
    expect(queue.take()).toEqual({ slices: [d, f], near: true });
    expect(queue.waiting).toBe(null);
    // The budget (4 characters) allows one more slice in idle time; then the rest waits for the reader.
    expect(queue.take()).toEqual({ slices: [b], near: false });
    expect(queue.take()).toEqual({ slices: [], near: false });
    expect(queue.finished).toBe(true);
  });

  it('takes a slice put back (the reader left it before it was drawn) only once it is reported near again', () => {
    const slices = slicesOf(['a1', 'b1', 'c1'], (s) => s.length, 1, 10);
    const [a, b, c] = slices as [Slice<string>, Slice<string>, Slice<string>];
    const queue = new SliceQueue(slices, 0);
    queue.nearViewport(a);
    queue.nearViewport(b);
    expect(queue.take().slices).toEqual([a, b]);
    queue.putBack(a);
    expect(queue.finished).toBe(false);
    expect(queue.waiting).toBe(null);
    expect(queue.take().slices).toEqual([]);
    queue.nearViewport(c, true);
    queue.nearViewport(a);
    expect(queue.take().slices).toEqual([c]);
    expect(queue.take().slices).toEqual([a]);
    expect(queue.finished).toBe(true);
  });
});
