/**
 * Hover glosses: the character under the pointer, the text read from it once, a dictionary lookup (from memory when
 * the read-ahead has brought it), and the word's card. The parts live beside this file; this one wires the page's
 * events to them.
 */
import type { LookupMatch } from '../../dictionary/types';
import type { WordContext, WordToSave } from '../../lib/domain/word';
import type { CorrectionRule } from '../../dictionary/corrections';
import type { CorrectionAction, LookupWindow } from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/settings';
import { HOST_TAG } from '../card-host';
import { isHan } from '../chinese';
import { isEditable } from '../dom-vocabulary';
import { Speaker } from '../../lib/speech';
import { characterAt, rangeOf, sentenceAt, type TextPoint } from '../text-at-point';
import { runCommand, type CardKnown, type CommandTarget } from './commands';
import { headingInto, inside, PointerTrail, verticalHeading, type Point, type Side } from './intent';
import { latestWins } from './latest-wins';
import { Listeners } from './listeners';
import { LookupCache } from './lookup-cache';
import { lookupWindow, readAt } from './lookup-window';
import { quantityAround } from './quantity';
import { HOVER_TEXT, ReadAhead, type ReadAheadDeps } from './read-ahead';
import { WordCard } from './word-card';
import { Dwell } from './dwell';
import { wordToSave } from '../../lib/word-to-save';

export interface HoverDeps extends ReadAheadDeps {
  lookup(window: LookupWindow): Promise<LookupMatch[]>;
  save(word: WordToSave, context: WordContext): Promise<{ created: boolean }>;
  sendToAnki(word: WordToSave, context: WordContext): Promise<unknown>;
  settings(): Settings;
  /** Makes or undoes a correction (lib/corrections-service.ts). */
  correct(action: CorrectionAction, window: LookupWindow, length: number): Promise<{ applied: CorrectionRule | null; removed: number }>;
  /** Told after a correction (to redraw the pinyin layer); resolves once it is drawn. */
  onCorrected?(): Promise<void>;
  /** Told after a word was saved (to refresh the saved-word highlights). */
  onSaved?(word: WordToSave): void;
  /** What the reader knows: the card shows a word's state and `k` turns it over. */
  known?: CardKnown;
  /** Told when the reader dwelt on a word's card (the lookup history). */
  lookedUp?(word: WordToSave, context: WordContext): void;
}

export class HoverController {
  private readonly card: WordCard;
  private readonly cache: LookupCache;
  private readonly ahead: ReadAhead;
  private readonly listeners = new Listeners();
  private readonly scan = latestWins(({ x, y }: { x: number; y: number }) => this.scanAt(x, y));
  private readonly commands: CommandTarget;
  private readonly speaker: Speaker;
  private last: Point = { x: -1, y: -1 };
  /** While a correction redraws the layer, the page moves under the card by our doing, not the reader's scrolling. */
  private correcting = false;
  private readonly trail = new PointerTrail();
  /** Bumped whenever what is shown changes, so that a slow lookup cannot overwrite a newer one. */
  private token = 0;
  /** Whether the reader's last pointer move or key was a real one, not an event a page script dispatched. */
  private trusted = false;
  private readonly dwell = new Dwell<{ word: WordToSave; context: WordContext }>(({ word, context }) => this.deps.lookedUp?.(word, context));

  constructor(private readonly doc: Document, private readonly deps: HoverDeps) {
    this.card = new WordCard(doc, deps.settings, deps.known);
    this.cache = new LookupCache(deps.lookup);
    this.ahead = new ReadAhead(this.cache, deps);
    this.speaker = new Speaker(doc.defaultView?.speechSynthesis);
    this.commands = {
      doc,
      card: this.card,
      lookup: (window) => this.cache.lookup(window),
      showAt: (point) => this.showAt(point),
      save: deps.save,
      sendToAnki: deps.sendToAnki,
      onSaved: deps.onSaved,
      known: deps.known,
      speak: (text) => this.speaker.say(text, deps.settings().speechRate / 100),
      correct: async (action, window, length) => {
        const point = this.card.shown?.point;
        const result = await deps.correct(action, window, length);
        this.cache.clear();
        this.correcting = true;
        try {
          await deps.onCorrected?.();
          // The scroll events of the redraw's reflow come with the next frame: they are ours too.
          await new Promise((resolve) => this.doc.defaultView?.requestAnimationFrame(resolve) ?? resolve(null));
        } finally {
          this.correcting = false;
        }
        // The card again, as corrected: at the same character, which the layer may have drawn anew under the pointer.
        const again = point?.node.isConnected ? point : characterAt(this.doc, this.last.x, this.last.y);
        if (again) await this.showAt(again);
        return result;
      },
    };
  }

  start(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const on = this.listeners.on.bind(this.listeners);
    on<MouseEvent>(this.doc, 'mousemove', (e) => this.onMove(e), { passive: true, capture: true });
    on<KeyboardEvent>(win, 'keydown', (e) => this.onKey(e), { capture: true });
    on(win, 'scroll', () => this.correcting || this.hide(), { passive: true, capture: true });
    on(this.doc, 'mouseleave', () => this.hide(), { passive: true });
    on(win, 'blur', () => this.hide());
  }

