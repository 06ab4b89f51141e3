import { t } from '../../lib/i18n';
import { useState } from 'preact/hooks';
import { ankiFileName, ankiTsv, apkgFileName, lastApkgExport, markApkgExport, wordsSavedSince } from '../../lib/store/anki';
import { backupFileName, exportBackup, serializeBackup } from '../../lib/store/backup/format';
import { importBackupText, type ImportSummary } from '../../lib/store/backup/merge';
import type { ImportPhase } from '../../lib/store/backup/progress';
import { readBackupFile } from '../../lib/store/backup/read';
import type { SavedWord, YueduDb } from '../../lib/store/db';
import { allWords } from '../../lib/store/words';
import { StatusLine, useAction } from './action';
import { download } from './download';

/** The merge's decisions where the two sides disagreed, said only when there were any. */
const byLatestChange = ({ words, known }: ImportSummary) => {
  const counts = [words.keptDeleted, known.keptSaved, words.newerInFile, words.deleted, known.removed] as const;
  return counts.some((n) => n > 0) ? [t('transferByLatestChange', ...counts)] : [];
};

const describe = (s: ImportSummary) =>
  [
    t('transferImported', s.words.added, s.words.merged, s.reviews.added, s.reviews.duplicates, s.known.added),
    ...byLatestChange(s),
    ...(s.repaired.length ? [t('integrityRepairedList', s.repaired.length, s.repaired.map((r) => `${r.path}: ${r.what}`).join('; '))] : []),
  ].join(' ');

interface Progress {
  phase: ImportPhase;
  done: number;
  total: number;
}

const progressText = ({ phase, done, total }: Progress) =>
  phase === 'reading'
    ? t('transferProgressReading', Math.floor((100 * done) / Math.max(total, 1)))
    : t(phase === 'checking' ? 'transferProgressChecking' : 'transferProgressWriting', done.toLocaleString(), total.toLocaleString());

/** Which words go into an .apkg: all, those the search shows, or those saved since the last .apkg export. */
type ApkgScope = 'all' | 'search' | 'since';

/** Backup, Anki export and import; an import that fails changes nothing and says why. */
export function Transfer({ db, searchResult, onImported }: { db: YueduDb; searchResult: readonly SavedWord[]; onImported: () => void }) {
  const { status, busy, act } = useAction();
  const [scope, setScope] = useState<ApkgScope>('all');
  const [progress, setProgress] = useState<Progress | null>(null);


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

  const exportApkg = () =>
    act(async () => {
      const now = Date.now();
      const words =
        scope === 'all' ? await allWords(db) : scope === 'search' ? [...searchResult] : await wordsSavedSince(db, await lastApkgExport(db));
      if (words.length === 0) throw new Error(t('transferApkgNone'));
      // sql.js and the zip writer are loaded here only: the rest of the word list does without them.
      const { apkgBytes } = await import('./anki-files');
      download(await apkgBytes(words, now), apkgFileName(now), 'application/octet-stream');
      await markApkgExport(db, now);
      return t('transferExportedApkg', words.length);
    });

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const report = (phase: ImportPhase, done: number, total: number) => setProgress({ phase, done, total });
    void act(async () => {
      try {
        const summary = await importBackupText(db, await readBackupFile(file, report), Date.now(), report);
        onImported();
        return describe(summary);
      } finally {
        setProgress(null);
      }
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
      </div>
      <div class="row">
        <label>
          {t('transferApkgScope')}{' '}
          <select value={scope} disabled={busy} data-testid="apkg-scope" onChange={(e) => setScope(e.currentTarget.value as ApkgScope)}>
            <option value="all">{t('transferApkgAll')}</option>
            <option value="search">{t('transferApkgSearch')}</option>
            <option value="since">{t('transferApkgSince')}</option>
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => void exportApkg()} data-testid="export-apkg">
          {t('transferExportApkg')}
        </button>
      </div>
      <div class="row">
        <label class="file">
          {t('transferImport')}
          <input type="file" accept=".json,application/json" disabled={busy} data-testid="import-json" onChange={(e) => importFile(e.currentTarget)} />
        </label>
      </div>
      {progress ? (
        <p class="hint" role="status" data-testid="transfer-progress">
          <progress value={progress.done} max={Math.max(progress.total, 1)} /> {progressText(progress)}
        </p>
      ) : null}
      <StatusLine status={status} testid="transfer-status" />
    </section>
  );
}
