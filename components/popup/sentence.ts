/** A context sentence cut around the occurrences of the word, to highlight or blank them. */
export interface SentencePart {
  text: string;
  word: boolean;
}

/** Matches either written form: a word saved from a simplified page can be met on a traditional one. */
export function splitOnWord(sentence: string, forms: readonly string[]): SentencePart[] {
  const needles = [...new Set(forms.filter(Boolean))].sort((a, b) => b.length - a.length);
  const parts: SentencePart[] = [];
  let rest = 0;
  for (let i = 0; i < sentence.length; ) {
    const hit = needles.find((n) => sentence.startsWith(n, i));
    if (!hit) {
      i++;
      continue;
    }
    if (i > rest) parts.push({ text: sentence.slice(rest, i), word: false });
    parts.push({ text: hit, word: true });
    i += hit.length;
    rest = i;
  }
  if (rest < sentence.length) parts.push({ text: sentence.slice(rest), word: false });
  return parts;
}

/** The blank that stands for the word in a cloze: one box per character, so its length is a hint. */
export const blank = (word: string) => '＿'.repeat([...word].length);
