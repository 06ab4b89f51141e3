/**
 * The main job: builds the extension and opens Chromium (or, with --firefox, Firefox) with it on the bundled sample
 * dispatch. With a display it stays open until the window is closed; without one (or with CI set) it runs headless,
 * points at a word, saves a screenshot and exits, so it also works in a terminal.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchFirefoxWithExtension, launchWithExtension } from './lib/browser';
import { buildExtension, ROOT as root, type Target } from './lib/build';
import { pointAt, readCard, type Scope } from './lib/page';
import { startStaticServer } from './lib/static-server';

const target: Target = process.argv.includes('--firefox') ? 'firefox' : 'chrome';
const name = target === 'firefox' ? 'Firefox' : 'Chromium';
const headless = !!process.env.CI || !process.env.DISPLAY;

console.log(`Building the extension for ${name}…`);
const extensionDir = buildExtension(path.join(root, process.env.YUEDU_OUT_DIR ?? '.output'), target);
const server = await startStaticServer({ '/': path.join(root, 'demo') });
const url = server.url('/silk-road.html');

/** The one page `npm start` drives, in either browser, and how to wait for its window to close. */
interface Opened {
  page: Scope & {
    goto(url: string): Promise<unknown>;
    waitForSelector(selector: string, opts: { timeout: number }): Promise<unknown>;
    mouse: { move(x: number, y: number): Promise<void> };
    screenshot(opts: { path: string }): Promise<unknown>;
  };
  close(): Promise<void>;
  onClose(done: () => void): void;
}

async function open(): Promise<Opened> {
  if (target === 'firefox') {
    const firefox = await launchFirefoxWithExtension(extensionDir, { headless });
    return { page: await firefox.browser.newPage(), close: firefox.close, onClose: (done) => firefox.browser.on('disconnected', done) };
  }
  const chromium = await launchWithExtension(extensionDir, { headless });
  return { page: await chromium.context.newPage(), close: chromium.close, onClose: (done) => chromium.context.on('close', done) };
}

const { page, close, onClose } = await open();
await page.goto(url);
await page.waitForSelector('html[data-yuedu]', { timeout: 15_000 });
console.log(`Yuedu is running in ${name} on ${url}`);

if (headless) {
  // Show what a reader sees: the card for a set phrase of the dispatch.
  await page.waitForSelector('[data-yuedu-article]', { timeout: 15_000 });
  const { x, y } = await pointAt(page, '命运共同体', '[data-yuedu-article]');
  await page.mouse.move(x, y - 1);
  await page.mouse.move(x, y);
  for (let i = 0; i < 100 && !(await readCard(page)); i++) await new Promise((r) => setTimeout(r, 100));
  const card = await readCard(page);
  console.log(card ? `Hover card for 命运共同体: ${card.entries.map((e) => e.word).join(', ')}` : 'The hover card did not appear.');
  const shot = path.join(root, 'screenshots', target === 'firefox' ? 'start-firefox.png' : 'start.png');
  await mkdir(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
  console.log(`No display: ran headless and saved a screenshot to ${path.relative(process.cwd(), shot)}`);
  await close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  onClose(() => void server.close());
}
