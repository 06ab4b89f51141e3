/**
 * Sorted keys over typed arrays, found by prefix: the dictionary's headwords and the word frequencies' words are both
 * looked up this way, straight over the artifact's bytes, so that neither is parsed when it loads.
 *
 *   chars    Uint16  every key (folded by chars.ts), concatenated in sorted order
 *   offsets  Uint32  count + 1 offsets into chars
 */
import { foldCode } from './chars';

/** Above any key count. */
const RANGE_SPAN = 2 ** 24;
/** Enough for the characters and character pairs of a great many pages. */
const PREFIX_RANGES = 200_000;

/** Writes sorted, distinct keys as the two arrays SortedKeys reads. */
export function encodeKeys(keys: readonly string[]): { chars: Uint16Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(keys.length + 1);
  let total = 0;
  keys.forEach((key, k) => {
    total += key.length;
    offsets[k + 1] = total;
  });
  const chars = new Uint16Array(total);
  keys.forEach((key, k) => {
    const at = offsets[k] ?? 0;
    for (let i = 0; i < key.length; i++) chars[at + i] = key.charCodeAt(i);
  });
  return { chars, offsets };
}

export class SortedKeys {
  readonly count: number;
  /** Longest key in UTF-16 units: no scan goes further than this. */
  readonly maxLength: number;
  /** What scan() found: the keys that start at its position, and their lengths, shortest first. */
  readonly foundKeys: Int32Array;
  readonly foundLengths: Int32Array;
  /** scan()'s key range per first code unit and per first two, as start * RANGE_SPAN + count. */
  private readonly prefixRanges = new Map<number, number>();

  constructor(
    private readonly chars: Uint16Array,
    private readonly offsets: Uint32Array,
    maxLength: number,
  ) {
    this.count = offsets.length - 1;
    this.maxLength = maxLength;
    this.foundKeys = new Int32Array(maxLength + 1);
    this.foundLengths = new Int32Array(maxLength + 1);
  }

  /**
   * Finds every key that starts at `pos` and ends by `end`, narrowing the sorted key range one character at a time:
   * the keys that share the first d characters form a contiguous range, and within it a key equal to the prefix sorts
   * first. Fills foundKeys/foundLengths shortest first and returns the count. Allocates nothing.
   */
  scan(text: string, pos: number, end = text.length): number {
    const { chars, offsets } = this;
    let lo = 0;
    let hi = this.count;
    let found = 0;
    const stop = Math.min(end, pos + this.maxLength);
    for (let d = 0; pos + d < stop; d++) {
      const c = foldCode(text.charCodeAt(pos + d));
      // The ranges of keys starting with a given character or two, remembered: the widest of the searches.
      const memoKey = d === 0 ? c : d === 1 ? 0x10000 + foldCode(text.charCodeAt(pos)) * 0x10000 + c : -1;
      const known = memoKey < 0 ? undefined : this.prefixRanges.get(memoKey);
      if (known !== undefined) {
        lo = Math.floor(known / RANGE_SPAN);
        hi = lo + (known % RANGE_SPAN);
        if (hi === lo) break;
        if ((offsets[lo + 1] ?? 0) - (offsets[lo] ?? 0) === d + 1) {
          this.foundKeys[found] = lo;
          this.foundLengths[found] = d + 1;
          found++;
        }
        continue;
      }
      // First key in [lo, hi) whose character d is >= c (a key of length d has no character d: it sorts first).
      let a = lo;
      let b = hi;
      while (a < b) {
        const m = (a + b) >>> 1;
        const o = offsets[m] ?? 0;
        const ch = d < (offsets[m + 1] ?? 0) - o ? (chars[o + d] ?? 0) : -1;
        if (ch < c) a = m + 1;
        else b = m;
      }
      const first = a;
      b = hi;
      while (a < b) {
        const m = (a + b) >>> 1;
        const o = offsets[m] ?? 0;
        const ch = d < (offsets[m + 1] ?? 0) - o ? (chars[o + d] ?? 0) : -1;
        if (ch <= c) a = m + 1;
        else b = m;
      }
      if (memoKey >= 0 && this.prefixRanges.size < PREFIX_RANGES) this.prefixRanges.set(memoKey, first * RANGE_SPAN + (a - first));
      if (first === a) break;
      lo = first;
      hi = a;
      if ((offsets[lo + 1] ?? 0) - (offsets[lo] ?? 0) === d + 1) {
        this.foundKeys[found] = lo;
        this.foundLengths[found] = d + 1;
        found++;
      }
    }
    return found;
  }

  /** The index of the key equal to `word`, or -1. */
  indexOf(word: string): number {
    if (typeof word !== 'string' || word.length === 0 || word.length > this.maxLength) return -1;
    const found = this.scan(word, 0);
    return found > 0 && this.foundLengths[found - 1] === word.length ? (this.foundKeys[found - 1] ?? -1) : -1;
  }

  /** The text of key `key`. */
  text(key: number): string {
    return String.fromCharCode(...this.chars.subarray(this.offsets[key], this.offsets[key + 1]));
  }
}
