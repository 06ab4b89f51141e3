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
