import { HAN } from '../dictionary/chars';
import { isHidden, NOT_TEXT } from './dom-vocabulary';
import type { TextPoint } from './text-at-point';

export const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);

/**
 * True when the text node sits under an element that is not read (script, ruby annotation, form field, hidden).
 * Pass the same `cache` for many nodes of one walk: their ancestors are then checked once.
 */
export function isUnread(node: Node, cache: Map<Element, boolean> = new Map()): boolean {
  const unread = (el: Element | null): boolean => {
    if (!el) return false;
    const known = cache.get(el);
    if (known !== undefined) return known;
    const result = NOT_TEXT.has(el.tagName.toUpperCase()) || isHidden(el) || unread(el.parentElement);
    cache.set(el, result);
    return result;
  };
  return unread(node.parentElement);
}

/** Where the first readable Han character under `root` is, or null. */
export function firstChinese(root: Node): TextPoint | null {
  if (root.nodeType === Node.TEXT_NODE) {
    // A walker never visits its own root: a text node that changed is read here.
    const offset = (root as Text).data.search(HAN);
    return offset >= 0 && !isUnread(root) ? { node: root as Text, offset } : null;
  }
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
