import { browser } from 'wxt/browser';
import { backgroundParsers, tabParsers, type Parsers } from './payloads';
import { isEnvelope, type BackgroundRequests, type Reply, type RequestOf, type ResponseOf, type TabRequests } from './protocol';

export type Handlers<M> = {
  [T in keyof M]: (payload: RequestOf<M, T>) => ResponseOf<M, T> | Promise<ResponseOf<M, T>>;
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Answers a request: its payload is parsed by the type's parser (a bad one is answered with the parser's message,
 * which says what is wrong and where), then handed to the type's handler. Both are looked up
 * as own properties, so `constructor` or `__proto__` is an unknown type like any other. Pure, for unit tests.
 */
export async function dispatch<M>(parsers: Parsers<M>, handlers: Partial<Handlers<M>>, envelope: unknown): Promise<Reply | undefined> {
  if (!isEnvelope(envelope)) return undefined;
  const { type } = envelope;
  const parse = Object.hasOwn(parsers, type) ? (parsers as Record<string, (payload: unknown) => unknown>)[type] : undefined;
  const handle = Object.hasOwn(handlers, type) ? (handlers as Record<string, ((payload: unknown) => unknown) | undefined>)[type] : undefined;
  if (!parse || !handle) return { ok: false, error: `Unknown message type "${type}"` };
  let payload: unknown;
  try {
    payload = parse(envelope.payload);
  } catch (err) {
    return { ok: false, error: message(err) };
  }
  try {
    return { ok: true, value: await handle(payload) };
  } catch (err) {
    return { ok: false, error: message(err) };
  }
}

/** Listens for requests until the returned function is called. */
function listen<M>(parsers: Parsers<M>, handlers: Partial<Handlers<M>>): () => void {
  const listener = (envelope: unknown) => {
    // Messages that are not ours are left for other listeners.
    if (!isEnvelope(envelope)) return undefined;
    return dispatch(parsers, handlers, envelope);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The background answers every request type: the compiler checks that none is missing. */
export const serveBackground = (handlers: Handlers<BackgroundRequests>): (() => void) => listen<BackgroundRequests>(backgroundParsers, handlers);

/**
 * A content script answers the requests addressed to tabs. It calls the returned function when its context is
 * invalidated (the extension reloaded), so the dead script stops answering.
 */
export const serveTab = (handlers: Handlers<TabRequests>): (() => void) => listen<TabRequests>(tabParsers, handlers);
