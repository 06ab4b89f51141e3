/**
 * The HSK 3.0 word list (dictionary/data/hsk30.csv, MIT, from ivankra/hsk30) as words with levels. Levels 7–9 are
 * one band on the official list; they are reported as 7.
 */

export interface HskWord {
  simplified: string;
  /** Traditional forms as the list gives them; empty when the list gives none. */
  traditional: string[];
  level: number;
  /** The CC-CEDICT readings the list matched this word to (numbered pinyin), so that a polyphone's HSK reading can come first. */
  readings: string[];
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface HskVariant {
  Simplified?: string;
  Traditional?: string;
  CEDICT?: string;
  Example?: unknown;
}

/** `traditional|simplified[pinyin]` keys separated by `/`: the pinyin of those whose simplified form is `word`. */
function cedictReadings(cell: string, word: string): string[] {
  const readings: string[] = [];
  for (const key of cell.split('/')) {
    const m = /^[^|]*\|([^[]*)\[([^\]]*)\]$/.exec(key.trim());
    if (m && m[1] === word && m[2]) readings.push(m[2]);
  }
  return readings;
}

/** The list writes example words in brackets (`们（朋友们）`) and numbers homographs (`面1`): keep the word itself. */
const clean = (word: string) => word.replace(/[（(].*?[）)]/g, '').replace(/[0-9…]/g, '').trim();

export function parseHsk(text: string): HskWord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const col = (name: string) => (header.includes(name) ? header.indexOf(name) : undefined);
  const [simpCol, tradCol, levelCol, variantsCol, cedictCol] = ['Simplified', 'Traditional', 'Level', 'Variants', 'CEDICT'].map(col);
  if (simpCol === undefined || levelCol === undefined) throw new Error('hsk30.csv: missing the Simplified or Level column');
  const words: HskWord[] = [];
  for (const row of rows) {
    const level = Number.parseInt(row[levelCol] ?? '', 10);
    if (!Number.isInteger(level)) continue;
    const variantsCell = row[variantsCol ?? -1] ?? '';
    if (variantsCell.startsWith('[')) {
      for (const v of JSON.parse(variantsCell) as HskVariant[]) {
        if (v.Example || !v.Simplified) continue;
        const simplified = clean(v.Simplified);
        const traditional = (v.Traditional ?? '').split('|').map(clean).filter(Boolean);
        words.push({ simplified, traditional, level, readings: cedictReadings(v.CEDICT ?? '', simplified) });
      }
      continue;
    }
    const simplified = (row[simpCol] ?? '').split('|').map(clean);
    const traditional = (row[tradCol ?? -1] ?? '').split('|').map(clean);
    simplified.forEach((s, i) => {
      const t = traditional[i];
      if (s) words.push({ simplified: s, traditional: t ? [t] : [], level, readings: cedictReadings(row[cedictCol ?? -1] ?? '', s) });
    });
  }
  return words;
}
