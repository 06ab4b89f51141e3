/** The colour text is drawn on: the nearest opaque background among an element and its ancestors. */
import { parseRgb, type Rgb } from './tones';

/** A page that paints no background shows the canvas: white, unless it asks for a dark colour scheme. */
function canvas(doc: Document): Rgb {
  const scheme = doc.defaultView?.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return /^dark\b/.test(scheme) ? [18, 18, 18] : [255, 255, 255];
}

/**
 * The nearest opaque background-color behind `el` (half-transparent ones are skipped: what shows through them is
 * further up). Pass the same `cache` for many elements of one page: each ancestor is then read once.
 */
export function backgroundBehind(el: Element | null, cache: Map<Element, Rgb>): Rgb {
  if (!el) return [255, 255, 255];
  const known = cache.get(el);
  if (known) return known;
  const view = el.ownerDocument.defaultView;
  const own = view ? parseRgb(view.getComputedStyle(el).backgroundColor) : null;
  const rgb = own ?? (el.parentElement ? backgroundBehind(el.parentElement, cache) : canvas(el.ownerDocument));
  cache.set(el, rgb);
  return rgb;
}
