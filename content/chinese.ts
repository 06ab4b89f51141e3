/** Han ideographs (CJK unified, extension A, compatibility) and the 〇 numeral. */
export const HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);

/** Elements whose text a reader does not see as running text: never scanned, glossed or annotated. */
export const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'MATH']);

/** True when the text node sits under an element that is not read (script, ruby annotation, form field, hidden). */
export function isUnread(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (UNREAD.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden')) return true;
  }
  return false;
}

/** Whether the page has any Han text at all: stops at the first one, so a page without Chinese costs little. */
export function hasChinese(root: Node): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (HAN.test(node.nodeValue ?? '') && !isUnread(node)) return true;
  }
  return false;
}
