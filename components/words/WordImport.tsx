import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import type { YueduDb } from '../../lib/store/db';
import { planKnownImport, setMarks } from '../../lib/store/known';
import { saveImported } from '../../lib/store/words';
import { guessColumn, readWordList, wordsOfColumn, type WordListTable } from '../../lib/word-list-import';
import { wordsToSave } from '../../lib/word-to-save';
import { StatusLine, useAction } from './action';

/** What the words become: known (not reviewed), or saved to learn (a card each). */
type Target = 'known' | 'saved';

/** A word list is one table; an Anki deck has one per note type, its columns named by the note type's fields. */
interface Table {
  label: string;
  table: WordListTable;
  columnNames?: string[];
}

interface Preview {
  fileName: string;
  tables: Table[];
  tableIndex: number;
  column: number;
  target: Target;
  skipped: number[];
  /** Words to change, and words left as they are, for the chosen target. */
  change: string[];
  unchanged: string[];
}

const isDeck = (file: File) => /\.(apkg|colpkg)$/i.test(file.name);

async function readTables(file: File): Promise<Table[]> {
  if (!isDeck(file)) return [{ label: file.name, table: readWordList(await file.text()) }];
  // sql.js and the zip reader come with the Anki chunk, loaded only here and for the .apkg export.
  const { readDeck } = await import('./anki-files');
  const deck = await readDeck(new Uint8Array(await file.arrayBuffer()));
  return [...deck.noteTypes]
    .sort((a, b) => b.notes - a.notes)
    .map((nt) => ({
      label: t('importNoteType', nt.name, nt.notes),
      table: { rows: deck.notes.filter((n) => n.noteTypeId === nt.id).map((n) => n.fields), columns: nt.fields.length },
      columnNames: nt.fields,
    }));
}

/**
 * Imports the words of a list (Pleco, HSK: one word per line or a column of a TSV/CSV) or of an Anki deck (.apkg: a
 * field of a note type) as known or as saved to learn, with a preview of what will change before anything is stored.
 */
export function WordImport({ db, onChanged }: { db: YueduDb; onChanged: () => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const { status, busy, act } = useAction();

  const plan = async (p: Omit<Preview, 'skipped' | 'change' | 'unchanged'>): Promise<null> => {
    const source = p.tables[p.tableIndex] ?? p.tables[0];
    if (!source) return null;
    const { words, skipped } = wordsOfColumn(source.table, p.column);
    const { add, already, saved } = await planKnownImport(db, words);
    // Saving takes a known word back into review; a saved word stays as it is either way.
    const [change, unchanged] = p.target === 'known' ? [add, [...already, ...saved]] : [[...add, ...already], saved];
    setPreview({ ...p, skipped, change, unchanged });
    return null;
  };
  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPreview(null);
    if (!file) return;
    void act(async () => {
      const tables = await readTables(file);
      const first = tables[0];
      if (!first) throw new Error(t('importNoNotes'));
      return plan({ fileName: file.name, tables, tableIndex: 0, column: guessColumn(first.table), target: 'known' });
    });
  };
  const confirm = (p: Preview) =>
    act(async () => {
      let done: string;
      if (p.target === 'known') {
        await setMarks(db, p.change, 'known');
        done = t('knownImported', p.change.length);
      } else {
        const { found, missing } = await wordsToSave(p.change, async (windows) => (await send('lookupMany', { windows })).matches);
        const { added } = await saveImported(db, found);
        done = t('importSaved', added, missing.length, missing.slice(0, 10).join('、'));
      }
      setPreview(null);
      onChanged();
      return done;
    });

  const source = preview ? preview.tables[preview.tableIndex] : undefined;
  return (
    <div class="word-import">
      <label class="file">
        {t('knownImport')}{' '}
        <input
          type="file"
          accept=".txt,.tsv,.csv,.apkg,text/plain,text/tab-separated-values,text/csv"
          disabled={busy}
          data-testid="known-import"
          onChange={(e) => chooseFile(e.currentTarget)}
        />
      </label>
      {preview && source && (
        <div class="preview" data-testid="known-preview">
          <p>{t('knownPreviewFile', preview.fileName)}</p>
          {preview.tables.length > 1 && (
            <label>
              {t('importNoteTypeLabel')}{' '}
              <select
                value={preview.tableIndex}
                data-testid="import-note-type"
                onChange={(e) => {
                  const tableIndex = Number(e.currentTarget.value);
                  const table = preview.tables[tableIndex]?.table;
                  void act(() => plan({ ...preview, tableIndex, column: table ? guessColumn(table) : 0 }));
                }}
              >
                {preview.tables.map((tb, i) => (
                  <option key={i} value={i}>
                    {tb.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {source.table.columns > 1 && (
            <label>
              {t('knownPreviewColumn')}{' '}
              <select value={preview.column} data-testid="known-column" onChange={(e) => void act(() => plan({ ...preview, column: Number(e.currentTarget.value) }))}>
                {Array.from({ length: source.table.columns }, (_, c) => (
                  <option key={c} value={c}>
                    {source.columnNames?.[c] ?? c + 1}: {source.table.rows.slice(0, 3).map((r) => r[c] ?? '').join(' · ')}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset class="row">
            <legend>{t('importTarget')}</legend>
            {(['known', 'saved'] as const).map((target) => (
              <label key={target}>
                <input
                  type="radio"
                  name="import-target"
                  value={target}
                  checked={preview.target === target}
                  data-testid={`import-target-${target}`}
                  onChange={() => {
                    // The choice shows at once; what it changes follows when planned.
                    setPreview({ ...preview, target });
                    void act(() => plan({ ...preview, target }));
                  }}
                />{' '}
                {t(target === 'known' ? 'importTargetKnown' : 'importTargetSaved')}
              </label>
            ))}
          </fieldset>
          <ul>
            <li data-testid="known-preview-add">{t(preview.target === 'known' ? 'knownPreviewAdd' : 'importPreviewSave', preview.change.length)}</li>
            <li>{t(preview.target === 'known' ? 'importPreviewKnownAlready' : 'importPreviewSavedAlready', preview.unchanged.length)}</li>
            {preview.skipped.length > 0 && <li>{t('knownPreviewSkipped', preview.skipped.length, preview.skipped.slice(0, 10).join(', '))}</li>}
          </ul>
          {preview.change.length > 0 && (
            <p class="hint" lang="zh-CN">
              {preview.change.slice(0, 30).join('、')}
              {preview.change.length > 30 ? '…' : ''}
            </p>
          )}
          <button type="button" disabled={busy || preview.change.length === 0} data-testid="known-import-confirm" onClick={() => void confirm(preview)}>
            {t(preview.target === 'known' ? 'knownImportConfirm' : 'importConfirmSave', preview.change.length)}
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)}>
            {t('readCancel')}
          </button>
        </div>
      )}
      <StatusLine status={status} testid="known-status" />
    </div>
  );
}
