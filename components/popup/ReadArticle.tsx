import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { YueduDb } from '../../lib/store/db';
import { restoreMarks, setMarks, type MarksBefore } from '../../lib/store/known';

/**
 * "I've read this article" (as LingQ pages are finished): the article's unknown words are listed, all ticked, and
 * the ticked ones marked known; the marks they had before are kept, so that undo puts them back exactly.
 */
export function ReadArticle({ db, words, changed }: { db: YueduDb; words: readonly string[]; changed: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<{ before: MarksBefore; count: number } | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage('');
    try {
      await work();
      await changed();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const confirm = () =>
    run(async () => {
      const ticked = words.filter((w) => !unticked.has(w));
      setDone({ before: await setMarks(db, ticked, 'known'), count: ticked.length });
      setOpen(false);
      setMessage(t('readMarked', ticked.length));
    });
  const undo = (before: MarksBefore) =>
    run(async () => {
      await restoreMarks(db, before);
      setDone(null);
      setMessage(t('readUndone'));
    });
  const toggle = (word: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(word);
    else next.add(word);
    setUnticked(next);
  };

  return (
    <div class="yd-read" data-testid="read-article">
      {!open && (
        <button type="button" data-testid="read-open" disabled={busy || words.length === 0} onClick={() => setOpen(true)}>
          {t('readButton')}
        </button>
      )}
      {open && (
        <fieldset>
          <legend>{t('readLegend', words.length)}</legend>
          <ul class="yd-read-words" lang="zh-CN">
            {words.map((word) => (
              <li key={word}>
                <label>
                  <input type="checkbox" data-word={word} checked={!unticked.has(word)} onChange={(e) => toggle(word, e.currentTarget.checked)} />
                  {word}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="read-confirm" disabled={busy} onClick={() => void confirm()}>
            {t('readConfirm', words.length - unticked.size)}
          </button>{' '}
          <button type="button" onClick={() => setOpen(false)}>
            {t('readCancel')}
          </button>
        </fieldset>
      )}
      <p role="status" data-testid="read-status">
        {message}{' '}
        {done && (
          <button type="button" class="link" data-testid="read-undo" disabled={busy} onClick={() => void undo(done.before)}>
            {t('readUndo')}
          </button>
        )}
      </p>
    </div>
  );
}
