import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.YUEDU_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set YUEDU_CHROMIUM.`,
    );
  }
}

/** Starts Chromium with the built extension in a fresh profile, so no earlier run's data leaks into this one. */
export async function launchWithExtension(
  extensionDir: string,
  /** `lang`: the browser's language (e.g. "zh-CN"), which picks the extension's translation. */
  opts: { headless: boolean; lang?: string },
): Promise<ExtensionBrowser> {
  assertChromium();
  const profile = await mkdtemp(path.join(tmpdir(), 'yuedu-profile-'));
  const dir = path.resolve(extensionDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // Extensions need the new headless mode, which playwright only passes through as a plain argument.
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(opts.headless ? ['--headless=new'] : []),
      `--load-extension=${dir}`,
      `--disable-extensions-except=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
