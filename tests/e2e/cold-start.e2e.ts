/**
 * A hover's lookup on a cold service worker, end to end in Chromium: before the whole dictionary has loaded, the worker
 * answers from the packaged shards, exactly as the whole dictionary answers. Shown with an extension whose whole
 * dictionary is missing, so that no answer can come from it: the hover's lookups still come back, the read-ahead's
 * batch is refused.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { stopServiceWorkers } from '../../scripts/lib/service-worker';
import { EXTENSION_DIR } from './support/paths';

/** Hover windows: a glossary phrase, a form of one behind a qualifier, a name, traditional text, full-width letters. */
const WINDOWS = [
  { text: '的命运共同体理念深入人心', pos: 1 },
  { text: '推动构建人类命运共同体。', pos: 0 },
  { text: '会见托卡耶夫总统', pos: 2 },
  { text: '峰會上的講話', pos: 0 },
  { text: 'ＡＰＥＣ会议', pos: 0 },
];

/** A request as the content script sends it, from an extension page. */
const ask = (page: Page, type: 'lookup' | 'lookupMany', payload: object) =>
  page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ yuedu: 1, type, payload: { ...payload, site: '' } }), [type, payload] as const);

describe('the first lookups of a cold service worker', () => {
  let whole: ExtensionBrowser;
  let shardsOnly: ExtensionBrowser;
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(path.join(tmpdir(), 'yuedu-shards-only-'));
    await cp(EXTENSION_DIR, copy, { recursive: true });
    await rm(path.join(copy, 'dictionary.bin.gz'));
    [whole, shardsOnly] = await Promise.all([launchWithExtension(EXTENSION_DIR, { headless: true }), launchWithExtension(copy, { headless: true })]);
  });

  afterAll(async () => {
    await Promise.all([whole?.close(), shardsOnly?.close()]);
    await rm(copy, { recursive: true, force: true });
  });

  it('come from the shards, as the whole dictionary answers them', async () => {
    const page = await whole.context.newPage();
    await page.goto(whole.extensionUrl('popup.html'));
    const cold = await shardsOnly.context.newPage();
    await cold.goto(shardsOnly.extensionUrl('popup.html'));
    for (const window of WINDOWS) {
      // Stopped before each, as Chromium stops an idle worker: each lookup is a cold worker's first.
      await stopServiceWorkers(cold);
      const answer = await ask(cold, 'lookup', window);
      expect(answer, window.text).toEqual(await ask(page, 'lookup', window));
      expect((answer as { value?: { matches: unknown[] } }).value?.matches.length, window.text).toBeGreaterThan(0);
    }
    // Without the whole dictionary a read-ahead has no answer: the lookups above could only come from the shards.
    expect(await ask(cold, 'lookupMany', { windows: WINDOWS })).toMatchObject({ ok: false });
  });
});
