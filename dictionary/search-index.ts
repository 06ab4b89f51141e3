/**
 * Looking words up without a page: by pinyin (mingyun, ming4yun4, mìngyùn) or by English, over every entry of the
 * dictionary. The card's lookup goes from text to entries; this goes the other way, so it needs its own index,
 * compiled at build time from the artifact's own entries (so the two always agree) and loaded only when the reader
 * first searches.
 *
 * The index is text: a version line, the pinyin syllables the readings use, then two sections split by a line "--":
 * - readings, sorted by their toneless key: `key \t tones \t word \t rank` (mingyun, 44, 命运; rank: lower first);
 * - English words, sorted: `word \t postings`, a posting being a reading's line number times four plus how well the
 *   word defines it: 2 where it is a whole definition (社区 is "community"), 1 where a definition starts with it
 *   (峰会 is "summit meeting"), 0 elsewhere; delta-coded in base 36.
 * Loading splits lines and nothing more; a query decodes only the postings of its own words.
 */
import type { DictEntry } from './types';

const SEARCH_INDEX_VERSION = 'yuedu-search 1';

/** Words that say nothing on their own in a definition or a query. */
const STOPWORDS = new Set(['an', 'the', 'to', 'of', 'in', 'on', 'at', 'for', 'and', 'or', 'by', 'as', 'is', 'be', 'with',
  'from', 'sb', 'sth', 'one', 'etc', 'lit', 'fig', 'also', 'used', 'abbr', 'esp', 'see', 'idiom', 'literary', 'tw']);

/**
 * The words of a definition or a query that say something: parentheses and brackets (usage notes, pinyin) left out,
 * single letters and tokens with digits too.
 */
const englishWords = (text: string): string[] =>
  (text.toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').match(/[a-z][a-z0-9]*/g) ?? []).filter(
    (w) => w.length > 1 && !/[0-9]/.test(w) && !STOPWORDS.has(w),
  );

/** CC-CEDICT writes ü as u:, readers type v (or ü, folded to v before this). */
const toneless = (pinyin: string): string => pinyin.toLowerCase().replace(/u:/g, 'v').replace(/[^a-z]/g, '');
/** The tones of a numbered reading, one digit a syllable (ming4 yun4 → 44). */
const tonesOf = (pinyin: string): string => pinyin.replace(/[^1-5]/g, '');

export interface RankedEntry {
  entry: DictEntry;
  /** Lower is shown first among equal matches: common, on the HSK list, in the glossary. */
  rank: number;
}

export function compileSearchIndex(entries: Iterable<RankedEntry>): string {
  const readings: { key: string; line: string; rank: number; definitions: string[] }[] = [];
  const syllables = new Set<string>();
  for (const { entry, rank } of entries) {
    for (const reading of entry.readings) {
      // Variant-only readings ("variant of 個") would crowd the real words out of every result list.
      if (reading.definitions.every((d) => /^(old )?variant of /.test(d))) continue;
      const key = toneless(reading.pinyin);
      if (!key) continue;
      for (const syllable of reading.pinyin.split(' ')) syllables.add(toneless(syllable));
      readings.push({
        key,
        line: `${key}\t${tonesOf(reading.pinyin)}\t${entry.simplified}\t${rank}`,
        rank,
        definitions: entry.glossary ? [entry.glossary.english, ...reading.definitions] : reading.definitions,
      });
    }
  }
  readings.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.rank - b.rank || (a.line < b.line ? -1 : 1)));
  const postings = new Map<string, number[]>();
  readings.forEach((r, id) => {
    const fit = new Map<string, number>();
    for (const definition of r.definitions) {
      const found = englishWords(definition);
      found.forEach((w, i) => fit.set(w, Math.max(fit.get(w) ?? 0, i > 0 ? 0 : found.length === 1 ? 2 : 1)));
    }
    for (const [w, how] of fit) {
      const list = postings.get(w) ?? [];
      list.push(id * 4 + how);
      postings.set(w, list);
    }
  });
  const english = [...postings.keys()].sort().map((word) => {
    let previous = 0;
    const deltas = (postings.get(word) ?? []).map((posting) => {
      const delta = posting - previous;
      previous = posting;
      return delta.toString(36);
    });
    return `${word}\t${deltas.join(',')}`;
  });
  const syllableLine = [...syllables].filter(Boolean).sort().join(' ');
  return [SEARCH_INDEX_VERSION, syllableLine, ...readings.map((r) => r.line), '--', ...english].join('\n');
}

