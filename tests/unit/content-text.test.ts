// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hasChinese } from '../../content/chinese';
import { findWords } from '../../content/highlights';
import { WordMatcher } from '../../content/word-matcher';
import { collectText, rangeOf, sentenceAt } from '../../content/text-at-point';
import { toneOf } from '../../dictionary/pinyin-format';

/** Builds the test page in the window's own document: happy-dom's Ranges only work there. */
function page(html: string): Document {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  return document;
}

function textNode(doc: Document, containing: string): Text {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(containing)) return n as Text;
  throw new Error(`no text node with ${containing}`);
}

/** happy-dom's Range.toString is empty; the cloned contents hold the same text. */
const rangeText = (r: Range | null) => r?.cloneContents().textContent ?? '';

describe('tones', () => {
  it('reads the tone from numbered, marked and zhuyin syllables', () => {
    expect(['feng1', 'hui4', 'de5', 'nu:3'].map(toneOf)).toEqual([1, 4, 5, 3]);
    expect(['fēng', 'huí', 'nǚ', 'shì', 'de'].map(toneOf)).toEqual([1, 2, 3, 4, 5]);
    expect(['ㄈㄥ', 'ㄏㄨㄟˋ', 'ㄇㄧㄥˊ', '˙ㄉㄜ'].map(toneOf)).toEqual([1, 4, 2, 5]);
  });
});

describe('text at a point', () => {
  it('follows a word split across elements and lines, skipping ruby annotations and scripts', () => {
    const doc = page('<p>构建<b>命运</b>\n  <span>共<ruby>同<rt>tóng</rt></ruby></span><script>var x="体"</script>体，好</p>');
    const run = collectText({ node: textNode(doc, '构建'), offset: 2 }, 16);
    expect(run.text).toBe('命运共同体，好');
    const range = rangeOf(run, 5);
    expect([(range?.startContainer as Text).data, range?.startOffset]).toEqual(['命运', 0]);
    expect([(range?.endContainer as Text).data, range?.endOffset]).toEqual(['体，好', 1]);
  });

  it('keeps a single space between Latin words and stops at the window size', () => {
    const doc = page('<p>AI  models 人工智能技术很适合与机器习得配套使用</p>');
    expect(collectText({ node: textNode(doc, 'AI'), offset: 0 }, 9).text).toBe('AI models');
    expect(collectText({ node: textNode(doc, 'AI'), offset: 11 }, 4).text).toBe('人工智能');
  });

  it('reads backwards nearest first and returns the text in page order', () => {
    const doc = page('<p>打击<i>“三股</i>势力”</p>');
    const run = collectText({ node: textNode(doc, '势力'), offset: 0 }, 3, 'backward');
    expect(run.text).toBe('“三股');
  });

  it('finds the sentence around a point within its paragraph', () => {
    const doc = page('<p>第一句。进一步密切执法安全合作，加大力度打击<em>“三股势力”</em>。最后一句。</p><p>下一段。</p>');
    const node = textNode(doc, '三股势力');
    expect(sentenceAt({ node, offset: 1 })).toBe('进一步密切执法安全合作，加大力度打击“三股势力”。');
  });

  it('tells a page with Chinese from one without, ignoring scripts', () => {
    expect(hasChinese(page('<p>Hello</p><script>"中文"</script>').body)).toBe(false);
    expect(hasChinese(page('<p>Hello <b>中文</b></p>').body)).toBe(true);
  });
});

describe('saved word highlights', () => {
  it('finds every occurrence, longest word first, outside ruby annotations', () => {
    const doc = page('<p>命运共同体，中哈命运共同体。<ruby>峰会<rt>峰会</rt></ruby></p>');
    const ranges = findWords(doc.body, new WordMatcher(['命运', '命运共同体', '峰会']));
    expect(ranges.map(rangeText)).toEqual(['命运共同体', '命运共同体', '峰会']);
  });
});
