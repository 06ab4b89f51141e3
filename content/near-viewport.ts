/**
 * Tells when elements come near the viewport (within one viewport's height above or below it), through an
 * IntersectionObserver: the browser works out what is on screen as it scrolls, and the page pays nothing while the
 * reader stays put. A jump is seen sooner through the scroll event: the observer reports it a frame or two later, each
 * frame 50 ms or more on a 5 MB page.
 */

/** An element come near: its index among the targets, and whether it is on screen itself (not only near it). */
export interface NearReport {
  index: number;
  onScreen: boolean;
}

export interface NearWatch {
  stop(): void;
  /** Watches the index's element again: it is reported once more when it is (or next comes) near. */
  again(index: number): void;
}

/** How far beyond the viewport, above and below, counts as near: one viewport's height. */
const MARGIN = 1;

/**
 * Watches `targets` (repeats allowed, in document order); calls `report` with the indices whose elements came near,
 * all those of one observation at once, those on screen first. An element is on screen when its own box is, or when it
 * is the last above the viewport and none starts at its top: it starts the text that reaches onto the screen. Each
 * element is reported once, unless watched again.
 */
export function watchNearViewport(targets: readonly Element[], report: (reports: NearReport[]) => void): NearWatch {
  const indices = new Map<Element, number[]>();
  targets.forEach((el, i) => {
    const list = indices.get(el);
    if (list) list.push(i);
    else indices.set(el, [i]);
  });
  /** The elements not reported since they were (last) watched. */
  const watched = new Set<Element>();
  const reportsOf = (el: Element, onScreen: boolean): NearReport[] => {
    observer.unobserve(el);
    watched.delete(el);
    return (indices.get(el) ?? []).map((index) => ({ index, onScreen }));
  };
  const observer = new IntersectionObserver(
    (entries) => {
      // What is on screen before what is only near it (after a jump, the margin above comes first in document order).
      const height = innerHeight;
      const distance = ({ boundingClientRect: r }: IntersectionObserverEntry) => (r.bottom < 0 ? -r.bottom : r.top > height ? r.top - height : 0);
      const near = entries.filter((e) => e.isIntersecting).sort((a, b) => distance(a) - distance(b));
      const onScreen = new Set(startingOnScreen(near.map((e) => e.boundingClientRect), height).map((i) => near[i]));
      const reports: NearReport[] = [];
      // Each element is reported once: what it starts is annotated then, and needs no second call.
      for (const entry of near.sort((a, b) => Number(onScreen.has(b)) - Number(onScreen.has(a)))) {
        if (watched.has(entry.target)) reports.push(...reportsOf(entry.target, onScreen.has(entry)));
      }
      if (reports.length) report(reports);
    },
    { rootMargin: `${MARGIN * 100}% 0px` },
  );
  const watch = (el: Element) => {
    watched.add(el);
    observer.observe(el);
  };
  // At the scroll event, before the frame that shows the new place: the layout it reads is the one that frame needs.
  const onScroll = () => {
    const on = startingOnScreenAmong(targets.length, (i) => (targets[i] as Element).getBoundingClientRect().top, innerHeight);
    const reports = on.flatMap((i) => {
      const el = targets[i] as Element;
      return watched.has(el) ? reportsOf(el, true) : [];
    });
    if (reports.length) report(reports);
  };
  addEventListener('scroll', onScroll, { capture: true, passive: true });
  for (const el of indices.keys()) watch(el);
  return {
    stop: () => {
      observer.disconnect();
      removeEventListener('scroll', onScroll, { capture: true });
    },
    again: (index) => {
      const el = targets[index];
      if (el) watch(el);
    },
  };
}

/**
 * The indices of the elements (in document order, so top to bottom) that start text on screen, found with a few reads
 * of their tops: the last one starting above the viewport's top, then those starting on it.
 */
export function startingOnScreenAmong(count: number, topOf: (index: number) => number, height: number): number[] {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (topOf(mid) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const on = lo > 0 ? [lo - 1] : [];
  for (let i = lo; i < count && topOf(i) <= height; i++) on.push(i);
  return on;
}

/**
 * Which of these boxes (of elements in document order, each starting the text up to the next) start text on screen, by
 * index: those on screen, and the last one above the viewport unless one of those starts at its top, as its text
 * reaches onto the screen (a jump lands in the middle of a slice).
 */
export function startingOnScreen(boxes: readonly { top: number; bottom: number }[], height: number): number[] {
  const on = boxes.flatMap((box, i) => (box.bottom >= 0 && box.top <= height ? [i] : []));
  if (on.some((i) => (boxes[i] as { top: number }).top <= 0)) return on;
  let above = -1;
  boxes.forEach((box, i) => {
    if (box.bottom < 0 && (above < 0 || box.top > (boxes[above] as { top: number }).top)) above = i;
  });
  return above < 0 ? on : [above, ...on];
}

/** Whether any of the text from `first` to `last` (in document order) is near the viewport, as watchNearViewport counts it. */
export function isNearViewport(first: Element, last: Element): boolean {
  const margin = innerHeight * MARGIN;
  return last.getBoundingClientRect().bottom >= -margin && first.getBoundingClientRect().top <= innerHeight + margin;
}
