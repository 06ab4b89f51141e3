/** The CPP polyphone benchmark (g2pM, Apache-2.0): one marked character per sentence and its gold reading. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { annotate, modelReads, type Annotator } from '../dictionary/annotate';
import { HAN } from '../dictionary/chars';
import { normalizeSyllable } from '../dictionary/pinyin';
import { PolyphoneModel, trainPolyphones, type PolyphoneExample } from '../dictionary/polyphones';
import type { Segment } from '../dictionary/types';
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

/** What annotation reads at an item's marked character, and the segment around it. */
export function readCppItem(annotator: Annotator, item: CppItem): { reading: string | undefined; segment?: Segment } {
  for (const segment of annotate(annotator, item.sentence, { style: 'numbers', sandhi: false })) {
    if (item.index < segment.start || item.index >= segment.start + segment.text.length) continue;
    const before = [...item.sentence.slice(segment.start, item.index)].filter((c) => HAN.test(c)).length;
    return { reading: segment.pinyin?.[before], segment };
  }
  return { reading: undefined };
}

/**
 * Training examples for the polyphone model, one per item: the item with what annotation reads there without a
 * model, or undefined where annotation would not ask the model (a word the dictionary reads one way).
 */
export function cppExamples(annotator: Annotator, items: readonly CppItem[]): (PolyphoneExample | undefined)[] {
  const plain: Annotator = { ...annotator, polyphones: null };
  return items.map((item) => {
    const { reading, segment } = readCppItem(plain, item);
    if (!segment || !modelReads(plain, segment)) return undefined;
    const site = { text: item.sentence, index: item.index, wordStart: segment.start, wordEnd: segment.start + segment.text.length };
    return { site, gold: item.gold, base: reading };
  });
}

const given = <T>(x: T | undefined): x is T => x !== undefined;

/**
 * Accuracy of annotation with the polyphone model under k-fold cross-validation: every item is read by `annotate`
 * with a model trained on the other folds only (items dealt to folds in turn, so each character's examples spread
 * over all of them). `examples` are cppExamples(items).
 */
export function crossValidateCpp(
  annotator: Annotator,
  items: readonly CppItem[],
  examples: readonly (PolyphoneExample | undefined)[],
  folds = 5,
): number {
  let right = 0;
  for (let fold = 0; fold < folds; fold++) {
    const polyphones = new PolyphoneModel(trainPolyphones(examples.filter((e, i) => i % folds !== fold).filter(given)));
    const withModel: Annotator = { ...annotator, polyphones };
    items.forEach((item, i) => {
      if (i % folds === fold && readCppItem(withModel, item).reading === item.gold) right++;
    });
  }
  return items.length ? right / items.length : 0;
}

/** The model shipped: trained on every item. */
export function trainOnCpp(annotator: Annotator, items = readCpp()): string {
  return trainPolyphones(cppExamples(annotator, items).filter(given));
}
