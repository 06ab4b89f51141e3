import type { Page } from 'playwright-core';

/**
 * Stops every service worker, as Chromium does after some 30 seconds without events, and waits until the browser
 * says so: the next message starts the extension's worker cold.
 */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while ([...status.values()].some((s) => s !== 'stopped')) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 20));
  }
  await cdp.detach();
}
