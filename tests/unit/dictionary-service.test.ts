import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '../../dictionary/compile';
import { HEAD_FILE, shardFile, splitArtifact } from '../../dictionary/shards';

const artifact = compileDictionary({
  cedict: { all: [['峰會', '峰会', 'feng1 hui4', 'summit meeting', [], []]] },
  glossary: [],
  hsk: [],
});

function respond(...statuses: number[]) {
  const fetch = vi.fn(async (url: string) => {
    const status = statuses.shift() ?? 200;
    expect(url).toBe(fakeBrowser.runtime.getURL('/dictionary.bin.gz'));
    return new Response(status === 200 ? gzipSync(artifact) : 'missing', { status });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

// Each test imports the module afresh (with the fake browser behind it): seconds on a busy machine, not a speed bound.
describe('the service worker dictionary', { timeout: 60_000 }, () => {
  // A fresh module each test: the dictionary is loaded once per service worker, held by the module.
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('loads the packaged artifact once and shares it', async () => {
    const fetch = respond(200);
    const { getDictionary } = await import('../../lib/dictionary-service');
    const [a, b] = await Promise.all([getDictionary(), getDictionary()]);
    expect(a).toBe(b);
    expect(await getDictionary()).toBe(a);
    expect(a.get('峰会')[0]?.readings[0]?.definitions).toEqual(['summit meeting']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load and tries again on the next request', async () => {
    const fetch = respond(404, 200);
    const { getDictionary } = await import('../../lib/dictionary-service');
    await expect(getDictionary()).rejects.toThrow('The dictionary could not be loaded (HTTP 404)');
    expect((await getDictionary()).has('峰會')).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('lookups before the whole dictionary has loaded', { timeout: 60_000 }, () => {
  const { head, shards } = splitArtifact(artifact);
  const url = (file: string) => fakeBrowser.runtime.getURL(file as '/dictionary.bin.gz');

  /** Serves the packaged files; the whole artifact only once `release` is called, and the files in `failing` not at all. */
  function serve(failing: string[] = []) {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const fetched: string[] = [];
    const body = (file: string): Uint8Array | null => {
      if (file === '/dictionary.bin.gz') return artifact;
      if (file === `/shards/${HEAD_FILE}`) return head;
      const index = shards.findIndex((_, i) => file === `/shards/${shardFile(i)}`);
      return shards[index] ?? null;
    };
    vi.stubGlobal('fetch', async (address: string) => {
      const file = ['/dictionary.bin.gz', `/shards/${HEAD_FILE}`, ...shards.map((_, i) => `/shards/${shardFile(i)}`)].find((f) => url(f) === address) ?? address;
      fetched.push(file);
      if (file === '/dictionary.bin.gz') await held;
      const bytes = failing.includes(file) ? null : body(file);
      return bytes ? new Response(gzipSync(bytes)) : new Response('missing', { status: 404 });
    });
    return { fetched, release };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('answers from the shards it needs while the whole dictionary loads, then from the whole', async () => {
    const { fetched, release } = serve();
    const { lookUpSoon } = await import('../../lib/dictionary-service');
    const first = await lookUpSoon(Promise.resolve(), (d) => d.lookup('峰会议'), ['峰会议']);
    expect(first.map((m) => m.text)).toEqual(['峰会']);
    expect(first[0]?.entries[0]?.readings[0]?.definitions).toEqual(['summit meeting']);
    expect(fetched).toContain(`/shards/${HEAD_FILE}`);
    const shardsRead = fetched.filter((f) => f.startsWith('/shards/') && f !== `/shards/${HEAD_FILE}`);
    expect(shardsRead.length).toBeGreaterThan(0);
    expect(shardsRead.length).toBeLessThan(shards.length);
    // The whole artifact is read after the hover's first shards, which would otherwise wait behind it.
    expect(fetched.indexOf('/dictionary.bin.gz')).toBeGreaterThan(fetched.indexOf(shardsRead[0] as string));

    release();
    const { getDictionary } = await import('../../lib/dictionary-service');
    const whole = await getDictionary();
    const read = vi.fn((d: typeof whole, context: string) => [d, context]);
    expect(await lookUpSoon(Promise.resolve('corrections'), read, ['书'])).toEqual([whole, 'corrections']);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('leaves the lookup to the whole dictionary when a shard cannot be read', async () => {
    const { fetched, release } = serve(shards.map((_, i) => `/shards/${shardFile(i)}`));
    const { lookUpSoon } = await import('../../lib/dictionary-service');
    const answer = lookUpSoon(Promise.resolve(), (d) => d.get('峰會').length, ['峰會']);
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect(await answer).toBe(1);
    expect(fetched).toContain('/dictionary.bin.gz');
  });
});
