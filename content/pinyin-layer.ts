/**
 * The pinyin layer: each word of the article's text becomes a span that keeps it on one line, holding one ruby per
 * character with its syllable above it (or one ruby for the word when its syllables do not match its characters),
 * with a <wbr> where a line may break beside it, built from nodes we create (text only, never parsed). The page's own text nodes are kept, not copied, so that
 * turning the layer off puts the very same nodes back and the article's DOM is what it was, byte for byte.
 */
import type { Segment } from '../dictionary/types';
import type { PinyinLayerMode } from '../lib/domain/pinyin-layer';
import { articleTextNodes } from './article';
import { HAN } from '../dictionary/chars';
import { isEditable } from './dom-vocabulary';
import { SliceQueue, slicesOf, type Slice } from './layer-slices';
import type { NearReport, NearWatch } from './near-viewport';
import { nextTask } from '../lib/next-task';
import { readableOn, toneColor, type Rgb } from './tones';

/** Marks the words the layer creates, so that scanning, observing and annotating leave them alone. */
export const RUBY_ATTR = 'data-yuedu-ruby';
/** Set on the article while the layer is on: its mode once complete, "pending" while chunks are still being added. */
export const LAYER_ATTR = 'data-yuedu-pinyin';

export interface LayerOptions {
  mode: Exclude<PinyinLayerMode, 'off'>;
  /** Whether a word is left without pinyin: in 'unknown' mode, the words the reader knows (lib/domain/known.ts). */
  bare(segment: Segment): boolean;
  /** Colours for tones 1–4 and neutral, or null for plain pinyin. */
  toneColors: readonly string[] | null;
  /** Marked pinyin is written as one word ("mìngyùn"); numbers and zhuyin keep syllables apart. */
  joinSyllables: boolean;
  /** The pinyin's size in CSS pixels (at least 11: see lib/settings/sanitize.ts); half the text's size where larger. */
  pinyinSize: number;
  /** The colour behind a node's text: on a dark one the tone colours are lightened until they read (see ./tones.ts). */
  backgroundOf?(node: Text): Rgb;
  annotate(paragraphs: string[]): Promise<Segment[][]>;
  /** Lets the page breathe between chunks (input, rendering). */
  pause(): Promise<void>;
  /** Where a node's text ends on screen (its bottom, in viewport pixels): text on screen is annotated first. */
  bottomOf?(node: Text): number;
  /** Watches elements for coming near the viewport, calling `near` with those of one observation (near-viewport.ts). */
  watchNear?(targets: readonly Element[], near: (reports: NearReport[]) => void): NearWatch;
  /**
   * Whether the text from one element to another is still near the viewport: text asked for as near is drawn only if
   * so (the reader may have jumped away meanwhile), else it waits until it comes near again.
   */
  stillNear?(first: Element, last: Element): boolean;
}

/**
 * The nodes from the first one on screen onwards, then the ones above it: what the reader sees gets its pinyin
 * first. Document order is (nearly) top-to-bottom order, so a binary search finds that node with a few layout reads.
 */
export function screenFirst<T>(nodes: readonly T[], bottomOf: (node: T) => number): T[] {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottomOf(nodes[mid] as T) < 0) lo = mid + 1;
    else hi = mid;
  }
  return [...nodes.slice(lo), ...nodes.slice(0, lo)];
}

interface Replacement {
  original: Text;
  parts: Node[];
}

/**
 * Text per slice (layer-slices.ts): one annotate request and one DOM update, a few milliseconds each, and less than a
 * screen's height.
 */
const SLICE_NODES = 40;
const SLICE_CHARS = 1000;
/**
 * Drawing away from the reader takes an idle pause after this much of the page's own time (building and inserting
 * nodes) and otherwise goes on at the next task: one idle pause per slice left a short article half drawn for seconds.
 */
const IDLE_AFTER_MS = 50;
/**
 * An article of up to this many characters is drawn whole in idle time; a longer one (or a 5 MB page) only where the
 * reader is: every slice drawn costs the page a layout, which grows with the page (700 ms a frame on a 5 MB page), so
 * drawing away from the reader there would stall the tab once per slice.
 */
const IDLE_ARTICLE_CHARS = 20_000;

/** Every node the layer created: its plain text between words is not to be annotated again or reported as new. */
const created = new WeakSet<Node>();

export function isLayerNode(node: Node): boolean {
  if (created.has(node)) return true;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(`[${RUBY_ATTR}]`) != null;
}

