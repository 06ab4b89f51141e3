/**
 * The tone of one syllable however it is written: numbered (feng1), with a mark (fēng) or in zhuyin (ㄈㄥ, ㄏㄨㄟˋ).
 * 5 is the neutral tone. Used to colour syllables by tone whatever pinyin style the reader chose.
 */
const MARK_TONE: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4 };
const ZHUYIN_TONE: Record<string, number> = { 'ˊ': 2, 'ˇ': 3, 'ˋ': 4, '˙': 5 };

export function toneOf(syllable: string): number {
  const digit = /([1-5])$/.exec(syllable);
  if (digit) return Number(digit[1]);
  for (const char of syllable.normalize('NFD')) {
    const tone = MARK_TONE[char] ?? ZHUYIN_TONE[char];
    if (tone) return tone;
  }
  // Zhuyin leaves the first tone unmarked; a toneless Latin syllable is neutral.
  return /[\u3105-\u312f]/.test(syllable) ? 1 : 5;
}

/** The colour for a syllable's tone from the reader's list (tones 1–4, then neutral). */
export function toneColor(syllable: string, colors: readonly string[]): string | undefined {
  return colors[toneOf(syllable) - 1];
}
