/**
 * The page's elements as the reading features see them, defined once: which hold no running text, which are blocks
 * (a sentence or a paragraph ends there), which are hidden, which are editable. Tag names in upper case.
 */

/** Elements whose text a reader does not see as running text: never scanned, glossed, annotated or scored. */
export const NOT_TEXT: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'SVG', 'MATH', 'IFRAME', 'CANVAS',
]);

/**
 * Elements whose text is never prose: the above, and buttons. A button's label is glossed on hover (menus and
 * controls are read too) but is not part of an article.
 */
export const NOT_PROSE: ReadonlySet<string> = new Set([...NOT_TEXT, 'BUTTON']);

/** Block elements: a sentence cannot run past one, and text in one is a paragraph of its own. */
export const BLOCK: ReadonlySet<string> = new Set([
  'P', 'PRE', 'BLOCKQUOTE', 'LI', 'DD', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'TD', 'TH',
  'DIV', 'ARTICLE', 'SECTION', 'MAIN', 'CENTER', 'FORM', 'BODY', 'HTML',
  'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'FIGURE', 'ADDRESS',
]);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Hidden from every reader by the page's own markup (attribute or inline style; computed styles cost a layout). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** The page's own editable regions: the pinyin layer leaves them alone, and keys typed there are the page's. */
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** Whether an element is (inside) something the reader can type into. */
export function isEditable(el: Element): boolean {
  return (el as HTMLElement).isContentEditable === true || el.closest(EDITABLE) !== null;
}
