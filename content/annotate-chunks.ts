/**
 * Annotating any amount of text in requests the worker accepts (ANNOTATE_CHARS, ANNOTATE_PARAGRAPHS): a paragraph
 * longer than a request is cut at sentence ends (else at a comma, else anywhere), pieces are packed into requests,
 * and each paragraph's segments come back joined, their offsets its own. Each request is its own message, so other
 * tabs' lookups are answered between them.
 */
import type { Segment } from '../dictionary/types';
import { ANNOTATE_CHARS, ANNOTATE_PARAGRAPHS } from '../lib/messaging/protocol';

const SENTENCE_END = /[。！？；!?;…\n]/u;
const CLAUSE_END = /[，、,：:]/u;

/** Cuts text into pieces of at most `max` characters, each ending at a sentence end when one is in reach. */
export function cutText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = lastMatch(window, SENTENCE_END) || lastMatch(window, CLAUSE_END) || max;
    // Never split a surrogate pair.
    if (cut === max && /[\uD800-\uDBFF]/.test(window[max - 1] ?? '')) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** The index just past the last character of `text` matching `pattern` (0 when none). */
function lastMatch(text: string, pattern: RegExp): number {
  for (let i = text.length - 1; i >= 0; i--) if (pattern.test(text[i] ?? '')) return i + 1;
  return 0;
}

export type Annotate = (paragraphs: string[]) => Promise<Segment[][]>;

/** `annotate` for any number of paragraphs of any length, through requests within the worker's limits. */
export async function annotateInChunks(paragraphs: readonly string[], annotate: Annotate, max = ANNOTATE_CHARS, perRequest = ANNOTATE_PARAGRAPHS): Promise<Segment[][]> {
  const pieces = paragraphs.flatMap((text, paragraph) => {
    let start = 0;
    return cutText(text, max).map((piece) => ({ paragraph, start: (start += piece.length) - piece.length, text: piece }));
  });
  const out: Segment[][] = paragraphs.map(() => []);
  for (let i = 0; i < pieces.length; ) {
    const batch: typeof pieces = [];
    let chars = 0;
    for (; i < pieces.length && batch.length < perRequest && chars + (pieces[i]?.text.length ?? 0) <= max; i++) {
      const piece = pieces[i] as (typeof pieces)[number];
      batch.push(piece);
      chars += piece.text.length;
    }
    const answers = await annotate(batch.map((p) => p.text));
    batch.forEach((piece, k) => {
      for (const segment of answers[k] ?? []) out[piece.paragraph]?.push({ ...segment, start: segment.start + piece.start });
    });
  }
  return out;
}
