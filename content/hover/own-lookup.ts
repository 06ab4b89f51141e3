/**
 * The content script's own answer to a hover's lookup, for when the service worker is late (content/worker-pulse.ts):
 * from the packaged shards, as a cold worker answers it (lib/shard-reader.ts), a few tens of kilobytes read on the
 * first such hover and nothing before. Refused on a site where the reader's corrections may change the answer: only
 * the worker applies them (lib/corrected-sites.ts), and the hover then waits for it.
 */
import { browser } from 'wxt/browser';
import type { LookupMatch } from '../../dictionary/types';
import { CORRECTED_SITES, mayBeCorrected } from '../../lib/corrected-sites';
import type { LookupWindow } from '../../lib/messaging/protocol';
import { ShardReader } from '../../lib/shard-reader';

/** One reader for the content script, made on its first lookup. */
let shards: ShardReader | undefined;

export async function ownLookup({ text, pos = 0 }: LookupWindow, site: string): Promise<LookupMatch[]> {
  const mirror = (await browser.storage.local.get(CORRECTED_SITES))[CORRECTED_SITES] as unknown;
  if (mayBeCorrected(mirror, site)) throw new Error('the reader’s corrections may hold here: the worker answers');
  shards ??= new ShardReader();
  return shards.lookUp([text.slice(pos)], (dictionary) => dictionary.lookup(text, pos), () => Promise.reject(new Error('the dictionary’s shards could not be read')));
}
