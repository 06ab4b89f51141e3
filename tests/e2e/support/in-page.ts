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
