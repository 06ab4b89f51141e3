/**
 * The main job: opens Chromium with the built extension on the bundled sample dispatch.
 * With a display it stays open until the window is closed; without one (or with CI set) it runs
 * headless, saves a screenshot and exits, so it also works in a terminal.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchWithExtension } from './lib/browser';
import { ROOT as root } from './lib/build';
import { pointAt, readCard } from './lib/page';
import { startStaticServer } from './lib/static-server';

const extensionDir = path.join(root, process.env.YUEDU_OUT_DIR ?? '.output', 'chrome-mv3');
const headless = !!process.env.CI || !process.env.DISPLAY;

const server = await startStaticServer({ '/': path.join(root, 'demo') });
const browser = await launchWithExtension(extensionDir, { headless });
const page = await browser.context.newPage();
const url = server.url('/silk-road.html');
await page.goto(url);
await page.waitForSelector('html[data-yuedu]', { timeout: 15_000 });
console.log(`Yuedu ${await page.getAttribute('html', 'data-yuedu')} is running on ${url}`);

if (headless) {
  // Show what a reader sees: the card for a set phrase of the dispatch.
  await page.waitForSelector('[data-yuedu-article]', { timeout: 15_000 });
  const { x, y } = await pointAt(page, '命运共同体', '[data-yuedu-article]');
  await page.mouse.move(x, y - 1);
  await page.mouse.move(x, y);
  for (let i = 0; i < 100 && !(await readCard(page)); i++) await page.waitForTimeout(100);
  const card = await readCard(page);
  console.log(card ? `Hover card for 命运共同体: ${card.entries.map((e) => e.word).join(', ')}` : 'The hover card did not appear.');
  const shot = path.join(root, 'screenshots', 'start.png');
  await mkdir(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
  console.log(`No display: ran headless and saved a screenshot to ${path.relative(process.cwd(), shot)}`);
  await browser.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  browser.context.on('close', () => void server.close());
}
