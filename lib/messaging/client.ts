import { browser } from 'wxt/browser';
import type { Envelope, Reply, RequestOf, RequestType, ResponseOf } from './protocol';

/** Sends a typed request to the background and unwraps its reply; a handler's error is rethrown here. */
export async function send<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { yuedu: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<T> | undefined;
  if (!reply) throw new Error(`No handler answered "${type}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
