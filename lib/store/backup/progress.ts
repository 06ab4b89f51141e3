/**
 * How a long import reports itself and keeps the page responsive: a 50 MB backup is read in chunks, checked in slices
 * that give the event loop back every few milliseconds, and written in batches, with progress for each phase.
 */
export type ImportPhase = 'reading' | 'checking' | 'writing';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

