import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const dir = process.argv[2];
const profile = mkdtempSync('/tmp/corrections-tools/profile-');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: false,
  args: ['--headless=new', `--load-extension=${dir}`, `--disable-extensions-except=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20000 }).catch(() => null));
console.log(dir, 'SW:', sw?.url());
await context.close();
