// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_ATTR, articleTextNodes, findArticle, markArticle, markArticleInSlices } from '../../content/article';
import { overlap, PAGES_DIR, parsePage, readPage, visibleText } from './support/fixture-pages';

/** What the reading features see of the chosen element. */
const articleText = (el: Element) => articleTextNodes(el).map((t) => t.data).join('').replace(/\s+/g, '');

describe('article detection on real news pages', () => {
  for (const name of ['gmw', 'youth', 'qq']) {
    it(`${name}: the chosen element holds the article Readability extracts, and little else`, () => {
      const doc = parsePage(readPage(name));
      const article = findArticle(doc);
      expect(article).not.toBeNull();
      const expected = visibleText(parsePage(readPage(name, 'expected.html')).body);
      const { recall, precision } = overlap(expected, visibleText(article as Element));
      const reading = overlap(expected, articleText(article as Element));
      console.log(`${name}: element recall ${recall.toFixed(3)} precision ${precision.toFixed(3)}; reading text recall ${reading.recall.toFixed(3)} precision ${reading.precision.toFixed(3)}`);
      expect(recall).toBeGreaterThan(0.9);
      expect(precision).toBeGreaterThan(0.9);
    });
  }

  it('xinhuanet: the chosen element has the article snippets and none of the boilerplate', () => {
    const doc = parsePage(readPage('xinhuanet'));
    const expected = JSON.parse(readFileSync(path.join(PAGES_DIR, 'xinhuanet', 'expected.json'), 'utf8')) as { with: string[]; without: string[] };
    const article = findArticle(doc);
    expect(article).not.toBeNull();
    const text = articleText(article as Element);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const withShare = expected.with.filter((s) => text.includes(squash(s))).length / expected.with.length;
    const withoutShare = expected.without.filter((s) => !text.includes(squash(s))).length / expected.without.length;
    console.log(`xinhuanet: with-snippets present ${withShare}, without-snippets absent ${withoutShare}`);
    expect(withShare).toBe(1);
    expect(withoutShare).toBe(1);
  });
});

describe('article marking', () => {
  it('marks the <article> of the sample dispatch page, and only it', () => {
    const doc = parsePage(readFileSync(path.resolve(import.meta.dirname, '../../demo/silk-road.html'), 'utf8'));
    const marked = markArticle(doc);
    expect(marked?.tagName).toBe('ARTICLE');
    expect(doc.querySelectorAll(`[${ARTICLE_ATTR}]`)).toHaveLength(1);
  });

  it('marks nothing on a page of navigation and short snippets', () => {
    const doc = parsePage(`<body><nav>${'<a href="#">首页新闻</a>'.repeat(40)}</nav>
      <div class="list">${'<div><a href="#">第二届中国－中亚峰会在阿斯塔纳举行</a></div>'.repeat(30)}</div>
      <footer><p>版权所有，违者必究。联系我们，关于我们。</p></footer></body>`);
    expect(markArticle(doc)).toBeNull();
    expect(doc.querySelectorAll(`[${ARTICLE_ATTR}]`)).toHaveLength(0);
  });

  it('ignores prose in comments and sidebars when the article is longer', () => {
    const para = (n: number) => `<p>${'中方愿同各方一道努力，为恢复中东地区和平稳定发挥建设性作用。'.repeat(n)}</p>`;
    const doc = parsePage(`<body><div id="main-text">${para(3).repeat(6)}</div>
      <div class="comments">${para(1).repeat(3)}</div><aside>${para(2).repeat(4)}</aside></body>`);
    expect(findArticle(doc)?.id).toBe('main-text');
  });

  it('marks the same article in slices, pausing between them, on a long page', async () => {
    const doc = parsePage(`<body><nav>${'<a href="#">首页</a>'.repeat(50)}</nav><article>${'<p>中方愿同各方一道努力，为恢复中东地区和平稳定发挥建设性作用。</p>'.repeat(3000)}</article></body>`);
    let pauses = 0;
    const marked = await markArticleInSlices(doc, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(marked?.tagName).toBe('ARTICLE');
    expect(marked).toBe(findArticle(doc));
    expect(pauses).toBeGreaterThan(0);
  }, 30_000);

  it('survives a deeply nested document', () => {
    let html = '';
    for (let i = 0; i < 3000; i++) html += '<div>';
    html += '<p>深层嵌套的文本，仍然可以被找到，不会让页面卡死。</p>'.repeat(20);
    const doc = parsePage(`<body>${html}</body>`);
    expect(() => findArticle(doc)).not.toThrow();
  });
});
