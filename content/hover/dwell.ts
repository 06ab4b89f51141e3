/**
 * Which words the reader dwelt on, for the lookup history: a word counts once its card has been up for DWELL_MS
 * without the card changing to another word. A card the reader did not bring up (a synthetic pointer event from the
 * page's own scripts) counts for nothing.
 */
export const DWELL_MS = 1000;

export class Dwell<W> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private key: string | null = null;

  constructor(private readonly onDwell: (word: W) => void) {}

  /** The card now shows `word` (named by `key`): the same word keeps its running time, another starts afresh. */
  shown(key: string, word: W, trusted: boolean): void {
    if (trusted && key === this.key) return;
    this.cancel();
    if (!trusted) return;
    this.key = key;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onDwell(word);
    }, DWELL_MS);
  }

  /** The card is gone. */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.key = null;
  }
}
