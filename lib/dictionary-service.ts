/** The service worker's one Dictionary, loaded from the packaged artifact on first use. */
import { browser } from 'wxt/browser';
import { Dictionary } from '../dictionary/dictionary';
import { t } from './i18n';
import { loadOnce } from './load-once';

export const getDictionary = loadOnce(async () => {
  const response = await fetch(browser.runtime.getURL('/dictionary.bin'));
  if (!response.ok) throw new Error(t('dictionaryLoadFailed', response.status));
  return new Dictionary(await response.arrayBuffer());
});
