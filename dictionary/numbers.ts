/**
 * Amounts and dates as Chinese news writes them, read into figures and English: 3.2万亿元 is 3,200,000,000,000 and
 * "3.2 trillion yuan"; 二〇二五年六月十七日 is 2025-06-17; 民国114年 is 2025. No dictionary has these, because they are
 * not words: they are read by rule. Pure, so the card, the tests and anything else can use it.
 *
 * Values are exact decimals (a bigint and a count of decimal places): 3.2 × 10¹² must print as 3.2, not 3.2000000004.
 */

interface Decimal {
  units: bigint;
  /** Decimal places: the value is units / 10^places. */
  places: number;
}

const ZERO: Decimal = { units: 0n, places: 0 };

function add(a: Decimal, b: Decimal): Decimal {
  const places = Math.max(a.places, b.places);
  return { units: a.units * 10n ** BigInt(places - a.places) + b.units * 10n ** BigInt(places - b.places), places };
}

function times(a: Decimal, power: number): Decimal {
  // Multiplying by 10^power takes decimal places away before it adds zeros.
  const fromPlaces = Math.min(a.places, power);
  return { units: a.units * 10n ** BigInt(power - fromPlaces), places: a.places - fromPlaces };
}

const isZero = (a: Decimal): boolean => a.units === 0n;

/** Chinese digits, everyday and financial (大写) forms, simplified and traditional. */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

/** Powers of ten within a section (十 百 千) and the section markers (万 亿) that multiply everything before them. */
const SMALL: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const LARGE: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };
/** "and more" after a magnitude: 5万多元, 两百多万. */
const APPROX = new Set(['多', '余', '餘', '几', '幾']);

const ASCII_DIGIT = /[0-9]/;

function fold(char: string | undefined): string {
  if (char === undefined) return '';
  const c = char.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if (char === '．') return '.';
  return char;
}

const isNumberChar = (char: string): boolean =>
  ASCII_DIGIT.test(char) || DIGITS[char] !== undefined || SMALL[char] !== undefined || LARGE[char] !== undefined;

interface ParsedNumber {
  value: Decimal;
  /** UTF-16 length read. */
  length: number;
  approximate: boolean;
  /** Whether the run held 万 or 亿, or Chinese numerals with 百 or 千: plain 16 or 二十 are left alone. */
  worthReading: boolean;
}

/**
 * Reads a number starting at `start`: Arabic digits (with a decimal point and thousands commas), Chinese numerals, or
 * both mixed as the news writes them (1万2千, 3.2万亿, 一亿三千万, 三万五). Null where no number starts there.
 */
function parseNumber(text: string, start: number): ParsedNumber | null {
  let total = ZERO; // what the 亿 and 万 markers have closed
  let section = ZERO; // what 十 百 千 have built within the current 万 section
  let pending: Decimal | null = null; // the last digit run, waiting for its magnitude
  let lastPower = -1; // the power of the magnitude just read, for 三万五 (= 35,000)
  let magnitudes = 0;
  let large = false;
  let chineseSmall = false;
  let approximate = false;
  let i = start;
  while (i < text.length) {
    const char = fold(text[i]);
    const digit = DIGITS[char];
    const small = SMALL[char];
    const largePower = LARGE[char];
    if (ASCII_DIGIT.test(char)) {
      if (pending !== null) break;
      let j = i;
      let digits = '';
      let places = -1;
      while (j < text.length) {
        const d = fold(text[j]);
        if (ASCII_DIGIT.test(d)) {
          digits += d;
          if (places >= 0) places++;
        } else if (d === '.' && places < 0 && ASCII_DIGIT.test(fold(text[j + 1]))) places = 0;
        else if ((d === ',' || d === '，') && places < 0 && /^[0-9]{3}(?![0-9])/.test(foldRun(text, j + 1, 4))) {
          // A thousands comma (1,700万) and never the comma that ends a clause (3，5).
        } else break;
        j++;
      }
      pending = { units: BigInt(digits), places: Math.max(places, 0) };
      lastPower = -1;
      i = j;
      continue;
    }
    if (digit !== undefined) {
      if (pending !== null && !isZero(pending)) break;
      pending = { units: BigInt(digit), places: 0 };
      // 零 between sections (一亿零五百万) ends the abbreviation rule: 一千零五 is 1,005, not 1,500.
      if (digit === 0) lastPower = -1;
      i++;
      continue;
    }
    if (small !== undefined) {
      const power = small;
      // 十 alone means ten (十五 = 15); 百 and 千 need a digit before them (千万 is "by all means", not a number).
      if (pending === null && !(power === 1 && magnitudes === 0 && i === start) && !(power === 1 && lastPower > 1)) break;
      section = add(section, times(pending ?? { units: 1n, places: 0 }, power));
      pending = null;
      lastPower = power;
      magnitudes++;
      chineseSmall ||= power > 1;
      i++;
      if (APPROX.has(text[i] ?? '')) {
        approximate = true;
        i++;
      }
      continue;
    }
    if (largePower !== undefined) {
      const power = largePower;
      const here = add(section, pending ?? ZERO);
      if (isZero(here) && isZero(total)) break;
      // 亿 multiplies all that came before it (3.2万亿 = 3.2 × 10⁴ × 10⁸); 万 only its own section (一亿三千万).
      total = power === 8 ? times(add(total, here), 8) : add(total, times(here, 4));
      section = ZERO;
      pending = null;
      lastPower = power;
      magnitudes++;
      large = true;
      i++;
      if (APPROX.has(text[i] ?? '')) {
        approximate = true;
        i++;
      }
      continue;
    }
    break;
  }
  if (i === start) return null;
  let value = add(total, section);
  if (pending !== null) {
    // 三万五 and 1万2 are 35,000 and 12,000: a last digit takes the power just below the magnitude before it.
    value = add(value, lastPower > 0 && pending.places === 0 && pending.units < 10n ? times(pending, lastPower - 1) : pending);
  }
  const chinese = [...text.slice(start, i)].some((c) => !ASCII_DIGIT.test(fold(c)) && c !== '.' && c !== '．' && c !== ',');
  return { value, length: i - start, approximate, worthReading: large || (chinese && chineseSmall) };
}

