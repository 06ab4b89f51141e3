// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Card } from '../../content/card';
import { copyLine } from '../../content/hover/commands';
import type { LookupMatch } from '../../dictionary/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

const matches: LookupMatch[] = [
  {
    text: '三股势力',
    entries: [
      {
        simplified: '三股势力',
        traditional: '三股勢力',
        source: 'glossary',
        readings: [{ pinyin: 'san1 gu3 shi4 li4', definitions: ['the three evil forces'], classifiers: [] }],
        glossary: { english: 'the "three evil forces"', note: 'terrorism, separatism and religious extremism', category: 'security' },
      },
    ],
  },
  {
    text: '三股',
    entries: [
      {
        simplified: '三股',
        traditional: '三股',
        source: 'fallback',
        readings: [],
        parts: [{ simplified: '三', traditional: '三', source: 'cedict', hsk: 1, readings: [{ pinyin: 'san1', definitions: ['three'], classifiers: [] }] }],
      },
    ],
  },
];

function draw(settings = DEFAULT_SETTINGS, status?: string): HTMLElement {
  const root = document.createElement('div');
  render(<Card matches={matches} settings={settings} status={status} />, root);
  return root;
}

describe('the hover card', () => {
  it('shows every match, longest first, with forms, tone-coloured pinyin, senses and the glossary note', () => {
    const root = draw();
    const entries = [...root.querySelectorAll('[data-entry]')].map((e) => e.getAttribute('data-entry'));
    expect(entries).toEqual(['三股势力', '三股', '三']);
    const first = root.querySelector('[data-entry="三股势力"]') as HTMLElement;
    expect(first.querySelector('.alt')?.textContent).toBe('三股勢力');
    expect(first.querySelector('.pinyin')?.textContent).toBe('sān gǔ shì lì');
    expect((first.querySelector('.pinyin span') as HTMLElement).style.color).toBe('#e30000');
    expect(first.querySelector('.note')?.textContent).toContain('separatism');
    expect(first.querySelector('.badge.glossary')?.textContent).toBe('Security');
    expect(root.querySelector('[data-entry="三"] .hsk')?.textContent).toBe('HSK 1');
  });

  it('marks a shorter or longer form of a glossary phrase with the phrase it belongs to, and only that match', () => {
    const [phrase] = matches;
    const variant: LookupMatch = { text: '反对三股势力', entries: phrase?.entries ?? [], variantOf: '三股势力' };
    const root = document.createElement('div');
    render(<Card matches={[variant, ...matches]} settings={DEFAULT_SETTINGS} />, root);
    const markers = [...root.querySelectorAll('.variant')].map((e) => e.textContent);
    expect(markers).toEqual(['Form of 三股势力']);
    expect(root.querySelector('.variant')?.nextElementSibling?.getAttribute('data-entry')).toBe('三股势力');
    expect(draw().querySelector('.variant')).toBeNull();
  });

  it('says which match the reader corrected, above its entries', () => {
    const [phrase, pieces] = matches;
    const root = document.createElement('div');
    render(<Card matches={[{ ...(phrase as LookupMatch), corrected: 'join' }, { ...(pieces as LookupMatch), corrected: 'reading' }]} settings={DEFAULT_SETTINGS} />, root);
    expect([...root.querySelectorAll('.corrected')].map((e) => e.getAttribute('data-corrected'))).toEqual(['join', 'reading']);
    expect(root.querySelector('.corrected')?.textContent).toMatch(/correction/);
    expect(root.querySelector('.corrected')?.nextElementSibling?.getAttribute('data-entry')).toBe('三股势力');
    expect(draw().querySelector('.corrected')).toBeNull();
  });

  it('follows the settings: numbered pinyin, no colours, traditional first, no HSK', () => {
    const root = draw({ ...DEFAULT_SETTINGS, pinyinStyle: 'numbers', toneColors: false, headwordFirst: 'traditional', showHsk: false }, 'Saved');
    expect(root.querySelector('.hw')?.textContent).toBe('三股勢力');
    expect(root.querySelector('.pinyin')?.textContent).toBe('san1 gu3 shi4 li4');
    expect(root.querySelector('.pinyin span[style]')).toBeNull();
    expect(root.querySelector('.hsk')).toBeNull();
    expect(root.querySelector('.status')?.textContent).toBe('Saved');
    const zhuyin = draw({ ...DEFAULT_SETTINGS, pinyinStyle: 'zhuyin' });
    expect(zhuyin.querySelector('.pinyin')?.textContent).toBe('ㄙㄢ ㄍㄨˇ ㄕˋ ㄌㄧˋ');
  });

  it('renders page and dictionary strings as text, never as markup', () => {
    const hostile: LookupMatch[] = [{ text: '峰会', entries: [{ simplified: '峰会', traditional: '峰會', source: 'cedict', readings: [{ pinyin: 'feng1 hui4', definitions: ['<img src=x onerror=alert(1)>'], classifiers: [] }] }] }];
    const root = document.createElement('div');
    render(<Card matches={hostile} settings={DEFAULT_SETTINGS} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.defs')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('copies the longest word as one line: headword, pinyin, senses', () => {
    expect(copyLine(matches[0] as LookupMatch)).toBe('三股势力\tsan1 gu3 shi4 li4\tthe three evil forces');
    expect(copyLine(matches[1] as LookupMatch)).toBe('三股\tsan1');
  });
});
