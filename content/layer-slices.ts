/**
 * What the pinyin layer annotates when. Its text is cut into slices, each one annotate request and one DOM update:
 * small enough that neither the service worker (where a hover's lookup may be waiting) nor the page is held for long,
 * and no taller on screen than the viewport, so that watching a slice's first element tells when the slice comes
 * near. Slices near the viewport go first; the others follow in idle time, up to a budget, so that a huge page does
 * not keep the tab and the worker busy for minutes: beyond the budget a slice waits until the reader comes near it.
 */

export interface Slice<T> {
  items: T[];
  chars: number;
}

/** Consecutive slices of at most `maxItems` items and about `maxChars` characters (an item longer than that is a slice of its own). */
export function slicesOf<T>(items: readonly T[], charsOf: (item: T) => number, maxItems: number, maxChars: number): Slice<T>[] {
  const slices: Slice<T>[] = [];
  let current: Slice<T> | null = null;
  for (const item of items) {
    const chars = charsOf(item);
    if (!current || current.items.length >= maxItems || (current.chars > 0 && current.chars + chars > maxChars)) {
      current = { items: [], chars: 0 };
      slices.push(current);
    }
    current.items.push(item);
    current.chars += chars;
  }
  return slices;
}

/** What a take gives: the slices, and whether they were taken for being near the viewport (rather than for idle time). */
export interface Taken<S> {
  slices: S[];
  near: boolean;
}

/**
 * The order slices are annotated in: those on screen as they are reported, then those only near it, then the rest in
 * order, within a budget.
 */
export class SliceQueue<S extends { chars: number }> {
  private onScreen: S[] = [];
  private near: S[] = [];
  private readonly rest: S[];
  private next = 0;
  private readonly done = new Set<S>();
  private budget: number;

  /** `ordered`: the order for idle time (the text on screen first); `budget`: the characters idle time may annotate. */
  constructor(private readonly ordered: readonly S[], budget: number) {
    this.rest = [...ordered];
    this.budget = budget;
  }

  /** A slice came near the viewport (or on screen): it goes before anything left for idle time. */
  nearViewport(slice: S, onScreen = false): void {
    if (!this.done.has(slice)) (onScreen ? this.onScreen : this.near).push(slice);
  }

  /**
   * What waits for the viewport: 'screen' when a slice on screen does (to be drawn at once), 'near' when only slices
   * near it do (which may wait for an idle moment), null when none does.
   */
  get waiting(): 'screen' | 'near' | null {
    this.onScreen = this.onScreen.filter((s) => !this.done.has(s));
    this.near = this.near.filter((s) => !this.done.has(s));
    return this.onScreen.length ? 'screen' : this.near.length ? 'near' : null;
  }

  /**
   * The next slices to annotate: every slice on screen at once, else every slice near the viewport at once (each batch
   * is drawn in one DOM update, as each update costs the page a layout, 450 ms on a 5 MB page; the text on screen is
   * not kept waiting behind the text near it), else the next one for idle time; none when none may be now (all done,
   * or the rest waits for the reader).
   */
  take(): Taken<S> {
    const waiting = this.waiting;
    if (waiting) {
      const list = waiting === 'screen' ? this.onScreen : this.near;
      const slices = list.filter((s, i) => list.indexOf(s) === i).map((s) => this.settle(s));
      if (waiting === 'screen') this.onScreen = [];
      else this.near = [];
      return { slices, near: true };
    }
    while (this.next < this.rest.length && this.budget > 0) {
      const slice = this.rest[this.next++] as S;
      if (this.done.has(slice)) continue;
      this.budget -= slice.chars;
      return { slices: [this.settle(slice)], near: false };
    }
    return { slices: [], near: false };
  }

  /**
   * A slice taken for being near the viewport that the reader had left by the time its annotation came (a jump): it is
   * not drawn, and waits until it is reported near again.
   */
  putBack(slice: S): void {
    this.done.delete(slice);
  }

  get finished(): boolean {
    return this.done.size === this.ordered.length;
  }

  /** A slice taken is done (or dropped): it is not taken again unless put back. */
  private settle(slice: S): S {
    this.done.add(slice);
    return slice;
  }
}
