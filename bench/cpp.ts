/** The CPP polyphone benchmark (g2pM, Apache-2.0): one marked character per sentence and its gold reading. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSyllable } from '../dictionary/pinyin';
import { FIXTURES } from './msr';

export interface CppItem {
  sentence: string;
  /** UTF-16 index of the marked character in `sentence`. */
  index: number;
  /** Normalised numbered syllable ("le5", "lü4"). */
  gold: string;
}

const MARK = '\u2581';

export function readCpp(): CppItem[] {
  const sentences = readFileSync(path.join(FIXTURES, 'pinyin/dev.sent'), 'utf8').split('\n');
  const labels = readFileSync(path.join(FIXTURES, 'pinyin/dev.lb'), 'utf8').split('\n');
  const items: CppItem[] = [];
  sentences.forEach((line, i) => {
    const index = line.indexOf(MARK);
    const gold = normalizeSyllable(labels[i]?.trim() ?? '');
    if (index < 0 || !gold) return;
    items.push({ sentence: line.split(MARK).join(''), index, gold });
  });
  return items;
}

/** Share of items whose marked character `read` gives the gold reading (normalised numbered syllables). */
export function evaluateCpp(read: (sentence: string, index: number) => string | undefined, items = readCpp()): number {
  let right = 0;
  for (const item of items) if (read(item.sentence, item.index) === item.gold) right++;
  return items.length ? right / items.length : 0;
}
