/**
 * The dictionary engine: lookups straight over the compiled artifact's bytes (format in artifact.ts). Pure
 * TypeScript, no DOM and no Node APIs, so the same class serves the service worker, tests and benches.
 *
 * It reads either the whole artifact or its shards (shards.ts): the head, then each shard as a lookup needs it. A
 * lookup that reaches a shard not yet added throws ShardMissing rather than answer without it.
 */
import { decodeEntry, LIST_FLAG, readArtifact, Tokens, type ArtifactMeta, type ArtifactSections, ArtifactError } from './artifact';
import { charLengthAt, foldCode, foldText, isHanAt } from './chars';
import { PolyphoneModel } from './polyphones';
import { shardOf } from './shards';
import { SortedKeys } from './sorted-keys';
import { decomposeText, foreignNameRunAt, unknownCharEntry } from './fallback';
import type { DictEntry, LookupMatch } from './types';
import { leadingQualifier, MIN_CORE } from './variants';

/** A lookup needed a shard that has not been added: add it (Dictionary.addShard) and look up again. */
export class ShardMissing extends Error {
  constructor(readonly index: number) {
    super(`Dictionary shard ${index} is not loaded`);
  }
}

/** The headwords and entries of one artifact: the whole dictionary's, or a shard's. */
interface Part {
  /** Its place in Dictionary.parts, which keys the shared cache of decoded entries. */
  index: number;
  /** The headwords, simplified and traditional, found by prefix. */
  keys: SortedKeys;
  keyEntries: Uint32Array;
  keyLists: Uint32Array;
  entryOffsets: Uint32Array;
  entryData: Uint8Array;
}

/** A headword found: the part it is in and its key there. */
interface Key {
  part: Part;
  key: number;
}

export class Dictionary {
  readonly meta: ArtifactMeta;
  /** The whole artifact as one part, or one place per shard (empty until the shard is added). */
  private readonly parts: (Part | undefined)[];
  /** The part of the last scan, whose found keys and lengths are read right after it. */
  private scanned!: Part;
  private readonly decoder = new TextDecoder();
  private readonly tokens: Tokens;
  private readonly polyphoneRules: string;
  private polyphoneModel?: PolyphoneModel;
  /** Decoded entries by part and id, frozen because they are shared between answers: the common characters recur on every page. */
  private readonly cache = new Map<number, DictEntry>();
  /** First code units of the qualifiers and cores (variants.ts), and of the cores alone: built at the first lookup. */
  private variantStarts: Set<number> | undefined;
  private coreStarts: Set<number> | undefined;

  /**
   * The whole artifact; or, with `shardCount`, the head of its shards (their meta, tokens and polyphone rules), to
   * which addShard adds the shards. Throws ArtifactError when the bytes are not an artifact of this format version.
   */
  constructor(bytes: Uint8Array | ArrayBufferLike, shardCount = 1) {
    const s = readArtifact(bytes);
    this.meta = s.meta;
    this.tokens = new Tokens(s.tokens);
    this.polyphoneRules = s.polyphones;
    this.parts = shardCount === 1 ? [this.part(s, 0)] : new Array<Part | undefined>(shardCount);
  }

  /** Adds a shard of the artifact this head came from; adding one again changes nothing. */
  addShard(bytes: Uint8Array | ArrayBufferLike): void {
    const s = readArtifact(bytes);
    const shard = s.meta.shard;
    const fits = shard && shard.count === this.parts.length && shard.count > 1 && Number.isInteger(shard.index) && shard.index >= 0 && shard.index < shard.count;
    if (!shard || !fits || s.meta.maxKeyLength !== this.meta.maxKeyLength) throw new ArtifactError('Not a shard of this dictionary');
    this.parts[shard.index] ??= this.part(s, shard.index);
  }

  private part(s: ArtifactSections, index: number): Part {
    const { keyEntries, keyLists, entryOffsets, entryData } = s;
    return { index, keys: new SortedKeys(s.keyChars, s.keyOffsets, this.meta.maxKeyLength), keyEntries, keyLists, entryOffsets, entryData };
  }

  /** The part holding the headwords that start at `pos` (which is in the text). */
  private partAt(text: string, pos: number): Part {
    const index = shardOf(text.charCodeAt(pos), this.parts.length);
    const part = this.parts[index];
    if (!part) throw new ShardMissing(index);
    return part;
  }

  private scan(text: string, pos: number): number {
    this.scanned = this.partAt(text, pos);
    return this.scanned.keys.scan(text, pos);
  }

  private scanChecked(text: string, pos: number): number {
    if (!Number.isInteger(pos) || pos < 0 || pos >= text.length) return 0;
    return this.scan(text, pos);
  }

