import { t } from '../../lib/i18n';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { YueduDb } from '../../lib/store/db';
import { send } from '../../lib/messaging/client';
import { loadSettings } from '../../lib/settings/store';
import { History } from './History';
import { Corrections } from './Corrections';
import { statistics, type Statistics } from '../../lib/store/stats';
import { setMarks } from '../../lib/store/known';
import { deleteWord, setNote, setReverseCards, setSuspended, wordListData } from '../../lib/store/words';
import { buildRows, filterAndSort, type SortKey, type WordRow } from './filter';
import { Stats } from './Stats';
import { Health } from './Health';
import { Transfer } from './Transfer';
import { KnownWords } from './KnownWords';
import { WordRowView, type RowActions } from './WordRowView';

const PAGE = 200;

interface Loaded {
  rows: WordRow[];
  stats: Statistics;
  reverseCards: boolean;
}

async function loadAll(db: YueduDb): Promise<Loaded> {
  const [{ words, cards, known, prefs }, stats] = await Promise.all([wordListData(db), statistics(db)]);
  return { rows: buildRows(words, cards, known), stats, reverseCards: prefs.reverseCards };
}

/** The word list page: search, sort, edit, suspend, mark known, delete; statistics; backup and export. */
export function WordList({ db }: { db: YueduDb }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('date');
  const [shown, setShown] = useState(PAGE);
  const [ankiOn, setAnkiOn] = useState(false);
  const [ankiStatus, setAnkiStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    loadSettings().then((s) => setAnkiOn(s.anki.enabled), () => setAnkiOn(false));
  }, []);

  const reload = useCallback(() => {
    loadAll(db).then(setData, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [db]);
  useEffect(reload, [reload]);

  const change = (action: () => Promise<void>) =>
    action().then(reload, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));

  const actions: RowActions = {
    setNote: (id, note) => change(() => setNote(db, id, note)),
    setSuspended: (id, on) => change(() => setSuspended(db, id, on)),
    setKnown: (simplified, on) => change(async () => void (await setMarks(db, [simplified], on ? 'known' : 'none'))),
    remove: (id) => change(() => deleteWord(db, id)),
    sendToAnki: ankiOn
      ? (word) =>
          send('ankiAdd', { word, context: word.contexts.at(-1) ?? null }).then(
            () => setAnkiStatus({ ok: true, text: t('ankiAdded', word.simplified) }),
            (err: unknown) => setAnkiStatus({ ok: false, text: err instanceof Error ? err.message : String(err) }),
          )
      : undefined,
  };

  const rows = useMemo(() => (data ? filterAndSort(data.rows, query, sort) : []), [data, query, sort]);
  const now = Date.now();
  const saved = useMemo(() => new Set(data?.rows.map((r) => r.word.simplified)), [data]);

  return (
    <main class="words-page">
      <h1>{t('wordsHeading')}</h1>
      {error ? (
        <p role="alert" class="error" data-testid="words-error">
          {error}
        </p>
      ) : null}
      {data ? <Stats stats={data.stats} /> : null}
      <section class="list" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('wordsListHeading')}</h2>
        <div class="row toolbar">
          <input
            type="search"
            placeholder={t('wordsSearchPlaceholder')}
            aria-label={t('wordsSearch')}
            value={query}
            data-testid="search"
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setShown(PAGE);
            }}
          />
          <label>
            {t('wordsSortBy')}{' '}
            <select value={sort} data-testid="sort" onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
              <option value="date">{t('wordsSortDate')}</option>
              <option value="level">{t('wordsSortLevel')}</option>
              <option value="due">{t('wordsSortDue')}</option>
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={data?.reverseCards ?? false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                void change(() => setReverseCards(db, on));
              }}
            />{' '}
            {t('wordsReverseCards')}
          </label>
        </div>
        {ankiStatus ? (
          <p class={ankiStatus.ok ? 'hint' : 'error'} role={ankiStatus.ok ? 'status' : 'alert'} data-testid="anki-status">
            {ankiStatus.text}
          </p>
        ) : null}
        {data === null ? (
          <p class="hint">{t('loading')}</p>
        ) : data.rows.length === 0 ? (
          <p data-testid="no-words">{t('wordsNone')}</p>
        ) : (
          <>
            <p class="hint" data-testid="word-count">
              {t('wordsCount', rows.length, data.rows.length)}
            </p>
            <table>
              <thead>
                <tr>
                  <th>{t('wordsColWord')}</th>
                  <th>{t('wordsColPinyin')}</th>
                  <th>{t('wordsColMeaning')}</th>
                  <th>{t('wordsColHsk')}</th>
                  <th>{t('wordsColSaved')}</th>
                  <th>{t('wordsColDue')}</th>
                  <th>
                    <span class="visually-hidden">{t('wordsColActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, shown).map((row) => (
                  <WordRowView key={row.word.id} row={row} actions={actions} now={now} />
                ))}
              </tbody>
            </table>
            {rows.length > shown ? (
              <button type="button" onClick={() => setShown(shown + PAGE)}>
                {t('wordsShowMore')}
              </button>
            ) : null}
          </>
        )}
      </section>
      <KnownWords db={db} revision={data} onChanged={reload} />
      <History db={db} saved={saved} onSaved={reload} />
      <Corrections db={db} />
      <Health db={db} revision={data} onRepaired={reload} />
      <Transfer db={db} searchResult={rows.map((r) => r.word)} onImported={reload} />
    </main>
  );
}
