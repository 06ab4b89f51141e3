/** The service worker's one Dictionary, loaded from the packaged (gzipped) artifact on first use. */
import { browser } from 'wxt/browser';
import { Dictionary } from '../dictionary/dictionary';
import { t } from './i18n';
import { loadOnce } from './load-once';

export const getDictionary = loadOnce(async () => {
  const response = await fetch(browser.runtime.getURL('/dictionary.bin.gz'));
  if (!response.ok || !response.body) throw new Error(t('dictionaryLoadFailed', response.status));
  // Inflated as it is read: the packaged file is half the size, and reading it is most of a cold start's wait.
  return new Dictionary(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
});