  /** The i-th key the last scan found, shortest first. */
  private found(i: number): Key {
    return { part: this.scanned, key: this.scanned.keys.foundKeys[i] ?? 0 };
  }

  private foundLength(i: number): number {
    return this.scanned.keys.foundLengths[i] ?? 0;
  }

  /**
   * UTF-16 lengths of every dictionary or glossary word starting at `pos`, longest first. The segmenter's hot path:
   * pass `out` to reuse one array.
   */
  wordLengthsAt(text: string, pos: number, out: number[] = []): number[] {
    out.length = 0;
    for (let i = this.scanChecked(text, pos) - 1; i >= 0; i--) out.push(this.foundLength(i));
    return out;
  }

  /**
   * Every word starting at `pos`, longest first (as Zhongwen does), each with its entries: glossary first, then
   * CC-CEDICT. A transliterated name longer than any word there, or a Han character no source knows, comes back as a
   * fallback entry, so the reader is never left empty-handed. Input may be simplified or traditional.
   */
  lookup(text: string, pos = 0): LookupMatch[] {
    const found = this.scanChecked(text, pos);
    const matches: LookupMatch[] = [];
    for (let i = found - 1; i >= 0; i--) {
      const length = this.foundLength(i);
      matches.push({ text: text.slice(pos, pos + length), entries: this.entriesOf(this.found(i)) });
    }
    if (!Number.isInteger(pos) || pos < 0 || !isHanAt(text, pos)) return matches;
    // A shorter form (从严治党) goes where its length puts it, ahead of its pieces; a longer one (推动 + 高质量发展) after
    // the words at the pointer, so that the qualifier keeps its own gloss and highlight.
    const variant = this.variantAt(text, pos, matches);
    if (variant) {
      const at = variant.longer ? -1 : matches.findIndex((m) => m.text.length < variant.match.text.length);
      matches.splice(at < 0 ? matches.length : at, 0, variant.match);
    }
    const longest = matches[0]?.text.length ?? 0;
    const nameLength = foreignNameRunAt(this, text, pos);
    if (nameLength > longest) {
      const name = text.slice(pos, pos + nameLength);
      matches.unshift({ text: name, entries: [this.decompose(name)] });
    } else if (found === 0) {
      const char = text.slice(pos, pos + charLengthAt(text, pos));
      matches.push({ text: char, entries: [unknownCharEntry(char)] });
    }
    return matches;
  }

  /**
   * The glossary phrase that the text at `pos` is a shorter or longer form of (rule in variants.ts): after 0, 1, 2, …
   * leading qualifiers, a core of a phrase (从严治党 → 全面从严治党) or, once a qualifier is stripped, a glossary phrase
   * itself (推动构建人类命运共同体 → 构建人类命运共同体); the longest form wins (深化改革开放 is 深化 + 改革开放, not
   * 深化改革 of 全面深化改革 + 开放). Null when there is none or when `matches` has it already.
   */
  private variantAt(text: string, pos: number, matches: readonly LookupMatch[]): { match: LookupMatch; longer: boolean } | null {
    const { qualifiers, cores } = this.meta.variants;
    // Most text starts neither a qualifier nor a core: one set lookup answers it (the hover's read-ahead asks a lot).
    this.variantStarts ??= new Set([...qualifiers, ...Object.keys(cores)].map((s) => s.charCodeAt(0)));
    if (!this.variantStarts.has(foldCode(text.charCodeAt(pos)))) return null;
    const longestWordAt = (at: number): number => {
      for (let i = this.scan(text, at) - 1; i >= 0; i--) {
        if (!this.entriesOf(this.found(i)).some((e) => e.source === 'glossary')) return this.foundLength(i);
      }
      return 0;
    };
    let best: { end: number; entry: DictEntry; longer: boolean } | null = null;
    for (let at = pos; at < text.length; ) {
      for (const found of [this.coreAt(text, at), at > pos ? this.glossaryPhraseAt(text, at) : null]) {
        if (found && (!best || at + found.length > best.end)) best = { end: at + found.length, entry: found.entry, longer: at > pos };
      }
      const q = leadingQualifier(text.slice(at), qualifiers, () => longestWordAt(at));
      if (!q) break;
      at += q.length;
    }
    if (!best) return null;
    const match = { text: text.slice(pos, best.end), entries: [best.entry], variantOf: best.entry.simplified };
    const known = matches.some((m) => m.text === match.text && m.entries.some((e) => e.source === 'glossary' && e.simplified === match.variantOf));
    return known ? null : { match, longer: best.longer };
  }

