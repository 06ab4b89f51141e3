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

/**
 * Pauses the JavaScript of the extension's service worker in the debugger, through the page's DevTools session: the
 * worker keeps its messages but answers none until the returned `resume` is called. (A session attached to a worker
 * keeps Chromium from stopping it.)
 */
export async function pauseServiceWorker(page: Page, extensionId: string): Promise<{ resume: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker running to pause');
  // A flat session cannot be driven through the page's; the worker's own protocol is spoken over Target messages.
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let id = 0;
  const answered = new Map<number, () => void>();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number };
    if (reply.id !== undefined) answered.get(reply.id)?.();
  });
  const call = async (method: string) => {
    const done = new Promise<void>((resolve) => answered.set(++id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    await done;
  };
  await call('Debugger.enable');
  // The worker pauses at its next statement: at once if it is running, else at the next message it is sent.
  await call('Debugger.pause');
  return {
    resume: async () => {
      await call('Debugger.resume');
      await cdp.send('Target.detachFromTarget', { sessionId });
      await cdp.detach();
    },
  };
}
