/**
 * Finds the reader's saved words in text: a trie of their forms walked from each position, longest word first, then
 * on past it. One regular expression alternating every form (what this replaced) costs time in proportion to the
 * number of words at each position; the trie costs at most the longest word's length there, whatever the list's size.
 * The trie is one map from (node, UTF-16 code unit) to the next node, numbers only: no object per node, no string per
 * character, so that building it for 20,000 forms and walking a long article stay cheap.
 */
export interface WordMatch {
  index: number;
  length: number;
}

const UNITS = 0x10000;

export class WordMatcher {
  private readonly edges = new Map<number, number>();
  /** Nodes where a saved form ends; node 0 is the root. */
  private readonly ends = new Set<number>();
  private nodes = 1;

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!word) continue;
      let at = 0;
      for (let i = 0; i < word.length; i++) {
        const key = at * UNITS + word.charCodeAt(i);
        let next = this.edges.get(key);
        if (next === undefined) this.edges.set(key, (next = this.nodes++));
        at = next;
      }
      this.ends.add(at);
    }
  }

  /** How many distinct forms it finds. */
  get size(): number {
    return this.ends.size;
  }

  /**
   * Every occurrence in `text`, left to right without overlaps, the longest form at each start (UTF-16 offsets). A
   * form never starts inside a surrogate pair, since no well-formed form starts with a low surrogate.
   */
  *matches(text: string): Generator<WordMatch> {
    const { edges, ends } = this;
    let i = 0;
    while (i < text.length) {
      let longest = 0;
      let at: number | undefined = 0;
      for (let j = i; j < text.length; j++) {
        at = edges.get(at * UNITS + text.charCodeAt(j));
        if (at === undefined) break;
        if (ends.has(at)) longest = j + 1 - i;
      }
      if (longest) {
        yield { index: i, length: longest };
        i += longest;
      } else i++;
    }
  }
}
