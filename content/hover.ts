/**
 * Hover glosses: the character under the pointer, the text that follows it, a dictionary lookup, the word highlighted
 * (CSS highlight, no DOM change) and the card shown next to it. Keys while the card is up: s saves the word with its
 * sentence, c copies it, Esc closes, ←/→ step to the previous/next word.
 */
import type { LookupMatch } from '../dictionary/types';
import { t } from '../lib/i18n';
import type { LookupWindow, WordContext, WordToSave } from '../lib/messaging/protocol';
import type { Settings } from '../lib/settings/settings';
import { wordToSave } from '../lib/word-to-save';
import { CardHost, HOST_TAG } from './card-host';
import type { CardSettings } from './card';
import { isHan } from './chinese';
import { setHighlight, WORD_HIGHLIGHT } from './highlights';
import { characterAt, collectText, rangeOf, sentenceAt, WINDOW, type TextPoint, type TextRun } from './text-at-point';

export interface HoverDeps {
  lookup(window: LookupWindow): Promise<LookupMatch[]>;
  /** `lookup` of each window, in one round trip. */
  lookupMany(windows: LookupWindow[]): Promise<LookupMatch[][]>;
  /** Runs work when the page is idle (the read-ahead must not compete with the reader's input). */
  idle(run: () => void): void;
  save(word: WordToSave, context: WordContext): Promise<{ created: boolean }>;
  sendToAnki(word: WordToSave, context: WordContext): Promise<unknown>;
  settings(): Settings;
  /** Told after a word was saved (to refresh the saved-word highlights). */
  onSaved?(word: string): void;
}

interface Shown {
  point: TextPoint;
  run: TextRun;
  matches: LookupMatch[];
  range: Range;
}

/** Lookups kept, most recently used last: a few read-aheads' worth, about 0.5 KB each. */
const CACHE_SIZE = 1024;
/**
 * Characters looked up ahead of the word being read: the next words a reader points at are then answered from
 * memory, and the card follows the pointer within a frame instead of a round trip to the service worker.
 */
const READ_AHEAD = 256;
/** Fewer new windows than this wait for a later read-ahead, unless the text ends: one message per stretch of text, not per word. */
const MIN_BATCH = 64;
/** How far back ← looks for the start of the previous word: long enough for most set phrases. */
const BACK_STEP = 8;

/** One line a reader can paste anywhere: headword, pinyin, senses. */
export function copyLine(match: LookupMatch): string {
  const entry = match.entries[0];
  if (!entry) return match.text;
  const word = wordToSave(entry);
  return [word.simplified, word.pinyin, word.definitions.join('; ')].filter(Boolean).join('\t');
}

/**
 * What a hover at a point looks up: the text from the point (`run`, by default the next WINDOW characters), after the
 * readable character before it as context.
 */
export function lookupWindow(point: TextPoint, run: TextRun = collectText(point, WINDOW)): LookupWindow {
  const before = collectText(point, 1, 'backward').text;
  return { text: before + run.text, pos: before.length };
}

/** Windows of the same text and position get the same answer: the cache's key. */
const keyOf = ({ text, pos = 0 }: LookupWindow): string => `${pos}|${text}`;

function editable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

