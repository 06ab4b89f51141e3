import { describe, expect, it } from 'vitest';
import { backgroundParsers } from '../../../lib/messaging/payloads';
import { QUEUE, type YueduDb } from '../../../lib/store/db';
import { StoreError } from '../../../lib/store/errors';
import { deleteWord, MAX_CONTEXTS, saveImported, saveWord, setNote, setReverseCards, setSuspended } from '../../../lib/store/words';
import { setMarks, WordFactsReader } from '../../../lib/store/known';
import { openDb } from '../../../lib/store/db';
import { community, ctx, factsOf, freshDb, summit, T0 } from './fixtures';

describe('saving words', () => {
  it('saves a word with its context and a new card due at once', async () => {
    const db = freshDb();
    const res = await saveWord(db, { word: summit, context: ctx('中亚峰会在西安举行。') }, T0);
    expect(res.created).toBe(true);
    const word = await db.words.get(res.id);
    expect(word).toMatchObject({
      simplified: '峰会',
      traditional: '峰會',
      pinyin: 'feng1 hui4',
      definitions: ['summit meeting'],
      hsk: 6,
      savedAt: T0,
      suspended: false,
      contexts: [{ sentence: '中亚峰会在西安举行。', title: '丝路新闻', url: 'https://news.example.cn/a.html', date: T0 }],
    });
    const cards = await db.cards.where('wordId').equals(res.id).toArray();
    expect(cards).toMatchObject([{ kind: 'recognize', queue: QUEUE.new, due: T0, state: 0, reps: 0 }]);
  });

  it('adds the new sentence when a word is met again, without doubling the word or a repeated sentence', async () => {
    const db = freshDb();
    const first = await saveWord(db, { word: summit, context: ctx('第一句峰会。') }, T0);
    const again = await saveWord(db, { word: summit, context: ctx('第二句峰会。', 'https://other.example/b') }, T0 + 1000);
    await saveWord(db, { word: summit, context: ctx('第一句峰会。') }, T0 + 2000);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await db.words.count()).toBe(1);
    expect(await db.cards.count()).toBe(1);
    const word = await db.words.get(first.id);
    expect(word?.contexts.map((c) => c.sentence)).toEqual(['第一句峰会。', '第二句峰会。']);
    expect(word?.updatedAt).toBe(T0 + 2000);
  });

  it('loses nothing when many saves race, from one connection or from two (two tabs, popup and background)', async () => {
    const db = freshDb();
    const other = openDb(db.name);
    const sentences = Array.from({ length: 40 }, (_, i) => `句子${i}有峰会。`);
    const results = await Promise.all(
      sentences.map((s, i) => saveWord(i % 2 ? db : other, { word: i % 3 ? summit : { ...community }, context: ctx(s) }, T0 + i)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(2);
    const words = await db.words.toArray();
    expect(words).toHaveLength(2);
    const allSentences = words.flatMap((w) => w.contexts.map((c) => c.sentence)).sort();
    expect(allSentences).toEqual([...sentences].sort());
    expect(await db.cards.count()).toBe(2);
    other.close();
  });

  // Words arrive from content scripts: the background parses the payload (lib/messaging/payloads.ts), then saves.
  const saveRequest = async (db: YueduDb, payload: unknown, now: number) => saveWord(db, backgroundParsers.saveWord(payload), now);

  it('refuses a malformed word with a clear error and stores nothing', async () => {
    const db = freshDb();
    await expect(saveRequest(db, { word: { ...summit, simplified: '' }, context: ctx('x') }, T0)).rejects.toThrow('word.simplified is empty');
    await expect(saveRequest(db, { word: { ...summit, definitions: 'summit' }, context: ctx('x') }, T0)).rejects.toThrow('word.definitions should be a list');
    await expect(saveRequest(db, { word: summit, context: { ...ctx('x'), url: 'javascript:alert(1)' } }, T0)).rejects.toThrow('context.url is not a web address');
    await expect(saveRequest(db, { word: null, context: ctx('x') }, T0)).rejects.toThrow(StoreError);
    expect(await db.words.count()).toBe(0);
  });

  it('clips a page’s huge sentence instead of refusing the save', async () => {
    const db = freshDb();
    const { id } = await saveRequest(db, { word: summit, context: ctx('峰'.repeat(60_000)) }, T0);
    expect((await db.words.get(id))?.contexts[0]?.sentence.length).toBe(2000);
  });

  it('reports a full disk to the reader instead of swallowing it, and keeps what was there', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    db.words.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await saveWord(db, { word: community, context: ctx('二') }, T0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).reason).toBe('quota');
    expect((err as Error).message).toMatch(/no room left/);
    expect(await db.words.count()).toBe(1);
    expect(await db.cards.count()).toBe(1);
  });
});

