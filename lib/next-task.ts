/**
 * Resolves at the next task: input and rendering get their turn, without waiting for idle time (which a busy page
 * may not have for a long while), and without setTimeout, which a background tab slows to once a second.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** How long work runs before it yields: well under a frame, so input, painting and other requests keep up. */
const SLICE_MS = 8;

/**
 * Gives the event loop back when the current slice is used up: call it between units of a long job. Never call it
 * inside an IndexedDB transaction: the transaction would commit.
 */
export function pacer(clock: () => number = () => performance.now()): () => Promise<void> {
  let since = clock();
  return async () => {
    if (clock() - since < SLICE_MS) return;
    await nextTask();
    since = clock();
  };
}
