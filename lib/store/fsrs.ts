/** The one FSRS scheduler (ts-fsrs) and the conversion between its cards and the store's epoch-millisecond states. */
import { fsrs, type Card } from 'ts-fsrs';
import type { FsrsState } from './db';

/** Fuzz off: the interval shown on a button is the interval the card gets. */
export const scheduler = fsrs({ enable_fuzz: false });

export function toFsrsCard(c: FsrsState): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.last_review === null ? {} : { last_review: new Date(c.last_review) }),
  };
}

export function fsrsState(c: FsrsState | Card): FsrsState {
  return {
    due: typeof c.due === 'number' ? c.due : c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review instanceof Date ? c.last_review.getTime() : (c.last_review ?? null),
  };
}

/**
 * Why ts-fsrs cannot schedule this state at `now` (or at its last review, if that is later), or null when it can:
 * the scheduler itself is asked, so the check stays exact whatever ts-fsrs accepts in a later version.
 */
export function fsrsProblem(c: FsrsState, now: number): string | null {
  try {
    const outcomes = scheduler.repeat(toFsrsCard(c), new Date(Math.max(now, c.last_review ?? 0)));
    for (const grade of [1, 2, 3, 4] as const) {
      const next = outcomes[grade].card;
      if (!Number.isFinite(next.due.getTime()) || !Number.isFinite(next.stability) || !Number.isFinite(next.difficulty)) {
        return 'no finite next state';
      }
    }
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
