import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, t, tParts, uiLanguage } from '../../lib/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = path.resolve(import.meta.dirname, '../../public/_locales');
const read = (lang: string): Messages => JSON.parse(readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8'));
const namedIn = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();

describe('UI strings', () => {
  const en = read('en');

  it('has English and Simplified Chinese', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'zh_CN']);
  });

  it.each(readdirSync(LOCALES))('%s has every English message with the same placeholders, each used', (lang) => {
    const other = read(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, msg] of Object.entries(other)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(msg.message.trim(), key).not.toBe('');
      expect(msg.placeholders, key).toEqual(en[key]?.placeholders);
      expect(namedIn(msg.message), key).toEqual(Object.keys(msg.placeholders ?? {}).sort());
    }
  });

  it('formats placeholders as the browser does, outside the browser', () => {
    expect(t('aboutVersion', '1.2.3')).toBe('Version 1.2.3');
    expect(uiLanguage()).toBe('en');
    expect(read('zh_CN').uiLang?.message).toBe('zh-CN');
    expect(t('optionsInvalid', 12, 32)).toBe('Enter a whole number from 12 to 32.');
    expect(format({ message: 'Cost: $$5 for $N$', placeholders: { n: { content: '$1' } } }, ['you'])).toBe('Cost: $5 for you');
  });

  it('puts elements where the message places its substitutions', () => {
    const key = { tag: 'kbd' };
    expect(tParts('reviewHowToSave', key)).toEqual(['On a Chinese news page, point at a word and press ', key, ' to save it. It becomes a flashcard here, due at once.']);
    expect(tParts('reviewUndo', key)).toEqual(['Undo']);
  });
});
