/**
 * Looking words up without a page (the popup's search box): what a query finds, shaped like the card's lookup so that
 * the card's component draws it.
 */
import type { Dictionary } from './dictionary';
import type { SearchIndex } from './search-index';
import type { LookupMatch } from './types';

/** The most results one search shows: a popup holds a screenful or two. */
const SEARCH_LIMIT = 20;

const HAN = /\p{Script=Han}/u;

/** Han text is the dictionary's own lookup; anything else needs the search index. */
export const needsIndex = (query: string): boolean => !HAN.test(query);

/**
 * Han text is looked up as the card looks it up (the words its start begins, longest first); pinyin and English go
 * through the index, whose simplified headwords the dictionary then gives the entries of.
 */
export function searchMatches(dictionary: Dictionary, index: SearchIndex | null, query: string, limit = SEARCH_LIMIT): LookupMatch[] {
  const text = query.trim();
  if (!text) return [];
  if (!needsIndex(text)) return dictionary.lookup(text.replace(/\s+/g, ''), 0).slice(0, limit);
  return (index?.search(text, limit) ?? [])
    .map((word) => ({ text: word, entries: dictionary.get(word) }))
    .filter((m) => m.entries.length > 0);
}
