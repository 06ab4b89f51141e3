/** Checks a whole backup file before anything touches the store: every field, every id, every reference. */
import { t, type MessageKey } from '../../i18n';
import {
  QUEUE,
  type CardKind,
  type CardRecord,
  type CorrectionRecord,
  type FsrsState,
  type KnownWord,
  type LookupRecord,
  type ReviewRecord,
  type SavedContext,
  type SavedWord,
  type Tombstone,
  type TombstoneKind,
} from '../db';
import { Invalid, isRecord, LIMITS, parseArray, parseBool, parseNumber, parseOneOf, parseOptionalNumber, parseOptionalText, parseRecord, parseText, parseTexts, parseWebUrl } from '../parse';
import { correctionRecord, dueDate, headword, pastDate, recordId, sortedContexts, usableFsrs, type Repairs } from '../records';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, type Backup } from './format';
import { pacer } from '../../next-task';
import type { ImportProgress } from './progress';

/** What every record parser needs: the import's time (for date ranges) and where repairs are noted. */
interface Checking {
  now: number;
  repairs: Repairs;
}

/** A context Yuedu wrote itself: one that breaks the limits is refused, not clipped (compare parsePageContext). */
function parseSavedContext(v: unknown, at: string, { now }: Checking): SavedContext {
  const c = parseRecord(v, at);
  return {
    sentence: parseText(c.sentence, `${at}.sentence`, LIMITS.sentence, { empty: true }),
    title: parseText(c.title, `${at}.title`, LIMITS.title, { empty: true }),
    url: parseWebUrl(c.url, `${at}.url`),
    date: pastDate(c.date, `${at}.date`, now),
  };
}

function parseSavedWord(v: unknown, at: string, ck: Checking): SavedWord {
  const w = parseRecord(v, at);
  const savedAt = pastDate(w.savedAt, `${at}.savedAt`, ck.now);
  let updatedAt = pastDate(w.updatedAt, `${at}.updatedAt`, ck.now);
  if (updatedAt < savedAt) {
    ck.repairs.push({ path: `${at}.updatedAt`, what: t('integrityRepairedUpdatedAt') });
    updatedAt = savedAt;
  }
  const contexts = parseArray(w.contexts, `${at}.contexts`).map((c, i) => parseSavedContext(c, `${at}.contexts[${i}]`, ck));
  const note = parseOptionalText(w.note, `${at}.note`, LIMITS.note);
  const hsk = parseOptionalNumber(w.hsk, `${at}.hsk`, { int: true, min: 1, max: 9 });
  return {
    id: recordId(w.id, `${at}.id`, ck.repairs),
    simplified: headword(w.simplified, `${at}.simplified`, LIMITS.headword, ck.repairs),
    traditional: headword(w.traditional, `${at}.traditional`, LIMITS.headword, ck.repairs),
    pinyin: parseText(w.pinyin, `${at}.pinyin`, LIMITS.pinyin, { empty: true }),
    definitions: parseTexts(w.definitions, `${at}.definitions`, LIMITS.definitions, LIMITS.definition),
    ...(note !== undefined ? { note } : {}),
    ...(hsk !== undefined ? { hsk } : {}),
    contexts: sortedContexts(contexts, `${at}.contexts`, ck.repairs),
    savedAt,
    updatedAt,
    suspended: parseBool(w.suspended, `${at}.suspended`),
  };
}

/** An FSRS state in range, and one ts-fsrs can grade at `at` (the import's time, or the review's for a logged state). */
function parseFsrs(v: unknown, at: string, now: number): FsrsState {
  const c = parseRecord(v, at);
  const n = (key: string, opts: { int?: boolean; min?: number; max?: number } = { min: 0 }) => parseNumber(c[key], `${at}.${key}`, opts);
  return usableFsrs({
    due: dueDate(c.due, `${at}.due`, now),
    stability: n('stability'),
    difficulty: n('difficulty'),
    elapsed_days: n('elapsed_days'),
    scheduled_days: n('scheduled_days'),
    learning_steps: n('learning_steps', { int: true, min: 0 }),
    reps: n('reps', { int: true, min: 0 }),
    lapses: n('lapses', { int: true, min: 0 }),
    state: parseOneOf(c.state, `${at}.state`, [0, 1, 2, 3]),
    last_review: c.last_review === null ? null : pastDate(c.last_review, `${at}.last_review`, now),
  }, at, now);
}

