/**
 * Functions that run inside a page (passed to `evaluate` by playwright-core or puppeteer-core alike): they read what
 * the browser really holds, not what the UI shows.
 */

/** Every row of an object store of the extension's IndexedDB, read with the raw API (from an extension page). */
export function storedRows(store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('yuedu');
    req.onsuccess = () => {
      const all = req.result.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => {
        req.result.close();
        resolve(all.result);
      };
      all.onerror = () => reject(all.error);
    };
    req.onerror = () => reject(req.error);
  });
}

/** The word the browser highlights for the hover card, and whether the page's selection was touched. */
export function wordHighlight(): { highlighted: string | undefined; selections: number } {
  const highlight = CSS.highlights.get('yuedu-word');
  const range = highlight ? ([...highlight][0] as Range) : null;
  return { highlighted: range?.toString(), selections: getSelection()?.rangeCount ?? 0 };
}

/**
 * A Han character covered by the hover card (shown below its word), reached from `from` on a diagonal going `slope`
 * px across per px down, far enough that a move there in `steps` steps has its first step already inside the card (a
 * quick flick, so the card's area is crossed, not the gap before it). Null when the card covers none on that line.
 */
export function hanUnderCard({ from, slope, steps }: { from: { x: number; y: number }; slope: number; steps: number }): { x: number; y: number; char: string } | null {
  const host = document.querySelector('yuedu-hover') as HTMLElement;
  const box = host.getBoundingClientRect();
  if (host.dataset.side !== 'below') return null;
  const doc = document as Document & { caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null };
  // The text beneath, as it is without the card.
  host.style.setProperty('visibility', 'hidden');
  try {
    for (let dy = (box.top - from.y) * steps + 8; from.y + dy < box.bottom - 4; dy += 4) {
      // Whole pixels: Firefox's pointer lands on them.
      const x = Math.round(from.x + dy * slope);
      const y = Math.round(from.y + dy);
      if (x > box.right - 4) break;
      const caret = doc.caretPositionFromPoint(x, y);
      const node = caret?.offsetNode;
      if (!caret || node?.nodeType !== Node.TEXT_NODE) continue;
      for (const at of [caret.offset, caret.offset - 1]) {
        const char = (node as Text).data[at] ?? '';
        if (!/\p{Script=Han}/u.test(char)) continue;
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 1);
        const rect = r.getBoundingClientRect();
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { x, y, char };
      }
    }
    return null;
  } finally {
    host.style.removeProperty('visibility');
  }
}

/** The words of the pinyin layer: each one's text, the pinyin of its columns (one per character) and its coloured syllables. */
export function layerWords(): { word: string; pinyin: string; coloured: number }[] {
  return [...document.querySelectorAll('[data-yuedu-ruby]')].map((w) => ({
    word: [...w.querySelectorAll('ruby')].map((r) => r.lastChild?.textContent ?? '').join(''),
    pinyin: [...w.querySelectorAll('rt')].map((rt) => rt.textContent ?? '').join(' '),
    // A column's one syllable is coloured on its <rt>; a column of several, on a span each.
    coloured: w.querySelectorAll('rt[style*="color"], rt span[style*="color"]').length,
  }));
}

/**
 * How the pinyin layer sits on the article, measured as drawn: the smallest pinyin, the syllables whose centre is off
 * their character's (by more than a quarter of its width), the pinyin that reaches into the line above's characters,
 * adjacent syllables that touch, and how far apart the characters of a word are (in ems of the text) against what
 * their syllables need to stay apart; and the words that reach past the article's right edge (lines that do not wrap).
 */
export function layerGeometry(): {
  columns: number;
  smallestPinyinPx: number;
  offCentre: string[];
  intoLineAbove: string[];
  touching: string[];
  spreadBeyondNeed: string[];
  pastArticle: string[];
  medianSpreadEm: number;
} {
  const boxOf = (node: Node, from: number, to: number) => {
    const r = document.createRange();
    r.setStart(node, from);
    r.setEnd(node, to);
    return r.getBoundingClientRect();
  };
  /** Every character's box in a block, outside the pinyin. */
  const charsIn = (block: Element) => {
    const out: DOMRect[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t.parentElement?.closest('rt')) continue;
      const text = (t as Text).data;
      for (let i = 0; i < text.length; i++) if (text[i]?.trim()) out.push(boxOf(t, i, i + 1));
    }
    return out;
  };
  const blocks = new Map<Element, DOMRect[]>();
  const result = { columns: 0, smallestPinyinPx: Infinity, offCentre: [] as string[], intoLineAbove: [] as string[], touching: [] as string[], spreadBeyondNeed: [] as string[], pastArticle: [] as string[], medianSpreadEm: 0 };
  const articleRight = (document.querySelector('[data-yuedu-article]') as Element).getBoundingClientRect().right;
  const spreads: number[] = [];
  for (const word of document.querySelectorAll('[data-yuedu-article] [data-yuedu-ruby]')) {
    const block = word.parentElement?.closest('p, h1, h2, h3, h4, li, blockquote, figcaption, div') as Element;
    if (!blocks.has(block)) blocks.set(block, charsIn(block));
    const chars = blocks.get(block) as DOMRect[];
    const columns = [...word.querySelectorAll('ruby')].map((ruby) => {
      const base = ruby.lastChild as Text;
      const rt = ruby.querySelector('rt') as HTMLElement;
      return { text: base.data, char: boxOf(base, 0, base.length), pinyin: rt.getBoundingClientRect(), px: parseFloat(getComputedStyle(rt).fontSize), em: parseFloat(getComputedStyle(ruby).fontSize), syllable: rt.textContent ?? '' };
    });
    if (word.getBoundingClientRect().right > articleRight + 0.5) result.pastArticle.push(columns.map((c) => c.text).join(''));
    columns.forEach((c, i) => {
      result.columns++;
      result.smallestPinyinPx = Math.min(result.smallestPinyinPx, c.px);
      const label = `${c.text} ${c.syllable}`;
      if (c.text.length === 1 && Math.abs((c.pinyin.left + c.pinyin.right) / 2 - (c.char.left + c.char.right) / 2) > c.char.width / 4) result.offCentre.push(label);
      const above = chars.filter((b) => b.bottom <= c.char.top + 1 && b.right > c.pinyin.left && b.left < c.pinyin.right);
      if (above.some((b) => c.pinyin.top < b.bottom - 0.5)) result.intoLineAbove.push(label);
      const next = columns[i + 1];
      if (!next) return;
      if (next.pinyin.left < c.pinyin.right - 0.5) result.touching.push(`${label} | ${next.text} ${next.syllable}`);
      const spread = (next.char.left - c.char.right) / c.em;
      const need = Math.max(0, (c.pinyin.width + next.pinyin.width - c.char.width - next.char.width) / 2) / c.em;
      spreads.push(spread);
      if (spread > need + 0.1) result.spreadBeyondNeed.push(`${label} | ${next.text} ${next.syllable}: ${spread.toFixed(2)} em for ${need.toFixed(2)}`);
    });
  }
  spreads.sort((a, b) => a - b);
  result.medianSpreadEm = spreads[Math.floor(spreads.length / 2)] ?? 0;
  return result;
}
