/**
 * In-page recorders the reading benches add as init scripts: they note, in the page's own clock, when the reader's
 * work shows (the article marked, the layer complete, a card drawn) and how long the main thread was held.
 */

/** The word whose first card the cold-start rows time. */
export const CARD_WORD = '命运共同体';

/**
 * Records when the article is marked, when the pinyin layer is complete, when the first card shows `CARD_WORD` and when
 * the first card of any word shows, and long tasks after load.
 */
export function recordMilestones(cardWord: string | null): void {
  const marks: Record<string, number> = {};
  (window as unknown as { __marks: Record<string, number> }).__marks = marks;
  new MutationObserver(() => {
    const article = document.querySelector('[data-yuedu-article]');
    if (article && marks.article === undefined) marks.article = performance.now();
    if (article?.getAttribute('data-yuedu-pinyin') === 'all' && marks.layer === undefined) marks.layer = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-yuedu-article', 'data-yuedu-pinyin'] });
  // The card lives in the open shadow root of the host the content script appends to <html>.
  const watchCard = (host: Element) => {
    const root = host.shadowRoot;
    if (!root) return;
    const check = () => {
      if (marks.card === undefined && cardWord && root.textContent?.includes(cardWord)) marks.card = performance.now();
      if (marks.anyCard === undefined && root.textContent?.trim()) marks.anyCard = performance.now();
    };
    new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true });
    check();
  };
  // Not on pages where no card is timed: the watch would see every node the layer adds.
  const hosts = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n instanceof Element && n.localName === 'yuedu-hover') {
          hosts.disconnect();
          watchCard(n);
        }
      }
    }
  });
  if (cardWord) hosts.observe(document, { childList: true, subtree: true });
  const tasks: number[] = [];
  (window as unknown as { __tasks: number[] }).__tasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime > (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd) tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}
