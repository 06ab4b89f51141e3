import { describe, expect, it } from 'vitest';
import { startingOnScreen, startingOnScreenAmong } from '../../content/near-viewport';

const box = (top: number, height = 100) => ({ top, bottom: top + height });

describe('text starting on screen', () => {
  it('counts the boxes on screen, and the last one above when none starts at the top: its text reaches onto the screen', () => {
    // A jump to the middle of a slice: its first element is above the viewport (900 px tall), the next one on screen.
    expect(startingOnScreen([box(-1500), box(-600), box(300), box(1200)], 900)).toEqual([1, 2]);
    // Whatever the order of the boxes.
    expect(startingOnScreen([box(1200), box(300), box(-1500), box(-600)], 900)).toEqual([3, 1]);
    // One starts (or reaches) across the top: the text above ends before the screen.
    expect(startingOnScreen([box(-600), box(-50), box(300)], 900)).toEqual([1, 2]);
    expect(startingOnScreen([box(-600), box(0), box(300)], 900)).toEqual([1, 2]);
    // No element on screen: the last above starts a slice taller than the screen.
    expect(startingOnScreen([box(-1500), box(-600), box(1000)], 900)).toEqual([1]);
    // Nothing above: only what is on screen.
    expect(startingOnScreen([box(300), box(1200)], 900)).toEqual([0]);
    expect(startingOnScreen([], 900)).toEqual([]);
  });

  it('finds the elements starting text on screen after a jump with a few reads of their tops', () => {
    // 3,000 elements 100 px apart, the viewport 900 px tall, scrolled to 150,050 px.
    const reads: number[] = [];
    const topOf = (i: number) => {
      reads.push(i);
      return i * 100 - 150_050;
    };
    expect(startingOnScreenAmong(3000, topOf, 900)).toEqual([1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1508, 1509]);
    expect(reads.length).toBeLessThan(30);
    // At the top of the page, and past its end.
    expect(startingOnScreenAmong(3000, (i) => i * 100 + 10, 900)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(startingOnScreenAmong(3, (i) => i * 100 - 5000, 900)).toEqual([2]);
    expect(startingOnScreenAmong(0, () => 0, 900)).toEqual([]);
  });
});