function parseCard(v: unknown, at: string, ck: Checking): CardRecord {
  const c = parseRecord(v, at);
  return {
    id: recordId(c.id, `${at}.id`, ck.repairs),
    wordId: recordId(c.wordId, `${at}.wordId`, []),
    kind: parseOneOf<CardKind>(c.kind, `${at}.kind`, ['recognize', 'produce']),
    queue: parseOneOf(c.queue, `${at}.queue`, [QUEUE.inactive, QUEUE.new, QUEUE.scheduled]),
    ...parseFsrs(c, at, ck.now),
  };
}

function parseReview(v: unknown, at: string, ck: Checking): ReviewRecord {
  const r = parseRecord(v, at);
  // A review in the future would count against that day's new cards: refused like any date out of range.
  const review = pastDate(r.review, `${at}.review`, ck.now);
  return {
    id: recordId(r.id, `${at}.id`, ck.repairs),
    cardId: recordId(r.cardId, `${at}.cardId`, []),
    wordId: recordId(r.wordId, `${at}.wordId`, []),
    rating: parseOneOf(r.rating, `${at}.rating`, [1, 2, 3, 4]),
    review,
    before: parseFsrs(r.before, `${at}.before`, review),
  };
}

function parseKnown(v: unknown, at: string, ck: Checking): KnownWord {
  const k = parseRecord(v, at);
  return {
    simplified: headword(k.simplified, `${at}.simplified`, LIMITS.headword, ck.repairs),
    markedAt: pastDate(k.markedAt, `${at}.markedAt`, ck.now),
  };
}

function parseLookup(v: unknown, at: string, ck: Checking): LookupRecord {
  const r = parseRecord(v, at);
  const w = parseRecord(r.word, `${at}.word`);
  const c = parseRecord(r.context, `${at}.context`);
  const note = parseOptionalText(w.note, `${at}.word.note`, LIMITS.note);
  const hsk = parseOptionalNumber(w.hsk, `${at}.word.hsk`, { int: true, min: 1, max: 9 });
  const simplified = parseText(w.simplified, `${at}.word.simplified`, LIMITS.headword);
  return {
    simplified,
    word: {
      simplified,
      traditional: parseText(w.traditional, `${at}.word.traditional`, LIMITS.headword),
      pinyin: parseText(w.pinyin, `${at}.word.pinyin`, LIMITS.pinyin, { empty: true }),
      definitions: parseTexts(w.definitions, `${at}.word.definitions`, LIMITS.definitions, LIMITS.definition),
      ...(note !== undefined ? { note } : {}),
      ...(hsk !== undefined ? { hsk } : {}),
    },
    context: {
      sentence: parseText(c.sentence, `${at}.context.sentence`, LIMITS.sentence, { empty: true }),
      title: parseText(c.title, `${at}.context.title`, LIMITS.title, { empty: true }),
      url: parseWebUrl(c.url, `${at}.context.url`),
    },
    lookedUpAt: pastDate(r.lookedUpAt, `${at}.lookedUpAt`, ck.now),
  };
}

function parseTombstone(v: unknown, at: string, ck: Checking): Tombstone {
  const s = parseRecord(v, at);
  return {
    kind: parseOneOf<TombstoneKind>(s.kind, `${at}.kind`, ['word', 'known']),
    simplified: headword(s.simplified, `${at}.simplified`, LIMITS.headword, ck.repairs),
    at: pastDate(s.at, `${at}.at`, ck.now),
  };
}

/** A correction as kept, with its id (a backup's records all have one). */
function parseCorrection(v: unknown, at: string, ck: Checking): CorrectionRecord {
  const record = correctionRecord(v, at, ck.now, ck.repairs);
  if (record.id === undefined) recordId(undefined, `${at}.id`, ck.repairs);
  return record;
}

/** `twice` is the message naming what is doubled, with the doubled key as its substitution. */
function unique<T>(items: T[], key: (item: T) => unknown, twice: MessageKey): void {
  const seen = new Set<unknown>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new Invalid(t(twice, String(k)));
    seen.add(k);
  }
}

/** The record lists of a backup, each with its parser; all but the first four are optional (older backups lack them). */
const LISTS = {
  words: parseSavedWord,
  cards: parseCard,
  reviews: parseReview,
  known: parseKnown,
  notKnown: parseKnown,
  history: parseLookup,
  tombstones: parseTombstone,
  corrections: parseCorrection,
} as const;
type Lists = { [K in keyof typeof LISTS]: ReturnType<(typeof LISTS)[K]>[] };
const OPTIONAL = new Set<keyof typeof LISTS>(['history', 'notKnown', 'tombstones', 'corrections']);

/**
 * Parses and checks a whole backup file; throws an `Invalid` error that says what is wrong and where. Repairs made
 * on the way (a headword's spaces trimmed, sentences sorted, a huge id to renumber) are noted in `repairs`. The records
 * are checked in slices (./progress.ts), so a large file does not freeze the page that imports it.
 */
