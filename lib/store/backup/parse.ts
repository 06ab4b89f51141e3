/** Checks a whole backup file before anything touches the store: every field, every id, every reference. */
import { t, type MessageKey } from '../../i18n';
import { QUEUE, type CardKind, type CardRecord, type FsrsState, type KnownWord, type LookupRecord, type ReviewRecord, type SavedContext, type SavedWord } from '../db';
import { Invalid, isRecord, LIMITS, parseArray, parseBool, parseNumber, parseOneOf, parseOptionalNumber, parseOptionalText, parseRecord, parseText, parseTexts, parseWebUrl } from '../parse';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, type Backup } from './format';

const id = (v: unknown, at: string) => parseNumber(v, at, { int: true, min: 1 });
const time = (v: unknown, at: string) => parseNumber(v, at, { int: true, min: 0 });

/** A context Yuedu wrote itself: one that breaks the limits is refused, not clipped (compare parsePageContext). */
function parseSavedContext(v: unknown, at: string): SavedContext {
  const c = parseRecord(v, at);
  return {
    sentence: parseText(c.sentence, `${at}.sentence`, LIMITS.sentence, { empty: true }),
    title: parseText(c.title, `${at}.title`, LIMITS.title, { empty: true }),
    url: parseWebUrl(c.url, `${at}.url`),
    date: time(c.date, `${at}.date`),
  };
}

function parseSavedWord(v: unknown, at: string): SavedWord {
  const w = parseRecord(v, at);
  const note = parseOptionalText(w.note, `${at}.note`, LIMITS.note);
  const hsk = parseOptionalNumber(w.hsk, `${at}.hsk`, { int: true, min: 1, max: 9 });
  return {
    id: id(w.id, `${at}.id`),
    simplified: parseText(w.simplified, `${at}.simplified`, LIMITS.headword),
    traditional: parseText(w.traditional, `${at}.traditional`, LIMITS.headword),
    pinyin: parseText(w.pinyin, `${at}.pinyin`, LIMITS.pinyin, { empty: true }),
    definitions: parseTexts(w.definitions, `${at}.definitions`, LIMITS.definitions, LIMITS.definition),
    ...(note !== undefined ? { note } : {}),
    ...(hsk !== undefined ? { hsk } : {}),
    contexts: parseArray(w.contexts, `${at}.contexts`).map((c, i) => parseSavedContext(c, `${at}.contexts[${i}]`)),
    savedAt: time(w.savedAt, `${at}.savedAt`),
    updatedAt: time(w.updatedAt, `${at}.updatedAt`),
    suspended: parseBool(w.suspended, `${at}.suspended`),
  };
}

function parseFsrs(v: unknown, at: string): FsrsState {
  const c = parseRecord(v, at);
  const n = (key: string, opts: { int?: boolean; min?: number; max?: number } = { min: 0 }) => parseNumber(c[key], `${at}.${key}`, opts);
  return {
    due: time(c.due, `${at}.due`),
    stability: n('stability'),
    difficulty: n('difficulty'),
    elapsed_days: n('elapsed_days'),
    scheduled_days: n('scheduled_days'),
    learning_steps: n('learning_steps', { int: true, min: 0 }),
    reps: n('reps', { int: true, min: 0 }),
    lapses: n('lapses', { int: true, min: 0 }),
    state: parseOneOf(c.state, `${at}.state`, [0, 1, 2, 3]),
    last_review: c.last_review === null ? null : time(c.last_review, `${at}.last_review`),
  };
}

function parseCard(v: unknown, at: string): CardRecord {
  const c = parseRecord(v, at);
  return {
    id: id(c.id, `${at}.id`),
    wordId: id(c.wordId, `${at}.wordId`),
    kind: parseOneOf<CardKind>(c.kind, `${at}.kind`, ['recognize', 'produce']),
    queue: parseOneOf(c.queue, `${at}.queue`, [QUEUE.inactive, QUEUE.new, QUEUE.scheduled]),
    ...parseFsrs(c, at),
  };
}

function parseReview(v: unknown, at: string): ReviewRecord {
  const r = parseRecord(v, at);
  return {
    id: id(r.id, `${at}.id`),
    cardId: id(r.cardId, `${at}.cardId`),
    wordId: id(r.wordId, `${at}.wordId`),
    rating: parseOneOf(r.rating, `${at}.rating`, [1, 2, 3, 4]),
    review: time(r.review, `${at}.review`),
    before: parseFsrs(r.before, `${at}.before`),
  };
}

function parseKnown(v: unknown, at: string): KnownWord {
  const k = parseRecord(v, at);
  return { simplified: parseText(k.simplified, `${at}.simplified`, LIMITS.headword), markedAt: time(k.markedAt, `${at}.markedAt`) };
}

function parseLookup(v: unknown, at: string): LookupRecord {
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
    lookedUpAt: time(r.lookedUpAt, `${at}.lookedUpAt`),
  };
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

/** Parses and checks a whole backup file; throws an `Invalid` error that says what is wrong and where. */
export function parseBackup(text: string): Backup {
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
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: parseNumber(file.schema, 'schema', { int: true, min: 1 }),
    exportedAt: time(file.exportedAt, 'exportedAt'),
    prefs: { reverseCards: parseBool(prefs.reverseCards, 'prefs.reverseCards') },
    words: parseArray(file.words, 'words').map((w, i) => parseSavedWord(w, `words[${i}]`)),
    cards: parseArray(file.cards, 'cards').map((c, i) => parseCard(c, `cards[${i}]`)),
    reviews: parseArray(file.reviews, 'reviews').map((r, i) => parseReview(r, `reviews[${i}]`)),
    known: parseArray(file.known, 'known').map((k, i) => parseKnown(k, `known[${i}]`)),
    ...(file.history !== undefined ? { history: parseArray(file.history, 'history').map((r, i) => parseLookup(r, `history[${i}]`)) } : {}),
  };
  unique(backup.words, (w) => w.id, 'backupDuplicateWordId');
  unique(backup.words, (w) => w.simplified, 'backupDuplicateWord');
  unique(backup.cards, (c) => c.id, 'backupDuplicateCardId');
  unique(backup.cards, (c) => `${c.wordId}/${c.kind}`, 'backupDuplicateCard');
  unique(backup.reviews, (r) => r.id, 'backupDuplicateReviewId');
  unique(backup.known, (k) => k.simplified, 'backupDuplicateKnown');
  const wordIds = new Set(backup.words.map((w) => w.id));
  const cardWords = new Map(backup.cards.map((c) => [c.id, c.wordId]));
  for (const c of backup.cards) if (!wordIds.has(c.wordId)) throw new Invalid(t('backupCardWithoutWord', String(c.id)));
  for (const r of backup.reviews) {
    if (cardWords.get(r.cardId) !== r.wordId) throw new Invalid(t('backupReviewWithoutCard', String(r.id)));
  }
  return backup;
}

