import { describe, expect, it } from 'vitest';
import { BULK_ROWS, bulkGetInPieces } from '../../../lib/store/bulk';
import { freshDb } from './fixtures';

describe('bulkGetInPieces', () => {
  it('asks for at most BULK_ROWS keys at a time, and answers every key in order', async () => {
    const asked: number[][] = [];
    const table = { bulkGet: async (keys: number[]) => (asked.push(keys), keys.map((k) => (k % 7 === 0 ? undefined : `row ${k}`))) };
    const keys = Array.from({ length: 2 * BULK_ROWS + 3 }, (_, i) => i);
    const rows = await bulkGetInPieces(table, keys);
    expect(asked.map((a) => a.length)).toEqual([BULK_ROWS, BULK_ROWS, 3]);
    expect(rows).toEqual(keys.map((k) => (k % 7 === 0 ? undefined : `row ${k}`)));
    expect(await bulkGetInPieces(table, [])).toEqual([]);
  });

  it('keeps the transaction it runs in alive: a write after it commits with it', async () => {
    const db = freshDb();
    const rows = Array.from({ length: BULK_ROWS * 2 + 1 }, (_, i) => ({ simplified: `词${i}`, markedAt: i }));
    await db.known.bulkAdd(rows);
    await db.transaction('rw', db.known, async () => {
      const read = await bulkGetInPieces(db.known, [...rows.map((r) => r.simplified), '无']);
      expect(read.map((r) => r?.markedAt)).toEqual([...rows.map((r) => r.markedAt), undefined]);
      await db.known.put({ simplified: '后', markedAt: 0 });
    });
    expect(await db.known.get('后')).toBeDefined();
  });
});
