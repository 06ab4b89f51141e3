/**
 * What the reader knows: one model for the hover card, the pinyin layer, the article stats and the saved-word
 * underlines. A headword is known, being learned (saved and not yet known) or unknown, decided from
 *  - the level the reader starts from ("I know the words up to HSK n"): a number, never thousands of rows;
 *  - explicit marks, one row a word, both ways: known (`k`, an import, "I've read this article") or not known (an
 *    exception to the level, or to a stable card);
 *  - saved words, and whether their recognition card is stable past the reader's threshold (known for reading while
 *    it stays in the review).
 * Pure: the store answers the facts for the words asked (`WordFacts`), the level comes from the settings.
 */

export type WordState = 'known' | 'learning' | 'unknown';

/** An explicit mark on a headword: none, known, or not known (an exception to the level or to review stability). */
export const WORD_MARKS = ['none', 'known', 'notKnown'] as const;
export type WordMark = (typeof WORD_MARKS)[number];

/** HSK 3.0 bands as the level setting counts them: 1–6, and 7 for the single 7–9 band. 0: no level. */
export const KNOWN_LEVEL = { min: 0, max: 7 } as const;

/**
 * What the store knows of some headwords (simplified), each list a subset of the words asked: marked known, marked not
 * known, saved (with the traditional form, for finding them on a page in either script), and saved with a stable card.
 */
export interface WordFacts {
  known: string[];
  notKnown: string[];
  saved: [simplified: string, traditional: string][];
  stable: string[];
}

/** What one word's character in `PackedFacts.states` says, as bits. */
const PACKED = { known: 1, notKnown: 2, saved: 4, stable: 8, ownTraditional: 16 } as const;
/** The base of a state's character: one character holds the five bits. */
const PACKED_BASE = 32;

/**
 * `WordFacts` as the service worker sends them: a character a word asked, in the order asked (its bits: marked
 * known, marked not known, saved, stable, saved with a traditional form of its own), and those traditional forms in
 * the same order. The reply stays about as small as its question whatever the store holds: a page asks about a
 * thousand words at once, and in Chromium the lists naming the dispatch's some 600 known and saved words took 0.8 ms
 * to reach the page, an empty answer 0.4 ms (bench/known.ts measures the ask against an empty store's).
 */
export interface PackedFacts {
  states: string;
  traditional: string[];
}

/** Packs the facts of the words asked, one at a time in the order asked. */
export class FactsPacker {
  private states = '';
  private readonly traditional: string[] = [];

  add(simplified: string, mark: WordMark, saved: { traditional: string; stable: boolean } | undefined): void {
    let bits = mark === 'none' ? 0 : PACKED[mark];
    if (saved) bits |= PACKED.saved | (saved.stable ? PACKED.stable : 0);
    if (saved && saved.traditional !== simplified) {
      bits |= PACKED.ownTraditional;
      this.traditional.push(saved.traditional);
    }
    this.states += bits.toString(PACKED_BASE);
  }

  packed(): PackedFacts {
    return { states: this.states, traditional: this.traditional };
  }
}

/** The facts of `asked` from the service worker's packed answer to them. */
export function unpackFacts(asked: readonly string[], packed: PackedFacts): WordFacts {
  const facts: WordFacts = { known: [], notKnown: [], saved: [], stable: [] };
  let traditional = 0;
  asked.forEach((word, i) => {
    const bits = parseInt(packed.states[i] ?? '0', PACKED_BASE);
    if (bits & PACKED.known) facts.known.push(word);
    if (bits & PACKED.notKnown) facts.notKnown.push(word);
    if (!(bits & PACKED.saved)) return;
    facts.saved.push([word, bits & PACKED.ownTraditional ? (packed.traditional[traditional++] ?? word) : word]);
    if (bits & PACKED.stable) facts.stable.push(word);
  });
  return facts;
}

