/**
 * The .apkg read back as Anki would: unzipped, then the collection opened by Debian's sqlite3 (a reader independent of
 * the sql.js that wrote it) and checked against Anki's legacy collection schema.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApkg } from '../../../lib/anki/apkg';
import { NOTE_FIELDS } from '../../../lib/anki/note';
import { DECK_ID, DECK_NAME, NOTE_TYPE_ID, NOTE_TYPE_NAME } from '../../../lib/anki/note-type';
import type { SavedWord } from '../../../lib/store/db';
import { DAY, T0, community, ctx, summit } from '../store/fixtures';

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const saved = (word: typeof summit, sentence: string, at: number): SavedWord => ({
  ...word,
  contexts: [{ ...ctx(sentence), date: at }],
  savedAt: at,
  updatedAt: at,
  suspended: false,
});

const words = [
  saved(summit, '两国领导人出席峰會<与>会谈。', T0),
  saved(community, '构建人类命运共同体。', T0),
  { ...saved({ ...summit, simplified: '你好', traditional: '你好', pinyin: 'ni3 hao3', hsk: undefined }, '', T0 + DAY), contexts: [] },
];

/** Writes the .apkg's collection to a file and runs a query on it with the sqlite3 command (JSON rows). */
function query(apkg: Uint8Array, sql: string): Record<string, unknown>[] {
  const files = unzipSync(apkg);
  const dir = mkdtempSync(join(tmpdir(), 'apkg-'));
  const path = join(dir, 'collection.anki2');
  writeFileSync(path, files['collection.anki2'] ?? new Uint8Array());
  const out = execFileSync('sqlite3', ['-json', '-readonly', path, sql], { encoding: 'utf8' });
  return out.trim() ? (JSON.parse(out) as Record<string, unknown>[]) : [];
}

