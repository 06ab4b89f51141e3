/** Node-only (tests, benches, build): the word-frequency model compiled straight from the jieba package. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileWordFrequencies, WordFrequencies } from './word-frequencies';

export function jiebaDictPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

export function compileWordFrequenciesForNode(): string {
  return compileWordFrequencies(readFileSync(jiebaDictPath(), 'utf8'));
}

let cached: WordFrequencies | undefined;

export function loadWordFrequenciesForNode(): WordFrequencies {
  cached ??= new WordFrequencies(compileWordFrequenciesForNode());
  return cached;
}