function inLayerOrEditable(node: Text): boolean {
  const parent = node.parentElement;
  return !parent || isLayerNode(node) || isEditable(parent);
}

/** The article's text nodes that the layer would annotate: Han text, not yet inside the layer, not editable. */
function annotatableNodes(article: Element, within?: readonly Node[]): Text[] {
  const nodes = articleTextNodes(article);
  const keep = (t: Text) => HAN.test(t.data) && !inLayerOrEditable(t) && (!within || within.some((n) => n.contains(t)));
  return nodes.filter(keep);
}

/**
 * One column: the syllable over its text, as an inline block as wide as the wider of the two (so syllables never
 * overlap, and characters spread only as far as their syllables need), both centred. The <rt> comes first so that it
 * sits on top and the block's baseline is its text's, in Chromium and Firefox alike (an inline-table's caption is not
 * centred in Firefox, and a flex or grid column takes its baseline from the pinyin); its line raises the page's line
 * only by what the pinyin needs beyond the page's own line spacing, as the text's line-height is `normal`.
 */
const COLUMN_STYLE =
  'display: inline-block; margin: 0; padding: 0; border: 0; text-indent: 0; text-align: center; vertical-align: baseline; line-height: normal;';
/** Syllables keep a little air between them (padding: 0.1em a side), and a line-height that never touches the text. */
/** The pinyin is not the page's text: a reader copying a sentence gets its characters only (user-select none). */
const rtStyle = (px: number) =>
  `display: block; font-size: max(${px}px, 0.5em); line-height: 1.2; padding: 0 0.1em; margin: 0; white-space: nowrap; text-align: center; text-indent: 0; font-weight: normal; font-style: normal; letter-spacing: normal; user-select: none; -webkit-user-select: none;`;

/**
 * An empty column per draw (its options), copied for every column: the copies share its parsed style, which each
 * column's own style text was parsed into once per element (a third of the page's style work for the text on screen).
 */
const emptyColumns = new WeakMap<LayerOptions, HTMLElement>();

function emptyColumn(doc: Document, opts: LayerOptions): Element {
  let empty = emptyColumns.get(opts);
  if (empty?.ownerDocument !== doc) {
    empty = doc.createElement('ruby');
    empty.style.cssText = COLUMN_STYLE;
    const rt = doc.createElement('rt');
    rt.style.cssText = rtStyle(opts.pinyinSize);
    empty.append(rt);
    emptyColumns.set(opts, empty);
  }
  return empty.cloneNode(true) as Element;
}

function column(doc: Document, base: string, syllables: readonly string[], opts: LayerOptions, colors: readonly string[] | null): Element {
  const ruby = emptyColumn(doc, opts);
  const rt = ruby.firstChild as HTMLElement;
  const only = syllables.length === 1 ? syllables[0] : undefined;
  if (only !== undefined) {
    // One syllable (a column per character) takes its colour on the <rt>: an element less per character.
    const color = colors ? toneColor(only, colors) : undefined;
    if (color) rt.style.color = color;
    rt.append(doc.createTextNode(only));
  } else syllables.forEach((syllable, i) => {
    if (i > 0 && !opts.joinSyllables) rt.append(doc.createTextNode(' '));
    const color = colors ? toneColor(syllable, colors) : undefined;
    if (color) {
      const span = doc.createElement('span');
      span.style.color = color;
      span.textContent = syllable;
      rt.append(span);
    } else rt.append(doc.createTextNode(syllable));
  });
  ruby.append(doc.createTextNode(base));
  return ruby;
}

/** A word: a column per character when each has its syllable, kept on one line; else one column for the word. */
function wordFor(doc: Document, segment: Segment, opts: LayerOptions, colors: readonly string[] | null): Element {
  const word = doc.createElement('span');
  word.setAttribute(RUBY_ATTR, '');
  word.style.cssText = 'white-space: nowrap;';
  const chars = [...segment.text];
  const syllables = segment.pinyin ?? [];
  if (chars.length === syllables.length) chars.forEach((char, i) => word.append(column(doc, char, [syllables[i] as string], opts, colors)));
  else word.append(column(doc, segment.text, syllables, opts, colors));
  return word;
}

/** Kinsoku: a line does not end on an opening bracket or quote, nor start with a comma, a stop or a closing one. */
const NO_BREAK_AFTER = /[\p{Ps}\p{Pi}]$/u;
const NO_BREAK_BEFORE = /^[\p{Pe}\p{Pf}\p{Po}]/u;

