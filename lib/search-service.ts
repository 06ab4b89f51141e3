/**
 * The worker's side of the popup's search: one search index, loaded on the first search that needs it rather than at
 * start-up (most readers never search).
 */
import { browser } from 'wxt/browser';
import { SearchIndex } from '../dictionary/search-index';
import { needsIndex, searchMatches } from '../dictionary/search';
import type { LookupMatch } from '../dictionary/types';
import { getDictionary } from './dictionary-service';
import { t } from './i18n';
import { loadOnce } from './load-once';

const getSearchIndex = loadOnce(async () => {
  const response = await fetch(browser.runtime.getURL('/search-index.txt.gz'));
  if (!response.ok) throw new Error(t('dictionaryLoadFailed', response.status));
  return SearchIndex.fromGzip(await response.arrayBuffer());
});

/** The worker's answer to a `search` message. */
export async function search(query: string): Promise<LookupMatch[]> {
  const dictionary = await getDictionary();
  return searchMatches(dictionary, needsIndex(query) ? await getSearchIndex() : null, query);
}
