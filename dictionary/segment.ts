/**
 * Segmentation of running text into words.
 *
 * The text is first cut into runs by script: Han, alphanumeric (Latin letters, digits, full-width forms), spaces and
 * single punctuation marks. Numbers absorb the Han units and date parts that follow them (１９９８年, ２０多个, １７％, 5月12日) and
 * alphanumerics stay whole (3D, ＩＳＯ９０００), as in the usual news segmentation standards.
 * Each Han run is then cut by maximum probability: of all the ways to write the run as a sequence of known words,
 * the one whose word probabilities (a unigram model from word frequencies) multiply to the most. Words of the
 * lexicon (CC-CEDICT and the news glossary) that the frequency list lacks take part at a low probability, and so do
 * spelled-out numbers (一九九七年, 二十五).
 */
import { charLengthAt, HAN, isTransliterationChar, shortTextKey } from './chars';
import type { WordFrequencies } from './word-frequencies';

/** What segmentation needs of the dictionary: the engine's Dictionary satisfies it. */
export interface Lexicon {
  /** UTF-16 lengths of every dictionary or glossary word that starts at `pos`. */
  wordLengthsAt(text: string, pos: number, out?: number[]): number[];
}

type TokenKind = 'han' | 'number' | 'alnum' | 'space' | 'punct';

export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** For Han: the word is in the frequency list or the lexicon (not a lone unknown character or a guessed name). */
  known: boolean;
}

export interface SegmentModel {
  frequencies: WordFrequencies;
  lexicon?: Lexicon;
  /**
   * Lexicon words the reader should meet whole (the news glossary: 中哈, 中吉乌铁路): they win over the frequency
   * list's cuts. Asked only of lexicon words that the frequency list lacks.
   */
  preferred?: (word: string) => boolean;
  /**
   * The simplified form of a traditional lexicon word (貿易 → 贸易): the frequency list is in simplified characters,
   * so a traditional text takes its words' simplified frequencies. Asked only of words the frequency list lacks.
   */
  simplified?: (word: string) => string | undefined;
}

const DIGIT = /[0-9０-９]/;
const ALNUM = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
/** Joins the digits of one number: 3.5, ２．５, 1,000. */
const NUMBER_JOINER = /[.．,，·]/;
/** Joins letters and digits of one alphanumeric word: COVID-19, don't. */
const ALNUM_JOINER = /[-－'’_]/;
const PERCENT = /[%％‰]/;
const APPROXIMATELY = '多余几';
const MAGNITUDES = '十百千万亿';
/** Measure words and units that a written number takes as one word (１９９８年, ２０万元, ８个). */
const UNITS = [
  '平方公里', '平方米', '立方米', '公里', '公斤', '千米', '千克', '美元', '欧元', '英镑', '日元', '港元', '人民币',
  '小时', '分钟', '世纪', '周年', '年代', '个月', '年', '月', '日', '号', '时', '点', '分', '秒', '天', '周', '岁', '元',
  '倍', '次', '名', '位', '家', '件', '项', '条', '种', '辆', '艘', '架', '座', '所', '届', '层', '米', '吨', '斤', '亩', '度',
  '册', '本', '部', '篇', '期', '份', '股', '批', '场', '台', '个', '人', '户', '克', '轮', '票', '例', '只', '块', '张', '套',
  '栋', '间',
];
const HAN_NUMERALS = '〇零一二三四五六七八九十百千万亿两';
/** 二十五, 一九九七年, 百分之六十二点五: spelled-out numbers with their unit, as one word. */
const SPELLED_NUMBER = new RegExp(
  `^(?:[百千万]分之[${HAN_NUMERALS}]+(?:点[${HAN_NUMERALS}]+)?|[${HAN_NUMERALS}]{2,}(?:${UNITS.join('|')})?)`,
  'u',
);
/** Common surnames: a surname followed by one or two rare single characters is read as a person's name (王思斌). */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '夏侯', '端木', '司徒', '万俟',
]);
/** Single characters more frequent than this as words on their own (的, 是, 说) are not read as given names. */
const GIVEN_NAME_MAX_LOG_PROB = Math.log(3e-4);
/**
 * Added to every word's log-probability. The frequency list comes from text cut coarsely (人生价值, 充分发挥 as
 * single words); a bonus per word shifts the choice towards the finer cuts of the usual standards and of learners'
 * dictionaries, where such phrases are two words. With LONG_WORD_PENALTY below, both sit on a broad plateau of
 * MSR F1 (moving either by 0.5 changes F1 by at most 0.003): they set a granularity, not a fit to particular text.
 */
const WORD_BONUS = 1.5;
/**
 * Subtracted from the log-probability of words of LONG_WORD or more characters: most of those in the frequency list
 * are phrases (金融机构, 证券交易) that segmentation standards and learners' dictionaries cut in two. Names and
 * glossary phrases are not penalised.
 */
