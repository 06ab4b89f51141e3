/**
 * Reads an .apkg that Anki (or another tool) wrote, to import the reader's existing words: its note types with their
 * field names, and each note's fields as plain text. Anki 2.1.50 and later write `collection.anki21b` (zstd-compressed,
 * schema 18: note types and their fields in tables of their own) beside a stub `collection.anki2` that only says to
 * update Anki; older versions, and newer ones asked to "support older Anki versions", write `collection.anki21` or
 * `collection.anki2` (schema 11: note types as JSON in the `col` row). sql.js is passed in, as for the export.
 */
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import type { Database, SqlJsStatic } from 'sql.js';
import { t } from '../i18n';
import { Invalid } from '../store/parse';

interface AnkiNoteType {
  id: number;
  name: string;
  fields: string[];
  /** How many notes of this type the deck has. */
  notes: number;
}

export interface AnkiDeck {
  noteTypes: AnkiNoteType[];
  notes: { noteTypeId: number; fields: string[] }[];
}

/** The collections an .apkg may hold, newest first: the first present is the deck. */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;
/** More notes than any learner's deck; beyond this a file is refused rather than held in memory. */
const MAX_NOTES = 500_000;

/** A field's HTML as the text a reader sees: tags dropped, the common entities decoded, spaces collapsed. */
export function fieldText(html: string): string {
  const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html
    .replace(/<br\s*\/?>|<\/(div|p|li)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\[sound:[^\]]*\]/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const rows = (db: Database, sql: string) => db.exec(sql)[0]?.values ?? [];

/** Schema 18: note types and fields in tables. */
function modernNoteTypes(db: Database): Map<number, Omit<AnkiNoteType, 'notes'>> {
  const types = new Map<number, Omit<AnkiNoteType, 'notes'>>();
  for (const [id, name] of rows(db, 'SELECT id, name FROM notetypes')) types.set(Number(id), { id: Number(id), name: String(name), fields: [] });
  for (const [ntid, , name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')) types.get(Number(ntid))?.fields.push(String(name));
  return types;
}

/** Schema 11: note types as JSON in the col row. */
function legacyNoteTypes(db: Database): Map<number, Omit<AnkiNoteType, 'notes'>> {
  const [models] = rows(db, 'SELECT models FROM col LIMIT 1')[0] ?? [];
  const parsed = JSON.parse(String(models ?? '{}')) as Record<string, { id?: unknown; name?: unknown; flds?: { name?: unknown; ord?: unknown }[] }>;
  const types = new Map<number, Omit<AnkiNoteType, 'notes'>>();
  for (const [key, m] of Object.entries(parsed)) {
    const id = Number(m.id ?? key);
    const fields = [...(Array.isArray(m.flds) ? m.flds : [])].sort((a, b) => Number(a.ord) - Number(b.ord)).map((f) => String(f.name ?? ''));
    types.set(id, { id, name: String(m.name ?? id), fields });
  }
  return types;
}

export function readApkg(SQL: SqlJsStatic, bytes: Uint8Array): AnkiDeck {
  let files: Record<string, Uint8Array>;
  try {
    // Only the collection is taken out: media files can be gigabytes and are not needed.
    files = unzipSync(bytes, { filter: (f) => (COLLECTIONS as readonly string[]).includes(f.name) });
  } catch {
    throw new Invalid(t('ankiImportNotApkg'));
  }
  const name = COLLECTIONS.find((n) => files[n]);
  if (!name) throw new Invalid(t('ankiImportNotApkg'));
  let db: Database | undefined;
  try {
    const raw = files[name] ?? new Uint8Array();
    db = new SQL.Database(name === 'collection.anki21b' ? decompress(raw) : raw);
    const hasTable = (table: string) => rows(db as Database, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${table}'`).length > 0;
    const types = hasTable('notetypes') ? modernNoteTypes(db) : legacyNoteTypes(db);
    const [[count] = [0]] = rows(db, 'SELECT count(*) FROM notes');
    if (Number(count) > MAX_NOTES) throw new Invalid(t('ankiImportTooManyNotes', MAX_NOTES));
    const notes = rows(db, 'SELECT mid, flds FROM notes ORDER BY id').map(([mid, flds]) => ({
      noteTypeId: Number(mid),
      fields: String(flds ?? '').split('\x1f').map(fieldText),
    }));
    const counts = new Map<number, number>();
    for (const n of notes) counts.set(n.noteTypeId, (counts.get(n.noteTypeId) ?? 0) + 1);
    const noteTypes = [...types.values()].filter((nt) => counts.has(nt.id)).map((nt) => ({ ...nt, notes: counts.get(nt.id) ?? 0 }));
    return { noteTypes, notes };
  } catch (err) {
    if (err instanceof Invalid) throw err;
    throw new Invalid(t('ankiImportUnreadable', err instanceof Error ? err.message : String(err)));
  } finally {
    db?.close();
  }
}
