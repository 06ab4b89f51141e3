/**
 * Node-only (tests, benches, build): the word-frequency model compiled from the jieba package, and the artifact in
 * dictionary/build/ that wxt.config.ts ships beside the dictionary.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileWordFrequencies, WordFrequencies } from './word-frequencies';

export function jiebaDictPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

export function compileWordFrequenciesForNode(): string {
  return compileWordFrequencies(readFileSync(jiebaDictPath(), 'utf8'));
}

export const WORD_FREQUENCIES_PATH = path.join(import.meta.dirname, 'build/word-frequencies.txt');

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** The path of an up-to-date artifact, compiled first when missing or older than its source or compiler. */
export function ensureWordFrequencies(out = WORD_FREQUENCIES_PATH): string {
  const built = mtime(out);
  const sources = [jiebaDictPath(), path.join(import.meta.dirname, 'word-frequencies.ts')].map(mtime);
  if (built >= 0 && sources.every((t) => t <= built)) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  // Written aside and renamed, so parallel builds and test workers never read half a file.
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, compileWordFrequenciesForNode());
  renameSync(tmp, out);
  return out;
}

let cached: WordFrequencies | undefined;

export function loadWordFrequenciesForNode(): WordFrequencies {
  cached ??= new WordFrequencies(compileWordFrequenciesForNode());
  return cached;
}
