/** The hover's lookups kept in memory, least recently used forgotten first; a failed lookup is forgotten at once. */
import type { LookupMatch } from '../../dictionary/types';
import type { LookupWindow } from '../../lib/messaging/protocol';
import { keyOf } from './lookup-window';

/** Lookups kept, most recently used last: a few read-aheads' worth, about 0.5 KB each. */
const CACHE_SIZE = 1024;

export class LookupCache {
  private readonly kept = new Map<string, Promise<LookupMatch[]>>();

  constructor(private readonly ask: (window: LookupWindow) => Promise<LookupMatch[]>) {}

  has(window: LookupWindow): boolean {
    return this.kept.has(keyOf(window));
  }

  /** The answer for a window: from memory (now the most recently used), else asked and kept. */
  lookup(window: LookupWindow): Promise<LookupMatch[]> {
    const key = keyOf(window);
    const cached = this.kept.get(key);
    if (!cached) return this.remember(window, this.ask(window));
    this.kept.delete(key);
    this.kept.set(key, cached);
    return cached;
  }

  /** Forgets every answer: the reader corrected a word, and the answers may have changed. */
  clear(): void {
    this.kept.clear();
  }

  /** Keeps an answer that is on its way (from a batch), forgetting it if it fails so that it is asked again. */
  remember(window: LookupWindow, result: Promise<LookupMatch[]>): Promise<LookupMatch[]> {
    const key = keyOf(window);
    const kept = result.catch((err: unknown) => {
      if (this.kept.get(key) === kept) this.kept.delete(key);
      throw err;
    });
    if (this.kept.size >= CACHE_SIZE) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, kept);
    return kept;
  }
}
