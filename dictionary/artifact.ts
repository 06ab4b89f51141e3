/**
 * The compiled dictionary's binary format, written by compile.ts and read by dictionary.ts. Nothing is parsed at
 * load time: the engine takes typed-array views over the bytes and decodes an entry only when it is looked up.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   u32 magic 'YDIC', u32 format version, u32 section count, then (u32 offset, u32 byte length) per section.
 *   keyChars      Uint16  every headword (simplified and traditional, folded by chars.ts), concatenated in sorted order
 *   keyOffsets    Uint32  keyCount + 1 offsets into keyChars
 *   keyEntries    Uint32  per headword: its one entry id, or (high bit set) an offset into keyLists
 *   keyLists      Uint32  for headwords with several entries: count, then the ids, glossary entries first
 *   entryOffsets  Uint32  entryCount + 1 byte offsets into entryData
 *   entryData     bytes   one record per entry (see encodeEntry)
 *   meta          UTF-8   JSON ArtifactMeta
 *   tokens        UTF-8   the token table (see Tokens), separated by U+001F
 *   polyphones    UTF-8   the polyphone model's rules (format in polyphones.ts), parsed on first annotation
 */
import type { DictEntry, Reading } from './types';
import type { VariantIndex } from './variants';

const MAGIC = 0x43494459;
/** Bump when the layout or the record encoding changes: cached artifacts of another version are rebuilt. */
export const FORMAT_VERSION = 6;
/** Marks a keyEntries value as an offset into keyLists. */
export const LIST_FLAG = 0x80000000;

export interface ArtifactMeta {
  formatVersion: number;
  keyCount: number;
  entryCount: number;
  /** Longest headword in UTF-16 units: no lookup scans further than this. */
  maxKeyLength: number;
  sources: { cedictLines: number; glossaryRecords: number; hskWords: number };
  /** HSK levels of the few list words that no source has as a headword (不太, 车上), by simplified and traditional form. */
  hskWithoutEntry: Record<string, number>;
  /** Qualifiers and the cores of glossary phrases, for finding a phrase from its shorter or longer forms. */
  variants: VariantIndex;
  /** Set in a shard of the artifact (shards.ts): which one it is, of how many. */
  shard?: { index: number; count: number };
}

export interface ArtifactSections {
  keyChars: Uint16Array;
  keyOffsets: Uint32Array;
  keyEntries: Uint32Array;
  keyLists: Uint32Array;
  entryOffsets: Uint32Array;
  entryData: Uint8Array;
  meta: ArtifactMeta;
  tokens: string[];
  polyphones: string;
}

/** Separators inside entry records and the token table (see encodeEntry). */
const FS = '\u001f';
const RS = '\u001e';
const LS = '\u001d';
const VS = '\u001c';
const encoder = new TextEncoder();

const SECTION_COUNT = 9;
const HEADER_BYTES = 12 + SECTION_COUNT * 8;

export class ArtifactError extends Error {}

const align4 = (n: number) => (n + 3) & ~3;

