/**
 * The domain's ranges for every kind of record, beyond the types lib/store/parse.ts checks: ids, dates, FSRS states,
 * headwords, context order. Used by the backup importer, by saves from pages and by the consistency check of a store
 * that is already damaged. A value is either repaired, where the intent is clear (and the repair is noted, so the
 * reader is told), or refused with the path of the bad field; it is never kept as it is.
 */
import { t, type MessageKey } from '../i18n';
import { CORRECTION_KINDS } from '../../dictionary/corrections';
import { CORRECTION_SCOPES } from '../domain/correction';
import type { CorrectionRecord, FsrsState, SavedContext } from './db';
import { fsrsProblem } from './fsrs';
import { Invalid, LIMITS, parseArray, parseNumber, parseOneOf, parseRecord, parseText, siteName, type Path } from './parse';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Nothing Yuedu records happened before 2000. */
const DATE_FLOOR = Date.UTC(2000, 0, 1);
/** A past event may be up to a day "in the future": clocks of two devices differ. */
const CLOCK_SKEW = DAY_MS;
/** FSRS caps intervals at 100 years; a due date beyond that is not a schedule. */
const DUE_HORIZON = 36_525 * DAY_MS;
/**
 * Ids above this are renumbered on import rather than kept: IndexedDB's key generator continues after the largest
 * key, and past 2^53 it stops, so one huge id would make every later save fail. Kept ids stay far below.
 */
export const MAX_KEPT_ID = 2 ** 31 - 1;

export interface Repair {
  path: Path;
  /** What was done, in the reader's language. */
  what: string;
}

/** Where repairs are noted while records are checked; a check with no list to note into refuses instead. */
export type Repairs = Repair[];

const note = (repairs: Repairs, path: Path, key: MessageKey) => repairs.push({ path, what: t(key) });

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A date (epoch ms) in [from, to]; anything else, including dates JavaScript cannot represent, is refused. */
function dateIn(v: unknown, at: Path, from: number, to: number): number {
  const ms = parseNumber(v, at, { int: true });
  if (ms < from || ms > to) throw new Invalid(t('integrityDateOutOfRange', at, iso(from), iso(to)));
  return ms;
}

/** When something happened: not before 2000, not after now (give or take a day). */
export const pastDate = (v: unknown, at: Path, now: number) => dateIn(v, at, DATE_FLOOR, now + CLOCK_SKEW);

/** When a card falls due: within a century of now. */
export const dueDate = (v: unknown, at: Path, now: number) => dateIn(v, at, DATE_FLOOR, now + DUE_HORIZON);

/** A record id: a positive whole number. Large ones are renumbered by the importer (see MAX_KEPT_ID). */
export function recordId(v: unknown, at: Path, repairs: Repairs): number {
  const id = parseNumber(v, at, { int: true, min: 1 });
  if (id > MAX_KEPT_ID) note(repairs, at, 'integrityRepairedId');
  return id;
}

/** In `u` mode a paired surrogate is one code point, so only an unpaired half matches. */
const LONE_SURROGATE = /\p{Cs}/u;
const WORD_CHARACTER = /[\p{Script=Han}\p{L}]/u;

/**
 * A headword as saving stores it: NFC, no surrounding spaces (so " 峰会" is 峰会 and merges with it). Refused when
 * it holds a lone surrogate (not text) or no Han character or letter remains (a zero-width space alone).
 */
export function headword(v: unknown, at: Path, max: number, repairs?: Repairs): string {
  const raw = parseText(v, at, max, { empty: true });
  if (LONE_SURROGATE.test(raw)) throw new Invalid(t('integrityLoneSurrogate', at));
  const word = raw.normalize('NFC').trim();
  if (!WORD_CHARACTER.test(word)) throw new Invalid(t('integrityNotAWord', at));
  if (word !== raw && repairs) note(repairs, at, 'integrityRepairedHeadword');
  return word;
}

