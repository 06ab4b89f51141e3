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

/** The order slices are annotated in: those near the viewport as they are reported, then the rest in order, within a budget. */
export class SliceQueue<S extends { chars: number }> {
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

  /** A slice came near the viewport: it goes before anything left for idle time. */
  nearViewport(slice: S): void {
    if (!this.done.has(slice)) this.near.push(slice);
  }

  /** Whether a slice near the viewport is waiting. */
  get urgent(): boolean {
    this.near = this.near.filter((s) => !this.done.has(s));
    return this.near.length > 0;
  }

  /**
   * The next slices to annotate: every slice near the viewport at once (they are drawn in one DOM update, as each
   * update costs the page a layout, 450 ms on a 5 MB page), else the next one for idle time; none when none may be now
   * (all done, or the rest waits for the reader).
   */
  take(): S[] {
    if (this.urgent) {
      const near = this.near.filter((s, i) => this.near.indexOf(s) === i);
      this.near = [];
      return near.map((s) => this.settle(s));
    }
    while (this.next < this.rest.length && this.budget > 0) {
      const slice = this.rest[this.next++] as S;
      if (this.done.has(slice)) continue;
      this.budget -= slice.chars;
      return [this.settle(slice)];
    }
    return [];
  }

  get finished(): boolean {
    return this.done.size === this.ordered.length;
  }

  /** A slice taken is done (or dropped): it is never taken again. */
  private settle(slice: S): S {
    this.done.add(slice);
    return slice;
  }
}
