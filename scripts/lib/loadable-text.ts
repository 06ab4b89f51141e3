/**
 * Chromium refuses to load an extension whose content script is not what it calls UTF-8 (base::IsStringUTF8), which
 * also excludes the Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their twins in every plane). A minifier
 * writes an escape such as '\uffff' (Dexie has one) as the character itself, and the whole extension then fails to
 * load with no error a test can see: its service worker just never starts. The build checks its scripts for them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const isNoncharacter = (code: number) => (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;

/** The first noncharacter in `text` with the text before it, or null. */
export function noncharacterIn(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (isNoncharacter(code)) return `U+${code.toString(16).toUpperCase()} near "${text.slice(Math.max(0, i - 60), i)}"`;
    if (code > 0xffff) i++;
  }
  return null;
}

/**
 * Throws, naming the file, when a built content script holds a character Chromium will not load. (The check is
 * Chromium's for content scripts only: the service worker's Dexie keeps its U+FFFF and loads.)
 */
export async function checkContentScripts(outDir: string, fileNames: readonly string[]): Promise<void> {
  for (const name of fileNames.filter((f) => f.startsWith('content-scripts/') && /\.(js|css)$/.test(f))) {
    const problem = noncharacterIn(await readFile(path.join(outDir, name), 'utf8'));
    if (problem) throw new Error(`${name} holds ${problem}: Chromium would not load the extension (see scripts/lib/loadable-text.ts; is Dexie imported into the content script?)`);
  }
}
