import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { KnownWord, YueduDb } from '../../lib/store/db';
import { listKnown, planKnownImport, setMarks } from '../../lib/store/known';
import { guessColumn, readWordList, wordsOfColumn, type WordListTable } from '../../lib/word-list-import';
import { download } from './download';

const SHOWN = 300;

interface Preview {
  fileName: string;
  table: WordListTable;
  column: number;
  skipped: number[];
  plan: { add: string[]; already: string[]; saved: string[] };
}

/**
 * The known words: search, un-know, export as a plain list, and import a list (Pleco, Anki, HSK: one word per line or
 * a column of a TSV/CSV) with a preview of what will change before anything is stored.
 */
export function KnownWords({ db, revision, onChanged }: { db: YueduDb; revision: unknown; onChanged: () => void }) {
  const [known, setKnown] = useState<KnownWord[] | null>(null);
  const [query, setQuery] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () => void listKnown(db).then(setKnown, (err: unknown) => setStatus({ ok: false, text: String(err) }));
  useEffect(reload, [db, revision]);
  const shown = useMemo(() => (known ?? []).filter((k) => k.simplified.includes(query.trim())), [known, query]);

  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setStatus(null);
    try {
      const text = await action();
      if (text) setStatus({ ok: true, text });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const plan = async (fileName: string, table: WordListTable, column: number): Promise<null> => {
    const { words, skipped } = wordsOfColumn(table, column);
    setPreview({ fileName, table, column, skipped, plan: await planKnownImport(db, words) });
    return null;
  };
  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPreview(null);
    if (!file) return;
    void act(async () => {
      const table = readWordList(await file.text());
      return plan(file.name, table, guessColumn(table));
    });
  };
  const confirm = (p: Preview) =>
    act(async () => {
      await setMarks(db, p.plan.add, 'known');
      setPreview(null);
      reload();
      onChanged();
      return t('knownImported', p.plan.add.length);
    });
  const unknow = (word: string) =>
    act(async () => {
      await setMarks(db, [word], 'notKnown');
      reload();
      onChanged();
      return null;
    });
  const exportList = () => download(`${shown.map((k) => k.simplified).join('\n')}\n`, 'yuedu-known-words.txt', 'text/plain');

  return (
    <section class="known" aria-labelledby="known-heading" data-testid="known-words">
      <h2 id="known-heading">{t('knownHeading')}</h2>
      <div class="row toolbar">
        <input
          type="search"
          placeholder={t('wordsSearchPlaceholder')}
          aria-label={t('knownSearch')}
          value={query}
          data-testid="known-search"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="button" disabled={shown.length === 0} onClick={exportList} data-testid="known-export">
          {t('knownExport')}
        </button>
        <label class="file">
          {t('knownImport')}{' '}
          <input type="file" accept=".txt,.tsv,.csv,text/plain,text/tab-separated-values,text/csv" disabled={busy} data-testid="known-import" onChange={(e) => chooseFile(e.currentTarget)} />
        </label>
      </div>
      {preview && (
        <div class="preview" data-testid="known-preview">
          <p>{t('knownPreviewFile', preview.fileName)}</p>
          {preview.table.columns > 1 && (
            <label>
              {t('knownPreviewColumn')}{' '}
              <select
                value={preview.column}
                data-testid="known-column"
                onChange={(e) => {
                  const column = Number(e.currentTarget.value);
                  void act(() => plan(preview.fileName, preview.table, column));
                }}
              >
                {Array.from({ length: preview.table.columns }, (_, c) => (
                  <option key={c} value={c}>
                    {c + 1}: {preview.table.rows.slice(0, 3).map((r) => r[c] ?? '').join(' · ')}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ul>
            <li data-testid="known-preview-add">{t('knownPreviewAdd', preview.plan.add.length)}</li>
            <li>{t('knownPreviewAlready', preview.plan.already.length)}</li>
            <li>{t('knownPreviewSaved', preview.plan.saved.length)}</li>
            {preview.skipped.length > 0 && <li>{t('knownPreviewSkipped', preview.skipped.length, preview.skipped.slice(0, 10).join(', '))}</li>}
          </ul>
          {preview.plan.add.length > 0 && (
            <p class="hint" lang="zh-CN">
              {preview.plan.add.slice(0, 30).join('、')}
              {preview.plan.add.length > 30 ? '…' : ''}
            </p>
          )}
          <button type="button" disabled={busy || preview.plan.add.length === 0} data-testid="known-import-confirm" onClick={() => void confirm(preview)}>
            {t('knownImportConfirm', preview.plan.add.length)}
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)}>
            {t('readCancel')}
          </button>
        </div>
      )}
      {status && (
        <p class={status.ok ? 'hint' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="known-status">
          {status.text}
        </p>
      )}
      <p class="hint" data-testid="known-count">
        {t('knownCount', shown.length, known?.length ?? 0)}
      </p>
      <ul class="known-list" lang="zh-CN">
        {shown.slice(0, SHOWN).map((k) => (
          <li key={k.simplified} data-known={k.simplified}>
            {k.simplified}{' '}
            <button type="button" class="link" disabled={busy} onClick={() => void unknow(k.simplified)} aria-label={t('knownUnknowWord', k.simplified)}>
              {t('knownUnknow')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
