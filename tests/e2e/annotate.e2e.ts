import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PinyinOptions, Segment } from '../../dictionary/types';
import { startSession, type E2ESession } from './support/session';

describe('annotate in the built extension', () => {
  let s: E2ESession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function annotate(paragraphs: unknown[], pinyin: PinyinOptions): Promise<unknown> {
    const page = await s.open(s.extensionUrl('popup.html'));
    const reply = await page.evaluate(
      (payload) => chrome.runtime.sendMessage({ yuedu: 1, type: 'annotate', payload }),
      { paragraphs, pinyin },
    );
    await page.close();
    return reply;
  }

  it('segments a sentence of the dispatch and reads it with tone marks, from the packaged artifacts', async () => {
    const sentence = '习近平主席同托卡耶夫总统会谈时强调，两国要高质量推进中吉乌铁路建设。';
    const reply = (await annotate([sentence], { style: 'marks', sandhi: false })) as {
      ok: true;
      value: { paragraphs: Segment[][] };
    };
    expect(reply.ok).toBe(true);
    const [segments] = reply.value.paragraphs;
    expect(segments?.map((x) => x.text).join('')).toBe(sentence);
    const byText = new Map(segments?.map((x) => [x.text, x]));
    expect(byText.get('托卡耶夫')?.pinyin).toEqual(['tuō', 'kǎ', 'yē', 'fū']);
    expect(byText.get('中吉乌铁路')).toMatchObject({ kind: 'word', pinyin: ['zhōng', 'jí', 'wū', 'tiě', 'lù'] });
    expect(byText.get('强调')).toMatchObject({ kind: 'word', pinyin: ['qiáng', 'diào'], hsk: expect.any(Number) });
    expect(byText.get('，')).toEqual({ text: '，', start: sentence.indexOf('，'), kind: 'other' });
  });

  it('answers every paragraph, empty and non-Chinese ones too, in numbers with sandhi', async () => {
    const reply = (await annotate(['一样不对', '', 'hello'], { style: 'numbers', sandhi: true })) as {
      ok: true;
      value: { paragraphs: Segment[][] };
    };
    const [chinese, empty, latin] = reply.value.paragraphs;
    expect(chinese?.map((x) => x.pinyin?.join(' '))).toEqual(['yi2 yang4', 'bu2', 'dui4']);
    expect(empty).toEqual([]);
    expect(latin).toEqual([{ text: 'hello', start: 0, kind: 'other' }]);
  });

  it('logged no console errors anywhere', () => {
    expect(s.errors).toEqual([]);
  });
});
