import { describe, expect, it } from 'vitest';
import { headingInto, place, verticalHeading, type Box } from '../../content/hover/intent';

const word: Box = { left: 100, top: 100, right: 190, bottom: 120 };
const cardBelow: Box = { left: 100, top: 126, right: 400, bottom: 300 };
const path = (...points: [number, number][]) => points.map(([x, y]) => ({ x, y }));

describe('where the pointer is going', () => {
  it('heads into the card when it runs from the word nearly straight toward it, gap included', () => {
    expect(headingInto(path([120, 110], [122, 118], [124, 123]), word, cardBelow)).toBe(true);
    expect(headingInto(path([120, 110], [122, 130], [125, 150]), word, cardBelow)).toBe(true);
  });

  it('is passing through when it crosses the card diagonally, comes from elsewhere, or is still on the word', () => {
    expect(headingInto(path([120, 110], [150, 130], [180, 150]), word, cardBelow)).toBe(false);
    expect(headingInto(path([300, 60], [300, 90], [300, 150]), word, cardBelow)).toBe(false);
    expect(headingInto(path([120, 110], [130, 112]), word, cardBelow)).toBe(false);
    const cardAbove: Box = { left: 100, top: 0, right: 400, bottom: 94 };
    expect(headingInto(path([120, 110], [121, 98], [122, 80]), word, cardAbove)).toBe(true);
    expect(headingInto(path([120, 110], [121, 130]), word, cardAbove)).toBe(false);
  });

  it('tells going down or up the lines from reading along one', () => {
    expect(verticalHeading(path([0, 0], [40, 20]))).toBe('down');
    expect(verticalHeading(path([0, 40], [10, 0]))).toBe('up');
    expect(verticalHeading(path([0, 0], [80, 2]))).toBeNull();
    expect(verticalHeading(path([0, 0]))).toBeNull();
  });
});

describe('where the card goes', () => {
  const view: Box = { left: 0, top: 0, right: 800, bottom: 600 };
  const size = { width: 300, height: 200 };

  it('goes on the preferred side when it fits, else the other, never over the word', () => {
    expect(place(word, size, view, 'below')).toMatchObject({ side: 'below', top: 126 });
    expect(place({ ...word, top: 500, bottom: 520 }, size, view, 'below')).toMatchObject({ side: 'above', top: 294 });
    expect(place({ ...word, top: 50, bottom: 70 }, size, view, 'above')).toMatchObject({ side: 'below', top: 76 });
  });

  it('takes the side with more room, capped to it, when it fits on neither', () => {
    const spot = place({ left: 10, top: 250, right: 40, bottom: 270 }, { width: 300, height: 500 }, view, 'below');
    expect(spot.side).toBe('below');
    expect(spot.top).toBe(276);
    expect(spot.top + spot.room).toBeLessThanOrEqual(view.bottom);
  });

  it('stays inside the visible part of the viewport, a pinch-zoomed one included', () => {
    expect(place({ left: 700, top: 100, right: 720, bottom: 120 }, size, view, 'below').left).toBe(496);
    const zoomed: Box = { left: 300, top: 200, right: 700, bottom: 500 };
    const spot = place({ left: 310, top: 210, right: 330, bottom: 230 }, size, zoomed, 'above');
    expect(spot).toMatchObject({ side: 'below', left: 310, top: 236 });
    expect(place({ left: 690, top: 210, right: 700, bottom: 230 }, size, zoomed, 'below').left).toBe(396);
  });
});
