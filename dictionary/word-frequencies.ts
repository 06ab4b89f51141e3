/**
 * Word frequencies for maximum-probability segmentation.
 *
 * Source: the jieba dictionary (MIT), read at build time from the `@node-rs/jieba` package. The compact artifact keeps
 * only words written entirely in Han characters and stores counts as quantised logarithms. Like the dictionary, it is
 * not parsed when it loads: the words are sorted keys (sorted-keys.ts) read in place. Layout (little-endian):
 *
 *   u32 magic 'YFRQ', u32 format version, u32 word count, u32 longest word (UTF-16 units), f64 total count
 *   offsets  Uint32  word count + 1 offsets into chars
 *   chars    Uint16  the words, concatenated in sorted order (padded to 4 bytes)
 *   buckets  Uint8   per word: its count is about exp(bucket / QUANTA)
 */

import { encodeKeys, SortedKeys } from './sorted-keys';

const MAGIC = 0x51524659;
const FORMAT_VERSION = 2;
const HEADER_BYTES = 24;
const QUANTA = 4;
const HAN_WORD = /^\p{Script=Han}+$/u;

/**
 * jieba lists some 200,000 words at its floor count of 3, added in bulk without an observed frequency; they are left
 * out (their counts still add to the total). This makes the artifact a third of the size and loads in a fifth of
 * the time, and it cuts better: words like these are in CC-CEDICT when they matter to a reader.
 */
const MIN_COUNT = 4;

/** Turns jieba's `word count tag` lines into the compact artifact. */
export function compileWordFrequencies(jiebaDict: string, minCount = MIN_COUNT): Uint8Array {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of jiebaDict.split('\n')) {
    const [word, countText] = line.trim().split(' ');
    const count = Number(countText);
    if (!word || !(count > 0) || !HAN_WORD.test(word)) continue;
    total += count;
    if (count >= minCount) counts.set(word, Math.max(count, counts.get(word) ?? 0));
  }
  // Default string order compares UTF-16 code units, which is what SortedKeys' binary search assumes.
  const words = [...counts.keys()].sort();
  const { chars, offsets } = encodeKeys(words);
  const charsAt = HEADER_BYTES + offsets.byteLength;
  const bucketsAt = charsAt + ((chars.byteLength + 3) & ~3);
  const out = new Uint8Array(bucketsAt + words.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, words.length, true);
  view.setUint32(12, words.reduce((longest, w) => Math.max(longest, w.length), 0), true);
  view.setFloat64(16, total, true);
  out.set(new Uint8Array(offsets.buffer), HEADER_BYTES);
  out.set(new Uint8Array(chars.buffer), charsAt);
  words.forEach((word, k) => (out[bucketsAt + k] = Math.round(Math.log(counts.get(word) ?? 1) * QUANTA)));
  return out;
}

/** Log-probabilities of words, looked up by the segmenter at every position of a text. */
export class WordFrequencies {
  private readonly words: SortedKeys;
  private readonly buckets: Uint8Array;
  private readonly logTotal: number;
  /** Log-probability of a word seen once: below every listed word. */
  readonly unseen: number;

  /** Takes views over the bytes (copied only when not 4-byte aligned); throws on what is not an artifact of this format. */
  constructor(input: Uint8Array | ArrayBufferLike) {
    let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC) throw new Error('Not a word-frequency artifact');
    if (view.getUint32(4, true) !== FORMAT_VERSION) throw new Error(`Word-frequency artifact format ${view.getUint32(4, true)}, expected ${FORMAT_VERSION}`);
    const count = view.getUint32(8, true);
    const charsAt = HEADER_BYTES + (count + 1) * 4;
    const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, count + 1);
    const charCount = offsets[count] ?? 0;
    const bucketsAt = charsAt + ((charCount * 2 + 3) & ~3);
    if (bytes.byteLength < bucketsAt + count) throw new Error('The word-frequency artifact is truncated');
    this.words = new SortedKeys(new Uint16Array(bytes.buffer, bytes.byteOffset + charsAt, charCount), offsets, view.getUint32(12, true));
    this.buckets = new Uint8Array(bytes.buffer, bytes.byteOffset + bucketsAt, count);
    this.logTotal = Math.log(view.getFloat64(16, true));
    this.unseen = -this.logTotal;
  }

  get size(): number {
    return this.words.count;
  }

  logProb(word: string): number | undefined {
    const key = this.words.indexOf(word);
    return key < 0 ? undefined : this.logProbOf(key);
  }

  private logProbOf(key: number): number {
    return (this.buckets[key] ?? 0) / QUANTA - this.logTotal;
  }

  /** Calls `found(length, logProb)` for every listed word starting at `pos` that ends by `end`. */
  forEachWordAt(text: string, pos: number, end: number, found: (length: number, logProb: number) => void): void {
    const count = this.wordsAt(text, pos, end, this.lengths, this.logProbs);
    for (let k = 0; k < count; k++) found(this.lengths[k] ?? 0, this.logProbs[k] ?? 0);
  }

  private readonly lengths: number[] = [];
  private readonly logProbs: number[] = [];

  /**
   * The segmenter's hot path, without a callback: writes the lengths and log-probabilities of the listed words
   * starting at `pos` and ending by `end` into `lengths` and `logProbs`, shortest first, and returns their count.
   */
  wordsAt(text: string, pos: number, end: number, lengths: number[], logProbs: number[]): number {
    const { words } = this;
    const count = words.scan(text, pos, end);
    for (let k = 0; k < count; k++) {
      lengths[k] = words.foundLengths[k] ?? 0;
      logProbs[k] = this.logProbOf(words.foundKeys[k] ?? 0);
    }
    return count;
  }
}
