/**
 * Segmentation and pinyin: throughput of annotate() on the sample dispatch, word F1 on MSR, polyphone accuracy on CPP,
 * each against baselines run here on the same data.
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import { annotate, segmentModel, type Annotator } from '../dictionary/annotate';
import { ARTIFACT_PATH, loadDictionaryForNode, POLYPHONES_PATH } from '../dictionary/node';
import { normalizeSyllable } from '../dictionary/pinyin';
import { segment } from '../dictionary/segment';
import { loadWordFrequenciesForNode } from '../dictionary/word-frequencies-node';
import { cppExamples, crossValidateCpp, evaluateCpp, readCpp, readCppItem } from './cpp';
import { evaluateMsr, FIXTURES, readMsrGold } from './msr';
import type { BenchSuite } from './suites';
import type { BenchRow } from './table';

const SUITE = 'segmentation';
const CPP_FOLDS = 5;

/**
 * Characters per second of each runner over `paragraphs`. The runners take turns in short rounds, so that load from
 * other processes on a shared machine falls on both alike.
 */
export function throughputs(paragraphs: string[], runners: ((p: string) => unknown)[], ms = 6000): number[] {
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  const done = runners.map(() => 0);
  const spent = runners.map(() => 0);
  for (const run of runners) for (const p of paragraphs) run(p);
  const start = performance.now();
  while (performance.now() - start < ms) {
    runners.forEach((run, i) => {
      const t = performance.now();
      for (const p of paragraphs) run(p);
      spent[i] = (spent[i] ?? 0) + performance.now() - t;
      done[i] = (done[i] ?? 0) + chars;
    });
  }
  return done.map((n, i) => n / ((spent[i] ?? 1) / 1000));
}

/** Plain forward maximum matching: the longest dictionary word at each position, else one character. */
function forwardMaxMatch(annotator: Annotator, text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const longest = Math.max(1, ...annotator.dictionary.wordLengthsAt(text, i));
    out.push(text.slice(i, i + longest));
    i += longest;
  }
  return out;
}

function pinyinProAt(sentence: string, index: number): string | undefined {
  let at = 0;
  for (const item of pinyin(sentence, { type: 'all', toneType: 'num' })) {
    const found = sentence.indexOf(item.origin, at);
    if (found === index) return normalizeSyllable(item.pinyin);
    at = found + item.origin.length;
  }
  return undefined;
}

export const segmentationSuite: BenchSuite = {
  name: SUITE,
  async run() {
    const dictionary = await loadDictionaryForNode();
    const annotator: Annotator = { dictionary, frequencies: loadWordFrequenciesForNode() };
    const rows: BenchRow[] = [];

    const dispatch = readFileSync(path.join(FIXTURES, 'dispatch/silk-road-dispatch.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const options = { style: 'marks', sandhi: true } as const;
    const [ours = 0, pinyinPro = 0] = throughputs(dispatch, [
      (p) => annotate(annotator, p, options),
      (p) => pinyin(p, { type: 'all' }),
    ]);
    rows.push({
      suite: SUITE,
      metric: 'annotate throughput (dispatch)',
      value: ours,
      unit: 'chars/s',
      baseline: { label: 'pinyin-pro alone', value: pinyinPro },
    });

    const gold = readMsrGold();
    const f1 = evaluateMsr((s) => {
      return segment(s, segmentModel(annotator)).map((t) => s.slice(t.start, t.end));
    }, gold).f1;
    const intl = new Intl.Segmenter('zh', { granularity: 'word' });
    const jieba = Jieba.withDict(jiebaDict);
    const baselines: [string, (s: string) => string[]][] = [
      ['Intl.Segmenter zh', (s) => [...intl.segment(s)].map((x) => x.segment)],
      ['forward max-match', (s) => forwardMaxMatch(annotator, s)],
      ['jieba (HMM on)', (s) => jieba.cut(s, true)],
    ];
    for (const [label, cut] of baselines) {
      rows.push({
        suite: SUITE,
        metric: 'MSR word F1',
        value: f1,
        unit: '',
        baseline: { label, value: evaluateMsr(cut, gold).f1 },
        target: '> 0.90',
      });
    }

    const items = readCpp();
    const examples = cppExamples(annotator, items);
    const withoutModel = evaluateCpp((sentence, index) => readCppItem({ ...annotator, polyphones: null }, { sentence, index, gold: '' }).reading, items);
    const crossValidated = crossValidateCpp(annotator, items, examples, CPP_FOLDS);
    const cpp = (label: string, value: number, target?: string): BenchRow => ({
      suite: SUITE,
      metric: `CPP polyphone accuracy (${CPP_FOLDS}-fold cross-validated model)`,
      value: crossValidated,
      unit: '',
      baseline: { label, value },
      ...(target ? { target } : {}),
    });
    rows.push(cpp('pinyin-pro', evaluateCpp(pinyinProAt, items), '≥ 0.95'), cpp('annotate without the model', withoutModel));

    const artifact = await stat(ARTIFACT_PATH);
    rows.push({
      suite: SUITE,
      metric: 'polyphone model in the artifact',
      value: Buffer.byteLength(await readFile(POLYPHONES_PATH)) / 1024,
      unit: 'KiB',
      baseline: { label: 'whole dictionary artifact', value: artifact.size / 1024 },
      target: '< 300 KiB',
    });
    return rows;
  },
};
