/**
 * Single lookups from the packaged dictionary's shards (dictionary/shards.ts): the head, then each shard a lookup turns
 * out to need, each read once. One piece for both sides: the service worker answers from it until its whole dictionary
 * has loaded (lib/dictionary-service.ts), and the content script when the worker is slow to answer a hover
 * (content/hover/own-lookup.ts).
 */
import { browser, type PublicPath } from 'wxt/browser';
import { Dictionary, ShardMissing } from '../dictionary/dictionary';
import { HEAD_FILE, SHARD_COUNT, shardFile, shardOf } from '../dictionary/shards';
import { t } from './i18n';
import { loadOnce } from './load-once';

/**
 * A packaged gzipped file, inflated: `as` 'stream' inflates it as it is read (the 5 MB artifact, in the worker), 'whole'
 * reads it first. A Firefox content script must read whole: there a fetched body piped through DecompressionStream
 * aborts (AbortError). A shard of tens of kilobytes loses nothing by it.
 */
export async function inflate(file: PublicPath, as: 'stream' | 'whole'): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(file));
  if (!response.ok || !response.body) throw new Error(t('dictionaryLoadFailed', response.status));
  const body = as === 'stream' ? response.body : new Blob([await response.arrayBuffer()]).stream();
  return new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

export class ShardReader {
  private readonly head = loadOnce(async () => new Dictionary(await inflate(`/shards/${HEAD_FILE}`, 'whole'), SHARD_COUNT));
  private readonly loads = new Map<number, () => Promise<ArrayBuffer>>();

  /**
   * The head, with the shards of `leads` (the text lookups start at) being read alongside; null when the head cannot
   * be read. A lead's shard is only read here: a lookup adds it when it needs it.
   */
  open(leads: readonly string[]): Promise<Dictionary | null> {
    const first = leads.filter(Boolean).map((text) => this.shard(shardOf(text.charCodeAt(0), SHARD_COUNT)).catch(() => null));
    return Promise.all([this.head().catch(() => null), ...first]).then(([head]) => head);
  }

  /**
   * Runs `read` (lookups) on the shards, adding each one it turns out to need: `read` must be pure, it runs again after
   * each shard is added. When the head or a shard cannot be read, answers `instead()`.
   */
  async lookUp<T>(leads: readonly string[], read: (dictionary: Dictionary) => T, instead: () => Promise<T>): Promise<T> {
    const sharded = await this.open(leads);
    if (!sharded) return instead();
    for (;;) {
      try {
        return read(sharded);
      } catch (err) {
        if (!(err instanceof ShardMissing)) throw err;
        const bytes = await this.shard(err.index).catch(() => null);
        if (!bytes) return instead();
        sharded.addShard(bytes);
      }
    }
  }

  private shard(index: number): Promise<ArrayBuffer> {
    let load = this.loads.get(index);
    if (!load) {
      load = loadOnce(() => inflate(`/shards/${shardFile(index)}` as PublicPath, 'whole'));
      this.loads.set(index, load);
    }
    return load();
  }
}
