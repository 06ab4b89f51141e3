import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

/** Every UI string lives in public/_locales/<lang>/messages.json (English is the default locale, zh_CN the second). */
export type MessageKey = keyof typeof en;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The browser's own substitution rules ($NAME$ → placeholder content → $1…$9), for use where the i18n API is absent. */
export function format(msg: Message, substitutions: readonly string[]): string {
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, d: string) => substitutions[Number(d) - 1] ?? '');
  return msg.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = msg.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

/**
 * The UI string in the browser's language. Outside an extension page (unit tests) the English message is used,
 * formatted by the same rules.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  const i18n = (browser as typeof browser | undefined)?.i18n;
  const localized = i18n?.getMessage(key, subs);
  return localized || format(en[key] as Message, subs);
}

/**
 * The language of the strings shown, as a BCP 47 tag for `<html lang>` (so screen readers pronounce them right) and
 * number formats. Taken from the messages themselves: the browser's UI language can differ from the translation used.
 */
export function uiLanguage(): string {
  return t('uiLang');
}

const MARK = '\u{E000}';

/**
 * A message with elements (a `<kbd>`, say) standing in its substitutions, where the translation puts them: word order
 * differs between languages, so a sentence is never cut into fragments around an element.
 */
export function tParts<T>(key: MessageKey, ...inserts: T[]): (string | T)[] {
  const text = t(key, ...inserts.map((_, i) => `${MARK}${i}${MARK}`));
  return text
    .split(new RegExp(`${MARK}(\\d+)${MARK}`, 'u'))
    .map((part, i) => (i % 2 === 1 ? (inserts[Number(part)] ?? '') : part))
    .filter((part) => part !== '');
}
