import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Grade } from 'ts-fsrs';
import { t, tParts } from '../../lib/i18n';
import { loadSettings } from '../../lib/settings/store';
import type { YueduDb } from '../../lib/store/db';
import { reviewDoneState } from '../../lib/store/due';
import { cardItem, formatInterval, gradeCard, nextCard, undoGrade, type ReviewItem } from '../../lib/store/schedule';
import { CardView } from './CardView';
import { speak, useChineseVoice } from './speech';

/** Marked once the first card (or the empty state) is on screen: the bench measures the popup's opening to it. */
const READY_MARK = 'yuedu:review-ready';

type View =
  | { kind: 'loading' }
  | { kind: 'card'; item: ReviewItem; flipped: boolean }
  | { kind: 'empty'; words: number; nextDue: number | null; newLeft: boolean }
  | { kind: 'error'; message: string };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function markReady() {
  if (performance.getEntriesByName(READY_MARK).length) return;
  requestAnimationFrame(() => performance.mark(READY_MARK));
}

function Empty({ view, openWordList }: { view: Extract<View, { kind: 'empty' }>; openWordList: () => void }) {
  return (
    <section class="empty" data-testid="empty">
      {view.words === 0 ? (
        <>
          <p><strong>{t('reviewNoWords')}</strong></p>
          <p>{tParts('reviewHowToSave', <kbd>S</kbd>)}</p>
        </>
      ) : (
        <>
          <p><strong>{t('reviewNothingDue')}</strong></p>
          <p>
            {view.nextDue !== null ? `${t('reviewNextDue', formatInterval(view.nextDue - Date.now()))} ` : ''}
            {view.newLeft ? t('reviewNewTomorrow') : ''}
          </p>
        </>
      )}
      <button type="button" onClick={openWordList}>{t('reviewOpenWordList')}</button>
    </section>
  );
}

export function Review({ db, openWordList }: { db: YueduDb; openWordList: () => void }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // The review id of this popup's last grade: undo takes back that grade only, whatever other tabs or imports did.
  const [undoable, setUndoable] = useState<number | null>(null);
  const busy = useRef(false);
  const voice = useChineseVoice();

  const show = useCallback(
    async (item: Promise<ReviewItem | null>) => {
      const next = await item;
      if (next) setView({ kind: 'card', item: next, flipped: false });
      else {
        setView({ kind: 'empty', ...(await reviewDoneState(db)) });
      }
    },
    [db],
  );

  const run = useCallback(async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await action();
    } catch (err) {
      setView({ kind: 'error', message: message(err) });
    } finally {
      busy.current = false;
    }
  }, []);

  // The settings and the database open side by side: the first card is what the popup is waited on for.
  const load = useCallback(
    () => run(async () => show(Promise.all([loadSettings(), db.open()]).then(([{ dailyNewCards }]) => nextCard(db, Date.now(), dailyNewCards)))),
    [db, run, show],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (view.kind !== 'loading') markReady();
  }, [view.kind]);

  const flip = () => {
    if (view.kind === 'card' && !view.flipped) setView({ ...view, flipped: true });
  };

  const grade = (g: Grade) =>
    run(async () => {
      if (view.kind !== 'card' || !view.flipped || view.item.card.id === undefined) return;
      const { reviewId } = await gradeCard(db, view.item.card.id, g);
      setUndoable(reviewId);
      await show(nextCard(db, Date.now(), (await loadSettings()).dailyNewCards));
    });

  const undo = () =>
    run(async () => {
      if (undoable === null) return;
      const card = await undoGrade(db, undoable);
      setUndoable(null);
      const { dailyNewCards } = await loadSettings();
      await show(card?.id !== undefined ? cardItem(db, card.id, Date.now(), dailyNewCards) : nextCard(db, Date.now(), dailyNewCards));
    });

  const say = () => {
    if (view.kind === 'card' && voice) speak(view.item.word.simplified, voice);
  };

  // Bound as the render commits: a passive effect runs a frame later, and a key pressed in between (Space then 3
  // in quick succession) would reach a handler that still sees the card's front and drop the grade.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      const onControl = !!target?.closest('button, a');
      if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey)) {
        if (undoable !== null) {
          e.preventDefault();
          void undo();
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.key === ' ' || e.key === 'Enter') && !onControl) {
        e.preventDefault();
        if (view.kind === 'card' && view.flipped) void grade(3);
        else flip();
      } else if (['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as Grade);
      } else if (e.key === 'u' && undoable !== null) void undo();
      else if (e.key === 'a') say();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (view.kind === 'loading') return <p class="hint" data-testid="loading">{t('loading')}</p>;
  if (view.kind === 'error') {
    return (
      <section class="review-error">
        <p role="alert" class="error" data-testid="review-error">{view.message}</p>
        <button type="button" onClick={() => void load()}>{t('reviewTryAgain')}</button>
      </section>
    );
  }
  const undoButton = undoable !== null ? (
    <button type="button" onClick={() => void undo()} data-testid="undo" title={t('reviewUndoTitle')}>
      {t('reviewUndo')}
    </button>
  ) : null;
  if (view.kind === 'empty') {
    return (
      <>
        <Empty view={view} openWordList={openWordList} />
        {undoButton}
      </>
    );
  }
  const { item, flipped } = view;
  return (
    <section class="review">
      <p class="due" data-testid="due-count">
        {t('reviewDue', item.due.total)}
        {item.due.new ? <span class="hint"> {t('reviewDueNew', item.due.new)}</span> : null}
      </p>
      <CardView card={item.card} word={item.word} flipped={flipped} />
      <div class="controls">
        {voice ? (
          <button type="button" onClick={say} title={t('reviewHearTitle')} aria-label={t('reviewHear')}>
            🔊
          </button>
        ) : null}
        {undoButton}
      </div>
      {flipped ? (
        <div class="grades" role="group" aria-label={t('reviewGradesLabel')}>
          {item.previews.map((p) => (
            <button type="button" key={p.grade} class={`grade g${p.grade}`} data-testid={`grade-${p.grade}`} onClick={() => void grade(p.grade)}>
              <kbd>{p.grade}</kbd> {p.label}
              <span class="interval">{p.interval}</span>
            </button>
          ))}
        </div>
      ) : (
        <button type="button" class="flip" data-testid="flip" onClick={flip}>
          {t('reviewShowAnswer')} <kbd>{t('keySpace')}</kbd>
        </button>
      )}
    </section>
  );
}
