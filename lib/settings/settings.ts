import type { PinyinStyle } from '../../dictionary/types';
import type { PinyinLayerMode } from '../domain/pinyin-layer';

export const HOVER_TRIGGERS = ['always', 'shift', 'alt'] as const;
export const HEADWORD_FIRST = ['simplified', 'traditional'] as const;

/**
 * Sending notes to a running Anki through the AnkiConnect add-on: off until the reader turns it on (which asks for the
 * optional host permission), to the deck and note type chosen in the options, each Anki field filled from the Yuedu
 * field mapped to it (by name: see lib/anki/note.ts).
 */
export interface AnkiSettings {
  enabled: boolean;
  url: string;
  deck: string;
  noteType: string;
  /** Anki field name → the Yuedu field that fills it; fields left out stay empty. */
  fields: Record<string, string>;
}

/** The reader's preferences. Stored with WXT storage (see ./store.ts); every field has a default here. */
export interface Settings {
  pinyinStyle: PinyinStyle;
  toneColors: boolean;
  /** Colours for tones 1–4 and the neutral tone. */
  toneColorList: [string, string, string, string, string];
  /** The pinyin layer's pinyin, in CSS pixels (half the text's size where that is larger). */
  pinyinSize: number;
  /** What must be held for the hover card to appear. */
  hoverTrigger: (typeof HOVER_TRIGGERS)[number];
  cardFontSize: number;
  headwordFirst: (typeof HEADWORD_FIRST)[number];
  showHsk: boolean;
  pinyinLayerDefault: PinyinLayerMode;
  sandhi: boolean;
  dailyNewCards: number;
  anki: AnkiSettings;
  /** Reading aloud on the card (`a`), in percent of the voice's normal speed. */
  speechRate: number;
  /** "I know the words up to HSK n" (lib/domain/known.ts): 0 none, 1–6, 7 for 7–9. */
  knownLevel: number;
  /** Whether the reader has chosen a level (the popup asks once, on first run). */
  knownLevelChosen: boolean;
  /** A saved word whose recognition card is this stable (FSRS stability, days) counts as known for reading; 0: never. */
  knownStabilityDays: number;
  /** On the page: the words being learned tinted and the unknown words underlined (CSS highlights). */
  knownHighlights: boolean;
}

/** AnkiConnect's own address; the optional permission covers any port of 127.0.0.1 and localhost. */
const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';

export const DEFAULT_SETTINGS: Settings = {
  pinyinStyle: 'marks',
  toneColors: true,
  // The Pleco / Hanping convention most learners already know.
  toneColorList: ['#e30000', '#d89000', '#00a000', '#0000e3', '#808080'],
  // Read at a glance over 16–18 px text, as in graded readers, without spreading the characters much.
  pinyinSize: 12,
  hoverTrigger: 'always',
  cardFontSize: 16,
  headwordFirst: 'simplified',
  showHsk: true,
  pinyinLayerDefault: 'off',
  // The pinyin layer shows 一 and 不 as they are said (yí gè, bú shì), as learners' textbooks write them; the hover
  // card keeps the dictionary's tones.
  sandhi: true,
  dailyNewCards: 20,
  anki: { enabled: false, url: ANKI_CONNECT_URL, deck: '', noteType: '', fields: {} },
  // A little slower than a native speaker: learners hear each syllable.
  speechRate: 90,
  knownLevel: 0,
  knownLevelChosen: false,
  // Three weeks between reviews: the word is read without a second look by then.
  knownStabilityDays: 21,
  knownHighlights: false,
};
