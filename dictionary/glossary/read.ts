import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGlossary, type GlossaryRecord } from './parse';

export const GLOSSARY_DIR = import.meta.dirname;

/** Reads every `*.tsv` in the glossary folder (build time and tests only: it uses the file system). */
export function readGlossary(dir = GLOSSARY_DIR): GlossaryRecord[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tsv'))
    .sort()
    .flatMap((name) => parseGlossary(readFileSync(path.join(dir, name), 'utf8'), name.replace(/\.tsv$/, ''), name));
}
