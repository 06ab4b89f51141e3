/**
 * The reader's corrections of segmentation and pinyin, applied to what the engine gives: a join makes a span one word
 * wherever it occurs, a split cuts a word into the pieces the reader chose, a reading replaces a word's syllables.
 * A correction is kept under the word's simplified form and its traditional twin, and applies to text in either.
 * Pure: the service worker builds one set per site from the store and hands it to annotation and lookups.
 */
import { segment, type SegmentModel, type Token } from './segment';
import type { DictEntry, LookupMatch } from './types';

export const CORRECTION_KINDS = ['join', 'split', 'reading'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** What the engine needs of a correction. */
export interface CorrectionRule {
  kind: CorrectionKind;
  /** The word in simplified characters: Han characters only. */
  text: string;
  /** Its traditional twin (the text itself where the scripts agree). */
  traditional: string;
  /** For a split: the UTF-16 lengths of the pieces, in order, adding up to the text's length. */
  pieces?: number[];
  /** For a reading: numbered syllables, one per character, separated by spaces ("xing2", "zhong4 yao4"). */
  reading?: string;
}

/** A join or split found in a text: the span it covers and the rule. */
interface Cut {
  start: number;
  end: number;
  rule: CorrectionRule;
}

/** Which corrections change where words end: a join and a split of the same word cannot both hold. */
export const cutsWords = (kind: CorrectionKind): boolean => kind !== 'reading';

/** The written forms a rule applies to: simplified and, when it differs, traditional. */
const formsOf = (rule: CorrectionRule): string[] => (rule.traditional && rule.traditional !== rule.text ? [rule.text, rule.traditional] : [rule.text]);

export class Corrections {
  /** Joins and splits by the first UTF-16 unit of each form, longest form first. */
  private readonly cutsByStart = new Map<number, { form: string; rule: CorrectionRule }[]>();
  /** Which UTF-16 units start a join or split: most characters of a text start none, and this answers them fastest. */
  private readonly starts = new Uint8Array(0x10000);
  /** Readings by form. */
  private readonly readings = new Map<string, string[]>();

  /** Later rules win over earlier ones of the same word and family: a site's own after the all-pages ones. */
  constructor(rules: readonly CorrectionRule[] = []) {
    const cuts = new Map<string, CorrectionRule>();
    for (const rule of rules) {
      for (const form of formsOf(rule)) {
        if (rule.kind === 'reading') {
          if (rule.reading) this.readings.set(form, rule.reading.split(' '));
        } else cuts.set(form, rule);
      }
    }
    for (const [form, rule] of cuts) {
      const code = form.charCodeAt(0);
      const list = this.cutsByStart.get(code) ?? [];
      list.push({ form, rule });
      list.sort((a, b) => b.form.length - a.form.length);
      this.cutsByStart.set(code, list);
      this.starts[code] = 1;
    }
  }

  get empty(): boolean {
    return this.cutsByStart.size === 0 && this.readings.size === 0;
  }

  /** The joins and splits that hold in `text`: left to right, the longest at each place, none overlapping. */
  cutsIn(text: string): Cut[] {
    const found: Cut[] = [];
    if (this.cutsByStart.size === 0) return found;
    for (let i = 0; i < text.length; i++) {
      const at = this.cutAt(text, i);
      if (!at) continue;
      found.push({ start: i, end: i + at.form.length, rule: at.rule });
      i += at.form.length - 1;
    }
    return found;
  }

  /** The join or split whose form starts at `pos`, longest first. */
  cutAt(text: string, pos: number): { form: string; rule: CorrectionRule } | undefined {
    const code = text.charCodeAt(pos);
    if (this.starts[code] !== 1) return undefined;
    for (const cut of this.cutsByStart.get(code) ?? []) if (text.startsWith(cut.form, pos)) return cut;
    return undefined;
  }

  /** The reader's syllables for a word as written (either script), numbered. */
  readingOf(word: string): readonly string[] | undefined {
    return this.readings.get(word);
  }

  /**
   * `segment` with the joins and splits: each span a correction covers becomes the word or the pieces the reader
   * chose, and the text between spans is cut as usual. Without a span in the text this is `segment` itself.
   */
  segment(text: string, model: SegmentModel): Token[] {
    const cuts = this.cutsIn(text);
    if (cuts.length === 0) return segment(text, model);
    const out: Token[] = [];
    const plain = (from: number, to: number) => {
      if (to > from) for (const t of segment(text.slice(from, to), model)) out.push({ ...t, start: t.start + from, end: t.end + from });
    };
    let pos = 0;
    for (const { start, end, rule } of cuts) {
      plain(pos, start);
      let at = start;
      for (const length of rule.kind === 'split' ? (rule.pieces ?? [end - start]) : [end - start]) {
        out.push({ start: at, end: at + length, kind: 'han', known: true });
        at += length;
      }
      pos = end;
    }
    plain(pos, text.length);
    return out;
  }

  /**
   * Lookup matches at `pos` as the reader corrected them: a split word is not offered (its first piece is), a joined
   * one is, first, as the decomposition of its parts; a corrected reading comes first in its entries. `decompose`
   * gives a fallback entry for text the dictionary lacks (Dictionary.decompose).
   */
  correctMatches(text: string, pos: number, matches: LookupMatch[], decompose: (text: string) => DictEntry): LookupMatch[] {
    if (this.empty) return matches;
    let out = matches;
    const cut = this.cutAt(text, pos);
    if (cut?.rule.kind === 'split') out = out.filter((m) => m.text !== cut.form);
    else if (cut?.rule.kind === 'join' && !out.some((m) => m.text === cut.form)) {
      const entry = { ...decompose(cut.form), simplified: cut.rule.text, traditional: cut.rule.traditional };
      delete entry.foreignName;
      out = [{ text: cut.form, entries: [entry], corrected: 'join' }, ...out];
    } else if (cut?.rule.kind === 'join') {
      out = [...out].sort((a, b) => Number(b.text === cut.form) - Number(a.text === cut.form));
      out = out.map((m) => (m.text === cut.form ? { ...m, corrected: 'join' } : m));
    }
    if (this.readings.size === 0) return out;
    return out.map((m) => {
      const syllables = this.readings.get(m.text);
      return syllables ? { ...m, entries: withReadingFirst(m.entries, syllables.join(' ')), corrected: 'reading' } : m;
    });
  }
}

const sameReading = (pinyin: string, numbered: string) => pinyin.toLowerCase().replace(/u:/g, 'ü') === numbered;

/**
 * The entries with the reader's reading first: the entry that has it before the others, and within it that reading
 * before the rest. An entry lacking it (a joined word's decomposition) is given it as its first reading.
 */
function withReadingFirst(entries: readonly DictEntry[], numbered: string): DictEntry[] {
  const has = (e: DictEntry) => e.readings.some((r) => sameReading(r.pinyin, numbered));
  const ordered = [...entries].sort((a, b) => Number(has(b)) - Number(has(a)));
  return ordered.map((entry, i) => {
    if (has(entry)) return { ...entry, readings: [...entry.readings].sort((a, b) => Number(sameReading(b.pinyin, numbered)) - Number(sameReading(a.pinyin, numbered))) };
    if (i > 0) return entry;
    return { ...entry, readings: [{ pinyin: numbered, definitions: [], classifiers: [] }, ...entry.readings] };
  });
}
