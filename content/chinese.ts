import { HAN } from '../dictionary/chars';

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

/** The first run of Han text on the page (up to `length` characters from its first Han character), or null. */
export function firstChinese(root: Node, length = 16): string | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const cache = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? '';
    const at = data.search(HAN);
    if (at >= 0 && !isUnread(node, cache)) return data.slice(at, at + length);
  }
  return null;
}

/** Whether the page has any Han text at all: stops at the first one, so a page without Chinese costs little. */
export function hasChinese(root: Node): boolean {
  return firstChinese(root) !== null;
}
