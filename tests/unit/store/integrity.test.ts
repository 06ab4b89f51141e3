/**
 * Named regression cases for issue 17 (each a mutation of a valid backup that an older importer accepted and that
 * harmed the store), in the manner of Yomitan's invalid-dictionary fixtures: each is refused with the path of the bad
 * field, or repaired with the repair in the import summary; never accepted as it is.
 */
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { exportBackup, type Backup } from '../../../lib/store/backup/format';
import { importBackupText } from '../../../lib/store/backup/merge';
import type { YueduDb } from '../../../lib/store/db';
import { dueCount } from '../../../lib/store/due';
import { gradeCard, nextCard } from '../../../lib/store/schedule';
import { saveWord } from '../../../lib/store/words';
import { community, ctx, DAY, freshDb, MIN, summit, T0 } from './fixtures';

const NOW = T0 + 2 * DAY;

async function filled(): Promise<YueduDb> {
  const db = freshDb();
  await saveWord(db, { word: summit, context: ctx('中亚峰会在西安举行。') }, T0);
  await saveWord(db, { word: summit, context: ctx('峰会闭幕。', 'https://other.example/x') }, T0 + MIN);
  await saveWord(db, { word: community, context: ctx('构建命运共同体。') }, T0 + 2 * MIN);
  const item = await nextCard(db, T0 + 3 * MIN, 20);
  if (item?.card.id) await gradeCard(db, item.card.id, Rating.Good, T0 + 3 * MIN);
  return db;
}

/** A store after the import: a new word can be saved and the next card graded (what the broken imports prevented). */
async function stillWorks(db: YueduDb): Promise<void> {
  await saveWord(db, { word: { ...summit, simplified: '丝路', traditional: '絲路' }, context: ctx('丝路') }, NOW);
  const item = await nextCard(db, NOW, 20);
  expect(item).not.toBeNull();
  for (const p of item?.previews ?? []) expect(Number.isFinite(p.due)).toBe(true);
  if (item?.card.id) await gradeCard(db, item.card.id, Rating.Good, NOW);
}

type Spoil = (b: Backup) => unknown;
const word0 = (b: Backup, change: object) => ({ ...b, words: [{ ...b.words[0], ...change }, ...b.words.slice(1)] });
const card0 = (b: Backup, change: object) => ({ ...b, cards: [{ ...b.cards[0], ...change }, ...b.cards.slice(1)] });
/** Moves every reference to word/card/review id `from` to `to`. */
const renumber = (b: Backup, kind: 'word' | 'card', to: number) => {
  const from = kind === 'word' ? b.words[0]?.id : b.cards[0]?.id;
  const map = (id: number) => (id === from ? to : id);
  return kind === 'word'
    ? { ...b, words: b.words.map((w) => ({ ...w, id: map(w.id ?? 0) })), cards: b.cards.map((c) => ({ ...c, wordId: map(c.wordId) })), reviews: b.reviews.map((r) => ({ ...r, wordId: map(r.wordId) })) }
    : { ...b, cards: b.cards.map((c) => ({ ...c, id: map(c.id ?? 0) })), reviews: b.reviews.map((r) => ({ ...r, cardId: map(r.cardId) })) };
};