/** Sentences oldest first: the word list shows the last one as the latest. */
export function sortedContexts(contexts: SavedContext[], at: Path, repairs: Repairs): SavedContext[] {
  if (contexts.every((c, i) => i === 0 || (contexts[i - 1] as SavedContext).date <= c.date)) return contexts;
  note(repairs, at, 'integrityRepairedContextOrder');
  return [...contexts].sort((a, b) => a.date - b.date);
}

/** A state the scheduler can grade at `now`: ts-fsrs itself is asked (stability 0 in review, a last review ahead…). */
export function usableFsrs<S extends FsrsState>(state: S, at: Path, now: number): S {
  const problem = fsrsProblem(state, now);
  if (problem !== null) throw new Invalid(t('integrityFsrsUnusable', at, problem));
  return state;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const NUMBERED_SYLLABLE = /^[a-zü]+[1-5]$/;

const codePoints = (text: string) => [...text].length;

function correctionText(v: unknown, at: Path): string {
  const text = parseText(v, at, LIMITS.correction);
  if (!HAN_ONLY.test(text)) throw new Invalid(t('integrityNotHan', at));
  return text;
}

/**
 * A correction (lib/store/db.ts) as it may be kept: a word of Han characters in both scripts, a split's pieces that
 * cut it between characters, a reading of one numbered syllable per character; nothing else of another kind.
 */
export function correctionRecord(v: unknown, at: Path, now: number, repairs: Repairs): CorrectionRecord {
  const c = parseRecord(v, at);
  const kind = parseOneOf(c.kind, `${at}.kind`, CORRECTION_KINDS);
  const text = correctionText(c.text, `${at}.text`);
  const traditional = correctionText(c.traditional, `${at}.traditional`);
  if (codePoints(traditional) !== codePoints(text)) throw new Invalid(t('integrityTwinLength', `${at}.traditional`));
  const site = siteName(c.site, `${at}.site`);
  const record: CorrectionRecord = {
    ...(c.id !== undefined ? { id: recordId(c.id, `${at}.id`, repairs) } : {}),
    kind,
    text,
    traditional,
    site,
    scope: parseOneOf(c.scope, `${at}.scope`, CORRECTION_SCOPES),
    createdAt: pastDate(c.createdAt, `${at}.createdAt`, now),
  };
  if (kind === 'split') record.pieces = correctionPieces(c.pieces, `${at}.pieces`, text);
  else if (c.pieces !== undefined) throw new Invalid(t('integrityNotForKind', `${at}.pieces`, kind));
  if (kind === 'reading') record.reading = correctionReading(c.reading, `${at}.reading`, text);
  else if (c.reading !== undefined) throw new Invalid(t('integrityNotForKind', `${at}.reading`, kind));
  return record;
}

/** Two pieces or more, each cutting between characters, together the whole word. */
function correctionPieces(v: unknown, at: Path, text: string): number[] {
  const list = parseArray(v, at);
  if (list.length < 2 || list.length > codePoints(text)) throw new Invalid(t('integrityBadPieces', at));
  const pieces = list.map((p, i) => parseNumber(p, `${at}[${i}]`, { int: true, min: 1, max: text.length }));
  let end = 0;
  for (const length of pieces) {
    end += length;
    if (end > text.length || /[\uDC00-\uDFFF]/.test(text[end] ?? '')) throw new Invalid(t('integrityBadPieces', at));
  }
  if (end !== text.length) throw new Invalid(t('integrityBadPieces', at));
  return pieces;
}

/** One lowercase numbered syllable per character ("zhong4 yao4"), as dictionary/pinyin.ts normalises them. */
function correctionReading(v: unknown, at: Path, text: string): string {
  const reading = parseText(v, at, LIMITS.pinyin);
  const syllables = reading.split(' ');
  if (syllables.length !== codePoints(text) || !syllables.every((s) => NUMBERED_SYLLABLE.test(s))) throw new Invalid(t('integrityBadReading', at));
  return reading;
}
