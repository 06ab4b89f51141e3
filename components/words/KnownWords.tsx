import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { KnownWord, YueduDb } from '../../lib/store/db';
import { listKnown, setMarks } from '../../lib/store/known';
import { StatusLine, useAction } from './action';
import { download } from './download';
import { WordImport } from './WordImport';

const SHOWN = 300;

/** The known words: search, un-know, export as a plain list, and import words from a list or a deck (./WordImport). */
export function KnownWords({ db, revision, onChanged }: { db: YueduDb; revision: unknown; onChanged: () => void }) {
  const [known, setKnown] = useState<KnownWord[] | null>(null);
  const [query, setQuery] = useState('');
  const { status, busy, act, fail } = useAction();

  const reload = () => void listKnown(db).then(setKnown, fail);
  useEffect(reload, [db, revision]);
  const shown = useMemo(() => (known ?? []).filter((k) => k.simplified.includes(query.trim())), [known, query]);

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
      </div>
      <WordImport
        db={db}
        onChanged={() => {
          reload();
          onChanged();
        }}
      />
      <StatusLine status={status} testid="known-list-status" />
      {/* No count until the list is read: "0 of 0" would say the reader knows no word. */}
      {known && (
        <p class="hint" data-testid="known-count">
          {t('knownCount', shown.length, known.length)}
        </p>
      )}
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
