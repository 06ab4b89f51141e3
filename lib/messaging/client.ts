import { browser } from 'wxt/browser';
import type { BackgroundRequests, Envelope, Reply, RequestOf, RequestType, ResponseOf, TabRequests } from './protocol';

function unwrap<V>(type: string, reply: Reply<V> | undefined): V {
  if (!reply) throw new Error(`No handler answered "${type}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a typed request to the background and unwraps its reply; a handler's error is rethrown here. */
export async function send<T extends RequestType<BackgroundRequests>>(
  type: T,
  payload: RequestOf<BackgroundRequests, T>,
): Promise<ResponseOf<BackgroundRequests, T>> {
  const envelope: Envelope<T> = { yuedu: 1, type, payload };
  return unwrap(type, await browser.runtime.sendMessage(envelope));
}

/** Sends a typed request to the content script of a tab (its top frame). */
export async function sendToTab<T extends RequestType<TabRequests>>(
  tabId: number,
  type: T,
  payload: RequestOf<TabRequests, T>,
): Promise<ResponseOf<TabRequests, T>> {
  const envelope: Envelope<T> = { yuedu: 1, type, payload };
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }));
}
