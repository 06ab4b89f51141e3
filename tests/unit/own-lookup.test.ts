import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '../../dictionary/compile';
import { Dictionary } from '../../dictionary/dictionary';
import { HEAD_FILE, shardFile, splitArtifact } from '../../dictionary/shards';
import { CORRECTED_SITES } from '../../lib/corrected-sites';

const artifact = compileDictionary({
  cedict: {
    all: [
      ['峰會', '峰会', 'feng1 hui4', 'summit meeting', [], []],
      ['會議', '会议', 'hui4 yi4', 'meeting', [], []],
    ],
  },
  glossary: [],
  hsk: [],
});
const { head, shards } = splitArtifact(artifact);

/** Serves the packaged shards, as the extension does; records what was read. */
function serve(): string[] {
  const files = new Map([[`/shards/${HEAD_FILE}`, head], ...shards.map((bytes, i) => [`/shards/${shardFile(i)}`, bytes] as const)]);
  const read: string[] = [];
  vi.stubGlobal('fetch', async (address: string) => {
    const file = [...files.keys()].find((f) => fakeBrowser.runtime.getURL(f as '/dictionary.bin.gz') === address) ?? address;
    read.push(file);
    const bytes = files.get(file);
    return bytes ? new Response(gzipSync(bytes)) : new Response('missing', { status: 404 });
  });
  return read;
}

// A fresh module each test: the content script's shards are held by the module.
describe('the content script’s own lookup', { timeout: 60_000 }, () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('answers as the whole dictionary does, on a site without corrections', async () => {
    serve();
    await fakeBrowser.storage.local.set({ [CORRECTED_SITES]: ['other.example'] });
    const { ownLookup } = await import('../../content/hover/own-lookup');
    const window = { text: '的峰会议程', pos: 1 };
    expect(await ownLookup(window, 'news.example')).toEqual(new Dictionary(artifact).lookup(window.text, window.pos));
  });

  it('leaves the answer to the worker where corrections may hold, reading nothing', async () => {
    const read = serve();
    const { ownLookup } = await import('../../content/hover/own-lookup');
    // No mirror yet: a store from before it, which the worker has not mirrored.
    await expect(ownLookup({ text: '峰会' }, 'news.example')).rejects.toThrow('corrections');
    await fakeBrowser.storage.local.set({ [CORRECTED_SITES]: ['news.example'] });
    await expect(ownLookup({ text: '峰会' }, 'news.example')).rejects.toThrow('corrections');
    await fakeBrowser.storage.local.set({ [CORRECTED_SITES]: ['*'] });
    await expect(ownLookup({ text: '峰会' }, 'other.example')).rejects.toThrow('corrections');
    expect(read).toEqual([]);
  });
});
