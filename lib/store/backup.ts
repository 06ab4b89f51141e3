/**
 * The JSON backup: every word, card, review and known word with its id, so export → import into an empty store
 * gives back exactly the same data. Import checks the whole file before touching the store, merges duplicates
 * (by headword, card kind, review time) instead of doubling them, and runs in one transaction: all or nothing.
 */
import { QUEUE, SCHEMA_VERSION, type CardKind, type CardRecord, type FsrsState, type KnownWord, type ReviewRecord, type SavedContext, type SavedWord, type YueduDb } from './db';
import { t, type MessageKey } from '../i18n';
import { guard, StoreError } from './errors';
import { readPrefs, writePrefs, type ReviewPrefs } from './prefs';
import { mergeContexts, syncCards } from './words';
import { Invalid, isRecord, LIMITS, parseArray, parseBool, parseNumber, parseOneOf, parseOptionalNumber, parseOptionalText, parseRecord, parseText, parseTexts, parseWebUrl } from './parse';

export const BACKUP_FORMAT = 'yuedu-backup';
/** The backup file's own version: it changes only when the file layout changes, not with every schema version. */
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  schema: number;
  exportedAt: number;
  prefs: ReviewPrefs;
  words: SavedWord[];
  cards: CardRecord[];
  reviews: ReviewRecord[];
  known: KnownWord[];
}

export async function exportBackup(db: YueduDb, now = Date.now()): Promise<Backup> {
  return guard(() =>
    db.transaction('r', [db.words, db.cards, db.reviews, db.known, db.meta], async () => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schema: SCHEMA_VERSION,
      exportedAt: now,
      prefs: await readPrefs(db),
      words: await db.words.toArray(),
      cards: await db.cards.toArray(),
      reviews: await db.reviews.toArray(),
      known: await db.known.toArray(),
    })),
  );
}

/** The backup as text, with keys in a fixed order so that equal data always gives the same file. */
export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

export const backupFileName = (now = Date.now()) => `yuedu-backup-${new Date(now).toISOString().slice(0, 10)}.json`;

const id = (v: unknown, at: string) => parseNumber(v, at, { int: true, min: 1 });
const time = (v: unknown, at: string) => parseNumber(v, at, { int: true, min: 0 });

function checkContext(v: unknown, at: string): SavedContext {
  const c = parseRecord(v, at);
  return {
    sentence: parseText(c.sentence, `${at}.sentence`, LIMITS.sentence, { empty: true }),
    title: parseText(c.title, `${at}.title`, LIMITS.title, { empty: true }),
    url: parseWebUrl(c.url, `${at}.url`),
    date: time(c.date, `${at}.date`),
  };
}

function checkWord(v: unknown, at: string): SavedWord {
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
    contexts: parseArray(w.contexts, `${at}.contexts`).map((c, i) => checkContext(c, `${at}.contexts[${i}]`)),
    savedAt: time(w.savedAt, `${at}.savedAt`),
    updatedAt: time(w.updatedAt, `${at}.updatedAt`),
    suspended: parseBool(w.suspended, `${at}.suspended`),
  };
}

