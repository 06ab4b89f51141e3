/**
 * Hover glosses: the character under the pointer, the text read from it once, a dictionary lookup (from memory when
 * the read-ahead has brought it), and the word's card. The parts live beside this file; this one wires the page's
 * events to them.
 */
import type { LookupMatch } from '../../dictionary/types';
import type { WordContext, WordToSave } from '../../lib/domain/word';
import type { LookupWindow } from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/settings';
import { HOST_TAG } from '../card-host';
import { isHan } from '../chinese';
import { isEditable } from '../dom-vocabulary';
import { characterAt, rangeOf, type TextPoint } from '../text-at-point';
import { runCommand, type CommandTarget } from './commands';
import { latestWins } from './latest-wins';
import { Listeners } from './listeners';
import { LookupCache } from './lookup-cache';
import { lookupWindow, readAt } from './lookup-window';
import { HOVER_TEXT, ReadAhead, type ReadAheadDeps } from './read-ahead';
import { WordCard } from './word-card';

export interface HoverDeps extends ReadAheadDeps {
  lookup(window: LookupWindow): Promise<LookupMatch[]>;
  save(word: WordToSave, context: WordContext): Promise<{ created: boolean }>;
  settings(): Settings;
  /** Told after a word was saved (to refresh the saved-word highlights). */
  onSaved?(word: string): void;
}

export class HoverController {
  private readonly card: WordCard;
  private readonly cache: LookupCache;
  private readonly ahead: ReadAhead;
  private readonly listeners = new Listeners();
  private readonly scan = latestWins(({ x, y }: { x: number; y: number }) => this.scanAt(x, y));
  private readonly commands: CommandTarget;
  private last = { x: -1, y: -1 };
  /** Bumped whenever what is shown changes, so that a slow lookup cannot overwrite a newer one. */
  private token = 0;

  constructor(private readonly doc: Document, private readonly deps: HoverDeps) {
    this.card = new WordCard(doc, deps.settings);
    this.cache = new LookupCache(deps.lookup);
    this.ahead = new ReadAhead(this.cache, deps);
    this.commands = {
      doc,
      card: this.card,
      lookup: (window) => this.cache.lookup(window),
      showAt: (point) => this.showAt(point),
      save: deps.save,
      onSaved: deps.onSaved,
    };
  }

  start(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const on = this.listeners.on.bind(this.listeners);
    on<MouseEvent>(this.doc, 'mousemove', (e) => this.onMove(e), { passive: true, capture: true });
    on<KeyboardEvent>(win, 'keydown', (e) => this.onKey(e), { capture: true });
    on(win, 'scroll', () => this.hide(), { passive: true, capture: true });
    on(this.doc, 'mouseleave', () => this.hide(), { passive: true });
    on(win, 'blur', () => this.hide());
  }

  stop(): void {
    this.listeners.clear();
    this.token++;
    this.card.destroy();
  }

  /** Looks up the first words after a point before the reader points at any. */
  readAhead(point: TextPoint): void {
    this.ahead.fromPoint(point);
  }

  /** Looks up the text from a point and shows its card; resolves false when there is no word there. */
  async showAt(point: TextPoint): Promise<boolean> {
    const token = ++this.token;
    const text = readAt(point, HOVER_TEXT);
    if (!isHan(text.run.text[0])) return false;
    let matches: LookupMatch[];
    try {
      matches = await this.cache.lookup(lookupWindow(text));
    } catch (err) {
      console.warn('Yuedu: lookup failed', err);
      return false;
    }
    if (token !== this.token) return false;
    const longest = matches[0];
    const range = longest ? rangeOf(text.run, longest.text.length) : null;
    if (!longest || !range) {
      this.hide();
      return false;
    }
    this.card.show({ point, text, matches, range });
    this.ahead.fromText(text);
    return true;
  }

  hide(): void {
    this.token++;
    this.card.hide();
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
    this.scan(this.last);
  }

  private async scanAt(x: number, y: number): Promise<void> {
    const point = characterAt(this.doc, x, y);
    if (!point || !isHan(point.node.data[point.offset])) {
      this.hide();
      return;
    }
    if (this.card.shown?.range.isPointInRange(point.node, point.offset)) return;
    await this.showAt(point);
  }

  private onKey(e: KeyboardEvent): void {
    const shown = this.card.shown;
    if (!shown) {
      // Holding the trigger key over a word shows its card without moving the pointer.
      if ((e.key === 'Shift' || e.key === 'Alt') && this.triggerHeld(e) && this.last.x >= 0) this.scan(this.last);
      return;
    }
    const target = e.target as Element | null;
    if (e.ctrlKey || e.metaKey || (target && typeof target.closest === 'function' && isEditable(target))) return;
    if (runCommand(e.key, e.isTrusted, shown, this.commands)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }
}
