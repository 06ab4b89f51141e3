/**
 * The word list's Anki files (the .apkg export, the import of a deck), loaded only when the reader uses one (a dynamic
 * import), so sql.js and its wasm stay out of every other page. The wasm is a file of the extension: nothing is
 * fetched from the network.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { buildApkg } from '../../lib/anki/apkg';
import { readApkg, type AnkiDeck } from '../../lib/anki/read-apkg';
import type { SavedWord } from '../../lib/store/db';

const sql = () => initSqlJs({ locateFile: () => wasmUrl });

export async function apkgBytes(words: readonly SavedWord[], now: number): Promise<Uint8Array<ArrayBuffer>> {
  return buildApkg(await sql(), words, now);
}

export async function readDeck(bytes: Uint8Array): Promise<AnkiDeck> {
  return readApkg(await sql(), bytes);
}