function checkFsrs(v: unknown, at: string): FsrsState {
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

function checkCard(v: unknown, at: string): CardRecord {
  const c = parseRecord(v, at);
  return {
    id: id(c.id, `${at}.id`),
    wordId: id(c.wordId, `${at}.wordId`),
    kind: parseOneOf<CardKind>(c.kind, `${at}.kind`, ['recognize', 'produce']),
    queue: parseOneOf(c.queue, `${at}.queue`, [QUEUE.inactive, QUEUE.new, QUEUE.scheduled]),
    ...checkFsrs(c, at),
  };
}

function checkReview(v: unknown, at: string): ReviewRecord {
  const r = parseRecord(v, at);
  return {
    id: id(r.id, `${at}.id`),
    cardId: id(r.cardId, `${at}.cardId`),
    wordId: id(r.wordId, `${at}.wordId`),
    rating: parseOneOf(r.rating, `${at}.rating`, [1, 2, 3, 4]),
    review: time(r.review, `${at}.review`),
    before: checkFsrs(r.before, `${at}.before`),
  };
}

function checkKnown(v: unknown, at: string): KnownWord {
  const k = parseRecord(v, at);
  return { simplified: parseText(k.simplified, `${at}.simplified`, LIMITS.headword), markedAt: time(k.markedAt, `${at}.markedAt`) };
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
    words: parseArray(file.words, 'words').map((w, i) => checkWord(w, `words[${i}]`)),
    cards: parseArray(file.cards, 'cards').map((c, i) => checkCard(c, `cards[${i}]`)),
    reviews: parseArray(file.reviews, 'reviews').map((r, i) => checkReview(r, `reviews[${i}]`)),
    known: parseArray(file.known, 'known').map((k, i) => checkKnown(k, `known[${i}]`)),
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

export interface ImportSummary {
  words: { added: number; merged: number };
  cards: { added: number; merged: number };
  reviews: { added: number; duplicates: number };
  known: { added: number };
}

/** More reviews, then the latest review, wins: the card that has been studied more keeps its schedule. */
const moreAdvanced = (a: FsrsState, b: FsrsState) => a.reps > b.reps || (a.reps === b.reps && (a.last_review ?? 0) > (b.last_review ?? 0));

/**
 * Adds records keeping each file id that is still free, so an import into an empty store is identical.
 * Records keeping their id go first: the key generator then moves past them before numbering the others.
 */
async function addKeepingIds<T extends { id?: number }>(
  bulkAdd: (rows: T[]) => Promise<unknown[]>,
  items: T[],
  taken: Set<number>,
): Promise<number[]> {
  const keep: number[] = [];
  const renumber: number[] = [];
  items.forEach((item, i) => (item.id !== undefined && !taken.has(item.id) ? keep : renumber).push(i));
  const keys: number[] = new Array<number>(items.length);
  const add = async (indexes: number[], strip: boolean) => {
    const rows = indexes.map((i) => {
      const item = items[i] as T;
      if (!strip) return item;
      const rest = { ...item };
      delete rest.id;
      return rest;
    });
    (await bulkAdd(rows)).forEach((key, j) => {
      keys[indexes[j] ?? 0] = Number(key);
      taken.add(Number(key));
    });
  };
  await add(keep, false);
  await add(renumber, true);
  return keys;
}

export async function importBackup(db: YueduDb, backup: Backup, now = Date.now()): Promise<ImportSummary> {
  const summary: ImportSummary = {
    words: { added: 0, merged: 0 },
    cards: { added: 0, merged: 0 },
    reviews: { added: 0, duplicates: 0 },
    known: { added: 0 },
  };
  await guard(() =>
    db.transaction('rw', [db.words, db.cards, db.reviews, db.known, db.meta], async () => {
      const prefs = await readPrefs(db);
      const turnsOnReverse = backup.prefs.reverseCards && !prefs.reverseCards;
      if (turnsOnReverse) await writePrefs(db, { ...prefs, reverseCards: true });

      const wordsBySimplified = new Map((await db.words.toArray()).map((w) => [w.simplified, w]));
      const wordIds = new Set((await db.words.toCollection().primaryKeys()).map(Number));
      const wordMap = new Map<number, number>();
      const newWords: SavedWord[] = [];
      for (const w of backup.words) {
        const existing = wordsBySimplified.get(w.simplified);
        if (existing?.id === undefined) {
          newWords.push(w);
          continue;
        }
        mergeContexts(existing.contexts, w.contexts);
        existing.note ??= w.note;
        existing.hsk ??= w.hsk;
        existing.savedAt = Math.min(existing.savedAt, w.savedAt);
        existing.updatedAt = Math.max(existing.updatedAt, w.updatedAt);
        await db.words.put(existing);
        wordMap.set(w.id ?? 0, existing.id);
        summary.words.merged++;
      }
      const newWordKeys = await addKeepingIds((rows) => db.words.bulkAdd(rows, { allKeys: true }), newWords, wordIds);
      newWords.forEach((w, i) => wordMap.set(w.id ?? 0, newWordKeys[i] ?? 0));
      summary.words.added = newWords.length;

      const cardsByKey = new Map((await db.cards.toArray()).map((c) => [`${c.wordId}/${c.kind}`, c]));
      const cardIds = new Set((await db.cards.toCollection().primaryKeys()).map(Number));
      const cardMap = new Map<number, number>();
      const mergedCards = new Set<number>();
      const newCards: CardRecord[] = [];
      for (const c of backup.cards) {
        const wordId = wordMap.get(c.wordId) ?? 0;
        const existing = cardsByKey.get(`${wordId}/${c.kind}`);
        if (existing?.id === undefined) {
          newCards.push({ ...c, wordId });
          continue;
        }
        if (moreAdvanced(c, existing)) await db.cards.put({ ...c, id: existing.id, wordId });
        cardMap.set(c.id ?? 0, existing.id);
        mergedCards.add(existing.id);
        summary.cards.merged++;
      }
      const newCardKeys = await addKeepingIds((rows) => db.cards.bulkAdd(rows, { allKeys: true }), newCards, cardIds);
      newCards.forEach((c, i) => cardMap.set(c.id ?? 0, newCardKeys[i] ?? 0));
      summary.cards.added = newCards.length;

      const reviewIds = new Set((await db.reviews.toCollection().primaryKeys()).map(Number));
      const seen = new Set<string>();
      for (const r of await db.reviews.where('cardId').anyOf([...mergedCards]).toArray()) seen.add(`${r.cardId}/${r.review}/${r.rating}`);
      const newReviews: ReviewRecord[] = [];
      for (const r of backup.reviews) {
        const cardId = cardMap.get(r.cardId) ?? 0;
        const key = `${cardId}/${r.review}/${r.rating}`;
        if (seen.has(key)) {
          summary.reviews.duplicates++;
          continue;
        }
        seen.add(key);
        newReviews.push({ ...r, cardId, wordId: wordMap.get(r.wordId) ?? 0 });
      }
      await addKeepingIds((rows) => db.reviews.bulkAdd(rows, { allKeys: true }), newReviews, reviewIds);
      summary.reviews.added = newReviews.length;

      for (const k of backup.known) {
        if (await db.known.get(k.simplified)) continue;
        await db.known.add(k);
        summary.known.added++;
      }
      // Known words, suspensions and preferences from both sides decide which cards are reviewed now.
      const touched = turnsOnReverse ? (await db.words.toCollection().primaryKeys()).map(Number) : [...new Set(wordMap.values())];
      await syncCards(db, touched, now);
    }),
  );
  return summary;
}

/** Parses, checks and imports a backup file's text; nothing changes unless all of it is imported. */
export async function importBackupText(db: YueduDb, text: string, now = Date.now()): Promise<ImportSummary> {
  const backup = parseBackup(text);
  if (backup.schema > SCHEMA_VERSION) {
    throw new StoreError(t('backupNewerSchema'), 'invalid');
  }
  return importBackup(db, backup, now);
}
