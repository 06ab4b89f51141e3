import { toneOf } from '../dictionary/pinyin-format';

/** The colour for a syllable's tone from the reader's list (tones 1–4, then neutral). */
export function toneColor(syllable: string, colors: readonly string[]): string | undefined {
  return colors[toneOf(syllable) - 1];
}

/** A colour's red, green and blue, 0–255. */
export type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];

/** `#rrggbb`, `#rgb`, `rgb(r, g, b)` or an opaque `rgba(…)` (as getComputedStyle gives it); null for anything else. */
export function parseRgb(css: string): Rgb | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (hex) {
    const h = (hex[1] as string).length === 3 ? [...(hex[1] as string)].map((c) => c + c).join('') : (hex[1] as string);
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/i.exec(css.trim());
  if (!fn) return null;
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
  return alpha >= 1 ? [Number(fn[1]), Number(fn[2]), Number(fn[3])] : null;
}

/** WCAG relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Small text needs 4.5:1 (WCAG AA); pinyin over the text is small text. */
const READABLE = 4.5;

const hex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * The tone colours as they read on `background`: unchanged on a light page (the reader's own palette, Pleco's by
 * default), each mixed toward white just enough for 4.5:1 on a dark one (a page darker than mid grey, where white
 * text reads better than black), so that dark blue or red pinyin does not vanish into a dark page.
 */
export function readableOn(colors: readonly string[], background: Rgb): readonly string[] {
  if (contrast(background, WHITE) < contrast(background, [0, 0, 0])) return colors;
  return colors.map((css) => {
    const color = parseRgb(css);
    if (!color) return css;
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const mixed = color.map((c, i) => c + (WHITE[i] as number - c) * t) as unknown as Rgb;
      if (contrast(mixed, background) >= READABLE) return hex(mixed);
    }
    return hex(WHITE);
  });
}
