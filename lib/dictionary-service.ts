/**
 * The service worker's one Dictionary, loaded from the packaged (gzipped) artifact on first use; and, until it has
 * loaded, single lookups answered from the artifact's shards (dictionary/shards.ts).
 */
import { browser, type PublicPath } from 'wxt/browser';
import { Dictionary, ShardMissing } from '../dictionary/dictionary';
import { HEAD_FILE, SHARD_COUNT, shardFile, shardOf } from '../dictionary/shards';
import { t } from './i18n';
import { loadOnce } from './load-once';

/** A packaged gzipped file, inflated as it is read. */
async function inflate(file: PublicPath): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(file));
  if (!response.ok || !response.body) throw new Error(t('dictionaryLoadFailed', response.status));
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

/** Set once the whole artifact has loaded: lookups then read it rather than the shards. */
let whole: Dictionary | undefined;

/** A hover's first shards, being read: the whole artifact waits for them (see getDictionary). */
let shardsFirst: Promise<unknown> = Promise.resolve();
/** The longest the whole artifact waits for them: the layer needs it too. They take some 40 ms on a quiet machine. */
const SHARDS_FIRST_MS = 100;

// The packaged file is half the size gzipped, and reading it is most of a cold start's wait. It is read after a
// hover's first shards (or SHARDS_FIRST_MS): read alongside it, they often came in only when it did.
export const getDictionary = loadOnce(async () => {
  await Promise.race([shardsFirst, new Promise((resolve) => setTimeout(resolve, SHARDS_FIRST_MS))]);
  return (whole = new Dictionary(await inflate('/dictionary.bin.gz')));
});

const getShardHead = loadOnce(async () => new Dictionary(await inflate(`/shards/${HEAD_FILE}`), SHARD_COUNT));
const shardLoads = new Map<number, () => Promise<ArrayBuffer>>();

function loadShard(index: number): Promise<ArrayBuffer> {
  let load = shardLoads.get(index);
  if (!load) {
    load = loadOnce(() => inflate(`/shards/${shardFile(index)}` as PublicPath));
    shardLoads.set(index, load);
  }
  return load();
}

/**
 * Runs `read` (lookups) as soon as the dictionary can answer it, with what `context` brings (loaded alongside): on the
 * whole artifact once it has loaded; before that on the shards, adding each one `read` turns out to need, so that a
 * cold worker's first hover waits for a few tens of kilobytes rather than the whole 10 MB. `read` must be pure: it
 * runs again after each shard is added. `leads` are the text the lookups start at, whose shards are read at once,
 * with the head. Starts loading the whole artifact, which the read-ahead and annotation need. A shard that fails to
 * load leaves the lookup to the whole artifact.
 */
export async function lookUpSoon<C, T>(context: Promise<C>, read: (dictionary: Dictionary, context: C) => T, leads: readonly string[] = []): Promise<T> {
  const head = whole ? Promise.resolve(null) : getShardHead().catch(() => null);
  const firstShards = whole ? [] : leads.filter(Boolean).map((text) => loadShard(shardOf(text.charCodeAt(0), SHARD_COUNT)).catch(() => null));
  shardsFirst = Promise.all([head, ...firstShards]);
  const full = getDictionary();
  const [given, sharded] = await Promise.all([context, head, ...firstShards]);
  if (!sharded) return read(await full, given);
  for (;;) {
    if (whole) return read(whole, given);
    try {
      return read(sharded, given);
    } catch (err) {
      if (!(err instanceof ShardMissing)) throw err;
      const bytes = await loadShard(err.index).catch(() => null);
      if (!bytes) return read(await full, given);
      sharded.addShard(bytes);
    }
  }
}