  /** The longest core of a glossary phrase at `at`, with the phrase's entry. */
  private coreAt(text: string, at: number): { length: number; entry: DictEntry } | null {
    const { cores, maxCoreLength } = this.meta.variants;
    this.coreStarts ??= new Set(Object.keys(cores).map((core) => core.charCodeAt(0)));
    if (!this.coreStarts.has(foldCode(text.charCodeAt(at)))) return null;
    for (let length = Math.min(maxCoreLength, text.length - at); length >= MIN_CORE; length--) {
      const core = foldText(text.slice(at, at + length));
      if (!Object.hasOwn(cores, core)) continue;
      const entry = this.get(cores[core] ?? '').find((e) => e.source === 'glossary');
      if (entry) return { length, entry };
    }
    return null;
  }

  /** The longest glossary phrase of at least MIN_CORE characters at `at`. */
  private glossaryPhraseAt(text: string, at: number): { length: number; entry: DictEntry } | null {
    for (let i = this.scan(text, at) - 1; i >= 0; i--) {
      const length = this.foundLength(i);
      if (length < MIN_CORE) return null;
      const entry = this.entriesOf(this.found(i)).find((e) => e.source === 'glossary');
      if (entry) return { length, entry };
    }
    return null;
  }

  /** The polyphone model compiled into the artifact, parsed on first use (only annotation needs it, not lookups). */
  get polyphones(): PolyphoneModel {
    this.polyphoneModel ??= new PolyphoneModel(this.polyphoneRules);
    return this.polyphoneModel;
  }

  /** Entries of an exact headword (simplified or traditional), glossary first. */
  get(word: string): DictEntry[] {
    const key = this.keyOf(word);
    return key ? this.entriesOf(key) : [];
  }

  has(word: string): boolean {
    return this.keyOf(word) !== null;
  }

  /** HSK 3.0 level of a word (1–6; 7 for the 7–9 band), by simplified or traditional form. */
  hskLevel(word: string): number | undefined {
    let level: number | undefined;
    for (const e of this.get(word)) if (e.hsk && (level === undefined || e.hsk < level)) level = e.hsk;
    if (level !== undefined || typeof word !== 'string') return level;
    const form = foldText(word);
    // Own keys only: a word like "constructor" must not reach Object.prototype.
    return Object.hasOwn(this.meta.hskWithoutEntry, form) ? this.meta.hskWithoutEntry[form] : undefined;
  }

  /**
   * A fallback entry for text that no source has as one word: the longest known parts, left to right
   * (命运共同体 → 命运 + 共同体), flagged `foreignName` when it reads as a transliterated name (托卡耶夫).
   */
  decompose(text: string): DictEntry {
    return decomposeText(this, text);
  }

  /** Every entry once, in artifact order, decoded afresh (not cached): for build-time indexes over the whole artifact. */
  *entries(): Generator<DictEntry> {
    const [whole] = this.parts;
    if (this.parts.length !== 1 || !whole) throw new Error('entries() reads the whole artifact, not its shards');
    for (let id = 0; id + 1 < whole.entryOffsets.length; id++) yield this.decodeEntry(whole, id);
  }

  private keyOf(word: string): Key | null {
    if (typeof word !== 'string' || word.length === 0) return null;
    const part = this.partAt(word, 0);
    const key = part.keys.indexOf(word);
    return key < 0 ? null : { part, key };
  }

  private entriesOf({ part, key }: Key): DictEntry[] {
    const value = part.keyEntries[key] ?? 0;
    if (value < LIST_FLAG) return [this.entry(part, value)];
    const at = value - LIST_FLAG;
    const entries: DictEntry[] = [];
    for (let i = at + 1, end = at + 1 + (part.keyLists[at] ?? 0); i < end; i++) entries.push(this.entry(part, part.keyLists[i] ?? 0));
    return entries;
  }

  private decode = (bytes: Uint8Array): string => this.decoder.decode(bytes);

  private decodeEntry(part: Part, id: number): DictEntry {
    return decodeEntry(part.entryData, part.entryOffsets[id] ?? 0, part.entryOffsets[id + 1] ?? 0, (key) => part.keys.text(key), this.decode, this.tokens);
  }

  private entry(part: Part, id: number): DictEntry {
    const at = part.index * ENTRY_IDS + id;
    let entry = this.cache.get(at);
    if (!entry) {
      entry = deepFreeze(this.decodeEntry(part, id));
      if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
      this.cache.set(at, entry);
    }
    return entry;
  }
}

const CACHE_ENTRIES = 4096;
/** Above any part's entry count (about 120,000 in the whole artifact): part index and entry id make one cache key. */
const ENTRY_IDS = 2 ** 22;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
