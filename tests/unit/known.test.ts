import { describe, expect, it } from 'vitest';
import { FactsPacker, KnownModel, knownByLevel, stateOf, toggledMark, unpackFacts, type WordFacts } from '../../lib/domain/known';

const none = { mark: 'none', saved: false, stable: false } as const;

describe('the known-word model', () => {
  it('counts the words up to the reader\'s HSK level as known, 7 covering the 7–9 band, words off the list never', () => {
    expect([1, 3, 4].map((hsk) => knownByLevel(hsk, 3))).toEqual([true, true, false]);
    expect(knownByLevel(9, 7)).toBe(true);
    expect(knownByLevel(9, 6)).toBe(false);
    expect(knownByLevel(undefined, 7)).toBe(false);
    expect(knownByLevel(1, 0)).toBe(false);
  });

  it('lets an explicit mark win, then a stable card, then saving, then the level', () => {
    expect(stateOf(none, 2, 3)).toBe('known');
    expect(stateOf(none, 5, 3)).toBe('unknown');
    expect(stateOf({ ...none, mark: 'known' }, 5, 0)).toBe('known');
    expect(stateOf({ ...none, mark: 'notKnown' }, 2, 3)).toBe('unknown');
    // Saving a word is asking to learn it, even one the level counts known.
    expect(stateOf({ ...none, saved: true }, 2, 3)).toBe('learning');
    expect(stateOf({ ...none, saved: true, stable: true }, 5, 0)).toBe('known');
    expect(stateOf({ ...none, saved: true, stable: true, mark: 'notKnown' }, 5, 0)).toBe('learning');
    expect(stateOf({ ...none, saved: true, mark: 'known' }, 5, 0)).toBe('known');
  });

  it('turns a state over with `k`: known ↔ not known, leaving no row where none is needed', () => {
    expect(toggledMark(none, 5, 3)).toBe('known');
    expect(toggledMark({ ...none, mark: 'known' }, 5, 3)).toBe('none');
    // Known by the level or a stable card: an exception is written.
    expect(toggledMark(none, 2, 3)).toBe('notKnown');
    expect(toggledMark({ ...none, mark: 'known' }, 2, 3)).toBe('notKnown');
    expect(toggledMark({ ...none, saved: true, stable: true }, undefined, 0)).toBe('notKnown');
    expect(toggledMark({ ...none, mark: 'notKnown' }, 2, 3)).toBe('known');
  });

  it('answers from the facts learned for the words asked, and forgets what the store no longer lists', () => {
    const model = new KnownModel(2);
    const facts: WordFacts = { known: ['共赢'], notKnown: ['中国'], saved: [['峰会', '峰會'], ['发展', '发展']], stable: ['发展'] };
    model.learn(['共赢', '中国', '峰会', '发展', '合作'], facts);
    expect(['共赢', '中国', '峰会', '发展', '合作', '欢迎'].map((w) => model.stateOf(w, w === '欢迎' ? 1 : 6))).toEqual([
      'known',
      'unknown',
      'learning',
      'known',
      'unknown',
      'known',
    ]);
    expect(model.unasked(['共赢', '欢迎', '欢迎'])).toEqual(['欢迎']);
    expect(model.learningForms()).toEqual(['峰会', '峰會']);
    model.learn(['共赢', '峰会'], { known: [], notKnown: [], saved: [], stable: [] });
    expect([model.stateOf('共赢', 6), model.stateOf('峰会', 6)]).toEqual(['unknown', 'unknown']);
    expect(model.learningForms()).toEqual([]);
  });

  it('follows the level when it changes, and a save drops a known mark as the store does', () => {
    const model = new KnownModel(0);
    expect(model.stateOf('中国', 1)).toBe('unknown');
    model.level = 1;
    expect(model.stateOf('中国', 1)).toBe('known');
    model.setMark('峰会', 'known');
    model.addSaved('峰会', '峰會');
    expect(model.stateOf('峰会', 6)).toBe('learning');
    expect(model.toggledMark('峰会', 6)).toBe('known');
  });

  it("packs the store's answer a character a word, with the traditional forms that differ, and unpacks it whole", () => {
    const packer = new FactsPacker();
    packer.add('中国', 'known', undefined);
    packer.add('合作', 'notKnown', { traditional: '合作', stable: false });
    packer.add('峰会', 'none', { traditional: '峰會', stable: true });
    packer.add('欢迎', 'none', undefined);
    packer.add('发展', 'known', { traditional: '發展', stable: false });
    const packed = packer.packed();
    expect(packed).toEqual({ states: expect.stringMatching(/^.{5}$/), traditional: ['峰會', '發展'] });
    expect(unpackFacts(['中国', '合作', '峰会', '欢迎', '发展'], packed)).toEqual({
      known: ['中国', '发展'],
      notKnown: ['合作'],
      saved: [['合作', '合作'], ['峰会', '峰會'], ['发展', '發展']],
      stable: ['峰会'],
    });
  });
});