export function writeArtifact(s: ArtifactSections): Uint8Array {
  const metaBytes = encoder.encode(JSON.stringify(s.meta));
  const tokenBytes = encoder.encode(s.tokens.join(FS));
  const polyphoneBytes = encoder.encode(s.polyphones);
  const parts: Uint8Array[] = [s.keyChars, s.keyOffsets, s.keyEntries, s.keyLists, s.entryOffsets, s.entryData, metaBytes, tokenBytes, polyphoneBytes].map(
    (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
  );
  let size = HEADER_BYTES;
  const offsets = parts.map((p) => {
    const at = align4(size);
    size = at + p.byteLength;
    return at;
  });
  const out = new Uint8Array(align4(size));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, SECTION_COUNT, true);
  parts.forEach((p, i) => {
    view.setUint32(12 + i * 8, offsets[i] ?? 0, true);
    view.setUint32(16 + i * 8, p.byteLength, true);
    out.set(p, offsets[i]);
  });
  return out;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Views over the artifact; copies the bytes only when they are not 4-byte aligned. Throws ArtifactError on anything that is not a valid artifact of this version. */
export function readArtifact(input: Uint8Array | ArrayBufferLike): ArtifactSections {
  if (!littleEndian) throw new ArtifactError('The dictionary artifact needs a little-endian platform');
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.byteLength < HEADER_BYTES) throw new ArtifactError('The dictionary artifact is truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new ArtifactError('Not a Yuedu dictionary artifact');
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new ArtifactError(`Dictionary artifact format ${version}, expected ${FORMAT_VERSION}`);
  if (view.getUint32(8, true) !== SECTION_COUNT) throw new ArtifactError('The dictionary artifact has an unexpected layout');
  const section = (i: number): [number, number] => {
    const offset = view.getUint32(12 + i * 8, true);
    const length = view.getUint32(16 + i * 8, true);
    if (offset % 4 !== 0 || offset + length > bytes.byteLength) throw new ArtifactError('The dictionary artifact is truncated');
    return [bytes.byteOffset + offset, length];
  };
  const u16 = (i: number) => {
    const [o, l] = section(i);
    return new Uint16Array(bytes.buffer, o, l >>> 1);
  };
  const u32 = (i: number) => {
    const [o, l] = section(i);
    return new Uint32Array(bytes.buffer, o, l >>> 2);
  };
  const u8 = (i: number) => {
    const [o, l] = section(i);
    return new Uint8Array(bytes.buffer, o, l);
  };
  const decoder = new TextDecoder();
  const meta = JSON.parse(decoder.decode(u8(6))) as ArtifactMeta;
  const tokenText = decoder.decode(u8(7));
  const s: ArtifactSections = {
    keyChars: u16(0),
    keyOffsets: u32(1),
    keyEntries: u32(2),
    keyLists: u32(3),
    entryOffsets: u32(4),
    entryData: u8(5),
    meta,
    tokens: tokenText ? tokenText.split(FS) : [],
    polyphones: decoder.decode(u8(8)),
  };
  if (s.keyOffsets.length !== meta.keyCount + 1 || s.keyEntries.length !== meta.keyCount || s.entryOffsets.length !== meta.entryCount + 1) {
    throw new ArtifactError('The dictionary artifact is inconsistent');
  }
  return s;
}

/*
 * Entry records. A binary head: varint key index of the simplified form, varint (key index of the traditional form
 * + 1, or 0 when it is the simplified form), one byte (bit 0: glossary; bits 1–4: HSK level, 0 for none). Then UTF-8
 * text, fields separated by U+001F: [glossary english, note, category when from the glossary], then one field per
 * reading: pinyin RS definitions RS classifiers RS variantOf, with RS = U+001E, list items separated by U+001D and
 * the three parts of a variant reference by U+001C. CC-CEDICT and the glossary never contain these control characters.
 * Headwords are stored once, as keys: an entry's forms come back folded as chars.ts folds them.
 */

/**
 * Frequent pinyin syllables and English words, each written as one Private Use Area character (3 bytes of UTF-8
 * instead of 4 to 12). A pinyin field whose every syllable has a token is stored as tokens alone, the spaces implied;
 * in definitions and glossary text, a whole word of four or more letters is replaced when it has a token.
 * The sources never contain Private Use Area characters: the compiler checks.
 */
const TOKEN_BASE = 0xe000;
export const MAX_TOKENS = 0xf8ff - TOKEN_BASE + 1;
export const PRIVATE_USE = /[\ue000-\uf8ff]/;
const TOKEN_CHARS = /[\ue000-\uf8ff]/g;
export const TOKEN_WORD = /[A-Za-z]{4,}/g;

export class Tokens {
  /** Token to character, for encoding: built on first use, as loading only decodes. */
  private encodings?: Map<string, string>;
  constructor(readonly list: readonly string[]) {
    if (list.length > MAX_TOKENS) throw new ArtifactError(`At most ${MAX_TOKENS} tokens`);
  }

  private get index(): Map<string, string> {
    this.encodings ??= new Map(this.list.map((t, i) => [t, String.fromCharCode(TOKEN_BASE + i)]));
    return this.encodings;
  }

  encodePinyin(pinyin: string): string {
    const syllables = pinyin.split(' ');
    if (!pinyin || !syllables.every((s) => this.index.has(s))) return pinyin;
    return syllables.map((s) => this.index.get(s)).join('');
  }

  decodePinyin(field: string): string {
    if (!PRIVATE_USE.test(field.charAt(0))) return field;
    let pinyin = '';
    for (let i = 0; i < field.length; i++) pinyin += (i ? ' ' : '') + this.token(field.charCodeAt(i));
    return pinyin;
  }

  encodeText(text: string): string {
    return text.replace(TOKEN_WORD, (word) => this.index.get(word) ?? word);
  }

  decodeText(text: string): string {
    return text.replace(TOKEN_CHARS, (c) => this.token(c.charCodeAt(0)));
  }

  private token(code: number): string {
    return this.list[code - TOKEN_BASE] ?? '';
  }
}

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

export function encodeEntry(e: DictEntry, simplifiedKey: number, traditionalKey: number, tokens: Tokens): Uint8Array {
  const head: number[] = [];
  pushVarint(head, simplifiedKey);
  pushVarint(head, traditionalKey === simplifiedKey ? 0 : traditionalKey + 1);
  head.push((e.source === 'glossary' ? 1 : 0) | ((e.hsk ?? 0) << 1));
  const g = e.glossary;
  const fields = e.source === 'glossary' ? [tokens.encodeText(g?.english ?? ''), tokens.encodeText(g?.note ?? ''), g?.category ?? ''] : [];
  for (const r of e.readings) {
    const variants = (r.variantOf ?? []).map((v) => [v.traditional, v.simplified, v.pinyin].join(VS));
    const definitions = r.definitions.map((d) => tokens.encodeText(d)).join(LS);
    fields.push([tokens.encodePinyin(r.pinyin), definitions, r.classifiers.join(LS), variants.join(LS)].join(RS));
  }
  const text = encoder.encode(fields.join(FS));
  const out = new Uint8Array(head.length + text.length);
  out.set(head);
  out.set(text, head.length);
  return out;
}

const list = (s: string | undefined): string[] => (s ? s.split(LS) : []);

/** The key indexes a record's head names (the traditional one -1 when it is the simplified form), and where the rest (flags, text) starts. */
export function entryKeys(data: Uint8Array, start: number, end: number): { simplified: number; traditional: number; body: number } {
  let i = start;
  const varint = (): number => {
    let n = 0;
    for (let shift = 0; i < end; shift += 7) {
      const b = data[i++] ?? 0;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    return n;
  };
  const simplified = varint();
  const traditional = varint() - 1;
  return { simplified, traditional, body: i };
}

/** The record in data[start, end) naming other key indexes, the rest unchanged: an entry moved into a shard. */
export function rekeyEntry(data: Uint8Array, start: number, end: number, simplified: number, traditional: number): Uint8Array {
  const keys = entryKeys(data, start, end);
  const head: number[] = [];
  pushVarint(head, simplified);
  pushVarint(head, traditional < 0 || traditional === simplified ? 0 : traditional + 1);
  const out = new Uint8Array(head.length + end - keys.body);
  out.set(head);
  out.set(data.subarray(keys.body, end), head.length);
  return out;
}

/** Decodes the record in data[start, end); `key` gives a key index's string, `decode` turns UTF-8 bytes into text. */
export function decodeEntry(
  data: Uint8Array,
  start: number,
  end: number,
  key: (index: number) => string,
  decode: (bytes: Uint8Array) => string,
  tokens: Tokens,
): DictEntry {
  const keys = entryKeys(data, start, end);
  let i = keys.body;
  const simplified = key(keys.simplified);
  const flags = data[i++] ?? 0;
  const entry: DictEntry = {
    simplified,
    traditional: keys.traditional >= 0 ? key(keys.traditional) : simplified,
    readings: [],
    source: flags & 1 ? 'glossary' : 'cedict',
  };
  if (flags >> 1) entry.hsk = flags >> 1;
  const f = decode(data.subarray(i, end)).split(FS);
  let field = 0;
  if (entry.source === 'glossary') {
    entry.glossary = { english: tokens.decodeText(f[0] ?? ''), note: tokens.decodeText(f[1] ?? ''), category: f[2] ?? '' };
    field = 3;
  }
  for (; field < f.length; field++) {
    const [pinyin = '', definitions, classifiers, variants] = (f[field] ?? '').split(RS);
    const reading: Reading = {
      pinyin: tokens.decodePinyin(pinyin),
      definitions: list(definitions).map((d) => tokens.decodeText(d)),
      classifiers: list(classifiers),
    };
    if (variants) {
      reading.variantOf = list(variants).map((v) => {
        const [traditional = '', simplified = '', pinyin = ''] = v.split(VS);
        return { traditional, simplified, pinyin };
      });
    }
    entry.readings.push(reading);
  }
  return entry;
}
