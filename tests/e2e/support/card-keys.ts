/**
 * Driving the hover card's keys the same way in Chromium (playwright-core) and Firefox (puppeteer-core): finding a
 * word of the pinyin layer by the word after it, pressing a key until the card says what it did, and reading the
 * layer's words and readings as drawn.
 */
import { expect } from 'vitest';
import { evaluate, pointAt, readCard, type Scope } from '../../../scripts/lib/page';
import { layerWords } from './in-page';

/** A page of either library: both press keys by their names ("k", "Escape"). */
type KeyedPage = Scope & { keyboard: { press(key: string): Promise<unknown> } };

/** The words of the pinyin layer as drawn, in order. */
export async function wordsOfLayer(scope: Scope): Promise<string[]> {
  return (await evaluate(scope, layerWords, undefined)).map((w) => w.word);
}

/** The readings the pinyin layer gives `word`, each once. */
export async function readingsInLayer(scope: Scope, word: string): Promise<string[]> {
  return [...new Set((await evaluate(scope, layerWords, undefined)).filter((w) => w.word === word).map((w) => w.pinyin))];
}

/**
 * The viewport point at the first character of the pinyin layer's word `first` where the word `then` follows it (the
 * layer has cut the text into those words), as `pointAt` finds it in the article.
 */
export async function pointAtLayerWord(scope: Scope, [first, then]: [string, string]): Promise<{ x: number; y: number }> {
  const words = await wordsOfLayer(scope);
  const at = words.findIndex((w, i) => w === first && words[i + 1] === then);
  if (at < 0) throw new Error(`the pinyin layer has no word ${first} before ${then}`);
  const nth = words.slice(0, at).filter((w) => w.includes(first)).length;
  return pointAt(scope, first, '[data-yuedu-article]', nth);
}

/** Presses a key on the card and waits for the card to say what was done. */
export async function pressOnCard(page: KeyedPage, key: string, status: RegExp): Promise<void> {
  await page.keyboard.press(key);
  await expect.poll(async () => (await readCard(page))?.status, { timeout: 10_000 }).toMatch(status);
}
