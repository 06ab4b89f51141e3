/**
 * The service worker's annotator: the engine's Dictionary plus the word-frequency model, each loaded once from the
 * packaged artifacts.
 */
import { browser } from 'wxt/browser';
import type { Annotator } from '../dictionary/annotate';
import { WordFrequencies } from '../dictionary/word-frequencies';
import { getDictionary } from './dictionary-service';
import { t } from './i18n';
import { loadOnce } from './load-once';

const getFrequencies = loadOnce(async () => {
  const response = await fetch(browser.runtime.getURL('/word-frequencies.bin'));
  if (!response.ok) throw new Error(t('frequenciesLoadFailed', response.status));
  return new WordFrequencies(await response.arrayBuffer());
});

export async function getAnnotator(): Promise<Annotator> {
  const [dictionary, words] = await Promise.all([getDictionary(), getFrequencies()]);
  return { dictionary, frequencies: words };
}
