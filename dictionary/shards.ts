/**
 * The artifact cut into shards by the first character of each headword, for the service worker's first lookups: a
 * cold worker answers a hover from the head and the one or two shards its words start in (a few tens of kilobytes)
 * rather than wait for the whole artifact (10 MB) to be read. The head is the artifact's meta, tokens and polyphone
 * rules with no headwords; each shard is an artifact of the same format with the headwords of its characters and
 * their entries, read with the head's tokens (Dictionary.addShard). An entry keeps its forms as key indexes, so a
 * shard also holds the other form of each of its entries (东 of 東), under a character that never leads to it.
 */
import { entryKeys, LIST_FLAG, readArtifact, rekeyEntry, writeArtifact, type ArtifactSections } from './artifact';
import { foldCode } from './chars';

/** Shards of about 40 KB (20 KB gzipped): a hover needs one or two, and a whole read of them is never needed. */
export const SHARD_COUNT = 256;

/** The shard that holds the headwords starting with code unit `code` (folded as the keys are), of `count`. */
export const shardOf = (code: number, count: number): number => foldCode(code) % count;

/** The shipped files, relative to the extension's `shards/` folder: the head, and each shard by number. */
export const HEAD_FILE = 'head.bin.gz';
export const shardFile = (index: number): string => `${index}.bin.gz`;

const empty = { keyChars: new Uint16Array(0), keyLists: new Uint32Array(0), entryData: new Uint8Array(0) };

/** The head and the `count` shards of a whole artifact. */
export function splitArtifact(bytes: Uint8Array, count = SHARD_COUNT): { head: Uint8Array; shards: Uint8Array[] } {
  const s = readArtifact(bytes);
  const head = writeArtifact({
    ...s,
    ...empty,
    keyOffsets: Uint32Array.of(0),
    keyEntries: new Uint32Array(0),
    entryOffsets: Uint32Array.of(0),
    meta: { ...s.meta, keyCount: 0, entryCount: 0 },
  });
  const leading: number[][] = Array.from({ length: count }, () => []);
  for (let key = 0; key < s.meta.keyCount; key++) leading[shardOf(s.keyChars[s.keyOffsets[key] ?? 0] ?? 0, count)]?.push(key);
  const shards = leading.map((keys, index) => writeArtifact(shard(s, keys, index, count)));
  return { head, shards };
}

/** The entries of a key in the whole artifact. */
function entriesOf(s: ArtifactSections, key: number): number[] {
  const value = s.keyEntries[key] ?? 0;
  if (value < LIST_FLAG) return [value];
  const at = value - LIST_FLAG;
  return [...s.keyLists.subarray(at + 1, at + 1 + (s.keyLists[at] ?? 0))];
}

/** The shard holding `leading` (key indexes of the whole artifact, in order), their entries and the entries' forms. */
function shard(s: ArtifactSections, leading: readonly number[], index: number, count: number): ArtifactSections {
  const record = (id: number) => [s.entryData, s.entryOffsets[id] ?? 0, s.entryOffsets[id + 1] ?? 0] as const;
  const ids = [...new Set(leading.flatMap((key) => entriesOf(s, key)))].sort((a, b) => a - b);
  const forms = ids.flatMap((id) => {
    const { simplified, traditional } = entryKeys(...record(id));
    return traditional < 0 ? [simplified] : [simplified, traditional];
  });
  // Key order is the whole artifact's order, which is sorted: a subset of it is still sorted.
  const keys = [...new Set([...leading, ...forms])].sort((a, b) => a - b);
  const keyIndex = new Map(keys.map((key, k) => [key, k]));
  const entryIndex = new Map(ids.map((id, e) => [id, e]));

  const texts = keys.map((key) => s.keyChars.subarray(s.keyOffsets[key], s.keyOffsets[key + 1]));
  const keyOffsets = new Uint32Array(keys.length + 1);
  texts.forEach((t, k) => (keyOffsets[k + 1] = (keyOffsets[k] ?? 0) + t.length));
  const keyChars = new Uint16Array(keyOffsets[keys.length] ?? 0);
  texts.forEach((t, k) => keyChars.set(t, keyOffsets[k]));

  // A form's key lists only the entries the shard holds (none for a form no entry here starts with): never read, as
  // no text that starts with it leads to this shard.
  const keyEntries = new Uint32Array(keys.length);
  const lists: number[] = [];
  keys.forEach((key, k) => {
    const here = entriesOf(s, key).flatMap((id) => entryIndex.get(id) ?? []);
    if (here.length === 1) keyEntries[k] = here[0] ?? 0;
    else {
      keyEntries[k] = (LIST_FLAG | lists.length) >>> 0;
      lists.push(here.length, ...here);
    }
  });

  const records = ids.map((id) => {
    const { simplified, traditional } = entryKeys(...record(id));
    return rekeyEntry(...record(id), keyIndex.get(simplified) ?? 0, traditional < 0 ? -1 : (keyIndex.get(traditional) ?? 0));
  });
  const entryOffsets = new Uint32Array(ids.length + 1);
  records.forEach((r, e) => (entryOffsets[e + 1] = (entryOffsets[e] ?? 0) + r.byteLength));
  const entryData = new Uint8Array(entryOffsets[ids.length] ?? 0);
  records.forEach((r, e) => entryData.set(r, entryOffsets[e]));

  return {
    keyChars,
    keyOffsets,
    keyEntries,
    keyLists: Uint32Array.from(lists),
    entryOffsets,
    entryData,
    // The head has the rest: each shard would otherwise repeat the token table.
    meta: { ...s.meta, keyCount: keys.length, entryCount: ids.length, shard: { index, count } },
    tokens: [],
    polyphones: '',
  };
}
