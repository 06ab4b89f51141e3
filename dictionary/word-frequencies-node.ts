/**
 * Node-only (tests, benches, build): the word-frequency model compiled from the jieba package, and the artifact in
 * dictionary/build/ that wxt.config.ts ships beside the dictionary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cachedBuild } from './build-cache';
import { compileWordFrequencies, WordFrequencies } from './word-frequencies';

function jiebaDictPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

function compileWordFrequenciesForNode(): Uint8Array {
  return compileWordFrequencies(readFileSync(jiebaDictPath(), 'utf8'));
}

export const WORD_FREQUENCIES_PATH = path.join(import.meta.dirname, 'build/word-frequencies.bin');

/** The path of an up-to-date artifact, compiled first when missing or older than its source or compiler. */
export function ensureWordFrequencies(out = WORD_FREQUENCIES_PATH): Promise<string> {
  return cachedBuild(out, [jiebaDictPath(), ...['word-frequencies.ts', 'sorted-keys.ts'].map((f) => path.join(import.meta.dirname, f))], compileWordFrequenciesForNode);
}

let cached: WordFrequencies | undefined;

export function loadWordFrequenciesForNode(): WordFrequencies {
  cached ??= new WordFrequencies(compileWordFrequenciesForNode());
  return cached;
}
