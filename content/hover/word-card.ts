/** The word being glossed: highlighted on the page (CSS highlight, no DOM change) with its card next to it. */
import type { Quantity } from '../../dictionary/numbers';
import type { LookupMatch } from '../../dictionary/types';
import type { CardSettings } from '../card';
import type { CardKnown } from './commands';
import { CardHost } from '../card-host';
import { setHighlight, WORD_HIGHLIGHT } from '../highlights';
import type { TextPoint } from '../text-at-point';
import type { Box, Side } from './intent';
import type { ReadText } from './lookup-window';

export interface Shown {
  point: TextPoint;
  /** The text read at the point: ← and → step through it. */
  text: ReadText;
  matches: LookupMatch[];
  range: Range;
  /** The amount or date at the pointer, read into figures and English. */
  quantity: Quantity | null;
}

export class WordCard {
  private readonly host: CardHost;
  private current: Shown | null = null;
  /** The side the card was asked to open on, kept across a refresh. */
  private prefer: Side = 'below';
  /** The status line shown, kept when the card moves. */
  private status: string | undefined;

  /** `settings` is read at each show, so that a change applies to the next card. */
  constructor(
    doc: Document,
    private readonly settings: () => CardSettings,
    private readonly known?: Pick<CardKnown, 'stateOf' | 'learn'>,
  ) {
    this.host = new CardHost(doc);
  }

  get shown(): Shown | null {
    return this.current;
  }

  /** The card's box on screen, null when hidden. */
  get box(): Box | null {
    return this.current ? this.host.box : null;
  }

  set interactive(on: boolean) {
    this.host.interactive = on;
  }

  /** Shows a word's card, on the `prefer`red side of it when there is room. */
  show(shown: Shown, prefer: Side, status?: string): void {
    this.current = shown;
    this.prefer = prefer;
    setHighlight(WORD_HIGHLIGHT, [shown.range]);
    this.render(shown, status);
  }

  /** Moves the card to the other side of the word (Alt+↑/↓), if there is room there. */
  move(side: Side): void {
    if (!this.current) return;
    this.prefer = side;
    this.render(this.current, this.status);
  }

  /** The same word with a status line (saved, copied, an error). */
  refresh(status: string): void {
    if (this.current) this.render(this.current, status);
  }

  hide(): void {
    if (!this.current && !this.host.visible) return;
    this.current = null;
    setHighlight(WORD_HIGHLIGHT, []);
    this.host.hide();
  }

  destroy(): void {
    this.hide();
    this.host.destroy();
  }

  private render(shown: Shown, status: string | undefined): void {
    this.status = status;
    const entry = shown.matches[0]?.entries[0];
    const state = entry && this.known?.stateOf(entry.simplified, entry.hsk);
    // A word the page has not asked about yet: its state shows as soon as the store has answered, if the card still
    // shows it (a failed ask leaves the card without a state, as before).
    if (entry && this.known && state === undefined) {
      void this.known.learn(entry.simplified).then(
        () => this.current === shown && this.known?.stateOf(entry.simplified, entry.hsk) !== undefined && this.render(shown, this.status),
        () => undefined,
      );
    }
    this.host.show({ matches: shown.matches, quantity: shown.quantity, settings: this.settings(), status, state }, shown.range.getBoundingClientRect(), this.prefer);
  }
}
