import { HAN } from '../dictionary/chars';
import type { TextPoint } from './text-at-point';

export const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);

/** Elements whose text a reader does not see as running text: never scanned, glossed or annotated. */
export const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'MATH']);

/**
 * True when the text node sits under an element that is not read (script, ruby annotation, form field, hidden).
 * Pass the same `cache` for many nodes of one walk: their ancestors are then checked once.
 */
export function isUnread(node: Node, cache: Map<Element, boolean> = new Map()): boolean {
  const unread = (el: Element | null): boolean => {
    if (!el) return false;
    const known = cache.get(el);
    if (known !== undefined) return known;
    const result = UNREAD.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || unread(el.parentElement);
    cache.set(el, result);
    return result;
  };
  return unread(node.parentElement);
}

/** Where the first readable Han character under `root` is, or null. */
export function firstChinese(root: Node): TextPoint | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const cache = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const offset = (node as Text).data.search(HAN);
    if (offset >= 0 && !isUnread(node, cache)) return { node: node as Text, offset };
  }
  return null;
}

/** Whether the page has any Han text at all: stops at the first one, so a page without Chinese costs little. */
export function hasChinese(root: Node): boolean {
  return firstChinese(root) !== null;
}