/** The nodes that replace one text node: ruby for each annotated word, plain text for everything between. */
function buildParts(doc: Document, segments: Segment[], opts: LayerOptions, colors: readonly string[] | null): Node[] {
  const parts: Node[] = [];
  /**
   * A line break opportunity (<wbr>) between a word and what is next to it, where a line of Chinese may break: not
   * after an opening bracket or quote, not before a comma, stop or closing one. Firefox breaks no line between an
   * inline block and what touches it (Chromium does): without them, a paragraph ran on past the article, off the screen.
   */
  const breakBefore = (next: string) => {
    const last = parts.at(-1);
    if (last && !NO_BREAK_AFTER.test(last.textContent ?? '') && !NO_BREAK_BEFORE.test(next)) parts.push(doc.createElement('wbr'));
  };
  let plain = '';
  const flush = () => {
    if (plain) {
      breakBefore(plain);
      parts.push(doc.createTextNode(plain));
    }
    plain = '';
  };
  for (const segment of segments) {
    const annotated = segment.kind !== 'other' && segment.pinyin?.length && !opts.bare(segment);
    if (!annotated) {
      plain += segment.text;
      continue;
    }
    flush();
    breakBefore(segment.text);
    parts.push(wordFor(doc, segment, opts, colors));
  }
  flush();
  for (const part of parts) created.add(part);
  return parts;
}

/** The layer over one article. It alone knows its mode, and says it on the article (`LAYER_ATTR`). */
export class PinyinLayer {
  private replaced: Replacement[] = [];
  /** Bumped on every change of mode, so that a chunk still in flight for an old mode is dropped. */
  private generation = 0;
  private current: PinyinLayerMode = 'off';

  constructor(readonly article: Element) {}

  /** The mode in force, or being drawn. */
  get mode(): PinyinLayerMode {
    return this.current;
  }

  /**
   * Draws the layer over the whole article in `opts.mode` (from scratch), or adds it to the text under `within` only,
   * for text the page added later. Resolves once the text near the viewport and what idle time may do is drawn; the
   * rest is drawn as the reader comes near it, and the mode is said on the article once all is. A failed draw leaves
   * the article as it was and rethrows.
   */
  async apply(opts: LayerOptions, within?: readonly Node[]): Promise<void> {
    if (within) return void (await this.annotate(opts, within));
    this.remove();
    const generation = this.generation;
    this.current = opts.mode;
    this.article.setAttribute(LAYER_ATTR, 'pending');
    try {
      await this.annotate(opts, undefined, () => {
        if (generation === this.generation) this.article.setAttribute(LAYER_ATTR, opts.mode);
      });
    } catch (err) {
      if (generation === this.generation) this.remove();
      throw err;
    }
  }

  /** Stops watching for slices coming near the viewport, per draw. */
  private stops: (() => void)[] = [];

  /**
   * Annotates the article's text (or the text under `within`) slice by slice (layer-slices.ts); resolves when no more
   * may be done before the reader comes near the rest. `complete` is told when every slice is done.
   */
  private async annotate(opts: LayerOptions, within?: readonly Node[], complete?: () => void): Promise<void> {
    const generation = this.generation;
    const found = annotatableNodes(this.article, within);
    const nodes = opts.bottomOf ? screenFirst(found, opts.bottomOf) : found;
    const slices = slicesOf(nodes, (n) => n.data.length, SLICE_NODES, SLICE_CHARS);
    const total = slices.reduce((sum, slice) => sum + slice.chars, 0);
    const queue = new SliceQueue(slices, within || total <= IDLE_ARTICLE_CHARS ? Infinity : 0);
    let wake = () => {};
    const woken = () => new Promise<void>((resolve) => (wake = resolve));
    let draining: Promise<void> | null = null;
    let watch: NearWatch | null = null;
    const stopWatching = () => watch?.stop();
    const putBack = (slice: Slice<Text>) => {
      queue.putBack(slice);
      watch?.again(slices.indexOf(slice));
    };
    // Later drains (the reader scrolled) have no caller to tell: a failure leaves that text without pinyin.
    const drainLater = () => void drain().catch((err: unknown) => console.warn('Yuedu: pinyin not drawn', err));
    const drain = (): Promise<void> =>
      (draining ??= this.drain(queue, opts, generation, woken, putBack).finally(() => {
        draining = null;
        if (generation !== this.generation) return;
        if (queue.finished) {
          stopWatching();
          complete?.();
        } else if (queue.waiting) drainLater(); // text came near as this drain was ending
      }));
    // Text the page added is drawn whole; the article is drawn where the reader is first.
    if (opts.watchNear && !within && slices.length > 1) {
      watch = opts.watchNear(
        slices.map((slice) => (slice.items[0] as Text).parentElement as Element),
        (reports) => {
          // All of one observation before any is taken: the text on screen is drawn in one update, without what is only near.
          for (const { index, onScreen } of reports) {
            const slice = slices[index];
            if (slice) queue.nearViewport(slice, onScreen);
          }
          wake();
          if (!draining) drainLater();
        },
      );
      this.stops.push(stopWatching);
    }
    await drain();
  }

