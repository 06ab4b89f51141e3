/**
 * Chromium stops an extension's service worker after some 30 seconds without events, and a hover on a stopped worker
 * waits for it to start again: 400–700 ms on a busy two-core machine, against some 20 ms when it runs. So the reader's
 * own input on a page being read pings the worker, at most once every PING_EVERY_MS: while the reader is at the page
 * the worker never stops, and after a longer pause the first movement wakes it while the pointer is still on its way to
 * a word. Without input (the reader away, the tab hidden) nothing is sent, and the worker stops as the browser wants.
 * Only the reader's input counts (`isTrusted`): a page's script cannot keep the worker running.
 */
const INPUTS = ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const;

/**
 * Well below the 30 s after which Chromium stops an idle worker: a ping costs next to nothing, and a worker stopped for
 * any other reason is woken the sooner.
 */
export const PING_EVERY_MS = 5_000;

/** Whether input heard at `now` pings: the first does, then one at most every PING_EVERY_MS. */
export function pingPacer(): (now: number) => boolean {
  let last = -Infinity;
  return (now) => {
    if (now - last < PING_EVERY_MS) return false;
    last = now;
    return true;
  };
}

/** Pings (`ping`) on the reader's input in `win`, paced as above; returns the stop. */
export function wakeWorkerOnInput(win: Window, ping: () => void): () => void {
  const due = pingPacer();
  const heard = (e: Event) => {
    if (e.isTrusted && due(e.timeStamp)) ping();
  };
  for (const type of INPUTS) win.addEventListener(type, heard, { capture: true, passive: true });
  return () => {
    for (const type of INPUTS) win.removeEventListener(type, heard, true);
  };
}
