import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { checkStore, repairStore } from '../../../lib/store/consistency';
import { gradeCard, nextCard } from '../../../lib/store/schedule';
import { saveWord } from '../../../lib/store/words';
import { community, ctx, DAY, freshDb, MIN, summit, T0 } from './fixtures';

const NOW = T0 + DAY;

/** A store damaged the ways issue 17 found, written past the validators as an older version or a bad import did. */
async function damaged() {
  const db = freshDb();
  const good = await saveWord(db, { word: summit, context: ctx('峰会一。') }, T0);
  await saveWord(db, { word: summit, context: ctx('峰会二。') }, T0 + MIN);
  const bad = await saveWord(db, { word: community, context: ctx('共同体。') }, T0);
  const item = await nextCard(db, T0 + 2 * MIN, 20);
  await gradeCard(db, item?.card.id ?? 0, Rating.Good, T0 + 2 * MIN);
  const word = await db.words.get(good.id);
  const card = await db.cards.where('wordId').equals(bad.id).first();
  if (!word || !card) throw new Error('fixture store incomplete');
  await db.words.put({ ...word, savedAt: 1e308, contexts: [...word.contexts].reverse() });
  await db.cards.put({ ...card, state: 2, stability: 0, difficulty: 5, reps: 3, last_review: T0, queue: 1 });
  await db.cards.add({ ...card, id: 999, wordId: 12345, kind: 'produce' });
  await db.words.add({ ...word, id: 50, simplified: '\u200B', traditional: '\u200B' });
  await db.known.put({ simplified: ' 新疆', markedAt: Date.UTC(2100, 0, 1) });
  // A deletion remembered for a word that is saved: it would make the next import drop the word.
  await db.tombstones.put({ kind: 'word', simplified: '峰会', at: T0 });
  // Marked both ways (written past setMarks): the later mark stays.
  await db.known.put({ simplified: '中国', markedAt: T0 });
  await db.notKnown.put({ simplified: '中国', markedAt: T0 + MIN });
  await db.notKnown.put({ simplified: '', markedAt: T0 });
  await db.corrections.bulkAdd([
    { id: 7, kind: 'split', text: '峰会', traditional: '峰會', pieces: [1, 1], site: 'news.example.cn', scope: 'site', createdAt: T0 },
    { id: 8, kind: 'split', text: '峰会', traditional: '峰會', pieces: [3], site: 'news.example.cn', scope: 'site', createdAt: T0 },
  ]);
  return { db, good, bad };
}

describe('a damaged store', () => {
  it('lists what is wrong, by path', async () => {
    const { db, good, bad } = await damaged();
    const paths = (await checkStore(db, NOW)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `words/${good.id}.savedAt`,
        `words/${good.id}.contexts`,
        'words/50.simplified',
        'cards/999.wordId',
        'known/ 新疆.markedAt',
        'notKnown/中国',
        'notKnown/',
        'tombstones/word/峰会',
        'corrections/8',
      ]),
    );
    expect(paths).not.toContain('corrections/7');
    expect(paths.some((p) => p.startsWith('cards/') && p !== 'cards/999.wordId')).toBe(true);
    expect(bad.id).toBeGreaterThan(0);
  });

  it('repairs itself in one call, keeping everything still valid, and then works', async () => {
    const { db, good, bad } = await damaged();
    const reviewsBefore = await db.reviews.count();
    await repairStore(db, NOW);
    expect(await checkStore(db, NOW)).toEqual([]);
    const words = await db.words.toArray();
    expect(words.map((w) => w.simplified).sort()).toEqual(['命运共同体', '峰会']);
    expect((await db.words.get(good.id))?.contexts.map((c) => c.sentence)).toEqual(['峰会一。', '峰会二。']);
    expect(await db.reviews.count()).toBe(reviewsBefore);
    expect(await db.known.get('新疆')).toBeDefined();
    expect(await db.tombstones.count()).toBe(0);
    expect([await db.known.get('中国'), (await db.notKnown.toArray()).map((k) => k.simplified)]).toEqual([undefined, ['中国']]);
    expect((await db.corrections.toArray()).map((c) => c.id)).toEqual([7]);
    // The card whose schedule ts-fsrs could not use is kept, as a new card.
    expect((await db.cards.where('wordId').equals(bad.id).first())?.state).toBe(0);
    await saveWord(db, { word: { ...summit, simplified: '丝路', traditional: '絲路' }, context: ctx('丝路') }, NOW);
    const next = await nextCard(db, NOW, 20);
    await gradeCard(db, next?.card.id ?? 0, Rating.Good, NOW);
  });

  it('finds nothing wrong in a healthy store and changes nothing when repaired', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('峰会。') }, T0);
    const before = await db.words.toArray();
    expect(await checkStore(db, NOW)).toEqual([]);
    expect(await repairStore(db, NOW)).toEqual([]);
    expect(await db.words.toArray()).toEqual(before);
  });
});