function foldRun(text: string, start: number, length: number): string {
  let out = '';
  for (let i = start; i < Math.min(text.length, start + length); i++) out += fold(text[i]);
  return out;
}

/** Units after an amount, longest first where one is the start of another (千瓦时 before 千, 平方公里 before 平方米). */
const UNITS: [string, string][] = [
  ['人民币', 'yuan'], ['美元', 'US dollars'], ['欧元', 'euros'], ['日元', 'yen'], ['英镑', 'pounds sterling'],
  ['港元', 'Hong Kong dollars'], ['港币', 'Hong Kong dollars'], ['卢布', 'roubles'], ['盧布', 'roubles'], ['韩元', 'won'],
  ['元', 'yuan'], ['人次', 'person-trips'], ['千瓦时', 'kWh'], ['千瓦時', 'kWh'], ['千瓦', 'kW'],
  ['平方公里', 'square kilometres'], ['平方千米', 'square kilometres'], ['平方米', 'square metres'], ['公里', 'kilometres'],
  ['公顷', 'hectares'], ['亩', 'mu'], ['畝', 'mu'], ['吨', 'tonnes'], ['噸', 'tonnes'], ['标准箱', 'TEU'],
  ['人', 'people'], ['名', 'people'], ['户', 'households'], ['戶', 'households'], ['辆', 'vehicles'], ['輛', 'vehicles'],
  ['家', 'companies'], ['股', 'shares'], ['个', ''], ['個', ''], ['项', 'projects'], ['項', 'projects'],
];

export interface Quantity {
  kind: 'amount' | 'date';
  /** UTF-16 offsets of the whole expression (with its unit) in the text it was read from. */
  start: number;
  end: number;
  text: string;
  /** In figures: 3,200,000,000,000 (with "+" for 5万多), or an ISO date 2025-06-17 / 2025-06 / 2025. */
  figures: string;
  /** In English: "3.2 trillion yuan", "over 50,000 yuan", "17 June 2025". */
  english: string;
}

