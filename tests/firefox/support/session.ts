import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from '../../../scripts/lib/browser';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server';
import { DEMO_DIR, FIREFOX_EXTENSION_DIR, FIXTURE_PAGES_DIR } from '../../e2e/support/paths';

export interface FirefoxSession extends FirefoxExtensionBrowser {
  server: StaticServer;
  /** Console errors of every page opened through `open`, so a test can assert there were none. */
  errors: string[];
  /** A web page. */
  open(url: string): Promise<Page>;
  /** A page of the server (the sample dispatch unless told), once its article is marked. */
  openArticle(path?: string): Promise<Page>;
  /** Sends a tab request to the content script of `page`, from an extension page, as the popup does. */
  toTab(page: Page, type: string, payload: unknown): Promise<unknown>;
  /** Sends a request to the background page from an extension page, as the content script does from a web page. */
  toBackground(type: string, payload: unknown): Promise<unknown>;
}

/**
 * Firefox ESR with the built extension (or the one in `dir`), and a server for the demo (at /) and the shared fixture
 * pages (at /fixtures/).
 */
export async function startFirefoxSession(dir = FIREFOX_EXTENSION_DIR): Promise<FirefoxSession> {
  const server = await startStaticServer({ '/': DEMO_DIR, '/fixtures/': FIXTURE_PAGES_DIR });
  const firefox = await launchFirefoxWithExtension(dir, { headless: true });
  const errors: string[] = [];
  /**
   * Whether an error was thrown by a fixture page's own scripts: a real news page's scripts fail here, as their
   * libraries and trackers are not served, and those errors are the page's, not the add-on's.
   */
  const fromFixture = (err: unknown) => {
    const frames = err instanceof Error ? (err.stack ?? '').split('\n').slice(1) : [];
    return frames.length > 0 && frames.every((frame) => frame.includes(server.url('/fixtures/')));
  };
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => {
      if (!fromFixture(err)) errors.push(`${page.url()}: ${err instanceof Error ? err.message : String(err)}`);
    });
    return page;
  };
  const open = async (url: string) => {
    const page = watch(await firefox.browser.newPage());
    await page.goto(url);
    return page;
  };
  return {
    ...firefox,
    async openExtensionPage(page) {
      return watch(await firefox.openExtensionPage(page));
    },
    server,
    errors,
    open,
    async openArticle(path = '/silk-road.html') {
      const page = await open(server.url(path));
      await page.waitForSelector('[data-yuedu-article]');
      return page;
    },
    async toTab(page, type, payload) {
      const sender = await firefox.openExtensionPage('popup.html');
      // The popup asks the active tab: make the page that one.
      await page.bringToFront();
      const reply = await sender.evaluate(
        async (type, payload) => {
          const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
          return browser.tabs.sendMessage(tab?.id ?? -1, { yuedu: 1, type, payload }, { frameId: 0 });
        },
        type,
        payload,
      );
      await sender.close();
      return reply;
    },
    async toBackground(type, payload) {
      const sender = await firefox.openExtensionPage('popup.html');
      const reply = await sender.evaluate((type, payload) => browser.runtime.sendMessage({ yuedu: 1, type, payload }), type, payload);
      await sender.close();
      return reply;
    },
    async close() {
      await firefox.close();
      await server.close();
    },
  };
}

/**
 * Gives the calling describe block one session (to `use`), started before its tests and closed after them; after each
 * test, a page it left open on the server is closed, since tab requests go to the one open web page.
 */
export function withFirefoxSession(use: (session: FirefoxSession) => void): void {
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    session = await startFirefoxSession();
    use(session);
  });
  afterEach(async () => {
    if (!session) return;
    const origin = session.server.origin;
    for (const page of await session.browser.pages()) if (page.url().startsWith(origin)) await page.close();
  });
  afterAll(async () => {
    await session?.close();
  });
}
