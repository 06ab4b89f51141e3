/**
 * The reader's corrections on the word list page (made with r, j, x on the hover card): each with what it does,
 * where it holds (its site, or every page, switched here) and a button to remove it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { numberedToMarks } from '../../dictionary/pinyin-format';
import { t } from '../../lib/i18n';
import { listCorrections, removeCorrection, setCorrectionScope } from '../../lib/store/corrections';
import type { CorrectionRecord, YueduDb } from '../../lib/store/db';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** What the correction does, in words: "joined", "split: 命运 | 共同体", "read: dū". */
function whatItDoes(c: CorrectionRecord): string {
  if (c.kind === 'join') return t('correctionJoined');
  if (c.kind === 'reading') return t('correctionReading', numberedToMarks(c.reading ?? ''));
  let at = 0;
  return t('correctionSplit', (c.pieces ?? []).map((length) => c.text.slice(at, (at += length))).join(' | '));
}

export function Corrections({ db }: { db: YueduDb }) {
  const [records, setRecords] = useState<CorrectionRecord[] | null>(null);
  const [error, setError] = useState('');
  const reload = useCallback(() => {
    listCorrections(db).then(setRecords, (err: unknown) => setError(errorText(err)));
  }, [db]);
  useEffect(reload, [reload]);
  const change = (work: Promise<unknown>) => work.then(reload, (err: unknown) => setError(errorText(err)));

  return (
    <section class="corrections" aria-labelledby="corrections-heading" data-testid="corrections">
      <h2 id="corrections-heading">{t('correctionsHeading')}</h2>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {records === null ? null : records.length === 0 ? (
        <p class="hint" data-testid="corrections-none">{t('correctionsNone')}</p>
      ) : (
        <ul class="corrections-list">
          {records.map((c) => (
            <li key={c.id} data-testid="correction" data-word={c.text} data-kind={c.kind} data-scope={c.scope}>
              <span lang="zh" class="correction-word">{c.text}</span> <span class="correction-what">{whatItDoes(c)}</span>{' '}
              <label>
                <input
                  type="checkbox"
                  data-testid="correction-everywhere"
                  checked={c.scope === 'all'}
                  onChange={(e) => void change(setCorrectionScope(db, c.id ?? 0, e.currentTarget.checked ? 'all' : 'site'))}
                />{' '}
                {c.site ? t('correctionEverywhere', c.site) : t('correctionEverywhereNoSite')}
              </label>{' '}
              <button type="button" data-testid="correction-remove" aria-label={t('correctionRemoveLabel', c.text)} onClick={() => void change(removeCorrection(db, c.id ?? 0))}>
                {t('correctionRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