export class HoverController {
  private readonly card: CardHost;
  private readonly cache = new Map<string, Promise<LookupMatch[]>>();
  private shown: Shown | null = null;
  private pending: { x: number; y: number } | null = null;
  private busy = false;
  private last = { x: -1, y: -1 };
  /** Bumped whenever what is shown changes, so that a slow lookup cannot overwrite a newer one. */
  private token = 0;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];

  constructor(private readonly doc: Document, private readonly deps: HoverDeps) {
    this.card = new CardHost(doc);
  }

  start(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const on = <E extends Event>(target: EventTarget, type: string, fn: (e: E) => void, opts: AddEventListenerOptions = {}) => {
      const listener = fn as EventListener;
      target.addEventListener(type, listener, opts);
      this.listeners.push([target, type, listener, opts]);
    };
    on<MouseEvent>(this.doc, 'mousemove', (e) => this.onMove(e), { passive: true, capture: true });
    on<KeyboardEvent>(win, 'keydown', (e) => this.onKey(e), { capture: true });
    on(win, 'scroll', () => this.hide(), { passive: true, capture: true });
    on(this.doc, 'mouseleave', () => this.hide(), { passive: true });
    on(win, 'blur', () => this.hide());
  }

  stop(): void {
    for (const [target, type, listener, opts] of this.listeners) target.removeEventListener(type, listener, opts);
    this.listeners.length = 0;
    this.hide();
    this.card.destroy();
  }

  /** The settings the card needs, read fresh each time so that a change applies to the next card. */
  private cardSettings(): CardSettings {
    return this.deps.settings();
  }

  private triggerHeld(e: { shiftKey: boolean; altKey: boolean }): boolean {
    const trigger = this.deps.settings().hoverTrigger;
    return trigger === 'always' || (trigger === 'shift' && e.shiftKey) || (trigger === 'alt' && e.altKey);
  }

  private onMove(e: MouseEvent): void {
    this.last = { x: e.clientX, y: e.clientY };
    const target = e.target as Element | null;
    // The pointer on our own card keeps it as it is.
    if (target?.tagName?.toLowerCase() === HOST_TAG) return;
    // Without the trigger key the card stays as it is: releasing Shift must not close the card being read.
    if (!this.triggerHeld(e)) return;
    this.scan(e.clientX, e.clientY);
  }

  /** Latest point wins: while a lookup is in flight only the newest pointer position waits for it. */
  private scan(x: number, y: number): void {
    if (this.busy) {
      this.pending = { x, y };
      return;
    }
    this.busy = true;
    void this.scanAt(x, y).finally(() => {
      this.busy = false;
      const next = this.pending;
      this.pending = null;
      if (next) this.scan(next.x, next.y);
    });
  }

  private async scanAt(x: number, y: number): Promise<void> {
    const point = characterAt(this.doc, x, y);
    if (!point || !isHan(point.node.data[point.offset])) {
      this.hide();
      return;
    }
    const shown = this.shown;
    if (shown && shown.range.isPointInRange(point.node, point.offset)) return;
    await this.showAt(point);
  }

  /** Keeps a lookup under its key, forgetting it if it fails (so that it is asked again) and the least used beyond the limit. */
  private remember(key: string, result: Promise<LookupMatch[]>): Promise<LookupMatch[]> {
    const kept = result.catch((err: unknown) => {
      if (this.cache.get(key) === kept) this.cache.delete(key);
      throw err;
    });
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, kept);
    return kept;
  }

  private lookup(window: LookupWindow): Promise<LookupMatch[]> {
    const key = keyOf(window);
    const cached = this.cache.get(key);
    if (!cached) return this.remember(key, this.deps.lookup(window));
    this.cache.delete(key);
    this.cache.set(key, cached);
    return cached;
  }

  /**
   * In idle time, looks up in one message every window of the text that follows a point: the windows a hover there
   * would send (the answer is a pure function of the window, so one that differs is only a miss). Called after each
   * card, and on the article's first Chinese, which also has the service worker load the dictionary before any hover.
   */
  readAhead(point: TextPoint): void {
    this.deps.idle(() => {
      const run = collectText(point, READ_AHEAD + WINDOW);
      const windows = new Map<string, LookupWindow>();
      let before = collectText(point, 1, 'backward').text;
      for (let i = 0; i < Math.min(READ_AHEAD, run.text.length); i++) {
        if (i > 0) before = run.text[i - 1] ?? '';
        const window = { text: before + run.text.slice(i, i + WINDOW), pos: before.length };
        const key = keyOf(window);
        if (isHan(run.text[i]) && !this.cache.has(key)) windows.set(key, window);
      }
      const more = run.text.length === READ_AHEAD + WINDOW;
      if (windows.size === 0 || (more && windows.size < MIN_BATCH)) return;
      const batch = this.deps.lookupMany([...windows.values()]);
      [...windows.keys()].forEach((key, i) =>
        this.remember(key, batch.then((all) => all[i] ?? [])).catch(() => undefined),
      );
    });
  }

  /** Looks up the text from a point and shows its card; resolves false when there is no word there. */
  async showAt(point: TextPoint, status?: string): Promise<boolean> {
    const token = ++this.token;
    const run = collectText(point, WINDOW);
    if (!isHan(run.text[0])) return false;
    let matches: LookupMatch[];
    try {
      matches = await this.lookup(lookupWindow(point, run));
    } catch (err) {
      console.warn('Yuedu: lookup failed', err);
      return false;
    }
    if (token !== this.token) return false;
    const longest = matches[0];
    const range = longest ? rangeOf(run, longest.text.length) : null;
    if (!longest || !range) {
      this.hide();
      return false;
    }
    this.shown = { point, run, matches, range };
    setHighlight(WORD_HIGHLIGHT, [range]);
    this.card.show({ matches, settings: this.cardSettings(), status }, range.getBoundingClientRect());
    this.readAhead(point);
    return true;
  }

  hide(): void {
    this.token++;
    if (!this.shown && !this.card.visible) return;
    this.shown = null;
    setHighlight(WORD_HIGHLIGHT, []);
    this.card.hide();
  }

  private refresh(status: string): void {
    const shown = this.shown;
    if (!shown) return;
    this.card.show({ matches: shown.matches, settings: this.cardSettings(), status }, shown.range.getBoundingClientRect());
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.shown) {
      // Holding the trigger key over a word shows its card without moving the pointer.
      if ((e.key === 'Shift' || e.key === 'Alt') && this.triggerHeld(e) && this.last.x >= 0) this.scan(this.last.x, this.last.y);
      return;
    }
    if (e.ctrlKey || e.metaKey || editable(e.target)) return;
    const handled = this.command(e.key);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  private command(key: string): boolean {
    const shown = this.shown;
    if (!shown) return false;
    const match = shown.matches[0];
    switch (key) {
      case 'Escape':
        this.hide();
        return true;
      case 's':
        if (match) void this.save(shown, match);
        return true;
      case 'S':
        // Shift+S: Send to Anki (the background refuses, with the reason shown on the card, until it is turned on).
        if (match) void this.save(shown, match, 'anki');
        return true;
      case 'c':
      case 'C':
        if (match) void this.copy(match);
        return true;
      case 'ArrowRight':
        void this.step(shown, 1);
        return true;
      case 'ArrowLeft':
        void this.step(shown, -1);
        return true;
      default:
        return false;
    }
  }

  private async save(shown: Shown, match: LookupMatch, to?: 'anki'): Promise<void> {
    const entry = match.entries[0];
    if (!entry) return;
    const word = wordToSave(entry);
    const context: WordContext = { sentence: sentenceAt(shown.point), title: this.doc.title, url: this.doc.location?.href ?? '' };
    if (to === 'anki') {
      await this.deps.sendToAnki(word, context).then(
        () => this.refresh(t('ankiAdded', word.simplified)),
        (err: unknown) => this.refresh(t('hoverAnkiNotAdded', err instanceof Error ? err.message : String(err))),
      );
      return;
    }
    try {
      const { created } = await this.deps.save(word, context);
      this.refresh(t(created ? 'hoverSaved' : 'hoverSentenceAdded', word.simplified));
      this.deps.onSaved?.(word.simplified);
    } catch (err) {
      this.refresh(t('hoverNotSaved', err instanceof Error ? err.message : String(err)));
    }
  }

  private async copy(match: LookupMatch): Promise<void> {
    try {
      await navigator.clipboard.writeText(copyLine(match));
      this.refresh(t('hoverCopied'));
    } catch {
      this.refresh(t('hoverCopyBlocked'));
    }
  }

  /** → the word after this one; ← the word that ends where this one starts (else one character back). */
  private async step(shown: Shown, direction: 1 | -1): Promise<void> {
    if (direction === 1) {
      const after = shown.run.points.slice(shown.matches[0]?.text.length ?? 1).find((p) => isHan(p.node.data[p.offset]));
      if (after) await this.showAt(after);
      return;
    }
    const before = collectText(shown.point, BACK_STEP, 'backward');
    for (let i = 0; i < before.points.length; i++) {
      const start = before.points[i] as TextPoint;
      if (!isHan(before.text[i])) continue;
      const wanted = before.points.length - i;
      const matches = await this.lookup(lookupWindow(start)).catch(() => []);
      if (matches.some((m) => m.text.length === wanted)) {
        await this.showAt(start);
        return;
      }
    }
    const previous = before.points[before.points.length - 1];
    if (previous && isHan(before.text[before.points.length - 1])) await this.showAt(previous);
  }
}
