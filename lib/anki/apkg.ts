/**
 * An .apkg: a zip holding the collection and `media`, the JSON map of media files (none: Yuedu notes are text).
 */
import { zipSync, strToU8 } from 'fflate';
import type { SqlJsStatic } from 'sql.js';
import type { SavedWord } from '../store/db';
import { buildCollection } from './collection';

export async function buildApkg(SQL: SqlJsStatic, words: readonly SavedWord[], now = Date.now()): Promise<Uint8Array<ArrayBuffer>> {
  const collection = await buildCollection(SQL, words, now);
  // fflate writes into a fresh ArrayBuffer (never a shared one), which a Blob takes as it is.
  return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }) as Uint8Array<ArrayBuffer>;
}
