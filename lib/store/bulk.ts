/**
 * Bulk requests in pieces. IndexedDB clones every row of a bulk request on the calling thread before it answers: one
 * request for thousands of rows holds a page (the word list importing a backup) or the service worker for hundreds of
 * milliseconds. Pieces of BULK_ROWS rows, each sent from the previous one's answer, keep a transaction alive (a
 * request is always pending) while the thread gets a turn between them.
 */

/**
 * Rows per request: 2,000 rows of a 31 MB backup held the page for 100–370 ms each on a two-core machine
 * (npm run bench -- store), against 100 ms for parsing the whole file.
 */
export const BULK_ROWS = 500;

/** `table.bulkGet(keys)`, BULK_ROWS keys at a time. */
export async function bulkGetInPieces<T, K>(table: { bulkGet(keys: K[]): PromiseLike<(T | undefined)[]> }, keys: readonly K[]): Promise<(T | undefined)[]> {
  const rows: (T | undefined)[] = [];
  for (let start = 0; start < keys.length; start += BULK_ROWS) rows.push(...(await table.bulkGet(keys.slice(start, start + BULK_ROWS))));
  return rows;
}