  /**
   * Draws slices while the queue has any to give now (those on screen in one update, then those near the viewport in
   * another), or until a change of mode.
   */
  private async drain(
    queue: SliceQueue<Slice<Text>>,
    opts: LayerOptions,
    generation: number,
    woken: () => Promise<void>,
    putBack: (slice: Slice<Text>) => void,
  ): Promise<void> {
    const doc = this.article.ownerDocument;
    let busy = 0;
    for (;;) {
      // Text only near the viewport waits for an idle moment (cut short when more comes near): the page first shows what
      // it has drawn, and after a jump the text on screen then is asked for first, with the worker and the page free.
      if (queue.waiting === 'near') {
        await Promise.race([opts.pause(), woken()]);
        if (generation !== this.generation) return;
      }
      const taken = queue.take();
      if (!taken.slices.length) return;
      const all = taken.slices.flatMap((slice) => slice.items);
      const asked = all.map((n) => n.data);
      const annotated = await opts.annotate(asked);
      if (generation !== this.generation) return;
      const start = performance.now();
      const answers = new Map(all.map((node, k) => [node, { text: asked[k], segments: annotated[k] }]));
      // Text the reader jumped away from while it was annotated is left for when they come back: drawing it would cost
      // the page a layout (hundreds of ms on a 5 MB page) before the text they now look at.
      const away = (slice: Slice<Text>) => {
        const first = slice.items[0]?.parentElement;
        const last = slice.items.at(-1)?.parentElement;
        return taken.near && first && last && opts.stillNear?.(first, last) === false;
      };
      const batch = taken.slices.filter((slice) => (away(slice) ? (putBack(slice), false) : true));
      const chunk = batch.flatMap((slice) => slice.items);
      // Every background is read before anything is inserted: a style read after an insertion has the browser work
      // out the page's styles again, once per paragraph (330 ms a batch on a 5 MB page).
      const colorsOf = chunk.map((node) => (opts.toneColors && opts.backgroundOf && node.parentNode ? readableOn(opts.toneColors, opts.backgroundOf(node)) : opts.toneColors));
      chunk.forEach((node, k) => {
        const { text, segments } = answers.get(node) ?? {};
        // The page may have changed the text while we waited: leave such a node as the page has it now.
        if (!segments || !node.parentNode || node.data !== text) return;
        const colors = colorsOf[k] ?? null;
        const parts = buildParts(doc, segments, opts, colors);
        if (!parts.some((p) => p.nodeType === Node.ELEMENT_NODE)) return;
        const parent = node.parentNode;
        for (const part of parts) parent.insertBefore(part, node);
        node.remove();
        this.replaced.push({ original: node, parts });
      });
      if (queue.finished) return;
      busy += performance.now() - start;
      // Text near the viewport goes on at the next task; the rest takes idle pauses, cut short when the reader comes near.
      if (queue.waiting || busy < IDLE_AFTER_MS) await nextTask();
      else {
        await Promise.race([opts.pause(), woken()]);
        busy = 0;
      }
      if (generation !== this.generation) return;
    }
  }

  /** Puts every original text node back where its ruby stood. */
  remove(): void {
    this.generation++;
    for (const stop of this.stops) stop();
    this.stops = [];
    this.current = 'off';
    this.article.removeAttribute(LAYER_ATTR);
    for (const { original, parts } of this.replaced.reverse()) {
      const anchor = parts.find((p) => p.parentNode);
      if (!anchor?.parentNode) continue;
      anchor.parentNode.insertBefore(original, anchor);
      for (const part of parts) part.parentNode?.removeChild(part);
    }
    this.replaced = [];
  }
}
