/**
 * Word highlights drawn with the CSS Custom Highlight API: the browser paints ranges, the page's DOM and selection
 * stay untouched. The only style we add to the page is one ::highlight rule per highlight name, in an adopted sheet
 * (a <style> element when adopting is not possible), so nothing else of ours can leak into the page.
 */
import { isUnread } from './chinese';
import type { WordMatcher } from './word-matcher';

export const WORD_HIGHLIGHT = 'yuedu-word';
export const SAVED_HIGHLIGHT = 'yuedu-saved';
/** Optional (off by default): the words being learned tinted, the unknown words underlined. */
export const LEARNING_HIGHLIGHT = 'yuedu-learning';
export const UNKNOWN_HIGHLIGHT = 'yuedu-unknown';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

const installed = new WeakSet<Document>();

function ruleText(): string {
  return `::highlight(${WORD_HIGHLIGHT}) { background-color: rgba(255, 214, 0, 0.45); }
::highlight(${SAVED_HIGHLIGHT}) { text-decoration: underline 2px dotted #b5121b; text-underline-offset: 3px; }
::highlight(${LEARNING_HIGHLIGHT}) { background-color: rgba(245, 166, 35, 0.22); }
::highlight(${UNKNOWN_HIGHLIGHT}) { text-decoration: underline 1px solid #1a73e8; text-underline-offset: 3px; }`;
}

/** Registers the ::highlight styles in a document once. */
export function installHighlightStyles(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  try {
    const sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(ruleText());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-yuedu', 'highlights');
    style.textContent = ruleText();
    (doc.head ?? doc.documentElement).append(style);
  }
}

export function setHighlight(name: string, ranges: Range[]): void {
  const api = registry();
  if (!api) return;
  if (ranges.length) api.highlights.set(name, new api.Highlight(...ranges));
  else api.highlights.delete(name);
}

/**
 * Ranges over every occurrence of the matcher's words in the root's readable text, longest word first at each
 * position; with `keep`, only the occurrences of the words it keeps (the others still take their place in the text).
 */
export function findWords(root: Element, matcher: WordMatcher, keep?: (word: string) => boolean): Range[] {
  if (!matcher.size) return [];
  const doc = root.ownerDocument;
  const ranges: Range[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const cache = new Map<Element, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (isUnread(text, cache)) continue;
    for (const m of matcher.matches(text.data)) {
      if (keep && !keep(text.data.slice(m.index, m.index + m.length))) continue;
      const range = doc.createRange();
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m.length);
      ranges.push(range);
    }
  }
  return ranges;
}
