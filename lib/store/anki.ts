/**
 * Words as a tab-separated file that Anki imports ("File → Import"): the header lines tell Anki the separator,
 * that fields are plain text and the column names (hanzi, pinyin, meaning, sentence, source).
 */
import { numberedToMarks } from '../../dictionary/pinyin-format';
import type { WordContext, WordToSave } from '../domain/word';
import type { SavedWord, YueduDb } from './db';

/** Tabs and line breaks would start a new field or note: a field keeps them as spaces. */
const field = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();

/** One word as one line of the file (hanzi, pinyin, meaning, sentence, source): also what the card's Shift+C copies. */
export function ankiRow(w: WordToSave, context: WordContext | undefined): string {
  const hanzi = w.traditional && w.traditional !== w.simplified ? `${w.simplified} (${w.traditional})` : w.simplified;
  const meaning = [w.definitions.join('; '), w.note ?? ''].filter(Boolean).join(' — ');
  const source = context ? [context.title, context.url].filter(Boolean).join(' ') : '';
  return [hanzi, numberedToMarks(w.pinyin), meaning, context?.sentence ?? '', source].map(field).join('\t');
}

export function ankiTsv(words: readonly SavedWord[]): string {
  const lines = ['#separator:tab', '#html:false', '#columns:hanzi\tpinyin\tmeaning\tsentence\tsource'];
  for (const w of words) lines.push(ankiRow(w, w.contexts.at(-1)));
  return `${lines.join('\n')}\n`;
}

export const ankiFileName = (now = Date.now()) => `yuedu-anki-${new Date(now).toISOString().slice(0, 10)}.tsv`;
export const apkgFileName = (now = Date.now()) => `yuedu-${new Date(now).toISOString().slice(0, 10)}.apkg`;

const LAST_APKG_EXPORT = 'lastApkgExport';

/** When the last .apkg was exported (ms since the epoch), or null: "words saved since the last export" start there. */
export async function lastApkgExport(db: YueduDb): Promise<number | null> {
  const value = (await db.meta.get(LAST_APKG_EXPORT))?.value;
  return typeof value === 'number' ? value : null;
}

export async function markApkgExport(db: YueduDb, at: number): Promise<void> {
  await db.meta.put({ key: LAST_APKG_EXPORT, value: at });
}

/** The words saved after `since` (all of them when there was no export before). */
export async function wordsSavedSince(db: YueduDb, since: number | null): Promise<SavedWord[]> {
  return since === null ? db.words.toArray() : db.words.where('savedAt').above(since).toArray();
}