describe('saving words brought from another tool', () => {
  it('adds new words with a card each and no sentence, leaves saved ones alone, and takes them out of "known"', async () => {
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('峰会。') }, T0);
    await setMarks(db, ['命运共同体'], 'known', T0);
    const result = await saveImported(db, [community, { ...summit, simplified: ' 峰会 ' }, community], T0 + 1);
    expect(result).toEqual({ added: 1, already: 1 });
    const word = await db.words.where('simplified').equals('命运共同体').first();
    expect(word).toMatchObject({ contexts: [], savedAt: T0 + 1, suspended: false });
    expect(await db.cards.where('wordId').equals(word?.id ?? 0).first()).toMatchObject({ queue: QUEUE.new });
    expect(await db.known.count()).toBe(0);
    expect((await db.words.where('simplified').equals('峰会').first())?.contexts).toHaveLength(1);
  });

  it('refuses a headword with no character, saving nothing', async () => {
    const db = freshDb();
    await expect(saveImported(db, [community, { ...summit, simplified: '\u200B' }])).rejects.toThrow(/words\[1\]\.simplified/);
    expect(await db.words.count()).toBe(0);
  });
});

describe('editing saved words', () => {
  it('edits the note, suspends and resumes, marks known and unknown, with the cards following', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const queue = async () => (await db.cards.where('wordId').equals(id).first())?.queue;
    await setNote(db, id, '  my note  ', T0 + 1);
    expect((await db.words.get(id))?.note).toBe('my note');
    await setNote(db, id, '', T0 + 2);
    expect((await db.words.get(id))?.note).toBeUndefined();
    await setSuspended(db, id, true);
    expect(await queue()).toBe(QUEUE.inactive);
    await setSuspended(db, id, false);
    expect(await queue()).toBe(QUEUE.new);
    await setMarks(db, ['峰会'], 'known', T0);
    expect(await queue()).toBe(QUEUE.inactive);
    expect(await factsOf(new WordFactsReader(db), ['峰会', '新疆'], 21)).toEqual({ known: ['峰会'], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
    await setMarks(db, ['峰会'], 'none');
    expect(await queue()).toBe(QUEUE.new);
    await setMarks(db, ['新疆'], 'known', T0);
    expect(await factsOf(new WordFactsReader(db), ['峰会', '新疆'], 21)).toEqual({ known: ['新疆'], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
  });

  it('takes a known word out of the known set when the reader saves it', async () => {
    const db = freshDb();
    await setMarks(db, ['峰会'], 'known', T0);
    await saveWord(db, { word: summit, context: ctx('一') }, T0);
    expect(await factsOf(new WordFactsReader(db), ['峰会'], 21)).toEqual({ known: [], notKnown: [], saved: [['峰会', '峰會']], stable: [] });
  });

  it('deletes a word with its cards and reviews', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    const other = await saveWord(db, { word: community, context: ctx('二') }, T0);
    const card = await db.cards.where('wordId').equals(id).first();
    await db.reviews.add({ cardId: card?.id ?? 0, wordId: id, rating: 3, review: T0, before: { ...(card as NonNullable<typeof card>) } });
    await deleteWord(db, id);
    expect(await db.words.count()).toBe(1);
    expect(await db.cards.where('wordId').equals(id).count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.cards.where('wordId').equals(other.id).count()).toBe(1);
  });

  it('adds reading/meaning → hanzi cards when reverse cards are turned on, and retires them when off', async () => {
    const db = freshDb();
    const { id } = await saveWord(db, { word: summit, context: ctx('一') }, T0);
    await setReverseCards(db, true, T0);
    expect((await db.cards.where('wordId').equals(id).toArray()).map((c) => [c.kind, c.queue])).toEqual([
      ['recognize', QUEUE.new],
      ['produce', QUEUE.new],
    ]);
    const next = await saveWord(db, { word: community, context: ctx('二') }, T0);
    expect(await db.cards.where('wordId').equals(next.id).count()).toBe(2);
    await setReverseCards(db, false, T0);
    expect(await db.cards.where('[queue+due]').between([QUEUE.new, -Infinity], [QUEUE.new, Infinity]).count()).toBe(2);
    expect(await db.cards.count()).toBe(4);
  });

  it('keeps at most MAX_CONTEXTS sentences per word: a further new one is refused with a message, none is dropped', async () => {
    const db = freshDb();
    for (let i = 0; i < MAX_CONTEXTS; i++) await saveWord(db, { word: summit, context: ctx(`第${i}句峰会。`) }, T0 + i);
    await expect(saveWord(db, { word: summit, context: ctx('再一句峰会。') }, T0 + 100)).rejects.toThrow(new RegExp(`contexts.*${MAX_CONTEXTS}`));
    // The same sentence again is no new sentence: saving it still works.
    await expect(saveWord(db, { word: summit, context: ctx('第0句峰会。') }, T0 + 200)).resolves.toMatchObject({ created: false });
    const word = await db.words.where('simplified').equals(summit.simplified).first();
    expect(word?.contexts).toHaveLength(MAX_CONTEXTS);
    expect(word?.contexts[0]?.sentence).toBe('第0句峰会。');
  });
});
