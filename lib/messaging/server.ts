import { browser } from 'wxt/browser';
import { isEnvelope, type Reply, type RequestOf, type RequestType, type ResponseOf } from './protocol';

export type Handlers = {
  [T in RequestType]: (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

/** Answers a request with the matching handler; pure so it can be unit-tested without a browser. */
export async function dispatch(handlers: Partial<Handlers>, message: unknown): Promise<Reply<RequestType> | undefined> {
  if (!isEnvelope(message)) return undefined;
  const handler = handlers[message.type] as ((payload: unknown) => unknown) | undefined;
  if (!handler) return { ok: false, error: `Unknown message type "${message.type}"` };
  try {
    return { ok: true, value: (await handler(message.payload)) as ResponseOf<RequestType> };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Registers the handlers with the runtime; messages that are not ours are left for other listeners. */
export function serve(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message);
  });
}