interface Posting {
  id: number;
  /** 2: a whole definition; 1: a definition starts with the word; 0: elsewhere in one. */
  fit: number;
}

function decodePostings(coded: string): Posting[] {
  let posting = 0;
  return coded.split(',').map((delta) => {
    posting += parseInt(delta, 36);
    return { id: posting >> 2, fit: posting & 3 };
  });
}

/** How much a good fit of the English outweighs frequency: a whole definition beats a word about 50x more common. */
const FIT_WEIGHT = 40;

/** Tone marks as the tone's number after the vowel's plain letter: mìngyùn → min4gyu4n (only the order of tones counts). */
const MARKS: Record<string, [string, number]> = {};
for (const [plain, marked] of [['a', 'āáǎà'], ['e', 'ēéěè'], ['i', 'īíǐì'], ['o', 'ōóǒò'], ['u', 'ūúǔù'], ['v', 'ǖǘǚǜ']] as const) {
  [...marked].forEach((m, i) => (MARKS[m] = [plain, i + 1]));
}

interface PinyinQuery {
  key: string;
  /** The tones given, in order (tone marks or numbers); empty when none were. */
  tones: string;
}

export class SearchIndex {
  private readonly keys: string[] = [];
  private readonly tones: string[] = [];
  private readonly words: string[] = [];
  private readonly ranks: number[] = [];
  private readonly englishKeys: string[] = [];
  private readonly englishPostings: string[] = [];
  private readonly syllables: Set<string>;

  /** The index as shipped (gzipped), inflated with the platform's own DecompressionStream. */
  static async fromGzip(bytes: BufferSource): Promise<SearchIndex> {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new SearchIndex(await new Response(stream).text());
  }

