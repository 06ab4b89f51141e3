import type { DictEntry, LookupMatch } from '../dictionary/types';
import type { WordToSave } from './domain/word';

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
