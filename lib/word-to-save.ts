import type { DictEntry, LookupMatch } from '../dictionary/types';
import type { WordToSave } from './domain/word';
import { LOOKUP_BATCH, type LookupWindow } from './messaging/protocol';

/**
 * What is saved of a dictionary entry: its first reading, which the engine orders so that a word's HSK reading comes
 * first; a fallback entry (an unknown run) takes the readings of the parts it decomposes into.
 */
export function wordToSave(entry: DictEntry): WordToSave {
  const reading = entry.readings[0];
  const definitions = reading?.definitions.length ? reading.definitions : entry.glossary ? [entry.glossary.english] : [];
  return {
    simplified: entry.simplified,
    traditional: entry.traditional,
    pinyin: reading?.pinyin ?? entry.parts?.flatMap((part) => part.readings[0]?.pinyin ?? []).join(' ') ?? '',
    definitions,
    ...(entry.glossary?.note ? { note: entry.glossary.note } : {}),
    ...(entry.hsk ? { hsk: entry.hsk } : {}),
  };
}

/** The entry for exactly `text` among lookup matches: a real dictionary entry before a fallback, an HSK one first. */
export function entryFor(text: string, matches: readonly LookupMatch[]): DictEntry | null {
  const entries = matches.find((m) => m.text === text)?.entries ?? [];
  const rank = (e: DictEntry) => (e.source === 'fallback' ? 2 : 0) + (e.hsk ? 0 : 1);
  return [...entries].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/**
 * What to save for whole headwords brought from another tool (an Anki deck, a word list), looked up in batches the
 * worker accepts; a word with no entry at all is listed as missing.
 */
export async function wordsToSave(
  words: readonly string[],
  lookupMany: (windows: LookupWindow[]) => Promise<LookupMatch[][]>,
): Promise<{ found: WordToSave[]; missing: string[] }> {
  const found: WordToSave[] = [];
  const missing: string[] = [];
  for (let start = 0; start < words.length; start += LOOKUP_BATCH) {
    const batch = words.slice(start, start + LOOKUP_BATCH);
    const matches = await lookupMany(batch.map((text) => ({ text })));
    batch.forEach((word, i) => {
      const entry = entryFor(word, matches[i] ?? []);
      if (entry) found.push(wordToSave(entry));
      else missing.push(word);
    });
  }
  return { found, missing };
}
