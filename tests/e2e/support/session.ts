import type { ConsoleMessage, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../../scripts/lib/browser';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server';
import { DEMO_DIR, EXTENSION_DIR, FIXTURE_PAGES_DIR, TEST_PAGES_DIR } from './paths';

export interface E2ESession extends ExtensionBrowser {
  server: StaticServer;
  /** Console errors from every page and the service worker, so a test can assert there were none. */
  errors: string[];
  open(url: string): Promise<Page>;
  openDemo(): Promise<Page>;
}

/** A browser with the extension and a server for the demo (at /) and the shared fixture pages (at /fixtures/). */
export async function startSession(opts: { grantedOrigins?: string[] } = {}): Promise<E2ESession> {
  const server = await startStaticServer({ '/': DEMO_DIR, '/fixtures/': FIXTURE_PAGES_DIR, '/test-pages/': TEST_PAGES_DIR });
  const browser = await launchWithExtension(EXTENSION_DIR, { headless: true, ...opts });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  };
  browser.context.on('page', watch);
  browser.serviceWorker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`service worker: ${msg.text()}`);
  });
  const open = async (url: string) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };
  return {
    ...browser,
    server,
    errors,
    open,
    async openDemo() {
      const page = await open(server.url('/silk-road.html'));
      await page.waitForSelector('html[data-yuedu]');
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
