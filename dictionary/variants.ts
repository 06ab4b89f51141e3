/**
 * Shorter and longer forms of glossary phrases. Official formulations come with or without a leading qualifier
 * (全面从严治党 / 从严治党 / 坚持全面从严治党; 人类命运共同体 / 推动构建人类命运共同体), and the glossary has each in
 * one form only. Rule: strip leading qualifiers; two texts with the same stripped core are forms of one phrase.
 * The compiler indexes each glossary phrase's cores (compileVariantIndex); the engine strips qualifiers from the
 * hovered text and looks for a glossary phrase or a core right after them (see Dictionary.variantAt).
 */
import { foldText } from './chars';

/**
 * Verbs and adverbs that lead official formulations without changing what they name. Nouns and adjectives that do
 * change it (高质量发展 is not 发展) are not here.
 */
const QUALIFIERS: readonly string[] = [
  '全面', '坚持', '推动', '推进', '加快', '深入', '构建', '建设', '加强', '深化', '完善', '健全', '落实', '贯彻',
  '实施', '坚定', '不断', '持续', '积极', '大力', '着力', '扎实', '稳步', '统筹', '促进', '践行', '弘扬', '维护',
  '巩固', '拓展', '打造', '进一步', '更好', '努力', '全力', '切实', '始终', '牢固树立', '树立', '携手',
];

/**
 * A core shorter than this is an ordinary word (改革 in 全面深化改革, 发展), not a form of the phrase; a glossary phrase
 * shorter than this after a qualifier (推进 + 两会) is a verb and its object, not a longer form.
 */
export const MIN_CORE = 3;

/** A qualifier joined to the next verb (坚持和发展…) is one of two coordinated verbs, not a qualifier to strip. */
const CONJUNCTIONS = '和与及并';

export interface VariantIndex {
  /** The qualifiers in every script the dictionary knows them in, folded (chars.ts), longest first. */
  qualifiers: string[];
  /** Folded core (simplified and traditional) → the simplified headword of the glossary phrase it is a form of. */
  cores: Record<string, string>;
  /** Longest core in UTF-16 units. */
  maxCoreLength: number;
}

/**
 * The qualifier at the start of `text` (longest first), or '' when there is none or when it is only the start of a
 * longer word (建设 in 建设性作用): `longestWordAt` gives the length of the longest word starting at 0 that is not the
 * phrase being stripped.
 */
export function leadingQualifier(text: string, qualifiers: readonly string[], longestWordAt: (text: string) => number): string {
  const q = qualifiers.find((candidate) => text.startsWith(candidate)) ?? '';
  return q && longestWordAt(text) <= q.length ? q : '';
}

interface Phrase {
  simplified: string;
  traditional: string;
}

/** True when `prefix` is nothing but qualifiers (or empty). */
function onlyQualifiers(prefix: string): boolean {
  for (let q = leadingQualifier(prefix, QUALIFIERS, () => 0); q; q = leadingQualifier(prefix, QUALIFIERS, () => 0)) prefix = prefix.slice(q.length);
  return prefix === '';
}

/**
 * A core that another glossary phrase has behind a modifier that is not a qualifier is the head those phrases share,
 * not a form of one of them: 合作伙伴关系 ends 全面合作伙伴关系 but also 战略合作伙伴关系.
 */
function isGenericHead(core: string, phrases: readonly Phrase[]): boolean {
  return phrases.some((p) => p.simplified.length > core.length && p.simplified.endsWith(core) && !onlyQualifiers(p.simplified.slice(0, -core.length)));
}

/**
 * Every core of every phrase: the phrase after one, two, … leading qualifiers, in both scripts (the glossary aligns
 * them character by character). A core that is itself a glossary headword is that headword's, not a form of another;
 * a core shared by two phrases belongs to the shorter one (the fewer qualifiers stripped, the closer the form).
 * `traditionalOf` gives the traditional forms of a qualifier, so that traditional text is stripped alike.
 */
export function compileVariantIndex(
  phrases: readonly Phrase[],
  traditionalOf: (qualifier: string) => string[],
  isWord: (text: string) => boolean,
): VariantIndex {
  const qualifiers = [...new Set(QUALIFIERS.flatMap((q) => [q, ...traditionalOf(q)]).map(foldText))].sort((a, b) => b.length - a.length);
  const headwords = new Set(phrases.flatMap((p) => [foldText(p.simplified), foldText(p.traditional)]));
  const cores: Record<string, string> = {};
  const ordered = [...phrases].sort((a, b) => a.simplified.length - b.simplified.length || (a.simplified < b.simplified ? -1 : 1));
  let maxCoreLength = 0;
  for (const phrase of ordered) {
    let simplified = foldText(phrase.simplified);
    let traditional = foldText(phrase.traditional);
    const longestWordAt = (text: string): number => {
      for (let length = text.length - 1; length > 1; length--) if (isWord(text.slice(0, length))) return length;
      return 0;
    };
    for (let q = leadingQualifier(simplified, QUALIFIERS, longestWordAt); q; q = leadingQualifier(simplified, QUALIFIERS, longestWordAt)) {
      simplified = simplified.slice(q.length);
      traditional = traditional.slice(q.length);
      if (simplified.length < MIN_CORE) break;
      if (isGenericHead(simplified, phrases) || CONJUNCTIONS.includes(simplified[0] ?? '')) break;
      for (const core of new Set([simplified, traditional])) {
        if (headwords.has(core) || Object.hasOwn(cores, core)) continue;
        cores[core] = phrase.simplified;
        maxCoreLength = Math.max(maxCoreLength, core.length);
      }
    }
  }
  return { qualifiers, cores, maxCoreLength };
}
