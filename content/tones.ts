import { toneOf } from '../dictionary/pinyin-format';

/** The colour for a syllable's tone from the reader's list (tones 1–4, then neutral). */
export function toneColor(syllable: string, colors: readonly string[]): string | undefined {
  return colors[toneOf(syllable) - 1];
}
