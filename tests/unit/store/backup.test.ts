import { describe, expect, it, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import { ankiTsv } from '../../../lib/store/anki';
import { exportBackup, serializeBackup, type Backup } from '../../../lib/store/backup/format';
import { importBackupText } from '../../../lib/store/backup/merge';
import { QUEUE, type YueduDb } from '../../../lib/store/db';
import { gradeCard, nextCard } from '../../../lib/store/schedule';
import { listHistory, recordLookup } from '../../../lib/store/history';
import { addCorrection, listCorrections } from '../../../lib/store/corrections';
import { deleteWord, saveWord, setNote, setReverseCards, setSuspended } from '../../../lib/store/words';
import { setMarks } from '../../../lib/store/known';
import { community, ctx, DAY, freshDb, MIN, summit, T0 } from './fixtures';

async function filled(): Promise<YueduDb> {
  const db = freshDb();
  const a = await saveWord(db, { word: summit, context: ctx('中亚峰会在西安举行。') }, T0);
  await saveWord(db, { word: summit, context: ctx('峰会闭幕。', 'https://other.example/x') }, T0 + MIN);
  const b = await saveWord(db, { word: community, context: ctx('构建命运共同体。') }, T0 + 2 * MIN);
  await saveWord(db, { word: { ...summit, simplified: '丝路', traditional: '絲路', pinyin: 'si1 lu4' }, context: ctx('丝路') }, T0);
  await setReverseCards(db, true, T0 + 3 * MIN);
  for (let t = T0 + 4 * MIN; t < T0 + 30 * MIN; t += 5 * MIN) {
    const item = await nextCard(db, t, 20);
    if (item?.card.id) await gradeCard(db, item.card.id, Rating.Good, t);
  }
  await setSuspended(db, b.id, true, T0 + DAY);
  await setMarks(db, ['新疆'], 'known', T0 + DAY);
  await setMarks(db, ['中国'], 'notKnown', T0 + DAY);
  // A word deleted and a known mark taken back: both are remembered, and travel in the backup.
  const gone = await saveWord(db, { word: { ...summit, simplified: '新闻', traditional: '新聞' }, context: ctx('新闻') }, T0);
  await deleteWord(db, gone.id, T0 + DAY);
  await setMarks(db, ['发展'], 'known', T0);
  await setMarks(db, ['发展'], 'none', T0 + DAY);
  await recordLookup(db, { word: summit, context: ctx('中亚峰会在西安举行。') }, T0 + DAY);
  await recordLookup(db, { word: community, context: ctx('构建命运共同体。') }, T0 + DAY + 1);
  await addCorrection(db, { kind: 'join', text: '中亚峰会', traditional: '中亞峰會', site: 'news.example.cn', scope: 'site', createdAt: T0 + DAY }, T0 + DAY);
  await addCorrection(db, { kind: 'split', text: '命运共同体', traditional: '命運共同體', pieces: [2, 3], site: 'news.example.cn', scope: 'all', createdAt: T0 + DAY }, T0 + DAY);
  await addCorrection(db, { kind: 'reading', text: '都', traditional: '都', reading: 'du1', site: '', scope: 'site', createdAt: T0 + DAY + 2 }, T0 + DAY);
  expect(a.created).toBe(true);
  return db;
}

const dump = async (db: YueduDb) => ({ ...(await exportBackup(db, 0)) });
const json = async (db: YueduDb) => serializeBackup(await exportBackup(db, T0));

describe('JSON backup', () => {
  it('round-trips exactly through an empty store', async () => {
    const source = await filled();
    const text = await json(source);
    const target = freshDb();
    const summary = await importBackupText(target, text, T0 + 2 * DAY);
    expect(summary.words).toEqual({ added: 3, merged: 0, newerInFile: 0, keptDeleted: 0, deleted: 0 });
    expect((await exportBackup(target)).tombstones).toEqual([
      { kind: 'known', simplified: '发展', at: T0 + DAY },
      { kind: 'word', simplified: '新闻', at: T0 + DAY },
    ]);
    expect(summary.reviews.added).toBeGreaterThan(3);
    expect(await dump(target)).toEqual(await dump(source));
    expect(await json(target)).toBe(text);
  });

  it('merges duplicates instead of doubling them: importing twice changes nothing the second time', async () => {
    const db = await filled();
    const before = await dump(db);
    const summary = await importBackupText(db, await json(db), T0 + 2 * DAY);
    expect(summary).toEqual({
      words: { added: 0, merged: 3, newerInFile: 0, keptDeleted: 0, deleted: 0 },
      cards: { added: 0, merged: 6 },
      reviews: { added: 0, duplicates: before.reviews.length },
      known: { added: 0, keptSaved: 0, removed: 0 },
      corrections: { added: 0 },
      repaired: [],
    });
    expect(await dump(db)).toEqual(before);
  });

  it('carries the lookup history, optional: a backup without one imports, and the later lookup of a word wins', async () => {
    const source = await filled();
    const backup = JSON.parse(await json(source)) as Backup;
    expect(backup.history?.map((r) => r.simplified).sort()).toEqual(['命运共同体', '峰会']);
    const target = freshDb();
    await recordLookup(target, { word: summit, context: ctx('峰会闭幕。') }, T0 + 2 * DAY);
    await importBackupText(target, JSON.stringify({ ...backup, history: undefined }), T0 + 2 * DAY);
    expect((await listHistory(target)).map((r) => r.simplified)).toEqual(['峰会']);
    await importBackupText(target, JSON.stringify(backup), T0 + 2 * DAY);
    expect((await listHistory(target)).map((r) => [r.simplified, r.context.sentence])).toEqual([
      ['峰会', '峰会闭幕。'],
      ['命运共同体', '构建命运共同体。'],
    ]);
    await expect(importBackupText(target, JSON.stringify({ ...backup, history: [{ simplified: '峰会' }] }))).rejects.toThrow(/history\[0\]/);
  });

  it('carries the words marked not known; of two marks of a word, the later wins', async () => {
    const backup = JSON.parse(await json(await filled())) as Backup;
    expect(backup.notKnown).toEqual([{ simplified: '中国', markedAt: T0 + DAY }]);
    const target = freshDb();
    // 新疆: marked not known here before the file marked it known; 中国: marked known here after the file's mark.
    await setMarks(target, ['新疆'], 'notKnown', T0);
    await setMarks(target, ['中国'], 'known', T0 + 2 * DAY);
    await importBackupText(target, JSON.stringify(backup), T0 + 2 * DAY);
    expect(await target.notKnown.count()).toBe(0);
    expect((await target.known.toArray()).map((k) => k.simplified).sort()).toEqual(['中国', '新疆']);
    const fresh = freshDb();
    await importBackupText(fresh, JSON.stringify(backup), T0 + 2 * DAY);
    expect((await fresh.notKnown.toArray()).map((k) => k.simplified)).toEqual(['中国']);
    const older = freshDb();
    await importBackupText(older, JSON.stringify({ ...backup, notKnown: undefined }), T0 + 2 * DAY);
    expect(await older.notKnown.count()).toBe(0);
    const both = { ...backup, notKnown: [{ simplified: '新疆', markedAt: T0 }] };
    await expect(importBackupText(freshDb(), JSON.stringify(both))).rejects.toThrow(/新疆 both known and not known/);
  });

  it('carries the corrections: a later correction of the same word and place wins, a bad one is refused with its path', async () => {
    const source = await filled();
    const backup = JSON.parse(await json(source)) as Backup;
    expect(backup.corrections?.map((c) => c.kind).sort()).toEqual(['join', 'reading', 'split']);

    const target = freshDb();
    await addCorrection(target, { kind: 'join', text: '命运共同体', traditional: '命運共同體', site: 'other.example', scope: 'all', createdAt: T0 }, T0);
    await addCorrection(target, { kind: 'reading', text: '都', traditional: '都', reading: 'dou1', site: '', scope: 'site', createdAt: T0 + 3 * DAY }, T0 + 3 * DAY);
    const summary = await importBackupText(target, JSON.stringify(backup), T0 + 3 * DAY);
    // The backup's split (later) replaces the store's join of 命运共同体; the store's reading of 都 (later) stays.
    expect(summary.corrections).toEqual({ added: 2 });
    const kept = await listCorrections(target);
    expect(kept.map((c) => `${c.kind}:${c.text}:${c.reading ?? c.pieces?.join('+') ?? ''}`).sort()).toEqual(['join:中亚峰会:', 'reading:都:dou1', 'split:命运共同体:2+3']);

    const bad = (change: (c: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(backup)) as { corrections: Record<string, unknown>[] };
      change(copy.corrections[1] as Record<string, unknown>);
      return importBackupText(freshDb(), JSON.stringify(copy), T0 + 3 * DAY);
    };
    await expect(bad((c) => (c.text = 'abc'))).rejects.toThrow('corrections[1].text');
    await expect(bad((c) => (c.kind = 'merge'))).rejects.toThrow('corrections[1].kind');
    await expect(bad((c) => (c.pieces = [2, 2]))).rejects.toThrow('corrections[1].');
    await expect(bad((c) => (c.reading = 'zhong4 yao4'))).rejects.toThrow('corrections[1].');
    await expect(bad((c) => (c.scope = 'page'))).rejects.toThrow('corrections[1].scope');
    await expect(bad((c) => (c.createdAt = T0 + 30 * DAY))).rejects.toThrow('corrections[1].createdAt');
    await expect(bad((c) => delete c.id)).rejects.toThrow('corrections[1].id');
  });

  it('merges into a store that has other words and other sentences for the same word', async () => {
    const source = await filled();
    const target = freshDb();
    await saveWord(target, { word: summit, context: ctx('另一句峰会。') }, T0 - DAY);
    await saveWord(target, { word: { ...summit, simplified: '一带一路', traditional: '一帶一路' }, context: ctx('一带一路') }, T0);
    await importBackupText(target, await json(source), T0 + 2 * DAY);
    const words = await target.words.orderBy('simplified').toArray();
    expect(words.map((w) => w.simplified).sort()).toEqual(['一带一路', '丝路', '命运共同体', '峰会'].sort());
    const summitWord = words.find((w) => w.simplified === '峰会');
    expect(summitWord?.contexts.map((c) => c.sentence)).toEqual(['另一句峰会。', '中亚峰会在西安举行。', '峰会闭幕。']);
    expect(summitWord?.savedAt).toBe(T0 - DAY);
    // The card studied in the backup keeps its schedule; its reviews point at the merged card.
    const card = await target.cards.where({ wordId: summitWord?.id ?? 0, kind: 'recognize' }).first();
    expect(card?.reps).toBeGreaterThan(0);
    const reviews = await target.reviews.where('cardId').equals(card?.id ?? 0).count();
    expect(reviews).toBe(card?.reps);
    expect(await target.cards.count()).toBe(8);
    expect((await target.known.toArray()).map((k) => k.simplified)).toEqual(['新疆']);
  });

  const broken: [string, (b: Backup) => unknown, RegExp][] = [
    ['a wrong format marker', (b) => ({ ...b, format: 'anki' }), /not a Yuedu backup/],
    ['a newer format version', (b) => ({ ...b, version: 2 }), /newer Yuedu/],
    ['a newer schema', (b) => ({ ...b, schema: 99 }), /newer Yuedu/],
    ['a word without headword', (b) => ({ ...b, words: [{ ...b.words[0], simplified: 5 }] }), /words\[0\]\.simplified should be text/],
    ['a hostile source link', (b) => ({ ...b, words: b.words.map((w, i) => (i === 2 ? { ...w, contexts: [{ sentence: 'x', title: 't', url: 'javascript:alert(1)', date: 0 }] } : w)) }), /words\[2\]\.contexts\[0\]\.url is not a web address/],
    ['a card of no word', (b) => ({ ...b, cards: [...b.cards, { ...b.cards[0], id: 999, wordId: 999 }] }), /Card 999 belongs to no word/],
    ['a review of no card', (b) => ({ ...b, reviews: [{ ...b.reviews[0], cardId: 999 }] }), /belongs to no card/],
    ['the same word twice', (b) => ({ ...b, words: [...b.words, { ...b.words[0], id: 500 }] }), /lists the word 峰会 twice/],
    ['a bad grade', (b) => ({ ...b, reviews: [{ ...b.reviews[0], rating: 0 }] }), /rating should be one of 1, 2, 3, 4/],
    ['a non-list', (b) => ({ ...b, words: { 0: b.words[0] } }), /words should be a list/],
    ['an impossible date', (b) => ({ ...b, cards: [{ ...b.cards[0], due: 'tomorrow' }] }), /cards\[0\]\.due should be a number/],
    ['a format version below 1', (b) => ({ ...b, version: 0 }), /Unknown backup format version 0/],
    ['a word id twice', (b) => ({ ...b, words: [...b.words, { ...b.words[0], simplified: '重复', traditional: '重複' }] }), /lists word id \d+ twice/],
    ['the same card twice', (b) => ({ ...b, cards: [...b.cards, { ...b.cards[0], id: 998 }] }), /lists card \d+\/(recognize|produce) twice/],
    ['a known word twice', (b) => ({ ...b, known: [{ simplified: '新疆', markedAt: T0 }, { simplified: '新疆', markedAt: T0 + 1 }] }), /lists known word 新疆 twice/],
    ['a headword too long', (b) => ({ ...b, words: [{ ...b.words[0], simplified: '长'.repeat(65) }] }), /words\[0\]\.simplified is longer than 64 characters/],
    ['a fractional id', (b) => ({ ...b, words: [{ ...b.words[0], id: 1.5 }] }), /words\[0\]\.id should be a whole number/],
    ['an HSK level of 10', (b) => ({ ...b, words: [{ ...b.words[0], hsk: 10 }] }), /words\[0\]\.hsk should be at most 9/],
    ['a word both saved and deleted', (b) => ({ ...b, tombstones: [{ kind: 'word', simplified: '峰会', at: T0 }] }), /lists 峰会 both as deleted and as present/],
    ['a deletion twice', (b) => ({ ...b, tombstones: [...(b.tombstones ?? []), ...(b.tombstones ?? [])] }), /same deletion twice \((word|known)\//],
    ['a deletion of an unknown kind', (b) => ({ ...b, tombstones: [{ kind: 'card', simplified: '新闻', at: T0 }] }), /tombstones\[0\]\.kind should be one of word, known/],
    ['a deletion in the future', (b) => ({ ...b, tombstones: [{ kind: 'word', simplified: '新闻', at: Date.now() + 3 * DAY }] }), /tombstones\[0\]\.at/],
  ];

  it.each(broken)('refuses a file with %s, with a clear message, changing nothing', async (_, spoil, message) => {
    const db = await filled();
    const before = await dump(db);
    const backup = await exportBackup(db, T0);
    const other = freshDb();
    await saveWord(other, { word: { ...summit, simplified: '其他', traditional: '其他' }, context: ctx('其他') }, T0);
    const otherBefore = await dump(other);
    await expect(importBackupText(other, JSON.stringify(spoil(backup)))).rejects.toThrow(message);
    expect(await dump(other)).toEqual(otherBefore);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses truncated, non-JSON and hostile files', async () => {
    const db = await filled();
    const text = await json(db);
    const before = await dump(db);
    await expect(importBackupText(db, text.slice(0, text.length / 2))).rejects.toThrow(/not valid JSON: it may be truncated/);
    await expect(importBackupText(db, 'hanzi\tpinyin')).rejects.toThrow(/not valid JSON/);
    await expect(importBackupText(db, '[]')).rejects.toThrow(/The file should be an object/);
    await expect(importBackupText(db, '{"__proto__": {"polluted": true}, "format": "yuedu-backup"}')).rejects.toThrow(/version should be a number/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dump(db)).toEqual(before);
  });

  it('rolls back everything when the import fails half way', async () => {
    const source = await filled();
    const target = freshDb();
    await saveWord(target, { word: summit, context: ctx('原来的句子。') }, T0);
    const before = await dump(target);
    const spy = vi.spyOn(target.reviews, 'bulkAdd').mockRejectedValue(new Error('disk on fire'));
    await expect(importBackupText(target, await json(source))).rejects.toThrow('disk on fire');
    spy.mockRestore();
    expect(await dump(target)).toEqual(before);
  });
});

describe('JSON backup: the later change wins, field by field', () => {
  const news = { ...summit, simplified: '新闻', traditional: '新聞', pinyin: 'xin1 wen2' };
  const NOW = T0 + 10 * DAY;
  const backupOf = async (db: YueduDb, at: number) => serializeBackup(await exportBackup(db, at));
  const queues = async (db: YueduDb, simplified: string) => {
    const word = await db.words.where('simplified').equals(simplified).first();
    return (await db.cards.where('wordId').equals(word?.id ?? -1).toArray()).map((c) => c.queue);
  };

  it('an older backup cannot bring back a word deleted since, nor its cards and reviews', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: news, context: ctx('新闻') }, T0);
    const item = await nextCard(db, T0 + MIN, 20);
    await gradeCard(db, item?.card.id ?? 0, Rating.Good, T0 + MIN);
    const old = await backupOf(db, T0 + 2 * MIN);
    await deleteWord(db, id, T0 + DAY);
    const summary = await importBackupText(db, old, NOW);
    expect(summary.words).toMatchObject({ added: 0, keptDeleted: 1 });
    expect([await db.words.count(), await db.cards.count(), await db.reviews.count()]).toEqual([0, 0, 0]);
    // Saved again later: the new save is newer than the deletion, and a newer backup brings it back elsewhere too.
    await saveWord(db, { word: news, context: ctx('又是新闻') }, T0 + 2 * DAY);
    expect(await db.tombstones.count()).toBe(0);
    const other = freshDb();
    await importBackupText(other, old, NOW);
    await importBackupText(other, await backupOf(db, NOW), NOW);
    expect((await other.words.toArray()).map((w) => w.contexts.map((c) => c.sentence))).toEqual([['新闻', '又是新闻']]);
  });

  it('a word saved to learn after an older backup marked it known stays in review', async () => {
    const db = freshDb();
    await setMarks(db, ['新闻'], 'known', T0);
    const old = await backupOf(db, T0 + MIN);
    await saveWord(db, { word: news, context: ctx('新闻') }, T0 + DAY);
    const summary = await importBackupText(db, old, NOW);
    expect(summary.known).toEqual({ added: 0, keptSaved: 1, removed: 0 });
    expect(await db.known.count()).toBe(0);
    expect(await queues(db, '新闻')).toEqual([QUEUE.new]);
  });

  it('a store from before the tombstones: a word saved after the file marked it known stays saved too', async () => {
    const db = freshDb();
    await saveWord(db, { word: news, context: ctx('新闻') }, T0 + DAY);
    const file = JSON.parse(await backupOf(freshDb(), T0)) as Backup;
    file.known = [{ simplified: '新闻', markedAt: T0 }];
    expect((await importBackupText(db, JSON.stringify(file), NOW)).known.keptSaved).toBe(1);
    file.known = [{ simplified: '新闻', markedAt: T0 + 2 * DAY }];
    expect((await importBackupText(db, JSON.stringify(file), NOW)).known.added).toBe(1);
    expect(await queues(db, '新闻')).toEqual([QUEUE.inactive]);
  });

  it('a known mark taken back here stays taken back', async () => {
    const db = freshDb();
    await setMarks(db, ['发展'], 'known', T0);
    const old = await backupOf(db, T0 + MIN);
    await setMarks(db, ['发展'], 'none', T0 + DAY);
    expect((await importBackupText(db, old, NOW)).known.keptSaved).toBe(1);
    expect(await db.known.count()).toBe(0);
  });

  it("the file's own deletions apply to what has not changed here since", async () => {
    const here = freshDb();
    await saveWord(here, { word: news, context: ctx('新闻') }, T0);
    await saveWord(here, { word: summit, context: ctx('峰会') }, T0);
    await setMarks(here, ['发展'], 'known', T0);
    const there = freshDb();
    await importBackupText(there, await backupOf(here, T0 + MIN), T0 + MIN);
    for (const w of await there.words.toArray()) await deleteWord(there, w.id ?? 0, T0 + DAY);
    await setMarks(there, ['发展'], 'none', T0 + DAY);
    // Here, 峰会 met again after the deletion over there: that later change keeps it.
    await saveWord(here, { word: summit, context: ctx('峰会又开了') }, T0 + 2 * DAY);
    const summary = await importBackupText(here, await backupOf(there, T0 + 3 * DAY), NOW);
    expect(summary.words).toMatchObject({ deleted: 1 });
    expect(summary.known.removed).toBe(1);
    expect((await here.words.toArray()).map((w) => w.simplified)).toEqual(['峰会']);
    expect(await here.known.count()).toBe(0);
    expect((await here.tombstones.toArray()).map((s) => [s.kind, s.simplified])).toEqual([['known', '发展'], ['word', '新闻']]);
  });

  it('a word edited later in the file takes its note and suspension; an older edit does not', async () => {
    const here = freshDb();
    const { id } = await saveWord(here, { word: news, context: ctx('新闻') }, T0);
    const there = freshDb();
    await importBackupText(there, await backupOf(here, T0 + MIN), T0 + MIN);
    await setNote(there, id, '从那边写的', T0 + DAY);
    await setSuspended(there, id, true, T0 + DAY);
    const newer = await backupOf(there, T0 + DAY + MIN);
    await setNote(here, id, '这边更早', T0 + DAY / 2);
    expect((await importBackupText(here, newer, NOW)).words.newerInFile).toBe(1);
    expect(await here.words.get(id)).toMatchObject({ note: '从那边写的', suspended: true, updatedAt: T0 + DAY });
    await setNote(here, id, '这边最新', T0 + 2 * DAY);
    expect((await importBackupText(here, newer, NOW)).words.newerInFile).toBe(0);
    expect(await here.words.get(id)).toMatchObject({ note: '这边最新', suspended: true });
  });
});

describe('Anki export', () => {
  it('writes a tab-separated file with hanzi, tone-marked pinyin, meaning, sentence and source', async () => {
    const db = freshDb();
    await saveWord(db, { word: { ...community, definitions: ['community of\tcommon destiny'] }, context: ctx('构建\n人类命运共同体。') }, T0);
    await saveWord(db, { word: summit, context: ctx('峰会。') }, T0);
    const lines = ankiTsv(await db.words.toArray()).split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:false', '#columns:hanzi\tpinyin\tmeaning\tsentence\tsource']);
    expect(lines[3]?.split('\t')).toEqual([
      '命运共同体 (命運共同體)',
      'mìng yùn gòng tóng tǐ',
      'community of common destiny — Xi Jinping’s foreign-policy slogan',
      '构建 人类命运共同体。',
      '丝路新闻 https://news.example.cn/a.html',
    ]);
    expect(lines[4]?.split('\t')).toHaveLength(5);
    expect(lines).toHaveLength(6);
  });
});