/** Whether the level counts a word of this HSK level (1–9, or none when off the list) as known. */
export function knownByLevel(hsk: number | undefined, level: number): boolean {
  return hsk !== undefined && hsk >= 1 && Math.min(hsk, KNOWN_LEVEL.max) <= level;
}

export interface Facts {
  mark: WordMark;
  saved: boolean;
  stable: boolean;
}

/** The state of one headword: an explicit mark wins, then a stable card, then saving, then the level. */
export function stateOf(facts: Facts, hsk: number | undefined, level: number): WordState {
  if (facts.mark === 'known') return 'known';
  if (facts.mark === 'notKnown') return facts.saved ? 'learning' : 'unknown';
  if (facts.saved) return facts.stable ? 'known' : 'learning';
  return knownByLevel(hsk, level) ? 'known' : 'unknown';
}

/**
 * The mark that turns a word's state over (`k` on the card): a word not known is marked known; a known word loses its
 * known mark, or, when the level or a stable card would still count it known, is marked not known.
 */
export function toggledMark(facts: Facts, hsk: number | undefined, level: number): WordMark {
  if (stateOf(facts, hsk, level) !== 'known') return 'known';
  return stateOf({ ...facts, mark: 'none' }, hsk, level) === 'known' ? 'notKnown' : 'none';
}

/** The facts learned so far about the words of a page, and the level: answers each word's state at once. */
export class KnownModel {
  private readonly marks = new Map<string, WordMark>();
  /** Saved simplified headword → its traditional form. */
  private readonly saved = new Map<string, string>();
  private readonly stable = new Set<string>();
  private readonly asked = new Set<string>();

  constructor(public level: number) {}

  /** The words of `words` whose facts were never asked for. */
  unasked(words: Iterable<string>): string[] {
    return [...new Set(words)].filter((w) => !this.asked.has(w));
  }

  /** Takes the store's answer for `asked`: what it does not list has no mark and is not saved. */
  learn(asked: readonly string[], facts: WordFacts): void {
    for (const word of asked) {
      this.asked.add(word);
      this.marks.delete(word);
      this.saved.delete(word);
      this.stable.delete(word);
    }
    for (const word of facts.known) this.marks.set(word, 'known');
    for (const word of facts.notKnown) this.marks.set(word, 'notKnown');
    for (const [simplified, traditional] of facts.saved) this.saved.set(simplified, traditional);
    for (const word of facts.stable) this.stable.add(word);
  }

  /** Whether the facts of `word` were asked for: a state answered for an unasked word is a guess from the level. */
  has(word: string): boolean {
    return this.asked.has(word);
  }

  /** What is known of a word, comparable between two answers. */
  factsOf(word: string): Facts {
    return { mark: this.marks.get(word) ?? 'none', saved: this.saved.has(word), stable: this.stable.has(word) };
  }

  stateOf(word: string, hsk: number | undefined): WordState {
    return stateOf(this.factsOf(word), hsk, this.level);
  }

  toggledMark(word: string, hsk: number | undefined): WordMark {
    return toggledMark(this.factsOf(word), hsk, this.level);
  }

  setMark(word: string, mark: WordMark): void {
    if (mark === 'none') this.marks.delete(word);
    else this.marks.set(word, mark);
  }

  /** A word just saved: saving asks to learn it, so a known mark goes (as the store does). */
  addSaved(simplified: string, traditional: string): void {
    this.saved.set(simplified, traditional);
    if (this.marks.get(simplified) === 'known') this.marks.delete(simplified);
  }

  /** The page forms (both scripts) of the saved words being learned: what the saved-word underlines find. */
  learningForms(): string[] {
    const forms: string[] = [];
    for (const [simplified, traditional] of this.saved) {
      if (this.stateOf(simplified, undefined) !== 'learning') continue;
      forms.push(simplified);
      if (traditional !== simplified) forms.push(traditional);
    }
    return forms;
  }
}
