/**
 * Node-only: the search index (search-index.ts) compiled from the built artifact, so that search finds exactly the
 * entries the card shows, and ranked with the segmenter's word frequencies. Shipped beside the dictionary.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cachedBuild } from './build-cache';
import { ARTIFACT_PATH, ensureArtifact, loadDictionaryForNode } from './node';
import { compileSearchIndex, type RankedEntry } from './search-index';
import type { DictEntry } from './types';
import { loadWordFrequenciesForNode, WORD_FREQUENCIES_PATH, ensureWordFrequencies } from './word-frequencies-node';

/** Gzipped: 5 MB of text is 1.5 MB on disk, and the worker inflates it with DecompressionStream in a few ms. */
const SEARCH_INDEX_PATH = path.join(import.meta.dirname, 'build/search-index.txt.gz');

/**
 * Lower ranks come first among equal matches: frequent words (by jieba's counts), then words on the HSK list and in
 * the news glossary; entries that only name a surname or a variant go last.
 */
function rankOf(entry: DictEntry, logProb: number | undefined): number {
  let rank = logProb === undefined ? 250 : Math.round(-logProb * 10);
  if (entry.hsk) rank -= 100 - entry.hsk * 10;
  if (entry.glossary) rank -= 50;
  if (entry.readings.every((r) => r.definitions.every((d) => /^(surname|old variant of|variant of) /.test(d)))) rank += 200;
  return Math.max(0, rank);
}

async function* ranked(): AsyncGenerator<RankedEntry> {
  const dictionary = await loadDictionaryForNode();
  const frequencies = loadWordFrequenciesForNode();
  for (const entry of dictionary.entries()) yield { entry, rank: rankOf(entry, frequencies.logProb(entry.simplified)) };
}

export async function ensureSearchIndex(out = SEARCH_INDEX_PATH): Promise<string> {
  await ensureArtifact();
  await ensureWordFrequencies();
  return cachedBuild(out, [ARTIFACT_PATH, WORD_FREQUENCIES_PATH, path.join(import.meta.dirname, 'search-index.ts')], async () => {
    const entries: RankedEntry[] = [];
    for await (const e of ranked()) entries.push(e);
    return gzipSync(compileSearchIndex(entries), { level: 9 });
  });
}
