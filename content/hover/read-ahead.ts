/**
 * Reading ahead of the hover card: in idle time, every window of the text after a point is looked up in one message,
 * so the next words the reader points at are answered from memory and the card follows the pointer within a frame.
 */
import type { LookupMatch } from '../../dictionary/types';
import type { LookupWindow } from '../../lib/messaging/protocol';
import { isHan } from '../chinese';
import { WINDOW, type TextPoint } from '../text-at-point';
import type { LookupCache } from './lookup-cache';
import { keyOf, lookupWindow, readAt, type ReadText } from './lookup-window';

/** Characters looked up ahead of the word being read. */
const READ_AHEAD = 256;
/** What one hover reads: enough for its own window and every window of the read-ahead. */
export const HOVER_TEXT = READ_AHEAD + WINDOW;
/** Fewer new windows than this wait for a later read-ahead, unless the text ends: one message per stretch of text, not per word. */
const MIN_BATCH = 64;

export interface ReadAheadDeps {
  /** `lookup` of each window, in one round trip. */
  lookupMany(windows: LookupWindow[]): Promise<LookupMatch[][]>;
  /** Runs work when the page is idle (the read-ahead must not compete with the reader's input). */
  idle(run: () => void): void;
}

export class ReadAhead {
  constructor(
    private readonly cache: LookupCache,
    private readonly deps: ReadAheadDeps,
  ) {}

  /** Reads ahead of a point (the article's first Chinese, which also has the dictionary loaded before any hover). */
  fromPoint(point: TextPoint): void {
    this.deps.idle(() => this.batch(readAt(point, HOVER_TEXT)));
  }

  /** Reads ahead in text a hover has already read: the windows a hover there would send. */
  fromText(text: ReadText): void {
    this.deps.idle(() => this.batch(text));
  }

  private batch(text: ReadText): void {
    const windows = new Map<string, LookupWindow>();
    const chars = text.run.text;
    for (let i = 0; i < Math.min(READ_AHEAD, chars.length); i++) {
      if (!isHan(chars[i])) continue;
      const window = lookupWindow(text, i);
      if (!this.cache.has(window)) windows.set(keyOf(window), window);
    }
    const more = chars.length === HOVER_TEXT;
    if (windows.size === 0 || (more && windows.size < MIN_BATCH)) return;
    const all = [...windows.values()];
    const batch = this.deps.lookupMany(all);
    all.forEach((window, i) => this.cache.remember(window, batch.then((answers) => answers[i] ?? [])).catch(() => undefined));
  }
}