function groupThousands(units: bigint): string {
  return units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function decimalString(value: Decimal, group: boolean): string {
  const digits = value.units.toString().padStart(value.places + 1, '0');
  const whole = digits.slice(0, digits.length - value.places);
  const fraction = digits.slice(digits.length - value.places).replace(/0+$/, '');
  const wholeText = group ? groupThousands(BigInt(whole)) : whole;
  return fraction ? `${wholeText}.${fraction}` : wholeText;
}

/** Scales named in English news style: million, billion, trillion; below a million the figure itself. */
const SCALES: [number, string][] = [[12, 'trillion'], [9, 'billion'], [6, 'million']];

function englishAmount(value: Decimal): string {
  const whole = value.units / 10n ** BigInt(value.places);
  for (const [power, name] of SCALES) {
    if (whole >= 10n ** BigInt(power)) {
      const scaled: Decimal = { units: value.units, places: value.places + power };
      // Up to three decimals (1.234 billion) is what a reader takes in; more is noise.
      const rounded = roundTo(scaled, 3);
      return `${decimalString(rounded, true)} ${name}`;
    }
  }
  return decimalString(value, true);
}

function roundTo(value: Decimal, places: number): Decimal {
  if (value.places <= places) return value;
  const drop = 10n ** BigInt(value.places - places);
  return { units: (value.units + drop / 2n) / drop, places };
}

function readAmount(text: string, start: number): Quantity | null {
  const number = parseNumber(text, start);
  if (!number || !number.worthReading) return null;
  let end = start + number.length;
  const unit = UNITS.find(([chinese]) => text.startsWith(chinese, end));
  if (unit) end += unit[0].length;
  const english = `${number.approximate ? 'over ' : ''}${englishAmount(number.value)}${unit?.[1] ? ` ${unit[1]}` : ''}`;
  const figures = `${decimalString(number.value, true)}${number.approximate ? '+' : ''}`;
  return { kind: 'amount', start, end, text: text.slice(start, end), figures, english };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** 二〇二五 written digit by digit, as years are. */
const DIGIT_YEAR = /^[〇○零一二三四五六七八九]{4}年/;
const ROC = /^民[国國]([0-9０-９]{1,3}|[一二三四五六七八九十百零〇]{1,5})年/;
const MONTH_DAY = /^([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:([0-9０-９]{1,2}|[一二三四五六七八九十]{1,4})[日号號])?/;

/** A small whole number in figures or Chinese numerals (月 and 日 counts, ROC years); null if it is not one. */
function smallNumber(written: string): number | null {
  const parsed = parseNumber(written, 0);
  if (!parsed || parsed.length !== written.length || parsed.value.places !== 0) return null;
  return Number(parsed.value.units);
}

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readDate(text: string, start: number): Quantity | null {
  const rest = text.slice(start, start + 24);
  let year: number | null = null;
  let length = 0;
  const digitYear = DIGIT_YEAR.exec(rest);
  const roc = ROC.exec(rest);
  if (digitYear) {
    year = Number([...digitYear[0].slice(0, -1)].map((c) => DIGITS[c] ?? 0).join(''));
    length = digitYear[0].length;
  } else if (roc) {
    const rocYear = smallNumber(roc[1] ?? '');
    if (rocYear === null || rocYear < 1) return null;
    year = rocYear + 1911;
    length = roc[0].length;
  }
  let month: number | null = null;
  let day: number | null = null;
  const monthDay = MONTH_DAY.exec(rest.slice(length));
  // Figures alone (6月17日) need no reading; Chinese numerals do, and so does anything after a year we read.
  if (monthDay && (year !== null || /[一二三四五六七八九十]/.test(monthDay[0]))) {
    month = smallNumber(monthDay[1] ?? '');
    day = monthDay[2] === undefined ? null : smallNumber(monthDay[2]);
    if (month === null || month < 1 || month > 12) month = day = null;
    // A day the month does not have (二月三十日) is not read; the month before it still is, after a year.
    if (month !== null && day !== null && (day < 1 || day > daysIn(month, year))) day = null;
    if (month !== null && day === null && year === null) month = null;
    if (month !== null) length += day === null ? monthDay[0].indexOf('月') + 1 : monthDay[0].length;
  }
  if (year === null && month === null) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const figures = [year === null ? null : String(year), month === null ? null : pad(month), day === null ? null : pad(day)]
    .filter((part) => part !== null)
    .join('-');
  const english = [day, month === null ? null : MONTHS[month - 1], year].filter((part) => part !== null).join(' ');
  return { kind: 'date', start, end: start + length, text: text.slice(start, start + length), figures, english };
}

/**
 * The amount or date that covers `pos` in `text`, read from where it starts: the pointer may be on any of its
 * characters (the 亿 of 3.2万亿元, the 月 of 六月十七日). Null where there is none.
 */
export function quantityAt(text: string, pos: number): Quantity | null {
  if (pos < 0 || pos >= text.length) return null;
  // An expression is at most a few dozen characters: start from each candidate before the pointer, leftmost first,
  // so the whole expression wins over its tail (一亿三千万, not 三千万).
  for (let start = Math.max(0, pos - 24); start <= pos; start++) {
    if (start > 0 && continuesNumber(text, start)) continue;
    const found = readDate(text, start) ?? (isNumberChar(fold(text[start])) ? readAmount(text, start) : null);
    if (found && found.start <= pos && pos < found.end) return found;
  }
  return null;
}

/** True where `start` is inside a number rather than at its beginning (the 2 of 32万, the 万 of 3万): start earlier. */
function continuesNumber(text: string, start: number): boolean {
  const before = fold(text[start - 1]);
  const here = fold(text[start]);
  if (!isNumberChar(here) && here !== '.') return false;
  return isNumberChar(before) || before === '.' || APPROX.has(before);
}
