/**
 * Every message between content scripts, the background and extension pages is declared here,
 * so that a sender and its handler cannot disagree about a name or a shape.
 * Add a request type to `Requests`: its key is the message type, `req` what is sent, `res` what comes back.
 */
import type { LookupMatch, PinyinOptions, Segment } from '../../dictionary/types';

export interface Requests {
  ping: { req: { from: string }; res: { pong: true; version: string } };
  /** Words starting at `text[0]`, longest first; send a window of text (say 16 UTF-16 units) from the pointer. */
  lookup: { req: { text: string }; res: { matches: LookupMatch[] } };
  /** Segments with pinyin for each paragraph, for the pinyin layer and known-word marking. */
  annotate: { req: { paragraphs: string[]; pinyin: PinyinOptions }; res: { paragraphs: Segment[][] } };
}

export type RequestType = keyof Requests;
export type RequestOf<T extends RequestType> = Requests[T]['req'];
export type ResponseOf<T extends RequestType> = Requests[T]['res'];

export interface Envelope<T extends RequestType = RequestType> {
  yuedu: 1;
  type: T;
  payload: RequestOf<T>;
}

/** What a handler sends back: errors travel as data because thrown errors do not cross the message boundary. */
export type Reply<T extends RequestType> = { ok: true; value: ResponseOf<T> } | { ok: false; error: string };

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { yuedu?: unknown }).yuedu === 1 &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
