/**
 * Tells when elements come near the viewport (within one viewport's height above or below it), through an
 * IntersectionObserver: the browser works out what is on screen as it scrolls, and the page pays nothing while the
 * reader stays put.
 */

/** Watches `targets` (repeats allowed); calls `near(i)` for each index whose element comes near. Returns the stop. */
export function watchNearViewport(targets: readonly Element[], near: (index: number) => void): () => void {
  const indices = new Map<Element, number[]>();
  targets.forEach((el, i) => {
    const list = indices.get(el);
    if (list) list.push(i);
    else indices.set(el, [i]);
  });
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
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