const LONG_WORD = 4;
const LONG_WORD_PENALTY = 3;
/** Probability of a preferred word: higher than that of any common word, so only a longer preferred word beats it. */
const PREFERRED_LOG_PROB = Math.log(0.05);
const DATE_PART = /^(?:[0-9０-９]{1,2}|[〇零一二三四五六七八九十]{1,3})(?:月|日|号)/u;


function charAt(text: string, pos: number): string {
  return text.slice(pos, pos + charLengthAt(text, pos));
}

/** End of the Han units a written number at [.., pos) takes: 多, magnitudes, one unit, then date parts. */
function numberSuffixEnd(text: string, pos: number): number {
  let at = pos;
  if (APPROXIMATELY.includes(text[at] ?? '\0')) at++;
  while (MAGNITUDES.includes(text[at] ?? '\0')) at++;
  const unit = UNITS.find((u) => text.startsWith(u, at));
  if (unit) at += unit.length;
  // A bare 多 or magnitude without a unit is still part of the number (２０多, ５０万).
  return unit === '年' || unit === '月' ? dateEnd(text, at) : at;
}

/** After a year or a month, the month and day that follow are one date with it (１９９８年１２月３１日, 十一月八日). */
function dateEnd(text: string, pos: number): number {
  let at = pos;
  for (;;) {
    const part = DATE_PART.exec(text.slice(at, at + 4));
    if (!part) return at;
    at += part[0].length;
  }
}

/** End of an alphanumeric run starting at `pos`, and whether it is a plain number. */
function alnumEnd(text: string, pos: number): { end: number; numeric: boolean } {
  let at = pos;
  let numeric = true;
  while (at < text.length) {
    const ch = charAt(text, at);
    if (ALNUM.test(ch) && !HAN.test(ch)) {
      if (!DIGIT.test(ch)) numeric = false;
      at += ch.length;
      continue;
    }
    const next = charAt(text, at + 1);
    const prevDigit = DIGIT.test(text[at - 1] ?? '');
    if (NUMBER_JOINER.test(ch) && prevDigit && DIGIT.test(next) && (ch !== '，' || /^\d{3}(?!\d)/.test(text.slice(at + 1, at + 5)))) {
      at += 1;
      continue;
    }
    if (ALNUM_JOINER.test(ch) && ALNUM.test(next) && !HAN.test(next)) {
      at += 1;
      continue;
    }
    break;
  }
  if (numeric && PERCENT.test(text[at] ?? '')) at++;
  return { end: at, numeric };
}

/**
 * The log-probability a lexicon word takes part with: PREFERRED_LOG_PROB for a preferred word, NaN when the frequency
 * list's own entry stands (forEachWordAt gives it), else the list's entry of its simplified form or the rare words'.
 */
function lexiconWordLogProb(word: string, multiChar: boolean, { frequencies, preferred, simplified }: SegmentModel, lexiconLogProb: number): number {
  if (multiChar && preferred?.(word)) return PREFERRED_LOG_PROB;
  // A word in traditional characters (說, 貿易) counts as often as its simplified form, even where the list has
  // it rarer (jieba lists 會 and 與 far below 会 and 与). A word the list lacks is still known when the lexicon
  // has it, at the rare words' frequency.
  const own = frequencies.logProb(word);
  const simple = simplified?.(word);
  const asSimplified = simple === undefined ? undefined : frequencies.logProb(simple);
  if (asSimplified !== undefined && (own === undefined || asSimplified > own)) return asSimplified;
  return own === undefined ? lexiconLogProb : NaN;
}

/**
 * Each lexicon word's lexiconWordLogProb, kept per model (annotate reuses one model per dictionary): the segmenter
 * meets the same words at most positions of a page, and working one out takes four lookups.
 */
/** Keyed by the word, or by shortTextKey for words of one or two UTF-16 units. */
const scoreCaches = new WeakMap<SegmentModel, Map<string | number, number>>();
const SCORE_CACHE_LIMIT = 100_000;

function lexiconScores(model: SegmentModel): Map<string | number, number> {
  let scores = scoreCaches.get(model);
  if (!scores) scoreCaches.set(model, (scores = new Map()));
  return scores;
}

/**
 * Best segmentation of the Han run [start, end) by dynamic programming from the end: best[i] is the highest
 * log-probability of text[i, end) written as words, next[i] where the first of those words ends.
 */
