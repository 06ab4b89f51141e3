import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set YUEDU_CHROMIUM.`,
    );
  }
}

/** Starts Chromium with the built extension in a fresh profile, so no earlier run's data leaks into this one. */
export async function launchWithExtension(
  extensionDir: string,
  /**
   * `lang`: the browser's language (e.g. "zh-CN"), which picks the extension's translation.
   * `grantedOrigins`: optional host permissions the reader granted before (see grantOrigins).
   */
  opts: { headless: boolean; lang?: string; grantedOrigins?: string[] },
): Promise<ExtensionBrowser> {
  assertChromium();
  const profile = await mkdtemp(path.join(tmpdir(), 'yuedu-profile-'));
  const dir = path.resolve(extensionDir);
  if (opts.grantedOrigins) {
    const first = await launch(profile, dir, opts);
    await first.context.close();
    await grantOrigins(profile, first.extensionId, opts.grantedOrigins);
  }
  const { context, serviceWorker, extensionId } = await launch(profile, dir, opts);
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

/**
 * Records optional host permissions as granted in the profile, as Chromium does when the reader accepts its prompt.
 * Headless Chromium cannot show that prompt (chrome.permissions.request stays pending), so a test of what follows
 * the reader's "Allow" starts from a profile where it was given.
 */
async function grantOrigins(profile: string, extensionId: string, origins: string[]): Promise<void> {
  const file = path.join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, { explicit_host?: string[] } | undefined>> };
  };
  const settings = prefs.extensions.settings[extensionId];
  if (!settings) throw new Error(`No settings for extension ${extensionId} in ${file}`);
  for (const key of ['active_permissions', 'granted_permissions']) {
    const permissions = (settings[key] ??= {});
    permissions.explicit_host = [...(permissions.explicit_host ?? []), ...origins];
  }
  await writeFile(file, JSON.stringify(prefs));
}

async function launch(profile: string, dir: string, opts: { headless: boolean; lang?: string }) {
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
  return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host };
}
