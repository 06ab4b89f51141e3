import { useEffect, useState } from 'preact/hooks';
import { send, sendToTab } from '../../lib/messaging/client';
import type { ResponseOf, TabRequests } from '../../lib/messaging/protocol';
import { t, uiLanguage } from '../../lib/i18n';
import { distinctUnknown, HSK_BANDS, unknownUpTo } from '../../lib/stats';
import type { YueduDb } from '../../lib/store/db';
import { ReadArticle } from './ReadArticle';
import { KnownLevelQuestion } from './KnownLevelQuestion';
import { entryFor, wordToSave } from '../../lib/word-to-save';

type Stats = NonNullable<ResponseOf<TabRequests, 'articleStats'>>;

const bandName = (band: number) => (band === 0 ? t('statsOffList') : t('statsHskLevel', band === HSK_BANDS ? '7–9' : band));

/**
 * Saves each word with the sentence it was met in, telling `progress` after each; resolves to how many were newly
 * saved. A failure stops the run with the words saved so far kept, and says how many that was.
 */
async function saveAll(stats: Stats, maxHsk: number, progress: (done: number, total: number) => void): Promise<number> {
  const words = unknownUpTo(stats, maxHsk);
  let created = 0;
  for (const [i, word] of words.entries()) {
    try {
      const entry = entryFor(word.text, (await send('lookup', { text: word.text })).matches);
      if (entry) {
        const saved = await send('saveWord', { word: wordToSave(entry), context: { sentence: word.sentence, ...stats.page } });
        if (saved.created) created++;
      }
    } catch (err) {
      throw new Error(t('statsBulkFailed', created, err instanceof Error ? err.message : String(err)), { cause: err });
    }
    progress(i + 1, words.length);
  }
  return created;
}

/** Counts for the tab's article, its HSK profile, "save all unknown words up to HSK n" and "I've read this article". */
export function ArticleStats({ tabId, db }: { tabId: number; db: YueduDb }) {
  const [stats, setStats] = useState<Stats | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [maxHsk, setMaxHsk] = useState(3);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const refresh = () =>
    sendToTab(tabId, 'articleStats', {}).then(setStats, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  useEffect(() => {
    void refresh();
  }, [tabId]);

  if (error) return <p role="alert">{t('statsError', error)}</p>;
  if (stats === undefined) return <p>{t('loading')}</p>;
  if (stats === null) return <p data-testid="stats-none">{t('statsNoArticle')}</p>;

  const number = new Intl.NumberFormat(uiLanguage());
  const percent = new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 0 });
  const most = Math.max(1, ...stats.hskProfile);
  const toSave = unknownUpTo(stats, maxHsk);
  const unknownWords = distinctUnknown(stats);
  const bands = [...stats.hskProfile.keys()].slice(1).concat(0);

  const onSave = async () => {
    setBusy(true);
    setMessage('');
    try {
      setMessage(t('statsBulkDone', await saveAll(stats, maxHsk, (done, total) => setMessage(t('statsBulkProgress', done, total)))));
      await refresh();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="yd-stats" aria-labelledby="yd-stats-heading" data-testid="article-stats">
      <h2 id="yd-stats-heading">{t('statsHeading')}</h2>
      <KnownLevelQuestion changed={() => void refresh()} />
      <dl class="yd-counts">
        <div>
          <dt>{t('statsChars')}</dt>
          <dd data-testid="stats-chars">{number.format(stats.chars)}</dd>
        </div>
        <div>
          <dt>{t('statsWords')}</dt>
          <dd data-testid="stats-words">{number.format(stats.words)}</dd>
        </div>
        <div>
          <dt>{t('statsKnown')}</dt>
          <dd data-testid="stats-known">{percent.format(stats.knownShare)}</dd>
        </div>
        <div>
          <dt>{t('statsLearning')}</dt>
          <dd data-testid="stats-learning">{percent.format(stats.learningShare)}</dd>
        </div>
        <div>
          <dt>{t('statsUnknown')}</dt>
          <dd data-testid="stats-unknown">{percent.format(stats.unknownShare)}</dd>
        </div>
        <div>
          <dt>{t('statsDistinctUnknown')}</dt>
          <dd data-testid="stats-distinct-unknown">{number.format(unknownWords.length)}</dd>
        </div>
      </dl>
      <ReadArticle db={db} words={unknownWords} changed={refresh} />
      <table class="yd-profile" data-testid="stats-profile">
        <caption>{t('statsProfileHeading')}</caption>
        <tbody>
          {bands.map((band) => {
            const count = stats.hskProfile[band] ?? 0;
            return (
              <tr key={band}>
                <th scope="row">{bandName(band)}</th>
                <td>
                  <span class="yd-bar" style={{ width: `${(count / most) * 100}%` }} aria-hidden="true" />
                </td>
                <td class="yd-num">{number.format(count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="yd-bulk">
        <label for="yd-bulk-level">{t('statsBulkLevel')}</label>
        <select id="yd-bulk-level" value={maxHsk} onChange={(e) => setMaxHsk(Number(e.currentTarget.value))}>
          {Array.from({ length: HSK_BANDS }, (_, i) => i + 1).map((band) => (
            <option key={band} value={band}>
              {band === HSK_BANDS ? '7–9' : band}
            </option>
          ))}
        </select>
        <button type="button" data-testid="bulk-save" disabled={busy || toSave.length === 0} onClick={() => void onSave()}>
          {toSave.length === 0 ? t('statsBulkNothing') : t('statsBulkSave', toSave.length)}
        </button>
        {toSave.length > 0 && (
          <details class="yd-bulk-words">
            <summary>{t('statsBulkWords')}</summary>
            <p lang="zh-CN" data-testid="bulk-words">
              {toSave.map((w) => w.text).join('、')}
            </p>
          </details>
        )}
        <p role="status" data-testid="bulk-status">
          {message}
        </p>
      </div>
    </section>
  );
}
