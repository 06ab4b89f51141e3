/** The SIGHAN 2005 MSR test set (test data only: read here, never shipped). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scoreWords, type WordScore } from './word-f1';

export const FIXTURES = process.env.YUEDU_FIXTURES ?? path.resolve(import.meta.dirname, '../../shared/fixtures');

export function readMsrGold(): string[][] {
  const text = readFileSync(path.join(FIXTURES, 'segmentation/msr_test_gold.utf8'), 'utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/\s+/u).filter(Boolean))
    .filter((words) => words.length > 0);
}

/** Scores a segmenter on every MSR sentence (the raw sentence is the gold words joined). */
export function evaluateMsr(cut: (sentence: string) => string[], gold = readMsrGold()): WordScore {
  return scoreWords(
    gold,
    gold.map((words) => cut(words.join(''))),
  );
}
