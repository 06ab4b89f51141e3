/**
 * The compiled dictionary's binary format, written by compile.ts and read by dictionary.ts. Nothing is parsed at
 * load time: the engine takes typed-array views over the bytes and decodes an entry only when it is looked up.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   u32 magic 'YDIC', u32 format version, u32 section count, then (u32 offset, u32 byte length) per section.
 *   keyChars      Uint16  every headword (simplified and traditional, folded by chars.ts), concatenated in sorted order
 *   keyOffsets    Uint32  keyCount + 1 offsets into keyChars
 *   keyEntryStart Uint32  keyCount + 1 offsets into keyEntries
 *   keyEntries    Uint32  entry ids per headword, glossary entries first
 *   entryOffsets  Uint32  entryCount + 1 byte offsets into entryText
 *   entryText     UTF-8   one record per entry (see encodeEntry)
 *   meta          UTF-8   JSON ArtifactMeta
 */
import type { DictEntry, Reading } from './types';

export const MAGIC = 0x43494459;
/** Bump when the layout or the record encoding changes: cached artifacts of another version are rebuilt. */
export const FORMAT_VERSION = 1;

export interface ArtifactMeta {
  formatVersion: number;
  keyCount: number;
  entryCount: number;
  /** Longest headword in UTF-16 units: no lookup scans further than this. */
  maxKeyLength: number;
  sources: { cedictLines: number; glossaryRecords: number; hskWords: number };
}

export interface ArtifactSections {
  keyChars: Uint16Array;
  keyOffsets: Uint32Array;
  keyEntryStart: Uint32Array;
  keyEntries: Uint32Array;
  entryOffsets: Uint32Array;
  entryText: Uint8Array;
  meta: ArtifactMeta;
}

const SECTION_COUNT = 7;
const HEADER_BYTES = 12 + SECTION_COUNT * 8;

export class ArtifactError extends Error {}

const align4 = (n: number) => (n + 3) & ~3;

export function writeArtifact(s: ArtifactSections): Uint8Array {
  const metaBytes = new TextEncoder().encode(JSON.stringify(s.meta));
  const parts: Uint8Array[] = [s.keyChars, s.keyOffsets, s.keyEntryStart, s.keyEntries, s.entryOffsets, s.entryText, metaBytes].map(
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
  const meta = JSON.parse(new TextDecoder().decode(u8(6))) as ArtifactMeta;
  const s: ArtifactSections = {
    keyChars: u16(0),
    keyOffsets: u32(1),
    keyEntryStart: u32(2),
    keyEntries: u32(3),
    entryOffsets: u32(4),
    entryText: u8(5),
    meta,
  };
  if (s.keyOffsets.length !== meta.keyCount + 1 || s.keyEntryStart.length !== meta.keyCount + 1 || s.entryOffsets.length !== meta.entryCount + 1) {
    throw new ArtifactError('The dictionary artifact is inconsistent');
  }
  return s;
}

/*
 * Entry records: fields separated by U+001F. A reading's parts by U+001E, list items by U+001D, the three parts of a
 * variant reference by U+001C. CC-CEDICT and the glossary never contain these control characters.
 *   traditional (empty when equal to simplified), simplified, source g|c, HSK level or empty,
 *   [glossary english, note, category when source is g], then one field per reading:
 *   pinyin RS definitions RS classifiers RS variantOf
 */
const FS = '\u001f';
const RS = '\u001e';
const LS = '\u001d';
const VS = '\u001c';

export function encodeEntry(e: DictEntry): string {
  const fields = [e.traditional === e.simplified ? '' : e.traditional, e.simplified, e.source === 'glossary' ? 'g' : 'c', e.hsk ? String(e.hsk) : ''];
  if (e.source === 'glossary') fields.push(e.glossary?.english ?? '', e.glossary?.note ?? '', e.glossary?.category ?? '');
  for (const r of e.readings) {
    const variants = (r.variantOf ?? []).map((v) => [v.traditional, v.simplified, v.pinyin].join(VS));
    fields.push([r.pinyin, r.definitions.join(LS), r.classifiers.join(LS), variants.join(LS)].join(RS));
  }
  return fields.join(FS);
}

const list = (s: string | undefined): string[] => (s ? s.split(LS) : []);

export function decodeEntry(record: string): DictEntry {
  const f = record.split(FS);
  const simplified = f[1] ?? '';
  const entry: DictEntry = {
    simplified,
    traditional: f[0] || simplified,
    readings: [],
    source: f[2] === 'g' ? 'glossary' : 'cedict',
  };
  if (f[3]) entry.hsk = Number(f[3]);
  let i = 4;
  if (entry.source === 'glossary') {
    entry.glossary = { english: f[4] ?? '', note: f[5] ?? '', category: f[6] ?? '' };
    i = 7;
  }
  for (; i < f.length; i++) {
    const [pinyin = '', definitions, classifiers, variants] = (f[i] ?? '').split(RS);
    const reading: Reading = { pinyin, definitions: list(definitions), classifiers: list(classifiers) };
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
