import { browser } from 'wxt/browser';
import { isEnvelope, type BackgroundRequests, type Reply, type RequestOf, type ResponseOf, type TabRequests } from './protocol';

export type Handlers<M> = {
  [T in keyof M]: (payload: RequestOf<M, T>) => ResponseOf<M, T> | Promise<ResponseOf<M, T>>;
};

/** Answers a request with the matching handler; pure so it can be unit-tested without a browser. */
export async function dispatch<M>(handlers: Partial<Handlers<M>>, message: unknown): Promise<Reply | undefined> {
  if (!isEnvelope(message)) return undefined;
  const handler = (handlers as Record<string, ((payload: unknown) => unknown) | undefined>)[message.type];
  if (!handler) return { ok: false, error: `Unknown message type "${message.type}"` };
  try {
    return { ok: true, value: await handler(message.payload) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function listen<M>(handlers: Partial<Handlers<M>>): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    // Messages that are not ours are left for other listeners.
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message);
  });
}

/** The background answers every request type: the compiler checks that none is missing. */
export const serveBackground = (handlers: Handlers<BackgroundRequests>): void => listen<BackgroundRequests>(handlers);

/** A content script answers the requests addressed to tabs. */
export const serveTab = (handlers: Handlers<TabRequests>): void => listen<TabRequests>(handlers);
