/**
 * Reading a deck Anki wrote, for the import of the reader's existing words (issue 16, item 4): the legacy collection
 * (schema 11, as our own export and older Anki write it) and the current one (schema 18, zstd-compressed as
 * `collection.anki21b`, beside the stub `collection.anki2` that tells old versions to update). The current one is
 * compressed by Debian's zstd command, a compressor independent of the decompressor under test.
 */
import { zipSync, strToU8 } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApkg } from '../../../lib/anki/apkg';
import { NOTE_FIELDS } from '../../../lib/anki/note';
import { NOTE_TYPE_NAME } from '../../../lib/anki/note-type';
import { fieldText, readApkg } from '../../../lib/anki/read-apkg';
import { T0, community, summit } from '../store/fixtures';
import { modernApkg } from './deck-fixture';

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  SQL = await initSqlJs();
});

describe('reading an .apkg', () => {
  it('reads a current Anki deck (collection.anki21b, zstd), ignoring the stub beside it', () => {
    const deck = readApkg(SQL, modernApkg(SQL));
    expect(deck.noteTypes).toEqual([
      { id: 1700000000001, name: 'Chinese (Pleco)', fields: ['Hanzi', 'Pinyin', 'Meaning'], notes: 3 },
      { id: 1700000000002, name: 'Basic', fields: ['Front', 'Back'], notes: 1 },
    ]);
    expect(deck.notes.filter((n) => n.noteTypeId === 1700000000001).map((n) => n.fields[0])).toEqual(['峰会', '命运共同体', '你好']);
    expect(deck.notes[1]?.fields[2]).toBe('community&destiny');
  });

  it('reads a legacy deck (collection.anki2, note types in col.models), such as our own export', async () => {
    const saved = (w: typeof summit) => ({ ...w, contexts: [], savedAt: T0, updatedAt: T0, suspended: false });
    const deck = readApkg(SQL, await buildApkg(SQL, [saved(summit), saved(community)], T0));
    expect(deck.noteTypes.map((nt) => [nt.name, nt.fields, nt.notes])).toEqual([[NOTE_TYPE_NAME, [...NOTE_FIELDS], 2]]);
    expect(deck.notes.map((n) => n.fields[0]).sort()).toEqual(['命运共同体', '峰会']);
  });

  const bad: [string, () => Uint8Array, RegExp][] = [
    ['a text file', () => strToU8('峰会\tfēnghuì\tsummit\n'), /not an Anki deck/],
    ['a zip without a collection', () => zipSync({ 'notes.txt': strToU8('峰会') }), /not an Anki deck/],
    ['a collection that is not SQLite', () => zipSync({ 'collection.anki2': strToU8('SQLite? no') }), /cannot be read/],
    ['a collection that is not zstd', () => zipSync({ 'collection.anki21b': strToU8('plain') }), /cannot be read/],
    ['a collection without notes', () => {
      const db = new SQL.Database();
      db.run('CREATE TABLE col (models text)');
      const bytes = db.export();
      db.close();
      return zipSync({ 'collection.anki2': bytes });
    }, /cannot be read/],
  ];
  it.each(bad)('refuses %s with a clear message', (_, file, message) => {
    expect(() => readApkg(SQL, file())).toThrow(message);
  });
});

describe('fieldText', () => {
  it.each([
    ['<b>峰会</b>', '峰会'],
    ['命运&nbsp;共同体<br/>', '命运 共同体'],
    ['&#x5cf0;&#20250;', '峰会'],
    ['<span style="color: red">中</span><span>国</span>', '中国'],
    ['你好[sound:a.mp3]', '你好'],
    ['&unknown; &#0; &lt;tag&gt;', '&unknown; <tag>'],
  ])('%s → %s', (html, text) => {
    expect(fieldText(html)).toBe(text);
  });
});
