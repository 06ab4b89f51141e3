/**
 * A per-character model of polyphones (的 de5/di2/di4, 为 wei2/wei4, 塞 sai1/sai4/se4 …): for each modelled character an
 * ordered decision list of rules "when this feature of the context holds, read it so". The first rule that matches
 * decides; when none does, the character is left to the dictionary and pinyin-pro as before. Learned from the CPP
 * polyphone set (kakaobrain/g2pM, Apache-2.0) by scripts/train-polyphones.ts; compiled into the dictionary artifact.
 *
 * Serialised as text, one line per character: the character, then its rules in order, tab-separated, each rule
 * `<feature> <syllable>` (`R确 di2`: the next character is 确). Features, over the neighbouring Han characters
 * (`#` where there is none: a mark, a space or the text's edge) and the word the segmenter cut:
 *   A          always (the character's usual reading when nothing more specific decides)
 *   L<c> R<c>  the character before / after
 *   P<cc> N<cc> the two characters before / after
 *   B<c>_<c>   the characters before and after
 *   W<word>    the word holding the character, when it is longer than the character
 */
import { charLengthAt, isHanAt } from './chars';

export interface PolyphoneRule {
  feature: string;
  syllable: string;
}

/** Where a character stands: `text[index]` inside the word text[wordStart, wordEnd). */
export interface PolyphoneSite {
  text: string;
  index: number;
  wordStart: number;
  wordEnd: number;
}

const NONE = '#';

function hanBefore(text: string, index: number): string {
  if (index <= 0) return NONE;
  const at = index >= 2 && charLengthAt(text, index - 2) === 2 ? index - 2 : index - 1;
  return isHanAt(text, at) ? text.slice(at, index) : NONE;
}

function hanAt(text: string, index: number): string {
  return index < text.length && isHanAt(text, index) ? text.slice(index, index + charLengthAt(text, index)) : NONE;
}

/** Every feature of a site, in the notation of the rules. */
export function siteFeatures({ text, index, wordStart, wordEnd }: PolyphoneSite): string[] {
  const own = charLengthAt(text, index);
  const l1 = hanBefore(text, index);
  const l2 = l1 === NONE ? NONE : hanBefore(text, index - l1.length);
  const r1 = hanAt(text, index + own);
  const r2 = r1 === NONE ? NONE : hanAt(text, index + own + r1.length);
  const features = ['A', `L${l1}`, `R${r1}`, `P${l2}${l1}`, `N${r1}${r2}`, `B${l1}_${r1}`];
  if (wordEnd - wordStart > own) features.push(`W${text.slice(wordStart, wordEnd)}`);
  return features;
}

export class PolyphoneModel {
  private readonly rules = new Map<string, PolyphoneRule[]>();
  /** A bit per UTF-16 code unit that starts a modelled character: annotation asks at every character. */
  private readonly firstUnits = new Uint8Array(0x10000 / 8);

  /** Throws on a line that is not a character followed by rules. */
  constructor(serialised: string) {
    for (const line of serialised.split('\n')) {
      if (!line) continue;
      const [char = '', ...fields] = line.split('\t');
      const rules = fields.map((field) => {
        const space = field.lastIndexOf(' ');
        if (space <= 0) throw new Error(`Polyphone model: bad rule "${field}" for ${char}`);
        return { feature: field.slice(0, space), syllable: field.slice(space + 1) };
      });
      if (!char || rules.length === 0) throw new Error(`Polyphone model: bad line "${line}"`);
      this.rules.set(char, rules);
      const code = char.charCodeAt(0);
      this.firstUnits[code >>> 3] = (this.firstUnits[code >>> 3] ?? 0) | (1 << (code & 7));
    }
  }

  get size(): number {
    return this.rules.size;
  }