export async function parseBackup(text: string, now = Date.now(), repairs: Repairs = [], progress?: ImportProgress): Promise<Backup> {
  const ck: Checking = { now, repairs };
  if (text.length > MAX_BACKUP_CHARS) throw new Invalid(t('backupTooLarge'));
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw new Invalid(t('backupNotJson'));
  }
  if (!isRecord(file)) throw new Invalid(t('backupNotObject'));
  if (file.format !== BACKUP_FORMAT) throw new Invalid(t('backupNotYuedu'));
  const version = parseNumber(file.version, 'version', { int: true });
  if (version > BACKUP_VERSION) throw new Invalid(t('backupNewerFormat', version));
  if (version < 1) throw new Invalid(t('backupUnknownFormat', version));
  const prefs = parseRecord(file.prefs, 'prefs');
  const schema = parseNumber(file.schema, 'schema', { int: true, min: 1 });
  const exportedAt = pastDate(file.exportedAt, 'exportedAt', now);
  const raw = Object.fromEntries(
    (Object.keys(LISTS) as (keyof typeof LISTS)[]).map((key) => [key, OPTIONAL.has(key) && file[key] === undefined ? [] : parseArray(file[key], key)]),
  ) as Record<keyof typeof LISTS, unknown[]>;
  const total = Object.values(raw).reduce((n, list) => n + list.length, 0);
  const pace = pacer();
  let done = 0;
  const lists: Partial<Record<keyof typeof LISTS, unknown[]>> = {};
  for (const key of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    const parse = LISTS[key] as (v: unknown, at: string, ck: Checking) => unknown;
    const out: unknown[] = [];
    for (const [i, v] of raw[key].entries()) {
      out.push(parse(v, `${key}[${i}]`, ck));
      // A review's check runs the scheduler (usableFsrs): 256 of them held the page for 270 ms on a busy machine.
      if (++done % 16 === 0) await pace();
      if (done % 256 === 0) progress?.('checking', done, total);
    }
    lists[key] = out;
  }
  progress?.('checking', total, total);
  const { words, cards, reviews, known, notKnown, history, tombstones, corrections } = lists as Lists;
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema,
    exportedAt,
    prefs: { reverseCards: parseBool(prefs.reverseCards, 'prefs.reverseCards') },
    words,
    cards,
    reviews,
    known,
    ...(file.history !== undefined ? { history } : {}),
    ...(file.notKnown !== undefined ? { notKnown } : {}),
    ...(file.tombstones !== undefined ? { tombstones } : {}),
    ...(file.corrections !== undefined ? { corrections } : {}),
  };
  unique(backup.words, (w) => w.id, 'backupDuplicateWordId');
  unique(backup.words, (w) => w.simplified, 'backupDuplicateWord');
  unique(backup.cards, (c) => c.id, 'backupDuplicateCardId');
  unique(backup.cards, (c) => `${c.wordId}/${c.kind}`, 'backupDuplicateCard');
  unique(backup.reviews, (r) => r.id, 'backupDuplicateReviewId');
  unique(backup.known, (k) => k.simplified, 'backupDuplicateKnown');
  unique(backup.notKnown ?? [], (k) => k.simplified, 'backupDuplicateKnown');
  const knownWords = new Set(backup.known.map((k) => k.simplified));
  for (const k of backup.notKnown ?? []) if (knownWords.has(k.simplified)) throw new Invalid(t('backupKnownAndNot', k.simplified));
  const stones = backup.tombstones ?? [];
  unique(stones, (s) => `${s.kind}/${s.simplified}`, 'backupDuplicateTombstone');
  // Yuedu forgets a deletion when the thing comes back, so a file holding both contradicts itself.
  const present = { word: new Set(backup.words.map((w) => w.simplified)), known: knownWords };
  for (const s of stones) if (present[s.kind].has(s.simplified)) throw new Invalid(t('backupDeletedAndPresent', s.simplified));
  unique(backup.corrections ?? [], (c) => c.id, 'backupDuplicateCorrectionId');
  const wordIds = new Set(backup.words.map((w) => w.id));
  const cardWords = new Map(backup.cards.map((c) => [c.id, c.wordId]));
  for (const c of backup.cards) if (!wordIds.has(c.wordId)) throw new Invalid(t('backupCardWithoutWord', String(c.id)));
  for (const r of backup.reviews) {
    if (cardWords.get(r.cardId) !== r.wordId) throw new Invalid(t('backupReviewWithoutCard', String(r.id)));
  }
  return backup;
}

