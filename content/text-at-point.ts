/**
 * Reading the page's text around the pointer without touching the DOM: what character is under a point, the run of
 * text that follows it across element and line boundaries (for dictionary lookup), a Range over a matched word
 * (for the highlight) and the sentence around it (saved with the word).
 */
import { sentenceAt as sentenceOf } from '../lib/stats';
import { isHan, isUnread } from './chinese';
import { BLOCK } from './dom-vocabulary';

export interface TextPoint {
  node: Text;
  offset: number;
}

/** A run of readable text; `points[i]` is where `text[i]` sits on the page. */
export interface TextRun {
  text: string;
  points: TextPoint[];
}

/** Lookup needs no more than the longest word; the longest glossary phrases are under 16 characters. */
export const WINDOW = 16;
/** A run that meets this many empty or skipped nodes in a row stops: nothing readable is near. */
const MAX_NODES = 64;
const SPACE = /[\s\u3000]/;

function walker(start: Text): TreeWalker {
  const doc = start.ownerDocument;
  const w = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  w.currentNode = start;
  return w;
}

/**
 * Up to `max` characters of readable text from `start` onwards (or backwards, nearest first), across elements.
 * Whitespace next to Han text is dropped (line breaks in the source fall mid-word); elsewhere it collapses to one space.
 */
export function collectText(start: TextPoint, max: number, direction: 'forward' | 'backward' = 'forward'): TextRun {
  const forward = direction === 'forward';
  const cache = new Map<Element, boolean>();
  const text: string[] = [];
  const points: TextPoint[] = [];
  const w = walker(start.node);
  let node: Text | null = start.node;
  let offset = forward ? start.offset : start.offset - 1;
  let idle = 0;
  let pendingSpace = false;
  while (node && text.length < max && idle < MAX_NODES) {
    const data = node.data;
    let took = false;
    for (; forward ? offset < data.length : offset >= 0; offset += forward ? 1 : -1) {
      const char = data[offset] ?? '';
      if (SPACE.test(char)) {
        pendingSpace = text.length > 0;
        continue;
      }
      const last = text[text.length - 1];
      if (pendingSpace && !isHan(last) && !isHan(char)) {
        text.push(' ');
        points.push({ node, offset: forward ? offset - 1 : offset + 1 });
        if (text.length >= max) break;
      }
      pendingSpace = false;
      text.push(char);
      points.push({ node, offset });
      took = true;
      if (text.length >= max) break;
    }
    idle = took ? 0 : idle + 1;
    let next: Node | null;
    do next = forward ? w.nextNode() : w.previousNode();
    while (next && isUnread(next, cache));
    node = next as Text | null;
    offset = forward || !node ? 0 : node.data.length - 1;
  }
  if (!forward) {
    text.reverse();
    points.reverse();
  }
  return { text: text.join(''), points };
}

/** The Range over the first `length` characters of a run (a word found by lookup), possibly across nodes. */
export function rangeOf(run: TextRun, length: number, from = 0): Range | null {
  const first = run.points[from];
  const last = run.points[from + length - 1];
  if (!first || !last) return null;
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The readable character under a viewport point, or null over anything else (images, margins, form fields, <rt>). */
export function characterAt(doc: Document, x: number, y: number): TextPoint | null {
  const d = doc as CaretDocument;
  let node: Node | undefined;
  let offset = 0;
  if (d.caretPositionFromPoint) {
    const pos = d.caretPositionFromPoint(x, y);
    node = pos?.offsetNode;
    offset = pos?.offset ?? 0;
  } else if (d.caretRangeFromPoint) {
    const range = d.caretRangeFromPoint(x, y);
    node = range?.startContainer;
    offset = range?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const text = node as Text;
  if (isUnread(text)) return null;
  // The caret sits on the nearer edge of a character: keep the character whose box holds the point.
  const range = doc.createRange();
  for (const at of [offset, offset - 1]) {
    if (at < 0 || at >= text.length) continue;
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    for (const rect of range.getClientRects()) if (contains(rect, x, y)) return { node: text, offset: at };
  }
  return null;
}

/** The nearest block that holds a node, where a sentence cannot continue past. */
function blockOf(node: Node): Element {
  let el = node.parentElement;
  while (el && !BLOCK.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el ?? node.ownerDocument?.documentElement ?? (node as Element);
}

/** The sentence around a point, within its block, whitespace between Han characters dropped: saved with a word. */
export function sentenceAt(point: TextPoint): string {
  const block = blockOf(point.node);
  const cache = new Map<Element, boolean>();
  const walker = point.node.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text = '';
  let at = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === point.node) at = text.length + point.offset;
    if (!isUnread(node, cache)) text += (node as Text).data;
  }
  return sentenceOf(text, at)
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, '');
}
