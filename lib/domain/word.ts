/** What is kept of a word when the reader saves it from a page. */
export interface WordToSave {
  simplified: string;
  traditional: string;
  /** The reading the reader chose (numbered pinyin, CC-CEDICT style). */
  pinyin: string;
  definitions: string[];
  /** The glossary note, for set phrases. */
  note?: string;
  hsk?: number;
}

/** Where the word was met. */
export interface WordContext {
  sentence: string;
  title: string;
  url: string;
}
