import { describe, expect, it } from 'vitest';
import { contrast, parseRgb, readableOn, type Rgb } from '../../content/tones';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const PLECO = DEFAULT_SETTINGS.toneColorList;

describe('tone colours on the page', () => {
  it('reads the colours getComputedStyle and the settings give, and nothing half-transparent', () => {
    expect(parseRgb('#0000e3')).toEqual([0, 0, 227]);
    expect(parseRgb('#fff')).toEqual([255, 255, 255]);
    expect(parseRgb('rgb(30, 30, 30)')).toEqual([30, 30, 30]);
    expect(parseRgb('rgba(30, 30, 30, 1)')).toEqual([30, 30, 30]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseRgb('rgb(0 0 0 / 50%)')).toBeNull();
    expect(parseRgb('transparent')).toBeNull();
  });

  it('keeps the reader\'s palette on light pages', () => {
    expect(readableOn(PLECO, [255, 255, 255])).toEqual(PLECO);
    expect(readableOn(PLECO, [246, 244, 239])).toEqual(PLECO);
  });

  it('lightens each tone colour on dark pages until it reads at 4.5:1', () => {
    for (const background of [[0, 0, 0], [30, 30, 30], [40, 44, 52], [90, 90, 90]] as const) {
      const palette = readableOn(PLECO, background);
      palette.forEach((color, i) => {
        const rgb = parseRgb(color) as Rgb;
        expect(rgb).not.toBeNull();
        expect(contrast(rgb, background)).toBeGreaterThanOrEqual(4.5);
        // Still its tone's colour, not white: the blue of tone 4 stays bluer than it is red.
        if (i === 3) expect(rgb[2]).toBeGreaterThan(rgb[0]);
      });
    }
    // Dark blue on black is unreadable as it is (about 2:1).
    expect(contrast(parseRgb('#0000e3') as Rgb, [0, 0, 0])).toBeLessThan(2.5);
  });
});