const refused: [string, Spoil, RegExp][] = [
  ['a saved date of 1e308', (b) => word0(b, { savedAt: 1e308 }), /^words\[0\]\.savedAt should be a date between 2000-01-01 and /],
  ['an updated date of 1e308', (b) => word0(b, { updatedAt: 1e308 }), /^words\[0\]\.updatedAt should be a date between/],
  ['a context date of 8.64e15 + 1', (b) => word0(b, { contexts: [{ ...b.words[0]?.contexts[0], date: 8.64e15 + 1 }] }), /^words\[0\]\.contexts\[0\]\.date should be a date between/],
  ['a due date of 2^53 + 2', (b) => card0(b, { due: 2 ** 53 + 2 }), /^cards\[0\]\.due should be a date between/],
  ['a due date of NaN (null in JSON)', (b) => card0(b, { due: NaN }), /^cards\[0\]\.due should be a number/],
  ['a last review in 2100', (b) => card0(b, { state: 2, stability: 5, reps: 3, last_review: Date.UTC(2100, 0, 1) }), /^cards\[0\]\.last_review should be a date between/],
  ['stability 0 in the review state', (b) => card0(b, { state: 2, stability: 0, difficulty: 5, reps: 3, last_review: T0 }), /^cards\[0\] is a review state the scheduler cannot use \(Invalid memory state/],
  ['a review dated in the future', (b) => ({ ...b, reviews: [{ ...b.reviews[0], review: NOW + 2 * DAY }] }), /^reviews\[0\]\.review should be a date between/],
  ['a review whose logged state is unusable', (b) => ({ ...b, reviews: [{ ...b.reviews[0], before: { ...b.reviews[0]?.before, state: 2, stability: 0, difficulty: 5 } }] }), /^reviews\[0\]\.before is a review state the scheduler cannot use/],
  ['a date before 2000', (b) => word0(b, { savedAt: 0 }), /^words\[0\]\.savedAt should be a date between 2000-01-01/],
  ['a lone zero-width space as headword', (b) => word0(b, { simplified: '\u200B' }), /^words\[0\]\.simplified has no Chinese character or letter/],
  ['a lone surrogate in a headword', (b) => word0(b, { simplified: '峰\uD800' }), /^words\[0\]\.simplified contains a broken character/],
  ['a lone surrogate as a known word', (b) => ({ ...b, known: [{ simplified: '\uDC00', markedAt: T0 }] }), /^known\[0\]\.simplified contains a broken character/],
  ['a negative id', (b) => word0(b, { id: -1 }), /^words\[0\]\.id should be at least 1/],
];

const repaired: [string, Spoil, RegExp, (db: YueduDb) => Promise<void>][] = [
  ['a word id of 2^53', (b) => renumber(b, 'word', 2 ** 53), /^words\[0\]\.id$/, async (db) => expect(Math.max(...(await db.words.toCollection().primaryKeys()).map(Number))).toBeLessThan(2 ** 31)],
  ['a word id of 1e300', (b) => renumber(b, 'word', 1e300), /^words\[0\]\.id$/, async (db) => expect(await db.words.count()).toBe(2)],
  ['a card id of 1e300', (b) => renumber(b, 'card', 1e300), /^cards\[0\]\.id$/, async (db) => expect(Math.max(...(await db.cards.toCollection().primaryKeys()).map(Number))).toBeLessThan(2 ** 31)],
  [
    'a headword with surrounding spaces (" 峰会")',
    (b) => ({ ...b, words: b.words.map((w) => (w.simplified === '峰会' ? { ...w, simplified: ' 峰会' } : w)) }),
    /^words\[\d\]\.simplified$/,
    async (db) => expect((await db.words.toArray()).map((w) => w.simplified).sort()).toEqual(['命运共同体', '峰会']),
  ],
  [
    'a headword in decomposed Unicode',
    (b) => ({ ...b, known: [{ simplified: 'cafe\u0301', markedAt: T0 }] }),
    /^known\[0\]\.simplified$/,
    async (db) => expect(await db.known.get('café')).toBeDefined(),
  ],
  [
    'contexts out of date order',
    (b) => word0(b, { contexts: [...(b.words[0]?.contexts ?? [])].reverse() }),
    /^words\[0\]\.contexts$/,
    async (db) => {
      const w = await db.words.where('simplified').equals('峰会').first();
      expect(w?.contexts.map((c) => c.sentence)).toEqual(['中亚峰会在西安举行。', '峰会闭幕。']);
    },
  ],
  ['an update before the save', (b) => word0(b, { updatedAt: T0 - DAY }), /^words\[0\]\.updatedAt$/, async (db) => {
    const w = await db.words.where('simplified').equals('峰会').first();
    expect(w?.updatedAt).toBe(w?.savedAt);
  }],
];

describe('backup import: ranges, not only types (issue 17 regressions)', () => {
  it.each(refused)('refuses %s with the path of the bad field, changing nothing', async (_, spoil, message) => {
    const source = await exportBackup(await filled(), T0);
    const target = await filled();
    const before = await exportBackup(target, 0);
    await expect(importBackupText(target, JSON.stringify(spoil(source)), NOW)).rejects.toThrow(message);
    expect(await exportBackup(target, 0)).toEqual(before);
  });

  it.each(repaired)('repairs %s and says so in the summary', async (_, spoil, path, check) => {
    const source = await exportBackup(await filled(), T0);
    const target = freshDb();
    const summary = await importBackupText(target, JSON.stringify(spoil(source)), NOW);
    expect(summary.repaired.map((r) => r.path)).toEqual([expect.stringMatching(path)]);
    expect(summary.repaired[0]?.what).not.toBe('');
    await check(target);
    await stillWorks(target);
  });

  it('merges " 峰会" from a backup into the 峰会 already saved instead of duplicating it', async () => {
    const source = await exportBackup(await filled(), T0);
    const target = await filled();
    const spaced = { ...source, words: source.words.map((w) => (w.simplified === '峰会' ? { ...w, simplified: ' 峰会' } : w)) };
    const summary = await importBackupText(target, JSON.stringify(spaced), NOW);
    expect(summary.words).toMatchObject({ added: 0, merged: 2 });
    expect(await target.words.count()).toBe(2);
  });
});

describe('reviews dated after now', () => {
  it('do not count against today\'s new-card allowance', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('峰会') }, T0);
    await saveWord(db, { word: community, context: ctx('共同体') }, T0);
    const before = await dueCount(db, T0 + MIN, 2);
    const card = await db.cards.toCollection().first();
    if (!card) throw new Error('no card');
    await db.reviews.add({ cardId: card.id ?? 0, wordId: card.wordId, rating: 3, review: T0 + 2 * MIN, before: { ...card, last_review: null } });
    expect(before.new).toBe(2);
    expect((await dueCount(db, T0 + MIN, 2)).new).toBe(2);
    expect((await dueCount(db, T0 + 3 * MIN, 2)).new).toBe(1);
  });
});

describe('saves from pages go through the same headword rules', () => {
  it('stores " 峰会" as 峰会, merged with the saved one', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('峰会。') }, T0);
    const again = await saveWord(db, { word: { ...summit, simplified: ' 峰会 ' }, context: ctx('又一次峰会。') }, T0 + MIN);
    expect(again.created).toBe(false);
    expect(await db.words.count()).toBe(1);
  });

  it.each([
    ['a zero-width space', '\u200B', /word\.simplified has no Chinese character or letter/],
    ['a lone surrogate', '\uD83D', /word\.simplified contains a broken character/],
  ])('refuses %s with the path, saving nothing', async (_, simplified, message) => {
    const db = freshDb();
    await expect(saveWord(db, { word: { ...summit, simplified }, context: ctx('x') }, T0)).rejects.toThrow(message);
    expect(await db.words.count()).toBe(0);
  });
});
