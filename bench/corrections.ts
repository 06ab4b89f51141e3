/**
 * The reader's corrections cost annotation nothing it can feel: throughput of annotate() on the sample dispatch with
 * 200 corrections (joins, splits and readings of words that occur in it) against none, in the same run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { annotate, type Annotator } from '../dictionary/annotate';
import { Corrections, type CorrectionRule } from '../dictionary/corrections';
import { loadDictionaryForNode } from '../dictionary/node';
import { loadWordFrequenciesForNode } from '../dictionary/word-frequencies-node';
import { FIXTURES } from './msr';
import { throughputs } from './segmentation';
import type { BenchSuite } from './suites';

const SUITE = 'corrections';
const COUNT = 200;

/** Corrections of the dispatch's own words: a third joins of neighbours, a third splits, a third readings. */
function correctionsOf(annotator: Annotator, paragraphs: readonly string[]): CorrectionRule[] {
  const words = paragraphs.flatMap((p) => annotate(annotator, p, { style: 'numbers', sandhi: false }).filter((s) => s.kind === 'word'));
  const rules = new Map<string, CorrectionRule>();
  const add = (rule: CorrectionRule) => rules.size < COUNT && !rules.has(`${rule.kind}:${rule.text}`) && rules.set(`${rule.kind}:${rule.text}`, rule);
  for (let i = 0; i + 1 < words.length && rules.size < COUNT / 3; i += 7) {
    const [a, b] = [words[i], words[i + 1]];
    if (a && b && a.start + a.text.length === b.start) add({ kind: 'join', text: a.text + b.text, traditional: a.text + b.text });
  }
  for (const w of words.filter((w) => w.text.length > 1)) if (rules.size < (2 * COUNT) / 3) add({ kind: 'split', text: w.text, traditional: w.text, pieces: [1, w.text.length - 1] });
  for (const w of words) if (w.pinyin) add({ kind: 'reading', text: w.text, traditional: w.text, reading: w.pinyin.join(' ') });
  return [...rules.values()];
}

export const correctionsSuite: BenchSuite = {
  name: SUITE,
  async run() {
    const annotator: Annotator = { dictionary: await loadDictionaryForNode(), frequencies: loadWordFrequenciesForNode() };
    const dispatch = readFileSync(path.join(FIXTURES, 'dispatch/silk-road-dispatch.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const rules = correctionsOf(annotator, dispatch);
    // The same words written backwards: corrections that are looked for at every character and found nowhere.
    const elsewhere = rules.map((r) => ({ ...r, text: [...r.text].reverse().join(''), traditional: [...r.traditional].reverse().join('') }));
    const [inText, notInText] = [new Corrections(rules), new Corrections(elsewhere)];
    const options = { style: 'marks', sandhi: true } as const;
    const [found = 0, missing = 0, plain = 0] = throughputs(dispatch, [
      (p) => annotate(annotator, p, options, inText),
      (p) => annotate(annotator, p, options, notInText),
      (p) => annotate(annotator, p, options),
    ]);
    const row = (what: string, value: number) => ({
      suite: SUITE,
      metric: `annotate throughput (dispatch), ${rules.length} corrections ${what}`,
      value,
      unit: 'chars/s',
      baseline: { label: 'no corrections', value: plain },
      target: '≥ 0.9x',
    });
    return [row('of its words', found), row('of words it lacks', missing)];
  },
};
