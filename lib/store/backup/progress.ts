/**
 * How a long import reports itself and keeps the page responsive: a 50 MB backup is read in chunks, checked in slices
 * that give the event loop back every few milliseconds, and written in batches, with progress for each phase.
 */
import { nextTask } from '../../next-task';

export type ImportPhase = 'reading' | 'checking' | 'writing';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

/** How long checking runs before it yields: well under a frame, so input and painting keep up. */
const SLICE_MS = 8;

/** Gives the event loop back when the current slice is used up. Never call it inside a transaction: it would commit. */
export function pacer(clock: () => number = () => performance.now()): () => Promise<void> {
  let since = clock();
  return async () => {
    if (clock() - since < SLICE_MS) return;
    await nextTask();
    since = clock();
  };
}
