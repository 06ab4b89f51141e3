import { describe, expect, it } from 'vitest';
import { noncharacterIn } from '../../scripts/lib/loadable-text';

describe('text Chromium loads as a content script', () => {
  it('finds the noncharacters a minifier writes out (Dexie\'s maxString), and passes ordinary text, CJK and emoji', () => {
    expect(noncharacterIn('var maxString = `\uffff`;')).toMatch(/^U\+FFFF near "var maxString = `"$/);
    expect(noncharacterIn('a\ufdd0b')).toMatch(/^U\+FDD0/);
    expect(noncharacterIn('x\u{10FFFF}')).toMatch(/^U\+10FFFF/);
    expect(noncharacterIn('命运共同体 😀 \ufffd \uffef')).toBeNull();
  });
});
