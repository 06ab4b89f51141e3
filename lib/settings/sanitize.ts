/**
 * Settings are sanitized, never refused: whatever is stored, a bad field falls back to its default (compare
 * lib/store/parse.ts, whose parsers throw, because a word or a backup with a bad field must not be stored).
 */
import { PINYIN_STYLES } from '../../dictionary/types';
import { NOTE_FIELDS } from '../anki/note';
import { KNOWN_LEVEL } from '../domain/known';
import { PINYIN_LAYER_MODES } from '../domain/pinyin-layer';
import { DEFAULT_SETTINGS, HEADWORD_FIRST, HOVER_TRIGGERS, type AnkiSettings, type Settings } from './settings';

/** Bounds of the hover card's font size, in CSS pixels: below 12 hanzi lose their strokes, above 32 the card covers the article. */
export const CARD_FONT_SIZE = { min: 12, max: 32 } as const;
/** Bounds of the pinyin layer's pinyin size, in CSS pixels: under 11 tone marks blur; above 24 it dwarfs the text. */
export const PINYIN_SIZE = { min: 11, max: 24 } as const;
/** New cards a day: 0 pauses new cards; more than this is a typo, not a plan. */
export const DAILY_NEW_CARDS = { min: 0, max: 500 } as const;
/** Speech rate in percent: the Web Speech API takes 0.1–10, but outside half to double speed words blur or drag. */
export const SPEECH_RATE = { min: 50, max: 200 } as const;
/** Stability in days for a card to count as known for reading: 0 turns it off; past ten years no card gets there. */
export const KNOWN_STABILITY_DAYS = { min: 0, max: 3650 } as const;


function choiceOr<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.includes(value as T) ? (value as T) : fallback;
}

function boolOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** A whole number within bounds; a number-like string (from a form field) counts, anything else gives the fallback. */
export function sanitizeInt(value: unknown, bounds: { min: number; max: number }, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(n)));
}

/** `#rgb` or `#rrggbb`, returned as lower-case `#rrggbb` (what `<input type=color>` shows); anything else is null. */
export function sanitizeColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const hex = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((c) => c + c).join('')}`;
  return null;
}

function colors(value: unknown): Settings['toneColorList'] {
  const list: unknown[] = Array.isArray(value) ? value : [];
  const pick = (i: number, fallback: string) => sanitizeColor(list[i]) ?? fallback;
  const [t1, t2, t3, t4, t5] = DEFAULT_SETTINGS.toneColorList;
  return [pick(0, t1), pick(1, t2), pick(2, t3), pick(3, t4), pick(4, t5)];
}

/** AnkiConnect listens on this machine only: the optional permission asked for covers 127.0.0.1 and localhost. */
export function normalizeAnkiUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?\/?$/.exec(value.trim());
  return m ? `http://${m[1]}${m[2] ?? ''}` : null;
}

function anki(value: unknown): AnkiSettings {
  const a = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof AnkiSettings, unknown>>;
  const d = DEFAULT_SETTINGS.anki;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const fields: Record<string, string> = {};
  if (typeof a.fields === 'object' && a.fields !== null) {
    for (const [ankiField, ours] of Object.entries(a.fields)) {
      if ((NOTE_FIELDS as readonly unknown[]).includes(ours)) fields[ankiField] = ours as string;
    }
  }
  return {
    enabled: boolOr(a.enabled, d.enabled),
    url: normalizeAnkiUrl(a.url) ?? d.url,
    deck: text(a.deck, d.deck),
    noteType: text(a.noteType, d.noteType),
    fields,
  };
}

/**
 * Settings from anything stored (an older version's object, a hand-edited sync entry, a partial write):
 * every field that is missing or invalid takes its default, so readers of settings never see a bad value.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    pinyinStyle: choiceOr(PINYIN_STYLES, s.pinyinStyle, d.pinyinStyle),
    toneColors: boolOr(s.toneColors, d.toneColors),
    toneColorList: colors(s.toneColorList),
    pinyinSize: sanitizeInt(s.pinyinSize, PINYIN_SIZE, d.pinyinSize),
    hoverTrigger: choiceOr(HOVER_TRIGGERS, s.hoverTrigger, d.hoverTrigger),
    cardFontSize: sanitizeInt(s.cardFontSize, CARD_FONT_SIZE, d.cardFontSize),
    headwordFirst: choiceOr(HEADWORD_FIRST, s.headwordFirst, d.headwordFirst),
    showHsk: boolOr(s.showHsk, d.showHsk),
    pinyinLayerDefault: choiceOr(PINYIN_LAYER_MODES, s.pinyinLayerDefault, d.pinyinLayerDefault),
    sandhi: boolOr(s.sandhi, d.sandhi),
    dailyNewCards: sanitizeInt(s.dailyNewCards, DAILY_NEW_CARDS, d.dailyNewCards),
    anki: anki(s.anki),
    speechRate: sanitizeInt(s.speechRate, SPEECH_RATE, d.speechRate),
    knownLevel: sanitizeInt(s.knownLevel, KNOWN_LEVEL, d.knownLevel),
    knownLevelChosen: boolOr(s.knownLevelChosen, d.knownLevelChosen),
    knownStabilityDays: sanitizeInt(s.knownStabilityDays, KNOWN_STABILITY_DAYS, d.knownStabilityDays),
    knownHighlights: boolOr(s.knownHighlights, d.knownHighlights),
  };
}