  /** True when the model has rules for the character at text[index]: only then can predict() answer there. */
  coversAt(text: string, index: number): boolean {
    const code = text.charCodeAt(index);
    return (this.firstUnits[code >>> 3] ?? 0) & (1 << (code & 7)) ? this.rules.has(text.slice(index, index + charLengthAt(text, index))) : false;
  }

  /** The reading (numbered syllable) the first matching rule gives, or undefined when no rule matches. */
  predict(site: PolyphoneSite): string | undefined {
    const char = site.text.slice(site.index, site.index + charLengthAt(site.text, site.index));
    const rules = this.rules.get(char);
    if (!rules) return undefined;
    const features = new Set(siteFeatures(site));
    for (const rule of rules) if (features.has(rule.feature)) return rule.syllable;
    return undefined;
  }
}

/**
 * A rule must read right at least this share of the examples it claims. CPP has some twenty sentences per character,
 * not sampled as news uses them: a rule that is right on three quarters of them (为 read wei2 everywhere) gains there
 * and is wrong on a news page (为两国 wei4). Only near-unanimous contexts generalise.
 */
const MIN_PRECISION = 0.9;

/** A training example: a site, its gold reading, and what annotation reads there without the model. */
export interface PolyphoneExample {
  site: PolyphoneSite;
  gold: string;
  base: string | undefined;
}

/**
 * Learns one decision list per character, greedily: of all rules (a feature of some example and a reading), take the
 * one that fixes the most examples the base reads wrong, less those it breaks that the base reads right, among the
 * examples no earlier rule has claimed; it claims the examples it matches. Stops when no rule gains `minGain`.
 * Rules are learned over the residual of the base, so a character the base already reads right gets none.
 */
export function trainPolyphones(examples: readonly PolyphoneExample[], minGain = 2): string {
  const byChar = new Map<string, { features: Set<string>; gold: string; base: string | undefined }[]>();
  for (const { site, gold, base } of examples) {
    const char = site.text.slice(site.index, site.index + charLengthAt(site.text, site.index));
    const list = byChar.get(char) ?? [];
    list.push({ features: new Set(siteFeatures(site)), gold, base });
    byChar.set(char, list);
  }
  const lines: string[] = [];
  for (const [char, list] of [...byChar].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const rules: string[] = [];
    let open = list;
    for (;;) {
      const gains = new Map<string, { gain: number; wrong: number; matched: number }>();
      const readings = new Set(open.map((e) => e.gold));
      for (const example of open) {
        for (const feature of example.features) {
          for (const reading of readings) {
            const key = `${feature} ${reading}`;
            const g = gains.get(key) ?? { gain: 0, wrong: 0, matched: 0 };
            g.matched++;
            if (example.gold === reading && example.base !== reading) g.gain++;
            else if (example.gold !== reading && example.base === example.gold) g.gain--;
            if (example.gold !== reading) g.wrong++;
            gains.set(key, g);
          }
        }
      }
      let best: string | undefined;
      let bestGain = { gain: minGain - 1, wrong: Infinity, matched: 0 };
      const better = (g: { gain: number; wrong: number }) => {
        // Exceptions before defaults: a rule that reads every example it matches right goes first, so that a broad
        // rule learned later does not hide it. Then the larger gain, then fewer errors, then the feature listed first.
        const pure = g.wrong === 0;
        const bestPure = bestGain.wrong === 0;
        if (pure !== bestPure) return pure;
        return g.gain > bestGain.gain || (g.gain === bestGain.gain && g.wrong < bestGain.wrong);
      };
      for (const [key, g] of gains) {
        if (g.gain < minGain || g.wrong > (1 - MIN_PRECISION) * g.matched) continue;
        if (better(g)) {
          best = key;
          bestGain = g;
        }
      }
      if (!best) break;
      rules.push(best);
      const feature = best.slice(0, best.lastIndexOf(' '));
      open = open.filter((e) => !e.features.has(feature));
    }
    if (rules.length) lines.push([char, ...rules].join('\t'));
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
