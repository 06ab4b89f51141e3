/**
 * Writes `collection.anki2`, the SQLite file inside an .apkg, in Anki's legacy collection schema (version 11, the one
 * every Anki since 2.1 imports): the `col` row holding the note types, decks and their options as JSON, then one note
 * per word (fields joined by 0x1f in the note type's field order) and one new card per template.
 * sql.js is passed in, so the same code runs in the word list page (wasm shipped with the extension) and in tests.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { SavedWord } from '../store/db';
import { NOTE_FIELDS, noteFields } from './note';
import { DECK_ID, DECK_NAME, NOTE_TYPE_ID, TEMPLATES, noteTypeJson } from './note-type';

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** Anki's field separator. */
const FIELD_SEPARATOR = '\x1f';

const DECK_DEFAULTS = {
  usn: -1,
  collapsed: false,
  browserCollapsed: false,
  newToday: [0, 0],
  revToday: [0, 0],
  lrnToday: [0, 0],
  timeToday: [0, 0],
  dyn: 0,
  conf: 1,
  extendNew: 10,
  extendRev: 50,
  desc: '',
};

const DECK_OPTIONS = {
  id: 1,
  name: 'Default',
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
  rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
  lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
};

const sha1 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text)));

/** Anki's duplicate checksum: the first 32 bits of the SHA-1 of the first field without its HTML. */
async function checksum(plain: string): Promise<number> {
  const bytes = await sha1(plain);
  return ((bytes[0] ?? 0) * 2 ** 24) + ((bytes[1] ?? 0) << 16) + ((bytes[2] ?? 0) << 8) + (bytes[3] ?? 0);
}

const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/**
 * A note's GUID from its word, written like Anki's own (64 bits in base 91): the same word gets the same GUID in every
 * export, so importing again updates the note.
 */
async function noteGuid(simplified: string): Promise<string> {
  const bytes = await sha1(`yuedu:${simplified}`);
  let n = 0n;
  for (const b of bytes.subarray(0, 8)) n = (n << 8n) | BigInt(b);
  let out = '';
  do {
    out = BASE91[Number(n % 91n)] + out;
    n /= 91n;
  } while (n > 0n);
  return out;
}

const stripHtml = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function insertCol(db: Database, now: number): void {
  const secs = Math.floor(now / 1000);
  const conf = {
    activeDecks: [DECK_ID],
    curDeck: DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: NOTE_TYPE_ID,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
  };
  const decks = {
    1: { ...DECK_DEFAULTS, id: 1, name: 'Default', mod: secs },
    [DECK_ID]: { ...DECK_DEFAULTS, id: DECK_ID, name: DECK_NAME, mod: secs },
  };
  db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
    secs - (secs % 86_400),
    now,
    now,
    JSON.stringify(conf),
    JSON.stringify({ [NOTE_TYPE_ID]: noteTypeJson(secs) }),
    JSON.stringify(decks),
    JSON.stringify({ 1: DECK_OPTIONS }),
    '{}',
  ]);
}

/** The bytes of a collection holding one Yuedu note (and its cards) per word. */
export async function buildCollection(SQL: SqlJsStatic, words: readonly SavedWord[], now = Date.now()): Promise<Uint8Array> {
  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    insertCol(db, now);
    const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    const ids = new Set<number>();
    // Ids are millisecond times in Anki; the save time is one, moved on by a millisecond where two words share it.
    const freshId = (from: number) => {
      let id = from;
      while (ids.has(id)) id++;
      ids.add(id);
      return id;
    };
    for (const [i, word] of words.entries()) {
      const fields = noteFields(word);
      const flds = NOTE_FIELDS.map((name) => fields[name]).join(FIELD_SEPARATOR);
      const sortField = stripHtml(fields.Hanzi);
      const noteId = freshId(word.savedAt);
      const mod = Math.floor(word.updatedAt / 1000);
      note.run([noteId, await noteGuid(word.simplified), NOTE_TYPE_ID, mod, ' yuedu ', flds, sortField, await checksum(sortField), '']);
      for (const ord of TEMPLATES.keys()) card.run([freshId(noteId), noteId, DECK_ID, ord, mod, i + 1, '']);
    }
    note.free();
    card.free();
    return db.export();
  } finally {
    db.close();
  }
}
