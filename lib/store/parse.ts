/**
 * Parsers for data that comes from outside: message payloads (whose text is a web page's) and backup files. Each
 * returns the value typed, or throws an `Invalid` error saying what is wrong and where (compare
 * lib/settings/sanitize.ts, which falls back instead). Records are rebuilt with only the known fields, so nothing
 * unexpected (prototype keys, extra properties, huge strings) reaches the database.
 */
import { t } from '../i18n';
import { StoreError } from './errors';

export const LIMITS = {
  headword: 64,
  pinyin: 400,
  definition: 2000,
  definitions: 100,
  note: 4000,
  sentence: 2000,
  title: 500,
  url: 4096,
  /** The word a correction is about: longer than any headword a card shows, with the next word joined to it. */
  correction: 32,
  /** A hostname: the longest the DNS allows. */
  site: 253,
} as const;

export class Invalid extends StoreError {
  constructor(message: string) {
    super(message, 'invalid');
  }
}

export type Path = string;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of the object's own fields: a field inherited from a prototype is not a field of the data. */
export function parseRecord(v: unknown, at: Path): Record<string, unknown> {
  if (!isRecord(v)) throw new Invalid(t('invalidNotObject', at));
  return Object.assign(Object.create(null) as Record<string, unknown>, v);
}

export function parseArray(v: unknown, at: Path): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(t('invalidNotList', at));
  return v;
}

export function parseText(v: unknown, at: Path, max: number, opts: { empty?: boolean } = {}): string {
  if (typeof v !== 'string') throw new Invalid(t('invalidNotText', at));
  if (!opts.empty && v.trim() === '') throw new Invalid(t('invalidEmpty', at));
  if (v.length > max) throw new Invalid(t('invalidTooLong', at, max));
  return v;
}

export function parseOptionalText(v: unknown, at: Path, max: number): string | undefined {
  return v === undefined || v === null ? undefined : parseText(v, at, max, { empty: true });
}

export function parseNumber(v: unknown, at: Path, opts: { int?: boolean; min?: number; max?: number } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(t('invalidNotNumber', at));
  if (opts.int && !Number.isInteger(v)) throw new Invalid(t('invalidNotWholeNumber', at));
  if (opts.min !== undefined && v < opts.min) throw new Invalid(t('invalidTooSmall', at, opts.min));
  if (opts.max !== undefined && v > opts.max) throw new Invalid(t('invalidTooLarge', at, opts.max));
  return v;
}

export function parseOptionalNumber(v: unknown, at: Path, opts: { int?: boolean; min?: number; max?: number } = {}): number | undefined {
  return v === undefined || v === null ? undefined : parseNumber(v, at, opts);
}

export function parseBool(v: unknown, at: Path): boolean {
  if (typeof v !== 'boolean') throw new Invalid(t('invalidNotBoolean', at));
  return v;
}

export function parseOneOf<T extends string | number>(v: unknown, at: Path, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new Invalid(t('invalidNotOneOf', at, allowed.join(', ')));
  return v as T;
}

export function parseTexts(v: unknown, at: Path, maxItems: number, maxLength: number): string[] {
  const list = parseArray(v, at);
  if (list.length > maxItems) throw new Invalid(t('invalidTooMany', at, maxItems));
  return list.map((item, i) => parseText(item, `${at}[${i}]`, maxLength));
}

/** Only web pages are kept as sources: a link in the word list must never be `javascript:` or the like. */
export function parseWebUrl(v: unknown, at: Path): string {
  const url = parseText(v, at, LIMITS.url, { empty: true });
  if (url === '') return url;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Invalid(t('invalidNotUrl', at));
  }
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') throw new Invalid(t('invalidNotWebAddress', at));
  return url;
}

const HOSTNAME = /^[a-z0-9.\-[\]:]*$/;

/** A site as lib/settings/sites.ts makes it from a hostname ('' for a page without one). */
export function siteName(v: unknown, at: Path): string {
  const site = parseText(v, at, LIMITS.site, { empty: true });
  if (!HOSTNAME.test(site)) throw new Invalid(t('integrityNotSite', at));
  return site;
}
