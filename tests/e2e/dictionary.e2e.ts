import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupMatch } from '../../dictionary/types';
import { startSession, type E2ESession } from './support/session';

describe('the dictionary in the built extension', () => {
  let s: E2ESession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function ask(type: string, payload: object): Promise<unknown> {
    const page = await s.open(s.extensionUrl('popup.html'));
    const reply = await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ yuedu: 1, type, payload }), [type, payload] as const);
    await page.close();
    return reply;
  }
  const lookup = (text: string) => ask('lookup', { text });

  it('answers a lookup for 峰会 with the CC-CEDICT entry, from the packaged artifact', async () => {
    const reply = (await lookup('峰会在阿斯塔纳举行')) as { ok: true; value: { matches: LookupMatch[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value.matches.map((m) => m.text)).toEqual(['峰会', '峰']);
    expect(reply.value.matches[0]?.entries.find((e) => e.source === 'cedict')).toMatchObject({
      simplified: '峰会',
      traditional: '峰會',
      source: 'cedict',
      readings: [{ pinyin: 'feng1 hui4', definitions: ['summit meeting'] }],
    });
  });

  it('answers 三股势力 with the glossary entry', async () => {
    const reply = (await lookup('三股势力')) as { ok: true; value: { matches: LookupMatch[] } };
    const [first] = reply.value.matches;
    expect(first?.text).toBe('三股势力');
    expect(first?.entries[0]?.source).toBe('glossary');
    expect(first?.entries[0]?.glossary?.english).toMatch(/three evil forces/);
  });

  it('answers a shorter form of a glossary phrase with the phrase, marked as a form of it', async () => {
    const reply = (await lookup('从严治党。')) as { ok: true; value: { matches: LookupMatch[] } };
    const [first] = reply.value.matches;
    expect(first).toMatchObject({ text: '从严治党', variantOf: '全面从严治党' });
    expect(first?.entries[0]?.source).toBe('glossary');
  });

  it('answers non-Chinese text with no matches', async () => {
    expect(await lookup('hello')).toEqual({ ok: true, value: { matches: [] } });
  });

  it('answers many windows in one message, each as its own lookup would, and refuses an oversized batch', async () => {
    const windows = [{ text: '峰会在阿斯塔纳举行' }, { text: '三股势力', pos: 0 }, { text: 'hello' }, { text: '托卡耶夫邀请', pos: 1 }];
    const one = await Promise.all(windows.map(async (w) => ((await ask('lookup', w)) as { value: { matches: LookupMatch[] } }).value.matches));
    expect(await ask('lookupMany', { windows })).toEqual({ ok: true, value: { matches: one } });
    // The character before the window's position is context: inside 托卡耶夫, 卡 does not start a name.
    expect(one[3]?.map((m) => m.text)).toEqual(['卡']);
    const tooMany = (await ask('lookupMany', { windows: Array.from({ length: 1025 }, () => ({ text: '峰会' })) })) as { ok: boolean; error: string };
    expect(tooMany).toEqual({ ok: false, error: 'lookupMany takes a list of at most 1024 windows' });
  });

  it('loads the dictionary again after the browser stops the service worker', async () => {
    const page = await s.open(s.extensionUrl('popup.html'));
    const cdp = await s.context.newCDPSession(page);
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) status.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => [...status.values()]).toContain('running');
    const running = [...status].filter(([, st]) => st === 'running').map(([id]) => id);
    for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await expect.poll(() => running.map((id) => status.get(id))).toEqual(running.map(() => 'stopped'));
    await page.close();
    const reply = (await lookup('峰会')) as { ok: true; value: { matches: LookupMatch[] } };
    expect(reply.value.matches[0]?.entries.find((e) => e.source === 'cedict')?.readings[0]?.definitions).toEqual(['summit meeting']);
  });

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
  });
});
