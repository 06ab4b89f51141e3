/**
 * The .apkg export's browser side, loaded by the word list only when the reader exports (a dynamic import), so sql.js
 * and its wasm stay out of every other page. The wasm is a file of the extension: nothing is fetched from the network.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { buildApkg } from '../../lib/anki/apkg';
import type { SavedWord } from '../../lib/store/db';

export async function apkgBytes(words: readonly SavedWord[], now: number): Promise<Uint8Array<ArrayBuffer>> {
  const SQL = await initSqlJs({ locateFile: () => wasmUrl });
  return buildApkg(SQL, words, now);
}