function cutHanRun(text: string, start: number, end: number, model: SegmentModel, out: Token[]): void {
  const { frequencies, lexicon } = model;
  const scores = lexicon && lexiconScores(model);
  const lengths: number[] = [];
  const listedLengths: number[] = [];
  const listedLogProbs: number[] = [];
  const size = end - start;
  const best = new Float64Array(size + 1);
  const next = new Int32Array(size + 1);
  const known = new Uint8Array(size + 1);
  // A lexicon word missing from the frequency list is rare or a phrase; a single unknown character is rarer still.
  const lexiconLogProb = frequencies.unseen + Math.log(3);
  const spelledLogProb = frequencies.unseen + Math.log(200);
  for (let i = end - 1; i >= start; i--) {
    const low = text.charCodeAt(i);
    if (low >= 0xdc00 && low <= 0xdfff && i > start && charLengthAt(text, i - 1) === 2) {
      best[i - start] = -Infinity;
      continue;
    }
    const single = charLengthAt(text, i);
    let bestScore = -Infinity;
    let bestEnd = i + single;
    let bestKnown = false;
    const consider = (length: number, logProb: number, isKnown: boolean) => {
      const score = logProb + WORD_BONUS + (best[i + length - start] ?? -Infinity);
      if (score > bestScore) {
        bestScore = score;
        bestEnd = i + length;
        bestKnown = isKnown;
      }
    };
    consider(single, frequencies.unseen, false);
    for (let k = 0, count = frequencies.wordsAt(text, i, end, listedLengths, listedLogProbs); k < count; k++) {
      const length = listedLengths[k] ?? 1;
      const logProb = listedLogProbs[k] ?? 0;
      consider(length, length >= LONG_WORD ? logProb - LONG_WORD_PENALTY : logProb, true);
    }
    if (lexicon) {
      for (const length of lexicon.wordLengthsAt(text, i, lengths)) {
        if (i + length > end) continue;
        const key = length <= 2 ? shortTextKey(text, i, length) : text.slice(i, i + length);
        let logProb = scores?.get(key);
        if (logProb === undefined) {
          logProb = lexiconWordLogProb(text.slice(i, i + length), length > single, model, lexiconLogProb);
          if (scores && scores.size < SCORE_CACHE_LIMIT) scores.set(key, logProb);
        }
        if (logProb === PREFERRED_LOG_PROB) consider(length, logProb, true);
        else if (!Number.isNaN(logProb)) consider(length, length >= LONG_WORD ? logProb - LONG_WORD_PENALTY : logProb, true);
      }
    }
    if (HAN_NUMERALS.includes(text[i] ?? '\0') || text.startsWith('分之', i + 1)) {
      const spelled = SPELLED_NUMBER.exec(text.slice(i, Math.min(end, i + 24)));
      if (spelled) {
        const length = /[年月]$/u.test(spelled[0]) ? dateEnd(text, i + spelled[0].length) - i : spelled[0].length;
        if (i + length <= end) consider(length, spelledLogProb, true);
      }
    }
    best[i - start] = bestScore;
    next[i - start] = bestEnd;
    known[i - start] = bestKnown ? 1 : 0;
  }
  const words: Token[] = [];
  for (let i = start; i < end; i = next[i - start] ?? end) {
    words.push({ start: i, end: next[i - start] ?? end, kind: 'han', known: known[i - start] === 1 });
  }
  joinNames(text, words, frequencies, out);
}

/**
 * Single characters that the frequency model left alone are often parts of names it cannot know. A known surname
 * followed by one or two rare single characters becomes a person's name, and three or more transliteration
 * characters in a row a foreign name.
 */
function joinNames(text: string, words: Token[], frequencies: WordFrequencies, out: Token[]): void {
  const isSingle = (t: Token | undefined) => t !== undefined && t.end - t.start === charLengthAt(text, t.start);
  const rare = (t: Token | undefined) =>
    isSingle(t) && (frequencies.logProb(text.slice(t?.start, t?.end)) ?? -Infinity) < GIVEN_NAME_MAX_LOG_PROB;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Token;
    const wordText = text.slice(word.start, word.end);
    if (SURNAMES.has(wordText) && rare(words[i + 1])) {
      const take = rare(words[i + 2]) ? 2 : 1;
      const last = words[i + take] as Token;
      out.push({ start: word.start, end: last.end, kind: 'han', known: false });
      i += take;
      continue;
    }
    let run = i;
    while (isSingle(words[run]) && isTransliterationChar(text.slice(words[run]?.start, words[run]?.end))) run++;
    if (run - i >= 3) {
      out.push({ start: word.start, end: (words[run - 1] as Token).end, kind: 'han', known: false });
      i = run - 1;
      continue;
    }
    out.push(word);
  }
}

/** Cuts `text` into tokens that cover it exactly, in order. Never throws on any string. */
export function segment(text: string, model: SegmentModel): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = charAt(text, pos);
    if (HAN.test(ch)) {
      let end = pos + ch.length;
      while (end < text.length && HAN.test(charAt(text, end))) end += charLengthAt(text, end);
      cutHanRun(text, pos, end, model, out);
      pos = end;
    } else if (ALNUM.test(ch)) {
      const run = alnumEnd(text, pos);
      const end = run.numeric ? numberSuffixEnd(text, run.end) : run.end;
      out.push({ start: pos, end, kind: run.numeric ? 'number' : 'alnum', known: false });
      pos = end;
    } else if (SPACE.test(ch)) {
      let end = pos + 1;
      while (end < text.length && SPACE.test(text[end] ?? '')) end++;
      out.push({ start: pos, end, kind: 'space', known: false });
      pos = end;
    } else {
      // Every mark stands alone, repeated ones too (…… is two tokens), as in the SIGHAN standards.
      out.push({ start: pos, end: pos + ch.length, kind: 'punct', known: false });
      pos += ch.length;
    }
  }
  return out;
}
