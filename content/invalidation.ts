/**
 * When this content script must stop: only when its extension is really gone (reloaded, updated, removed), never
 * because the page said so. WXT's context stops an older copy of the script when a newer one announces itself with a
 * document event named after the extension id, and a page that knows the id (it is public) can send the same event.
 * An older copy is one whose extension runtime is gone, so an announcement heard while ours is alive is the page's
 * and is ignored; the context is spent by then, so the announcement is also heard here directly, for the day a real
 * newer copy comes.
 */
export interface Invalidation {
  onInvalidated(callback: () => void): void;
}

export interface InvalidationDeps {
  /** Whether this script's extension runtime is still there (`browser.runtime?.id` is set). */
  alive(): boolean;
  /** Calls `heard` on each announcement of a newer copy of the script; returns a function that stops listening. */
  listenForNewer(heard: () => void): () => void;
}

/** Calls `stop` once, when the extension behind this script is really gone. */
export function onRealInvalidation(ctx: Invalidation, deps: InvalidationDeps, stop: () => void): void {
  let stopped = false;
  let unlisten = () => {};
  const check = () => {
    if (stopped || deps.alive()) return;
    stopped = true;
    unlisten();
    stop();
  };
  ctx.onInvalidated(check);
  unlisten = deps.listenForNewer(check);
}