describe('.apkg export', () => {
  it('is a zip of collection.anki2 (a valid SQLite file) and an empty media map', async () => {
    const files = unzipSync(await buildApkg(SQL, words, T0));
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(files.media ?? new Uint8Array())).toBe('{}');
    expect(strFromU8((files['collection.anki2'] ?? new Uint8Array()).subarray(0, 15))).toBe('SQLite format 3');
    expect(query(await buildApkg(SQL, words, T0), 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('has the tables and columns of Anki’s schema 11 and one col row', async () => {
    const apkg = await buildApkg(SQL, words, T0);
    const tables = query(apkg, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    const columns = (table: string) => query(apkg, `PRAGMA table_info(${table})`).map((r) => r.name);
    expect(columns('col')).toEqual(['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags']);
    expect(columns('notes')).toEqual(['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data']);
    expect(columns('cards')).toEqual([
      'id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data',
    ]);
    expect(columns('revlog')).toEqual(['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type']);
    expect(query(apkg, 'SELECT id, ver FROM col')).toEqual([{ id: 1, ver: 11 }]);
  });

  it('declares the Yuedu note type with its fields in order and front/back templates, and the Yuedu deck', async () => {
    const [col] = query(await buildApkg(SQL, words, T0), 'SELECT models, decks, dconf, conf FROM col');
    const models = JSON.parse(String(col?.models)) as Record<string, { id: number; name: string; did: number; sortf: number; css: string; flds: { name: string; ord: number }[]; tmpls: { name: string; ord: number; qfmt: string; afmt: string }[] }>;
    expect(Object.keys(models)).toEqual([String(NOTE_TYPE_ID)]);
    const model = models[String(NOTE_TYPE_ID)];
    expect(model?.name).toBe(NOTE_TYPE_NAME);
    expect(model?.id).toBe(NOTE_TYPE_ID);
    expect(model?.did).toBe(DECK_ID);
    expect(model?.flds.map((f) => [f.ord, f.name])).toEqual(NOTE_FIELDS.map((name, ord) => [ord, name]));
    expect(model?.tmpls).toHaveLength(1);
    expect(model?.tmpls[0]?.qfmt).toContain('{{Hanzi}}');
    expect(model?.tmpls[0]?.qfmt).toContain('{{Sentence}}');
    expect(model?.tmpls[0]?.afmt).toContain('{{Pinyin}}');
    expect(model?.tmpls[0]?.afmt).toContain('{{Meaning}}');
    // Every field a template names exists.
    for (const tmpl of model?.tmpls ?? []) {
      for (const [, name] of `${tmpl.qfmt}${tmpl.afmt}`.matchAll(/\{\{[#^/]?([^}]+)\}\}/g)) {
        expect([...NOTE_FIELDS, 'FrontSide']).toContain(name);
      }
    }
    expect(model?.css).toMatch(/\.tone3 \{ color: #/);
    const decks = JSON.parse(String(col?.decks)) as Record<string, { id: number; name: string; conf: number }>;
    expect(decks[String(DECK_ID)]).toMatchObject({ id: DECK_ID, name: DECK_NAME, conf: 1 });
    expect(decks['1']).toMatchObject({ id: 1, name: 'Default' });
    expect(JSON.parse(String(col?.dconf))).toHaveProperty('1');
    expect(JSON.parse(String(col?.conf))).toMatchObject({ curModel: NOTE_TYPE_ID });
  });

  it('writes one note per word, fields joined by 0x1f in field order, escaped, pinyin in tone classes, word marked', async () => {
    const notes = query(await buildApkg(SQL, words, T0), 'SELECT id, mid, flds, sfld, csum, tags FROM notes ORDER BY id, sfld');
    expect(notes).toHaveLength(3);
    const summitNote = notes.find((n) => n.sfld === '峰会');
    expect(summitNote?.mid).toBe(NOTE_TYPE_ID);
    const flds = String(summitNote?.flds).split('\x1f');
    expect(flds).toHaveLength(NOTE_FIELDS.length);
    expect(Object.fromEntries(NOTE_FIELDS.map((name, i) => [name, flds[i]]))).toEqual({
      Hanzi: '峰会',
      Traditional: '峰會',
      Pinyin: '<span class="tone1">fēng</span> <span class="tone4">huì</span>',
      Meaning: 'summit meeting',
      Sentence: '两国领导人出席<b class="word">峰會</b>&lt;与&gt;会谈。',
      'Source title': '丝路新闻',
      'Source URL': 'https://news.example.cn/a.html',
      HSK: '6',
      Note: '',
    });
    // Anki's duplicate check: the first 32 bits of the SHA-1 of the sort field.
    const sha = execFileSync('sha1sum', { input: '峰会' }).toString().slice(0, 8);
    expect(summitNote?.csum).toBe(parseInt(sha, 16));
    expect(summitNote?.tags).toBe(' yuedu ');
    const hello = String(notes.find((n) => n.sfld === '你好')?.flds).split('\x1f');
    expect(hello[NOTE_FIELDS.indexOf('Traditional')]).toBe('');
    expect(hello[NOTE_FIELDS.indexOf('Sentence')]).toBe('');
    expect(new Set(notes.map((n) => n.id)).size).toBe(3);
  });

  it('gives each note one new card per template in the Yuedu deck', async () => {
    const apkg = await buildApkg(SQL, words, T0);
    const cards = query(apkg, 'SELECT nid, did, ord, type, queue FROM cards ORDER BY nid');
    const noteIds = query(apkg, 'SELECT id FROM notes ORDER BY id').map((r) => r.id);
    expect(cards.map((c) => c.nid)).toEqual(noteIds);
    for (const c of cards) expect(c).toMatchObject({ did: DECK_ID, ord: 0, type: 0, queue: 0 });
  });

  it('keeps GUIDs (from the word) and ids of note type and deck across exports, so a new import updates', async () => {
    const guids = (apkg: Uint8Array) => query(apkg, 'SELECT sfld, guid FROM notes ORDER BY sfld');
    const first = guids(await buildApkg(SQL, words, T0));
    const later = guids(await buildApkg(SQL, [...words].reverse().map((w) => ({ ...w, note: 'edited', updatedAt: T0 + 2 * DAY })), T0 + 3 * DAY));
    expect(later).toEqual(first);
    expect(new Set(first.map((r) => r.guid)).size).toBe(3);
    const [other] = guids(await buildApkg(SQL, [saved({ ...summit, simplified: '峰' }, '', T0)], T0));
    expect(first.map((r) => r.guid)).not.toContain(other?.guid);
  });
});
