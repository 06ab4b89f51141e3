/**
 * The service worker's one Dictionary, loaded from the packaged (gzipped) artifact on first use; and, until it has
 * loaded, single lookups answered from the artifact's shards (lib/shard-reader.ts).
 */
import { Dictionary } from '../dictionary/dictionary';
import { loadOnce } from './load-once';
import { inflate, ShardReader } from './shard-reader';

/** Set once the whole artifact has loaded: lookups then read it rather than the shards. */
let whole: Dictionary | undefined;

const shards = new ShardReader();

/** A hover's first shards, being read: the whole artifact waits for them (see getDictionary). */
let shardsFirst: Promise<unknown> = Promise.resolve();
/** The longest the whole artifact waits for them: the layer needs it too. They take some 40 ms on a quiet machine. */
const SHARDS_FIRST_MS = 100;

// The packaged file is half the size gzipped, and reading it is most of a cold start's wait. It is read after a
// hover's first shards (or SHARDS_FIRST_MS): read alongside it, they often came in only when it did.
export const getDictionary = loadOnce(async () => {
  await Promise.race([shardsFirst, new Promise((resolve) => setTimeout(resolve, SHARDS_FIRST_MS))]);
  return (whole = new Dictionary(await inflate('/dictionary.bin.gz', 'stream')));
});

/**
 * Runs `read` (lookups) as soon as the dictionary can answer it, with what `context` brings (loaded alongside): on the
 * whole artifact once it has loaded; before that on the shards, adding each one `read` turns out to need, so that a
 * cold worker's first hover waits for a few tens of kilobytes rather than the whole 10 MB. `read` must be pure: it
 * runs again after each shard is added. `leads` are the text the lookups start at, whose shards are read at once,
 * with the head. Starts loading the whole artifact, which the read-ahead and annotation need. A shard that fails to
 * load leaves the lookup to the whole artifact.
 */
export async function lookUpSoon<C, T>(context: Promise<C>, read: (dictionary: Dictionary, context: C) => T, leads: readonly string[] = []): Promise<T> {
  if (whole) return read(whole, await context);
  shardsFirst = shards.open(leads);
  const full = getDictionary();
  const given = await context;
  return shards.lookUp(leads, (sharded) => read(whole ?? sharded, given), async () => read(await full, given));
}
