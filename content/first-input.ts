/**
 * The reader's first own input on a page (a pointer moved or pressed, a key pressed: `isTrusted`, which a page's
 * script cannot forge). What would tell the page about the reader's vocabulary waits for it: a page that merely
 * loads and reads its own DOM learns nothing before the reader is there.
 */
const INPUTS = ['pointermove', 'pointerdown', 'keydown'] as const;

/** Calls `then` once, on the first trusted input in `win`; returns a function that stops waiting. */
export function onFirstTrustedInput(win: Window, then: () => void): () => void {
  const stop = () => {
    for (const type of INPUTS) win.removeEventListener(type, heard, true);
  };
  function heard(e: Event): void {
    if (!e.isTrusted) return;
    stop();
    then();
  }
  for (const type of INPUTS) win.addEventListener(type, heard, { capture: true, passive: true });
  return stop;
}