  stop(): void {
    this.listeners.clear();
    this.token++;
    this.dwell.cancel();
    this.card.destroy();
  }

  /** Looks up the first words after a point before the reader points at any. */
  readAhead(point: TextPoint): void {
    this.ahead.fromPoint(point);
  }

  /**
   * Looks up the text from a point and shows its card, on the `prefer`red side of the word when there is room;
   * resolves false when there is no word there.
   */
  async showAt(point: TextPoint, prefer: Side = 'below'): Promise<boolean> {
    const token = ++this.token;
    const text = readAt(point, HOVER_TEXT);
    const quantity = quantityAround(point, text);
    const han = isHan(text.run.text[0]);
    if (!han && !quantity) return false;
    let matches: LookupMatch[] = [];
    try {
      if (han) matches = await this.cache.lookup(lookupWindow(text));
    } catch (err) {
      console.warn('Yuedu: lookup failed', err);
      return false;
    }
    if (token !== this.token) return false;
    const longest = matches[0];
    // The word found is highlighted; a number the dictionary does not have (9200亿) is, as a whole.
    const range = longest ? rangeOf(text.run, longest.text.length) : (quantity?.range ?? null);
    if (!range) {
      this.hide();
      return false;
    }
    this.card.show({ point, text, matches, range, quantity: quantity?.quantity ?? null }, prefer);
    const entry = longest?.entries[0];
    if (entry) {
      const context = { sentence: sentenceAt(point), title: this.doc.title, url: this.doc.location?.href ?? '' };
      this.dwell.shown(entry.simplified, { word: wordToSave(entry), context }, this.trusted);
    }
    this.ahead.fromText(text);
    return true;
  }

  hide(): void {
    this.token++;
    this.dwell.cancel();
    this.card.hide();
  }

  private triggerHeld(e: { shiftKey: boolean; altKey: boolean }): boolean {
    const trigger = this.deps.settings().hoverTrigger;
    return trigger === 'always' || (trigger === 'shift' && e.shiftKey) || (trigger === 'alt' && e.altKey);
  }

  private onMove(e: MouseEvent): void {
    this.last = { x: e.clientX, y: e.clientY };
    this.trail.push(this.last);
    this.trusted = e.isTrusted;
    const target = e.target as Element | null;
    // The card took the pointer (the reader headed into it): it stays as it is while the pointer is on it.
    if (target?.tagName?.toLowerCase() === HOST_TAG) return;
    if (this.keepsCard(e)) return;
    // Without the trigger key the card stays as it is: releasing Shift must not close the card being read.
    if (!this.triggerHeld(e)) return;
    this.scan(this.last);
  }

  /**
   * Whether the pointer is going into the card: moving straight from the word toward it (across the gap between
   * them too), or with Shift held (when cards show without a key). Once over the card it then takes the pointer;
   * otherwise the card lets the pointer through to the text beneath, which the scan reads as any other.
   */
  private keepsCard(e: MouseEvent): boolean {
    const box = this.card.box;
    const shown = this.card.shown;
    if (!box || !shown) return false;
    const over = inside(box, this.last);
    const held = e.shiftKey && this.deps.settings().hoverTrigger === 'always';
    const heading = held || headingInto(this.trail.all, shown.range.getBoundingClientRect(), box);
    this.card.interactive = over && heading;
    return heading;
  }

  private async scanAt(x: number, y: number): Promise<void> {
    const point = characterAt(this.doc, x, y);
    if (!point || !isReadable(point.node.data[point.offset])) {
      this.hide();
      return;
    }
    // The same character as the card's: nothing new to show. Any other, inside the word shown or not, gets its own.
    const shown = this.card.shown?.point;
    if (shown?.node === point.node && shown.offset === point.offset) return;
    // The card opens on the side the pointer is not moving to: going down the lines, above the word.
    await this.showAt(point, verticalHeading(this.trail.all) === 'down' ? 'above' : 'below');
  }

  private onKey(e: KeyboardEvent): void {
    this.trusted = e.isTrusted;
    const shown = this.card.shown;
    if (!shown) {
      // Holding the trigger key over a word shows its card without moving the pointer.
      if ((e.key === 'Shift' || e.key === 'Alt') && this.triggerHeld(e) && this.last.x >= 0) this.scan(this.last);
      return;
    }
    const target = e.target as Element | null;
    if (e.ctrlKey || e.metaKey || (target && typeof target.closest === 'function' && isEditable(target))) return;
    if (runCommand(keyName(e), e.isTrusted, shown, this.commands)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }
}

/** A key as the commands name it: the key itself (Shift shows in its case), after "Alt+" when Alt is held. */
const keyName = (e: KeyboardEvent): string => `${e.altKey ? 'Alt+' : ''}${e.key}`;

/** Characters a card can be about: Han, and the digits of an amount (the 9 of 9200亿). */
const isReadable = (char: string | undefined): boolean => isHan(char) || /[0-9０-９]/.test(char ?? '');
