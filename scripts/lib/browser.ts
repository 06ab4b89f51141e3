import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env.YUEDU_CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.YUEDU_FIREFOX ?? '/usr/bin/firefox-esr';
/** The viewport of every page the tests, the benches and `npm start` open, in either browser. */
const VIEWPORT = { width: 1280, height: 900 };

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

function assertBrowser(executable: string, debianPackage: string, variable: string): void {
  if (!existsSync(executable)) {
    throw new Error(`${debianPackage} not found at ${executable}. Install it (Debian: apt-get install -y ${debianPackage}) or set ${variable}.`);
  }
}

const assertChromium = (): void => assertBrowser(CHROMIUM, 'chromium', 'YUEDU_CHROMIUM');

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
    viewport: VIEWPORT,
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

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id from the manifest (`browser_specific_settings.gecko.id`). */
  addonId: string;
  /** `moz-extension://…/page`: the internal UUID is chosen here, before the add-on is installed. */
  extensionUrl(page: string): string;
  /** Opens one of the extension's pages (e.g. "popup.html") in a new tab, once it has loaded. */
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Navigates `tab` to an extension page. Firefox loads moz-extension:// pages in the extension's own process, and
 * puppeteer never hears that navigation finish: start it, then wait in the page itself until it has loaded.
 */
async function navigateToExtensionPage(tab: Page, url: string): Promise<void> {
  // Settles (rejects) only when the tab closes.
  tab.goto(url, { timeout: 0 }).catch(() => undefined);
  for (let i = 0; i < 300; i++) {
    const loaded = await tab.evaluate((url) => location.href === url && document.readyState === 'complete', url).catch(() => false);
    if (loaded) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not load in 30 s`);
}

/**
 * Starts Debian's Firefox ESR through puppeteer-core (WebDriver BiDi, no browser download) in a fresh profile and
 * installs the built extension as a temporary add-on, as *Load Temporary Add-on…* does.
 */
export async function launchFirefoxWithExtension(extensionDir: string, opts: { headless: boolean }): Promise<FirefoxExtensionBrowser> {
  assertBrowser(FIREFOX, 'firefox-esr', 'YUEDU_FIREFOX');
  const dir = path.resolve(extensionDir);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  // Without an id Firefox gives a temporary add-on a random one, and its storage API refuses to work.
  if (!addonId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id: Firefox's storage API needs it`);
  // Firefox maps each add-on id to a random moz-extension:// host per profile; naming it up front lets pages be opened.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: opts.headless,
    defaultViewport: VIEWPORT,
    // WebDriver BiDi only navigates to http(s), file and blob addresses unless told otherwise: this lets the tests
    // open the extension's own pages (popup, options) at their moz-extension:// address.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }) },
  });
  try {
    const installed = await browser.installExtension(dir);
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, not ${addonId}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const extensionUrl = (page: string) => `moz-extension://${uuid}/${page}`;
  return {
    browser,
    addonId,
    extensionUrl,
    async openExtensionPage(page) {
      const tab = await browser.newPage();
      await navigateToExtensionPage(tab, extensionUrl(page));
      return tab;
    },
    close: () => browser.close(),
  };
}
