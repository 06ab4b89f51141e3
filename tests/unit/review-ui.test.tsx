// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { CardView } from '../../components/popup/CardView';
import { blank, splitOnWord } from '../../components/popup/sentence';
import { buildRows, filterAndSort, matches } from '../../components/words/filter';
import { newCardFields, QUEUE, type CardRecord, type SavedWord } from '../../lib/store/db';

const word = (over: Partial<SavedWord> = {}): SavedWord => ({
  id: 1,
  simplified: '峰会',
  traditional: '峰會',
  pinyin: 'feng1 hui4',
  definitions: ['summit meeting'],
  hsk: 6,
  contexts: [{ sentence: '中亚峰会在西安举行，峰會期间……', title: '新华社', url: 'https://news.example.cn/a', date: 1 }],
  savedAt: 1000,
  updatedAt: 1000,
  suspended: false,
  ...over,
});
const card = (over: Partial<CardRecord> = {}): CardRecord => ({ id: 1, wordId: 1, kind: 'recognize', ...newCardFields(0), ...over });

describe('context sentences', () => {
  it('cuts a sentence around every occurrence of either written form', () => {
    expect(splitOnWord('中亚峰会在西安举行，峰會期间', ['峰会', '峰會'])).toEqual([
      { text: '中亚', word: false },
      { text: '峰会', word: true },
      { text: '在西安举行，', word: false },
      { text: '峰會', word: true },
      { text: '期间', word: false },
    ]);
    expect(splitOnWord('没有', ['峰会'])).toEqual([{ text: '没有', word: false }]);
    expect(splitOnWord('峰会', ['峰会', ''])).toEqual([{ text: '峰会', word: true }]);
    expect(blank('命运共同体')).toBe('＿＿＿＿＿');
  });
});

describe('the flashcard', () => {
  const show = (c: CardRecord, flipped: boolean) => {
    const root = document.createElement('div');
    render(<CardView card={c} word={word()} flipped={flipped} />, root);
    return root;
  };

  it('recognize: the hanzi with the word highlighted in its sentence, then reading and meaning', () => {
    const front = show(card(), false);
    expect(front.querySelector('[data-testid=hanzi]')?.textContent).toBe('峰会 峰會');
    expect([...front.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['峰会', '峰會']);
    expect(front.querySelector('[data-testid=answer]')).toBeNull();
    expect(front.querySelector('figcaption a')?.getAttribute('href')).toBe('https://news.example.cn/a');
    const back = show(card(), true);
    expect(back.querySelector('[data-testid=pinyin]')?.textContent).toBe('fēng huì');
    expect(back.querySelector('[data-testid=definitions]')?.textContent).toBe('summit meeting');
  });

  it('produce: reading and meaning with the word blanked out, then the hanzi', () => {
    const front = show(card({ kind: 'produce' }), false);
    expect(front.querySelector('[data-testid=hanzi]')).toBeNull();
    expect(front.querySelector('[data-testid=context]')?.textContent).toBe('中亚＿＿在西安举行，＿＿期间……');
    expect(front.textContent).not.toContain('峰会');
    const back = show(card({ kind: 'produce' }), true);
    expect(back.querySelector('[data-testid=answer] [data-testid=hanzi]')?.textContent).toBe('峰会 峰會');
    expect(back.querySelector('mark')?.textContent).toBe('峰会');
  });
});

describe('word list search and sort', () => {
  const words = [
    word({ id: 1, simplified: '峰会', hsk: 6, savedAt: 3 }),
    word({ id: 2, simplified: '丝路', traditional: '絲路', pinyin: 'Si1 lu4', definitions: ['Silk Road'], hsk: undefined, savedAt: 2 }),
    word({ id: 3, simplified: '合作', traditional: '合作', pinyin: 'he2 zuo4', definitions: ['to cooperate'], hsk: 2, savedAt: 1, note: 'win-win' }),
  ];
  const cards = [card({ wordId: 1, due: 50, queue: QUEUE.scheduled }), card({ wordId: 2, due: 10 }), card({ wordId: 3, due: 5, queue: QUEUE.inactive })];
  const rows = buildRows(words, cards, new Set(['合作']));

  it('knows each word’s next review and whether it is known', () => {
    expect(rows.map((r) => [r.word.simplified, r.due, r.known])).toEqual([
      ['峰会', 50, false],
      ['丝路', 10, false],
      ['合作', null, true],
    ]);
  });

  it.each([
    ['絲路', ['丝路']],
    ['silk', ['丝路']],
    ['fēng', ['峰会']],
    ['fenghui', ['峰会']],
    ['hui4', ['峰会']],
    ['WIN', ['合作']],
    ['', ['峰会', '丝路', '合作']],
  ])('finds %s', (query, found) => {
    expect(rows.filter((r) => matches(r, query)).map((r) => r.word.simplified)).toEqual(found);
  });

  it('sorts by date, level and due', () => {
    const order = (sort: 'date' | 'level' | 'due') => filterAndSort(rows, '', sort).map((r) => r.word.simplified);
    expect(order('date')).toEqual(['峰会', '丝路', '合作']);
    expect(order('level')).toEqual(['合作', '峰会', '丝路']);
    expect(order('due')).toEqual(['丝路', '峰会', '合作']);
  });
});
