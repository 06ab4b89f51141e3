import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactError } from '../../dictionary/artifact';
import { Dictionary, ShardMissing } from '../../dictionary/dictionary';
import { ensureArtifact } from '../../dictionary/node';
import { SHARD_COUNT, shardOf, splitArtifact } from '../../dictionary/shards';
import { PAGES_DIR } from './support/fixture-pages';

const DISPATCH = path.join(PAGES_DIR, '../dispatch/silk-road-dispatch.txt');

/** Text the dispatch lacks: traditional forms, a name, a shorter and a longer form of glossary phrases, full-width and astral characters. */
const MORE = '峰會上習近平會見托卡耶夫。推动构建人类命运共同体，全面从严治党；东西東西，ＡＢＣ１２３，𠮷野家。';

let bytes: Uint8Array;
let whole: Dictionary;
let head: Uint8Array;
let shards: Uint8Array[];

/** Runs `read` on the sharded dictionary, adding each shard it turns out to need; the shards it took, in order. */
function onShards<T>(dictionary: Dictionary, read: (d: Dictionary) => T): { value: T; added: number[] } {
  const added: number[] = [];
  for (;;) {
    try {
      return { value: read(dictionary), added };
    } catch (err) {
      if (!(err instanceof ShardMissing)) throw err;
      expect(added).not.toContain(err.index);
      dictionary.addShard(shards[err.index] as Uint8Array);
      added.push(err.index);
    }
  }
}

describe('the dictionary in shards', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    bytes = new Uint8Array(readFileSync(await ensureArtifact()));
    whole = new Dictionary(bytes);
    ({ head, shards } = splitArtifact(bytes));
  }, 120_000);

  it('answers every lookup of the dispatch as the whole artifact does', () => {
    const text = readFileSync(DISPATCH, 'utf8') + MORE;
    const sharded = new Dictionary(head, SHARD_COUNT);
    for (let pos = 0; pos < text.length; pos++) {
      // A hover's window: the character before as context, and what follows.
      const window = text.slice(Math.max(0, pos - 1), pos + 16);
      const at = pos > 0 ? 1 : 0;
      expect(onShards(sharded, (d) => d.lookup(window, at)).value, window).toEqual(whole.lookup(window, at));
      expect(sharded.wordLengthsAt(window, at)).toEqual(whole.wordLengthsAt(window, at));
    }
    for (const word of ['峰會', '习近平', '命运共同体', '東西', '不太', 'ＡＢＣ', '没有的词']) {
      expect(onShards(sharded, (d) => [d.get(word), d.has(word), d.hskLevel(word)]).value).toEqual([whole.get(word), whole.has(word), whole.hskLevel(word)]);
    }
  });

  it('needs the shards of the first characters only: a hover reads a few of them', () => {
    const counts = ['命运共同体理念', '托卡耶夫总统说', '推动构建人类命运共同体', '峰會上的講話'].map(
      (window) => onShards(new Dictionary(head, SHARD_COUNT), (d) => d.lookup(window)).added.length,
    );
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    const first = onShards(new Dictionary(head, SHARD_COUNT), (d) => d.lookup('命运共同体')).added[0];
    expect(first).toBe(shardOf('命'.charCodeAt(0), SHARD_COUNT));
  });

  it('is small: the head and a shard are a sliver of the whole', () => {
    const whole = shards.reduce((n, s) => n + s.byteLength, 0);
    expect(head.byteLength).toBeLessThan(whole / 50);
    expect(Math.max(...shards.map((s) => s.byteLength))).toBeLessThan(whole / 20);
  });

  it('throws rather than answer without a shard it needs', () => {
    const sharded = new Dictionary(head, SHARD_COUNT);
    expect(() => sharded.lookup('命运')).toThrow(ShardMissing);
    expect(() => sharded.get('命运')).toThrow(ShardMissing);
  });

  it('refuses a shard of another split, the whole artifact, or a head as a shard', () => {
    const sharded = new Dictionary(head, SHARD_COUNT);
    expect(() => sharded.addShard(splitArtifact(bytes, 4).shards[0] as Uint8Array)).toThrow(ArtifactError);
    expect(() => sharded.addShard(bytes)).toThrow(ArtifactError);
    expect(() => sharded.addShard(head)).toThrow(ArtifactError);
    expect(() => new Dictionary(head, SHARD_COUNT).entries().next()).toThrow();
  });
});
