/** Reading the page as a reader sees it: where a word is on screen, and what the hover card shows. */
import type { Frame, Page } from 'playwright-core';
import type { Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';

/** A page or frame of Chromium (playwright-core) or Firefox (puppeteer-core). */
export type Scope = Page | Frame | PuppeteerPage | PuppeteerFrame;

/** Runs `fn(arg)` in the document: both libraries pass one serializable argument the same way. */
export function evaluate<A, R>(scope: Scope, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  return (scope as unknown as { evaluate(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> }).evaluate(fn, arg);
}

/**
 * The viewport point at the middle of the first character of the `nth` occurrence of `word` in text under `within`
 * (the whole body when that selector matches nothing), outside <rt>; scrolled into view first when off screen.
 */
export async function pointAt(scope: Scope, word: string, within = 'body', nth = 0): Promise<{ x: number; y: number }> {
  const box = await evaluate(
    scope,
    ({ w, sel, nth }: { w: string; sel: string; nth: number }) => {
      const root = document.querySelector(sel) ?? document.body;
      // The text outside <rt>, across nodes: the pinyin layer puts each character of a word in a node of its own.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; from: number }[] = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('rt')) continue;
        nodes.push({ node: n as Text, from: text.length });
        text += (n as Text).data;
      }
      let at = -1;
      for (let seen = 0; seen <= nth; seen++) {
        at = text.indexOf(w, at + 1);
        if (at < 0) return null;
      }
      const hit = nodes.findLast((n) => n.from <= at);
      if (hit) {
        const range = document.createRange();
        range.setStart(hit.node, at - hit.from);
        range.setEnd(hit.node, at - hit.from + 1);
        if (range.getBoundingClientRect().top < 0 || range.getBoundingClientRect().bottom > innerHeight) {
          hit.node.parentElement?.scrollIntoView({ block: 'center' });
        }
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { w: word, sel: within, nth },
  );
  if (!box) throw new Error(`"${word}" is not on the page`);
  return box;
}

export interface CardView {
  entries: { word: string; source: string; note: string; pinyin: string }[];
  status: string;
  fontSize: string;
  /** The first entry's headword, as displayed (simplified or traditional first, per the settings). */
  headword: string;
  hskBadges: number;
  /** Tone-coloured syllables in the first entry's pinyin. */
  colouredSyllables: number;
  /** What the reader knows of the first word (known, learning, unknown), empty when the card does not say. */
  state: string;
}

/** What the hover card in this document shows (null when hidden), read through its open shadow root. */
export function readCard(scope: Scope): Promise<CardView | null> {
  return evaluate(scope, (): CardView | null => {
    const host = document.querySelector('yuedu-hover') as HTMLElement | null;
    const root = host?.shadowRoot;
    const el = root?.querySelector('.card') as HTMLElement | null;
    if (!host || host.style.display !== 'block' || !root || !el) return null;
    const first = root.querySelector('.entry');
    return {
      entries: [...root.querySelectorAll('[data-entry]')].map((e) => ({
        word: e.getAttribute('data-entry') ?? '',
        source: e.getAttribute('data-source') ?? '',
        note: e.querySelector(':scope > .gloss .note')?.textContent ?? '',
        pinyin: e.querySelector(':scope > .reading .pinyin')?.textContent ?? '',
      })),
      status: root.querySelector('.status')?.textContent ?? '',
      fontSize: el.style.fontSize,
      headword: first?.querySelector('.hw')?.textContent ?? '',
      hskBadges: root.querySelectorAll('.badge.hsk').length,
      colouredSyllables: first?.querySelectorAll('.pinyin span[style*="color"]').length ?? 0,
      state: first?.querySelector('.badge.state')?.getAttribute('data-state') ?? '',
    };
  }, undefined);
}
