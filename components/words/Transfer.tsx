import { t } from '../../lib/i18n';
import { useState } from 'preact/hooks';
import { ankiFileName, ankiTsv } from '../../lib/store/anki';
import { backupFileName, exportBackup, serializeBackup } from '../../lib/store/backup/format';
import { importBackupText, type ImportSummary } from '../../lib/store/backup/merge';
import type { YueduDb } from '../../lib/store/db';
import { allWords } from '../../lib/store/words';
import { download } from './download';

const describe = (s: ImportSummary) =>
  [
    t('transferImported', s.words.added, s.words.merged, s.reviews.added, s.reviews.duplicates, s.known.added),
    ...(s.repaired.length ? [t('integrityRepairedList', s.repaired.length, s.repaired.map((r) => `${r.path}: ${r.what}`).join('; '))] : []),
  ].join(' ');

/** Backup, Anki export and import; an import that fails changes nothing and says why. */
export function Transfer({ db, onImported }: { db: YueduDb; onImported: () => void }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ ok: true, text: await action() });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () =>
    act(async () => {
      const backup = await exportBackup(db);
      download(serializeBackup(backup), backupFileName(), 'application/json');
      return t('transferExported', backup.words.length, backup.reviews.length);
    });

  const exportAnki = () =>
    act(async () => {
      const words = await allWords(db);
      download(ankiTsv(words), ankiFileName(), 'text/tab-separated-values');
      return t('transferExportedAnki', words.length);
    });

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void act(async () => {
      const summary = await importBackupText(db, await file.text());
      onImported();
      return describe(summary);
    });
  };

  return (
    <section class="transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transferHeading')}</h2>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void exportJson()} data-testid="export-json">
          {t('transferExportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAnki()} data-testid="export-anki">
          {t('transferExportAnki')}
        </button>
        <label class="file">
          {t('transferImport')}
          <input type="file" accept=".json,application/json" disabled={busy} data-testid="import-json" onChange={(e) => importFile(e.currentTarget)} />
        </label>
      </div>
      {status ? (
        <p class={status.ok ? 'hint' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="transfer-status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
