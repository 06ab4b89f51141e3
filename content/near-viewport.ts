/**
 * Tells when elements come near the viewport (within one viewport's height above or below it), through an
 * IntersectionObserver: the browser works out what is on screen as it scrolls, and the page pays nothing while the
 * reader stays put.
 */

/**
 * Watches `targets` (repeats allowed); calls `near(i)` for each index whose element comes near, those on screen first.
 * Returns the stop.
 */
export function watchNearViewport(targets: readonly Element[], near: (index: number) => void): () => void {
  const indices = new Map<Element, number[]>();
  targets.forEach((el, i) => {
    const list = indices.get(el);
    if (list) list.push(i);
    else indices.set(el, [i]);
  });
  const observer = new IntersectionObserver(
    (entries) => {
      // What is on screen before what is only near it (after a jump, the margin above comes first in document order).
      const height = innerHeight;
      const distance = ({ boundingClientRect: r }: IntersectionObserverEntry) => (r.bottom < 0 ? -r.bottom : r.top > height ? r.top - height : 0);
      for (const entry of entries.filter((e) => e.isIntersecting).sort((a, b) => distance(a) - distance(b))) {
        // Each element is reported once: what it starts is annotated then, and needs no second call.
        observer.unobserve(entry.target);
        for (const i of indices.get(entry.target) ?? []) near(i);
      }
    },
    { rootMargin: '100% 0px' },
  );
  for (const el of indices.keys()) observer.observe(el);
  return () => observer.disconnect();
}
