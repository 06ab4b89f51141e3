import type { PinyinStyle } from '../../dictionary/types';
import type { PinyinLayerMode } from '../domain/pinyin-layer';

export const HOVER_TRIGGERS = ['always', 'shift', 'alt'] as const;
export const HEADWORD_FIRST = ['simplified', 'traditional'] as const;

/** The reader's preferences. Stored with WXT storage (see ./store.ts); every field has a default here. */
export interface Settings {
  pinyinStyle: PinyinStyle;
  toneColors: boolean;
  /** Colours for tones 1–4 and the neutral tone. */
  toneColorList: [string, string, string, string, string];
  /** What must be held for the hover card to appear. */
  hoverTrigger: (typeof HOVER_TRIGGERS)[number];
  cardFontSize: number;
  headwordFirst: (typeof HEADWORD_FIRST)[number];
  showHsk: boolean;
  pinyinLayerDefault: PinyinLayerMode;
  sandhi: boolean;
  dailyNewCards: number;
  /** Reading aloud on the card (`a`), in percent of the voice's normal speed. */
  speechRate: number;
}

export const DEFAULT_SETTINGS: Settings = {
  pinyinStyle: 'marks',
  toneColors: true,
  // The Pleco / Hanping convention most learners already know.
  toneColorList: ['#e30000', '#d89000', '#00a000', '#0000e3', '#808080'],
  hoverTrigger: 'always',
  cardFontSize: 16,
  headwordFirst: 'simplified',
  showHsk: true,
  pinyinLayerDefault: 'off',
  // The pinyin layer shows 一 and 不 as they are said (yí gè, bú shì), as learners' textbooks write them; the hover
  // card keeps the dictionary's tones.
  sandhi: true,
  dailyNewCards: 20,
  // A little slower than a native speaker: learners hear each syllable.
  speechRate: 90,
};
