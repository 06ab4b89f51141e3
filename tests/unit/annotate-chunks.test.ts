import { describe, expect, it } from 'vitest';
import { annotateInChunks, cutText } from '../../content/annotate-chunks';
import type { Segment } from '../../dictionary/types';

/** A stand-in annotator: one segment per character, offsets its own, every request recorded. */
function recording() {
  const requests: string[][] = [];
  const annotate = async (paragraphs: string[]): Promise<Segment[][]> => {
    requests.push(paragraphs);
    return paragraphs.map((p) => [...p].map((text, start) => ({ text, start, kind: 'word' as const })));
  };
  return { requests, annotate };
}

describe('annotating in chunks', () => {
  it('cuts a long text at sentence ends, else at a comma, else at the limit, losing nothing', () => {
    expect(cutText('一二三。四五六七。八九', 6)).toEqual(['一二三。', '四五六七。', '八九']);
    expect(cutText('一二，三四五六七八', 4)).toEqual(['一二，', '三四五六', '七八']);
    expect(cutText('一二三四五', 2)).toEqual(['一二', '三四', '五']);
    expect(cutText('a𠮷b', 2)).toEqual(['a', '𠮷', 'b']);
  });

  it('sends no request past the limits, and gives each paragraph its segments back with its own offsets', async () => {
    const { requests, annotate } = recording();
    const long = '中华人民共和国成立了。'.repeat(1000);
    const paragraphs = ['峰会', long, '', '合作共赢'];
    const out = await annotateInChunks(paragraphs, annotate, 100, 5);
    for (const request of requests) {
      expect(request.length).toBeLessThanOrEqual(5);
      expect(request.join('').length).toBeLessThanOrEqual(100);
    }
    expect(requests.length).toBeGreaterThan(long.length / 100);
    out.forEach((segments, i) => {
      expect(segments.map((s) => s.text).join('')).toBe(paragraphs[i]);
      segments.forEach((s) => expect(paragraphs[i]?.slice(s.start, s.start + s.text.length)).toBe(s.text));
    });
  });
});
