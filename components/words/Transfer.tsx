import { useState } from 'preact/hooks';
import { ankiFileName, ankiTsv } from '../../lib/store/anki';
import { backupFileName, exportBackup, importBackupText, serializeBackup, type ImportSummary } from '../../lib/store/backup';
import type { YueduDb } from '../../lib/store/db';
import { download } from './download';

const describe = (s: ImportSummary) =>
  `Imported ${s.words.added} new words (${s.words.merged} merged with words you had), ` +
  `${s.reviews.added} reviews (${s.reviews.duplicates} already there), ${s.known.added} known words.`;

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
      return `Exported ${backup.words.length} words and ${backup.reviews.length} reviews.`;
    });

  const exportAnki = () =>
    act(async () => {
      const words = await db.words.toArray();
      download(ankiTsv(words), ankiFileName(), 'text/tab-separated-values');
      return `Exported ${words.length} words for Anki (File → Import, then pick a note type with 5 fields).`;
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
      <h2 id="transfer-heading">Backup and export</h2>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void exportJson()} data-testid="export-json">
          Export backup (JSON)
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAnki()} data-testid="export-anki">
          Export for Anki (TSV)
        </button>
        <label class="file">
          Import backup…
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
