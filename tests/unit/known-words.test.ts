import { describe, expect, it } from 'vitest';
import { KnownWords } from '../../content/known-words';
import type { WordFacts, WordMark } from '../../lib/domain/known';

/** A store of marks and saved words answering as the service worker does, counting the words it was asked about. */
function fakeStore(level = 2) {
  const marks = new Map<string, WordMark>();
  const saved = new Map<string, string>([['峰会', '峰會']]);
  const asked: string[][] = [];
  const facts = async (words: string[]): Promise<WordFacts> => {
    asked.push(words);
    return {
      known: words.filter((w) => marks.get(w) === 'known'),
      notKnown: words.filter((w) => marks.get(w) === 'notKnown'),
      saved: words.flatMap((w): [string, string][] => (saved.has(w) ? [[w, saved.get(w) ?? w]] : [])),
      stable: [],
    };
  };
  const mark = async (words: string[], m: WordMark) => {
    for (const w of words) {
      if (m === 'none') marks.delete(w);
      else marks.set(w, m);
    }
  };
  return { marks, asked, known: new KnownWords({ level: () => level, facts, mark }) };
}

describe("a frame's known words", () => {
  it('asks the store only about words never asked about', async () => {
    const { known, asked } = fakeStore();
    await known.learn(['中国', '峰会', '中国']);
    await known.learn(['峰会', '发展']);
    expect(asked).toEqual([['中国', '峰会'], ['发展']]);
    expect([known.stateOf('中国', 1), known.stateOf('峰会', 6), known.stateOf('发展', 5)]).toEqual(['known', 'learning', 'unknown']);
    expect(known.learningForms()).toEqual(['峰会', '峰會']);
  });

  it('asks once about a word whose ask is on its way: a second learn waits for that answer', async () => {
    const { known, asked } = fakeStore();
    const first = known.learn(['中国', '峰会']);
    const second = known.learn(['峰会', '发展']);
    await second;
    // The second learn resolves with the first answer in: 峰会 is saved, so learning.
    expect(known.stateOf('峰会', 6)).toBe('learning');
    await first;
    expect(asked).toEqual([['中国', '峰会'], ['发展']]);
  });

  it('`k` writes the mark that turns the state over, an exception for a word the level knows', async () => {
    const { known, marks } = fakeStore();
    expect(await known.toggle('发展', 5)).toBe('known');
    expect(marks.get('发展')).toBe('known');
    expect(await known.toggle('发展', 5)).toBe('unknown');
    expect(marks.has('发展')).toBe(false);
    expect(await known.toggle('中国', 1)).toBe('unknown');
    expect(marks.get('中国')).toBe('notKnown');
    expect(await known.toggle('中国', 1)).toBe('known');
  });

  it('tells whether asking again changed anything (a mark made in the popup or the word list)', async () => {
    const { known, marks } = fakeStore();
    await known.learn(['中国', '发展']);
    expect(await known.refresh(['中国', '发展'])).toBe(false);
    marks.set('中国', 'notKnown');
    expect(await known.refresh(['中国', '发展'])).toBe(true);
    expect(known.stateOf('中国', 1)).toBe('unknown');
  });
});
