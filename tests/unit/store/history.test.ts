import { describe, expect, it } from 'vitest';
import { clearHistory, HISTORY_SIZE, listHistory, recordLookup } from '../../../lib/store/history';
import { community, ctx, freshDb, summit, T0 } from './fixtures';

describe('the lookup history', () => {
  it('lists lookups newest first, one row a word with its latest lookup', async () => {
    const db = freshDb();
    await recordLookup(db, { word: summit, context: ctx('中亚峰会在西安举行。') }, T0);
    await recordLookup(db, { word: community, context: ctx('构建命运共同体。') }, T0 + 1);
    await recordLookup(db, { word: summit, context: ctx('峰会闭幕。', 'https://news.example.cn/b.html') }, T0 + 2);
    const list = await listHistory(db);
    expect(list.map((r) => [r.simplified, r.lookedUpAt])).toEqual([
      ['峰会', T0 + 2],
      ['命运共同体', T0 + 1],
    ]);
    expect(list[0]).toMatchObject({ word: summit, context: { sentence: '峰会闭幕。', url: 'https://news.example.cn/b.html' } });
  });

  it(`keeps only the last ${HISTORY_SIZE} words, dropping the oldest`, async () => {
    const db = freshDb();
    // A full history written at once (one write a lookup would be slow on fake IndexedDB), then three more lookups.
    const row = (i: number) => ({ simplified: `词${i}`, word: { ...summit, simplified: `词${i}` }, context: ctx(''), lookedUpAt: T0 + i });
    await db.history.bulkPut(Array.from({ length: HISTORY_SIZE }, (_, i) => row(i)));
    for (let i = HISTORY_SIZE; i < HISTORY_SIZE + 3; i++) {
      await recordLookup(db, { word: row(i).word, context: ctx('') }, T0 + i);
    }
    const list = await listHistory(db);
    expect(list).toHaveLength(HISTORY_SIZE);
    expect(list.at(-1)?.simplified).toBe('词3');
    expect(list[0]?.simplified).toBe(`词${HISTORY_SIZE + 2}`);
  });

  it('is cleared on request', async () => {
    const db = freshDb();
    await recordLookup(db, { word: summit, context: ctx('') }, T0);
    await clearHistory(db);
    expect(await listHistory(db)).toEqual([]);
  });
});
