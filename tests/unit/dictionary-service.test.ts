import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileDictionary } from '../../dictionary/compile';

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
