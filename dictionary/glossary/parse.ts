/**
 * The news glossary is kept as human-readable TSV files, one per category (`diplomacy.tsv`, …), reviewed like code.
 * Format: UTF-8; lines starting with `#` and blank lines are ignored; the first other line is the header
 * `simplified<TAB>traditional<TAB>pinyin<TAB>english<TAB>note`. Pinyin is numbered, one syllable per Han character,
 * space-separated, capitalised for proper nouns (e.g. `Tuo1 ka3 ye1 fu1`).
 */
export interface GlossaryRecord {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string;
  note: string;
  category: string;
  /** `file:line`, so that a validation failure points at the line to fix. */
  where: string;
}

const GLOSSARY_COLUMNS = ['simplified', 'traditional', 'pinyin', 'english', 'note'] as const;

export class GlossaryFormatError extends Error {}

export function parseGlossary(text: string, category: string, file: string): GlossaryRecord[] {
  const records: GlossaryRecord[] = [];
  let headerSeen = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimEnd();
    if (!line || line.startsWith('#')) return;
    const where = `${file}:${index + 1}`;
    const cells = line.split('\t').map((cell) => cell.trim());
    if (!headerSeen) {
      if (cells.join('\t') !== GLOSSARY_COLUMNS.join('\t')) {
        throw new GlossaryFormatError(`${where}: expected the header "${GLOSSARY_COLUMNS.join('<TAB>')}"`);
      }
      headerSeen = true;
      return;
    }
    if (cells.length !== GLOSSARY_COLUMNS.length) {
      throw new GlossaryFormatError(`${where}: expected ${GLOSSARY_COLUMNS.length} tab-separated fields, found ${cells.length}`);
    }
    const [simplified = '', traditional = '', pinyin = '', english = '', note = ''] = cells;
    records.push({ simplified, traditional, pinyin, english, note, category, where });
  });
  return records;
}
