/**
 * A deck as Anki 2.1.50+ exports it, for the import tests (unit and e2e): a schema-18 collection, compressed by Debian's
 * zstd command (a compressor independent of the decompressor under test) into `collection.anki21b`, beside the stub
 * `collection.anki2` and a media file.
 */
import { execFileSync } from 'node:child_process';
import { zipSync, strToU8 } from 'fflate';
import type { SqlJsStatic } from 'sql.js';

/** A schema-18 collection with one Chinese note type, as Anki 2.1.50+ exports it. */
function modernCollection(SQL: SqlJsStatic): Uint8Array {
  const db = new SQL.Database();
  db.run(`CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer,
      conf text, models text, decks text, dconf text, tags text);
    CREATE TABLE notetypes (id integer primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
    CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord));
    CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
      tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
    INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');
    INSERT INTO notetypes VALUES (1700000000001, 'Chinese (Pleco)', 0, 0, x''), (1700000000002, 'Basic', 0, 0, x'');
    INSERT INTO fields VALUES (1700000000001, 1, 'Pinyin', x''), (1700000000001, 0, 'Hanzi', x''), (1700000000001, 2, 'Meaning', x''),
      (1700000000002, 0, 'Front', x''), (1700000000002, 1, 'Back', x'');`);
  const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, 0, \'\', ?, 0, 0, 0, \'\')');
  const fields = [
    ['<b>峰会</b>', 'fēng&shy;huì', 'summit'],
    ['命运共同体&nbsp;<br>', 'mìng yùn', 'community&amp;destiny'],
    ['<div>你好</div>[sound:nihao.mp3]', 'nǐ hǎo', 'hello'],
  ];
  fields.forEach((f, i) => note.run([i + 1, `g${i}`, 1700000000001, f.join('\x1f')]));
  note.run([9, 'g9', 1700000000002, 'front\x1fback']);
  note.free();
  const bytes = db.export();
  db.close();
  return bytes;
}

export function modernApkg(SQL: SqlJsStatic): Uint8Array {
  const compressed = execFileSync('zstd', ['-q', '-c'], { input: modernCollection(SQL) });
  return zipSync({
    'collection.anki21b': new Uint8Array(compressed),
    'collection.anki2': new Uint8Array(0),
    media: strToU8('{}'),
    '0': new Uint8Array(1024),
  });
}

