/**
 * A saved word as the fields of the Yuedu note type, in Anki's field order. Anki fields are HTML: every string from
 * the word is escaped, and the only markup is ours (tone classes on the pinyin, the word marked in its sentence), so
 * the note's own CSS can colour and mark them.
 */
import { numberedToMarks, toneOf } from '../../dictionary/pinyin-format';
import type { WordContext, WordToSave } from '../domain/word';
import type { SavedWord } from '../store/db';

export const NOTE_FIELDS = ['Hanzi', 'Traditional', 'Pinyin', 'Meaning', 'Sentence', 'Source title', 'Source URL', 'HSK', 'Note'] as const;
type NoteField = (typeof NOTE_FIELDS)[number];
export type NoteFields = Record<NoteField, string>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Each syllable in tone marks, in a span with its tone's class (tone1–tone5). */
function pinyinHtml(numbered: string): string {
  return numbered
    .split(/\s+/)
    .filter(Boolean)
    .map((syllable) => `<span class="tone${toneOf(syllable)}">${escapeHtml(numberedToMarks(syllable))}</span>`)
    .join(' ');
}

/** The sentence with the first occurrence of the word (in either script) in <b class="word">. */
function markedSentence(sentence: string, forms: readonly string[]): string {
  for (const form of forms) {
    const at = form ? sentence.indexOf(form) : -1;
    if (at < 0) continue;
    return `${escapeHtml(sentence.slice(0, at))}<b class="word">${escapeHtml(form)}</b>${escapeHtml(sentence.slice(at + form.length))}`;
  }
  return escapeHtml(sentence);
}

/** The fields of a saved word, with the sentence it was last met in. */
export const noteFields = (word: SavedWord): NoteFields => noteFieldsOf(word, word.contexts.at(-1));

export function noteFieldsOf(word: WordToSave, context: WordContext | undefined): NoteFields {
  return {
    Hanzi: escapeHtml(word.simplified),
    Traditional: word.traditional && word.traditional !== word.simplified ? escapeHtml(word.traditional) : '',
    Pinyin: pinyinHtml(word.pinyin),
    Meaning: word.definitions.map(escapeHtml).join('; '),
    Sentence: context ? markedSentence(context.sentence, [word.simplified, word.traditional]) : '',
    'Source title': escapeHtml(context?.title ?? ''),
    'Source URL': escapeHtml(context?.url ?? ''),
    HSK: word.hsk === undefined ? '' : String(word.hsk),
    Note: escapeHtml(word.note ?? ''),
  };
}
