/**
 * Word segmentation score, as in the SIGHAN bakeoffs: a word counts as right when both its start and its end match
 * a gold word; precision, recall and F1 over all words of all sentences. Spaces are not words.
 */
export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

function spans(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const word of words) {
    const text = word.replace(/\s+/gu, '');
    if (!text) continue;
    out.add(`${at}:${at + text.length}`);
    at += text.length;
  }
  return out;
}

/** Scores predicted against gold segmentations of the same sentences (same characters once spaces are removed). */
export function scoreWords(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): WordScore {
  if (gold.length !== predicted.length) throw new Error(`${gold.length} gold sentences, ${predicted.length} predicted`);
  let goldCount = 0;
  let predictedCount = 0;
  let correct = 0;
  gold.forEach((goldWords, i) => {
    const g = spans(goldWords);
    const p = spans(predicted[i] ?? []);
    if (goldWords.join('').replace(/\s+/gu, '') !== (predicted[i] ?? []).join('').replace(/\s+/gu, '')) {
      throw new Error(`sentence ${i + 1}: predicted words do not spell the gold sentence`);
    }
    goldCount += g.size;
    predictedCount += p.size;
    for (const span of p) if (g.has(span)) correct++;
  });
  const precision = predictedCount ? correct / predictedCount : 0;
  const recall = goldCount ? correct / goldCount : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold: goldCount, predicted: predictedCount, correct };
}
