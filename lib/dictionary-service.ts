/**
 * The service worker's one Dictionary, loaded from the packaged artifact on first use. The worker can be stopped at
 * any time and loses it; the next request loads it again. A failed load is not cached, so a later request retries.
 */
import { browser } from 'wxt/browser';
import { Dictionary } from '../dictionary/dictionary';

let loading: Promise<Dictionary> | undefined;

async function load(): Promise<Dictionary> {
  const response = await fetch(browser.runtime.getURL('/dictionary.bin'));
  if (!response.ok) throw new Error(`The dictionary could not be loaded (HTTP ${response.status})`);
  return new Dictionary(await response.arrayBuffer());
}

export function getDictionary(): Promise<Dictionary> {
  if (!loading) {
    const attempt = load();
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
  }
  return loading;
}
