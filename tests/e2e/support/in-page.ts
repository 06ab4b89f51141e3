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
