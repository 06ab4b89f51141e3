/**
 * Word lists as Pleco, Anki and the HSK lists give them: one word per line, or rows of tab- or comma-separated
 * columns of which one holds the word. Pure: the word list page reads the file, chooses the column (by default the
 * one holding most Chinese words) and shows what will change before anything is stored. Lines starting with `#`
 * (Anki's headers) or `//` (Pleco's categories) are not words.
 */
import { parseCsv } from '../dictionary/hsk';
import { t } from './i18n';
import { Invalid, LIMITS } from './store/parse';

/** Larger is not a word list (the HSK 3.0 list with all its columns is under 1 MB). */
const WORD_LIST_MAX_CHARS = 8 * 1024 * 1024;
/** More words than any learner knows: a file past it is something else. */
const WORD_LIST_MAX_WORDS = 200_000;

export interface WordListTable {
  /** The rows of the file, each split into its cells. */
  rows: string[][];
  columns: number;
}

/** A word: Han characters only (with the middle dot of names), within the headword limit. */
const WORD = /^[\p{Script=Han}·]+$/u;

const isBinary = (text: string) => [...text.slice(0, 4096)].some((c) => c.charCodeAt(0) < 0x20 && !'\t\n\r\f'.includes(c));

/** Splits the file into rows of cells: by tabs where the file has them, else by commas (CSV), else one cell a line. */
export function readWordList(text: string): WordListTable {
  if (text.length > WORD_LIST_MAX_CHARS) throw new Invalid(t('wordListTooLarge'));
  // Control characters other than tabs and line ends: a binary file (an .apkg, a picture), not a list.
  if (isBinary(text)) throw new Invalid(t('wordListNotText'));
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '' && !/^\s*(#|\/\/)/.test(line));
  const rows = body.includes('\t') ? lines.map((line) => line.split('\t')) : body.includes(',') ? parseCsv(lines.join('\n')) : lines.map((line) => [line]);
  return { rows, columns: Math.max(0, ...rows.map((r) => r.length)) };
}

/**
 * The words of one cell: Pleco writes `简体[繁體]`, the HSK list `们（朋友们）` and `爸爸|爸`, Anki fields may hold
 * markup; what is left, split at separators, is kept where it is a word.
 */
export function wordsOfCell(cell: string): string[] {
  const plain = cell
    .replace(/<[^>]*>/g, '')
    .replace(/\[[^\]]*\]|（[^）]*）|\([^)]*\)/g, '')
    .replace(/[0-9]/g, '');
  return plain.split(/[|/;,，、；\s]+/).filter((w) => WORD.test(w) && w.length <= LIMITS.headword);
}

/** The column (0-based) holding most words: the first on a tie, so simplified wins over a traditional column after it. */
export function guessColumn(table: WordListTable): number {
  let best = 0;
  let most = -1;
  for (let c = 0; c < table.columns; c++) {
    const count = table.rows.filter((r) => wordsOfCell(r[c] ?? '').length > 0).length;
    if (count > most) [best, most] = [c, count];
  }
  return best;
}

export interface WordListWords {
  /** Distinct words, in the order of the file. */
  words: string[];
  /** Rows (1-based, as a reader counts them, after the comment lines) with no word in the column. */
  skipped: number[];
}

/** The words of `column`; a file with none there is refused, saying so. */
export function wordsOfColumn(table: WordListTable, column: number): WordListWords {
  const words = new Set<string>();
  const skipped: number[] = [];
  table.rows.forEach((row, i) => {
    const found = wordsOfCell(row[column] ?? '');
    if (found.length === 0) skipped.push(i + 1);
    for (const w of found) words.add(w);
  });
  if (words.size === 0) throw new Invalid(t('wordListNoWords', column + 1));
  if (words.size > WORD_LIST_MAX_WORDS) throw new Invalid(t('wordListTooMany', WORD_LIST_MAX_WORDS));
  return { words: [...words], skipped };
}
