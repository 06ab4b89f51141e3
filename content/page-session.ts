/**
 * The page's one state: off (Yuedu is off for the site), waiting (on, but the page has no Chinese yet: only a cheap
 * watch for some to appear) or reading (hover, and in the top frame the article and its layer).
 */

export type SessionState = 'off' | 'waiting' | 'reading';

/** What runs while the page is read. */
export interface Reading {
  /** Text the page added later (infinite scroll, SPA navigation). */
  added(nodes: Node[]): void;
  stop(): void;
}

export interface SessionDeps<R extends Reading> {
  /** Where the page's text lives (its body), or null before there is one. */
  root(): Node | null;
  hasChinese(node: Node): boolean;
  /** Watches for text added under `root`; returns the function that stops watching. */
  observe(root: Node, onAdded: (nodes: Node[]) => void): () => void;
  /** Starts reading the page. */
  read(): R;
}

type Current<R> =
  | { state: 'off' }
  | { state: 'waiting'; unobserve: () => void }
  | { state: 'reading'; unobserve: () => void; reading: R };

export class PageSession<R extends Reading> {
  private current: Current<R> = { state: 'off' };

  constructor(private readonly deps: SessionDeps<R>) {}

  get state(): SessionState {
    return this.current.state;
  }

  /** What runs while reading, or null. */
  get reading(): R | null {
    return this.current.state === 'reading' ? this.current.reading : null;
  }

  /** On or off as the site switch says: at start-up, on a change of the switch and when the popup asks. */
  follow(enabled: boolean): void {
    if (!enabled) {
      this.stop();
      return;
    }
    if (this.current.state !== 'off') return;
    const root = this.deps.root();
    if (!root) return;
    const unobserve = this.deps.observe(root, (nodes) => this.onAdded(nodes));
    this.current = { state: 'waiting', unobserve };
    if (this.deps.hasChinese(root)) this.wake();
  }

  stop(): void {
    const current = this.current;
    if (current.state === 'off') return;
    this.current = { state: 'off' };
    current.unobserve();
    if (current.state === 'reading') current.reading.stop();
  }

  private onAdded(nodes: Node[]): void {
    const current = this.current;
    if (current.state === 'reading') current.reading.added(nodes);
    else if (current.state === 'waiting' && nodes.some((n) => this.deps.hasChinese(n))) this.wake();
  }

  private wake(): void {
    const current = this.current;
    if (current.state !== 'waiting') return;
    this.current = { state: 'reading', unobserve: current.unobserve, reading: this.deps.read() };
  }
}
