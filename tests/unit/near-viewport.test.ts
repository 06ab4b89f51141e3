import { describe, expect, it } from 'vitest';
import { startingOnScreen } from '../../content/near-viewport';

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
});
