/** Search and sort of the word list: pure, so it is tested without a page. */
import { numberedToMarks } from '../../dictionary/pinyin-format';
import type { CardRecord, SavedWord } from '../../lib/store/db';
import { QUEUE } from '../../lib/store/db';

export type SortKey = 'date' | 'level' | 'due';

export interface WordRow {
  word: SavedWord;
  known: boolean;
  /** The earliest due time of its active cards; null when none is in review (suspended, known). */
  due: number | null;
}

export function buildRows(words: readonly SavedWord[], cards: readonly CardRecord[], known: ReadonlySet<string>): WordRow[] {
  const due = new Map<number, number>();
  for (const c of cards) {
    if (c.queue === QUEUE.inactive) continue;
    due.set(c.wordId, Math.min(due.get(c.wordId) ?? Infinity, c.due));
  }
  return words.map((word) => ({ word, known: known.has(word.simplified), due: due.get(word.id ?? 0) ?? null }));
}

const toneless = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f\d\s]/g, '').toLowerCase();

/** Matches hanzi (either form), pinyin with or without tones and spaces, definitions and the note. */
export function matches(row: WordRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const w = row.word;
  if (w.simplified.includes(q) || w.traditional.includes(q)) return true;
  if (w.definitions.some((d) => d.toLowerCase().includes(q)) || w.note?.toLowerCase().includes(q)) return true;
  const marks = numberedToMarks(w.pinyin).toLowerCase();
  return marks.includes(q) || w.pinyin.toLowerCase().includes(q) || (toneless(q) !== '' && toneless(marks).includes(toneless(q)));
}

const COMPARE: Record<SortKey, (a: WordRow, b: WordRow) => number> = {
  date: (a, b) => b.word.savedAt - a.word.savedAt,
  level: (a, b) => (a.word.hsk ?? 99) - (b.word.hsk ?? 99) || b.word.savedAt - a.word.savedAt,
  due: (a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || b.word.savedAt - a.word.savedAt,
};

export function filterAndSort(rows: readonly WordRow[], query: string, sort: SortKey): WordRow[] {
  return rows.filter((r) => matches(r, query)).sort(COMPARE[sort]);
}
