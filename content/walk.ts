/**
 * Visiting text nodes fast. A TreeWalker with a filter callback calls back into the content script for every node,
 * and each call crosses from the page's world into ours: on a 5 MB page that alone takes seconds. A filterless walker
 * that we steer ourselves (skipping a rejected element's subtree by moving to its next sibling) costs far less.
 */
export function* textNodes(root: Node, skip: (el: Element) => boolean): Generator<Text> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) yield node as Text;
    else if (skip(node as Element)) {
      node = pastSubtree(walker);
      continue;
    }
    node = walker.nextNode();
  }
}

/** The node after the current one's subtree, or null at the end of the walker's root. */
function pastSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** A step of long work that yields (undefined) now and then, where a driver may let the page breathe. */
export type Steps<T> = Generator<void, T>;

/** Runs the steps to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, pausing whenever one slice of work has taken longer than `sliceMs`: input and rendering go on. */
export async function runInSlices<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs = 8): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start > sliceMs) {
      await pause();
      start = performance.now();
    }
  }
}
