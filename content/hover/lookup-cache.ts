/** The hover's lookups kept in memory, least recently used forgotten first; a failed lookup is forgotten at once. */
import type { LookupMatch } from '../../dictionary/types';
import type { LookupWindow } from '../../lib/messaging/protocol';
import { keyOf } from './lookup-window';

/** Lookups kept, most recently used last: a few read-aheads' worth, about 0.5 KB each. */
const CACHE_SIZE = 1024;

export class LookupCache {
  private readonly kept = new Map<string, Promise<LookupMatch[]>>();
  /** Windows whose answer is still on its way in a batch. */
  private readonly batched = new Set<string>();

  constructor(private readonly ask: (window: LookupWindow) => Promise<LookupMatch[]>) {}

  has(window: LookupWindow): boolean {
    return this.kept.has(keyOf(window));
  }

  /**
   * The answer for a window: from memory (now the most recently used), else asked and kept. A window whose batch has
   * not answered yet is asked on its own as well, and the first answer wins: a cold service worker answers a batch
   * once its whole dictionary has loaded, but one window from the few shards it needs (lib/dictionary-service.ts).
   */
  lookup(window: LookupWindow): Promise<LookupMatch[]> {
    const key = keyOf(window);
    const cached = this.kept.get(key);
    if (!cached) return this.keep(key, this.ask(window));
    if (this.batched.has(key)) {
      this.batched.delete(key);
      return this.keep(key, Promise.any([cached, this.ask(window)]).catch((err: AggregateError) => Promise.reject(err.errors[0] as Error)));
    }
    this.kept.delete(key);
    this.kept.set(key, cached);
    return cached;
  }

  /** Forgets every answer: the reader corrected a word, and the answers may have changed. */
  clear(): void {
    this.kept.clear();
    this.batched.clear();
  }

  /** Keeps an answer that is on its way in a batch. */
  remember(window: LookupWindow, result: Promise<LookupMatch[]>): Promise<LookupMatch[]> {
    const key = keyOf(window);
    this.batched.add(key);
    const kept = this.keep(key, result);
    const settled = () => {
      if (this.kept.get(key) === kept) this.batched.delete(key);
    };
    kept.then(settled, settled);
    return kept;
  }

  /** Keeps an answer as the most recently used, forgetting it if it fails so that it is asked again. */
  private keep(key: string, result: Promise<LookupMatch[]>): Promise<LookupMatch[]> {
    const kept = result.catch((err: unknown) => {
      if (this.kept.get(key) === kept) this.kept.delete(key);
      throw err;
    });
    this.kept.delete(key);
    if (this.kept.size >= CACHE_SIZE) {
      const oldest = this.kept.keys().next().value as string;
      this.kept.delete(oldest);
      this.batched.delete(oldest);
    }
    this.kept.set(key, kept);
    return kept;
  }
}