  /** Throws when the text is not an index of this version. */
  constructor(text: string) {
    const lines = text.split('\n');
    if (lines[0] !== SEARCH_INDEX_VERSION) throw new Error(`not a search index of version "${SEARCH_INDEX_VERSION}"`);
    this.syllables = new Set((lines[1] ?? '').split(' '));
    let english = false;
    for (let i = 2; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line === '--') {
        english = true;
        continue;
      }
      const [a = '', b = '', c = '', d = ''] = line.split('\t');
      if (english) {
        this.englishKeys.push(a);
        this.englishPostings.push(b);
      } else {
        this.keys.push(a);
        this.tones.push(b);
        this.words.push(c);
        this.ranks.push(Number(d));
      }
    }
  }

  /**
   * Simplified headwords for a pinyin or English query, most useful first, without repeats: words whose whole reading
   * the pinyin is, then words an English query is a whole definition of, then words the pinyin starts, then the other
   * words whose definitions hold every word of the query. Toneless pinyin may also be English (long, man, fate): both
   * are offered. Han text is the dictionary's own lookup, not this index's: it answers nothing here.
   */
  search(query: string, limit = 30): string[] {
    const text = query.normalize('NFC').trim().slice(0, 100);
    if (!text || /\p{Script=Han}/u.test(text)) return [];
    const hits: string[] = [];
    const take = (found: number[]): void => {
      for (const id of found) {
        if (hits.length >= limit) return;
        const word = this.words[id] ?? '';
        if (!hits.includes(word)) hits.push(word);
      }
    };
    const pinyin = this.parsePinyin(text);
    const exact: number[] = [];
    const longer: number[] = [];
    if (pinyin) {
      const [from, to] = this.prefixRange(this.keys, pinyin.key);
      for (let id = from; id < to; id++) {
        if (pinyin.tones && !tonesFit(pinyin.tones, this.tones[id] ?? '')) continue;
        (this.keys[id] === pinyin.key ? exact : longer).push(id);
      }
    }
    // Pinyin with tones is not English.
    const english = pinyin?.tones ? [] : this.allWords(text);
    english.sort((a, b) => (this.ranks[a.id] ?? 0) - FIT_WEIGHT * a.fit - ((this.ranks[b.id] ?? 0) - FIT_WEIGHT * b.fit));
    take(this.byRank(exact));
    take(english.filter((p) => p.fit > 0).map((p) => p.id));
    take(this.byRank(longer).slice(0, limit));
    take(english.map((p) => p.id));
    return hits;
  }

  private byRank(ids: number[]): number[] {
    return ids.sort((a, b) => (this.ranks[a] ?? 0) - (this.ranks[b] ?? 0) || (this.words[a] ?? '').length - (this.words[b] ?? '').length);
  }

  /** The query as pinyin: letters that split into syllables the dictionary has, with the tones given; else null. */
  private parsePinyin(text: string): PinyinQuery | null {
    let letters = '';
    let tones = '';
    for (const char of text.toLowerCase().replace(/u:|ü/g, 'v').normalize('NFC')) {
      const marked = MARKS[char];
      if (marked) {
        letters += marked[0];
        tones += marked[1];
      } else if (/[a-z]/.test(char)) letters += char;
      else if (/[1-5]/.test(char)) tones += char;
      else if (!/[\s'’-]/.test(char)) return null;
    }
    if (!letters || !this.splitsIntoSyllables(letters)) return null;
    return { key: letters, tones };
  }

  /** Whether the letters are whole syllables, or whole syllables and the start of one (a reader still typing). */
  private splitsIntoSyllables(letters: string): boolean {
    const reachable = new Array<boolean>(letters.length + 1).fill(false);
    reachable[0] = true;
    for (let i = 0; i < letters.length; i++) {
      if (!reachable[i]) continue;
      for (let j = i + 1; j <= Math.min(letters.length, i + 6); j++) if (this.syllables.has(letters.slice(i, j))) reachable[j] = true;
    }
    return reachable[letters.length] === true;
  }

  /**
   * Readings whose definitions hold every word of the query, the last of which may be unfinished (communi…), with how
   * well the query fits: a one-word query keeps its fit; more words, or an unfinished one, say less.
   */
  private allWords(text: string): Posting[] {
    const words = englishWords(text);
    const last = words.pop();
    if (last === undefined) return [];
    let found: Set<number> | null = null;
    for (const word of words) {
      const at = binarySearch(this.englishKeys, word);
      const ids = this.englishKeys[at] === word ? decodePostings(this.englishPostings[at] ?? '').map((p) => p.id) : [];
      found = found === null ? new Set(ids) : new Set(ids.filter((id) => found?.has(id)));
      if (found.size === 0) return [];
    }
    const [from, to] = this.prefixRange(this.englishKeys, last);
    const matches: Posting[] = [];
    // The words the unfinished one may become, the exact word first; a handful is enough to fill a result list.
    for (let at = from; at < Math.min(to, from + 16); at++) {
      const exact = this.englishKeys[at] === last && found === null;
      for (const p of decodePostings(this.englishPostings[at] ?? '')) {
        if (found === null || found.has(p.id)) matches.push(exact ? p : { id: p.id, fit: Math.min(p.fit, 1) });
      }
    }
    return matches;
  }

  private prefixRange(keys: string[], prefix: string): [number, number] {
    const from = binarySearch(keys, prefix);
    let lo = from;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] ?? '').startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }
}

/** First index whose key is >= the target. */
function binarySearch(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? '') < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the tones a reader gave fit a reading's: all of them in order when every syllable has one (ming4yun4), or
 * the ones given as the leading ones (ming4yun); a neutral 5 is also matched by a syllable typed without a tone.
 */
function tonesFit(given: string, reading: string): boolean {
  if (given.length > reading.length) return false;
  return reading.startsWith(given) || reading.replace(/5/g, '').startsWith(given);
}
