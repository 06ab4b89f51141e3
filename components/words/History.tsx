/** The lookup history on the word list page: the words the reader dwelt on, newest first, each saved in one click. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { numberedToMarks } from '../../dictionary/pinyin-format';
import { t } from '../../lib/i18n';
import type { LookupRecord, YueduDb } from '../../lib/store/db';
import { clearHistory, listHistory } from '../../lib/store/history';
import { saveWord } from '../../lib/store/words';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function History({ db, saved, onSaved }: { db: YueduDb; saved: ReadonlySet<string>; onSaved: () => void }) {
  const [records, setRecords] = useState<LookupRecord[] | null>(null);
  const [error, setError] = useState('');
  const reload = useCallback(() => {
    listHistory(db).then(setRecords, (err: unknown) => setError(errorText(err)));
  }, [db]);
  useEffect(reload, [reload]);

  const save = (r: LookupRecord) =>
    saveWord(db, { word: r.word, context: r.context }).then(onSaved, (err: unknown) => setError(errorText(err)));
  const clear = () => clearHistory(db).then(reload, (err: unknown) => setError(errorText(err)));

  return (
    <section class="history" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {records === null ? null : records.length === 0 ? (
        <p class="hint" data-testid="history-none">{t('historyNone')}</p>
      ) : (
        <>
          <p class="hint">{t('historyHint')}</p>
          <ul class="history-list">
            {records.map((r) => (
              <li key={r.simplified} data-testid="history-item" data-word={r.simplified}>
                <span lang="zh" class="history-word">{r.word.simplified}</span> <span class="history-pinyin">{numberedToMarks(r.word.pinyin)}</span>{' '}
                <span class="history-defs">{r.word.definitions.slice(0, 2).join('; ')}</span>{' '}
                <time class="hint" dateTime={new Date(r.lookedUpAt).toISOString()}>{new Date(r.lookedUpAt).toLocaleString()}</time>{' '}
                {saved.has(r.simplified) ? (
                  <span class="hint" data-testid="history-saved">{t('historySaved')}</span>
                ) : (
                  <button type="button" data-testid="history-save" onClick={() => void save(r)}>
                    {t('historySave')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <button type="button" data-testid="history-clear" onClick={() => void clear()}>
            {t('historyClear')}
          </button>
        </>
      )}
    </section>
  );
}
