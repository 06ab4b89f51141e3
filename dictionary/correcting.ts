/**
 * What a key on the card makes of the word at the pointer (content/hover/commands.ts): the join with the next word,
 * the split into its pieces, or its next reading, as a correction (./corrections.ts) in both scripts. Pure, given the
 * dictionary, the annotator and the corrections that already hold.
 */
import { annotate, type Annotator } from './annotate';
import { charLengthAt, isHanAt } from './chars';
import type { CorrectionRule, Corrections } from './corrections';
import type { Dictionary } from './dictionary';
import { readingCandidates } from './pinyin';

/** Text around the word: the word is `length` UTF-16 units at `pos`, what follows is where the next word is found. */
export interface WordAt {
  text: string;
  pos: number;
  length: number;
}

const codePoints = (text: string) => [...text].length;

/** A word's simplified form and traditional twin, piece by piece where the dictionary lacks it whole. */
export function twins(dictionary: Dictionary, surface: string): { text: string; traditional: string } {
  let text = '';
  let traditional = '';
  for (let at = 0; at < surface.length; ) {
    const piece = dictionary.lookup(surface, at).find((m) => m.entries.some((e) => e.source !== 'fallback'))?.text ?? surface.slice(at, at + charLengthAt(surface, at));
    const entries = dictionary.get(piece);
    const asSimplified = entries.find((e) => e.simplified === piece);
    const asTraditional = entries.find((e) => e.traditional === piece);
    text += asSimplified ? piece : (asTraditional?.simplified ?? piece);
    traditional += asSimplified ? asSimplified.traditional : piece;
    at += piece.length;
  }
  // A twin of another length is not the same word written otherwise (a dictionary quirk): the text stands for both.
  return codePoints(traditional) === codePoints(text) ? { text, traditional } : { text, traditional: text };
}

/** The word joined with the word after it (the card's → word, corrections applied), or null at the end of the text. */
export function joinWithNext(dictionary: Dictionary, corrections: Corrections, { text, pos, length }: WordAt): CorrectionRule | null {
  const next = pos + length;
  if (!isHanAt(text, next)) return null;
  const matches = corrections.correctMatches(text, next, dictionary.lookup(text, next), (t) => dictionary.decompose(t));
  const nextWord = matches.find((m) => m.entries.some((e) => e.source !== 'fallback'))?.text ?? text.slice(next, next + charLengthAt(text, next));
  return { kind: 'join', ...twins(dictionary, text.slice(pos, next + nextWord.length)) };
}

/** The word cut into the longest dictionary words shorter than itself, left to right (命运共同体 → 命运 + 共同体). */
export function splitIntoPieces(dictionary: Dictionary, word: string): CorrectionRule | null {
  const pieces: number[] = [];
  for (let at = 0; at < word.length; ) {
    const longest = dictionary
      .lookup(word, at)
      .filter((m) => m.text.length < word.length && m.entries.some((e) => e.source !== 'fallback'))
      .map((m) => m.text.length)[0];
    const length = longest ?? charLengthAt(word, at);
    pieces.push(length);
    at += length;
  }
  return pieces.length < 2 ? null : { kind: 'split', ...twins(dictionary, word), pieces };
}

/**
 * The word's next dictionary reading after the one it has now (the reader's, else the one annotation gives it in
 * this text), round and round; null when the dictionary has one reading of it or none.
 */
export function nextReading(annotator: Annotator, dictionary: Dictionary, corrections: Corrections, { text, pos, length }: WordAt): CorrectionRule | null {
  const word = text.slice(pos, pos + length);
  const readings = dictionary.get(word).flatMap((e) => e.readings.map((r) => r.pinyin));
  const candidates = [...readingCandidates(readings, codePoints(word)).keys()];
  if (candidates.length < 2) return null;
  const own = corrections.readingOf(word)?.join(' ');
  const inContext = () =>
    annotate(annotator, text, { style: 'numbers', sandhi: false }, corrections)
      .find((s) => s.start === pos && s.text === word)
      ?.pinyin?.join(' ');
  const current = own ?? inContext();
  // Where the word is no word of its own in the text, the card shows its first reading: the next is the second.
  const at = current === undefined ? 0 : candidates.indexOf(current);
  return { kind: 'reading', ...twins(dictionary, word), reading: candidates[(at + 1) % candidates.length] ?? '' };
}
