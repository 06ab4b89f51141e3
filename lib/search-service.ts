/**
 * Looking words up without a page (the popup's search box): the worker's one search index, loaded on the first search
 * rather than at start-up (most readers never search), and the matches a query finds, shaped like the card's lookup.
 */
import { browser } from 'wxt/browser';
import type { Dictionary } from '../dictionary/dictionary';
import { SearchIndex } from '../dictionary/search-index';
import type { LookupMatch } from '../dictionary/types';
import { getDictionary } from './dictionary-service';
import { t } from './i18n';
import { loadOnce } from './load-once';

/** The most results one search shows: a popup holds a screenful or two. */
export const SEARCH_LIMIT = 20;

export const getSearchIndex = loadOnce(async () => {
  const response = await fetch(browser.runtime.getURL('/search-index.txt.gz'));
  if (!response.ok) throw new Error(t('dictionaryLoadFailed', response.status));
  return SearchIndex.fromGzip(await response.arrayBuffer());
});

const HAN = /\p{Script=Han}/u;

/**
 * Han text is looked up as the card looks it up (the words its start begins, longest first); pinyin and English go
 * through the index, whose simplified headwords the dictionary then gives the entries of.
 */
export function searchMatches(dictionary: Dictionary, index: SearchIndex | null, query: string, limit = SEARCH_LIMIT): LookupMatch[] {
  const text = query.trim();
  if (!text) return [];
  if (HAN.test(text)) return dictionary.lookup(text.replace(/\s+/g, ''), 0).slice(0, limit);
  return (index?.search(text, limit) ?? [])
    .map((word) => ({ text: word, entries: dictionary.get(word) }))
    .filter((m) => m.entries.length > 0);
}

/** The worker's answer to a `search` message: the index is loaded only for queries that need it. */
export async function search(query: string): Promise<LookupMatch[]> {
  const dictionary = await getDictionary();
  return searchMatches(dictionary, HAN.test(query) ? null : await getSearchIndex(), query);
}
