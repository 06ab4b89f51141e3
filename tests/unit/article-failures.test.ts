// @vitest-environment happy-dom
/**
 * The three ways article detection failed on pages it was not built against, each on a real page of gne/:
 * short articles got nothing, the mark took in page furniture, and an article split over sibling blocks was marked in
 * part; and a page of links with its article taken out gets no mark at all.
 */
import { describe, expect, it } from 'vitest';
import { articleParagraphs, articleTextNodes, findArticle } from '../../content/article';
import { parsePage, readGnePage, readPage } from './support/fixture-pages';

const squash = (s: string) => s.replace(/\s+/g, '');
/** What the reading features (layer, stats, saving) see of the marked element. */
const readingText = (doc: Document) => {
  const article = findArticle(doc);
  return article ? squash(articleTextNodes(article).map((t) => t.data).join('')) : null;
};

describe('short articles are marked', () => {
  it.each([
    ['toutiao-2.html', '当全世界绝大部分国家都在为能够吸引中国游客', '老照片：1933年'],
    ['readhub-readhub.html', '根据运营商内部人士透露', '三大运营商的上级主管部门已下发通知'],
  ])('%s: a brief of about a hundred Han characters', (file, opening, notIn) => {
    const text = readingText(parsePage(readGnePage(file)));
    expect(text).toContain(opening);
    // The brief alone: a related headline or the next story is not part of it.
    if (file !== 'readhub-readhub.html') expect(text).not.toContain(notIn);
  });
});

describe('furniture inside or beside the article is left out', () => {
  it('people-1: the pagination links, the "enter the channel" link and the recommended stories are not read', () => {
    const text = readingText(parsePage(readGnePage('people-1.html'))) ?? '';
    expect(text).toContain('父亲的教诲像一盏灯');
    expect(text).toContain('字里行间都是对儿子的爱');
    for (const junk of ['【1】【2】', '点击进入', '推荐阅读', '致敬改革开放四十年']) expect(text).not.toContain(junk);
  });

  it('qq: the video player in the article is not read', () => {
    const text = readingText(parsePage(readPage('qq'))) ?? '';
    expect(text).not.toContain('自动播放');
    expect(text).not.toContain('正在加载');
  });

  it('sina-3: the promoted story after the comment box stays out when the article climbs to its container', () => {
    const text = readingText(parsePage(readGnePage('sina-3.html'))) ?? '';
    expect(text).toContain('随着低增长、低利率、低通胀成为新的常态');
    expect(text).not.toContain('但斌');
    expect(text).not.toContain('热门推荐');
  });
});

describe('an article split over sibling blocks is read whole', () => {
  it('youth, its paragraphs cut in two containers by a picture and a pagination bar: both halves, no furniture', () => {
    const doc = parsePage(readPage('youth'));
    const whole = findArticle(doc) as Element;
    const paragraphs = [...whole.querySelectorAll('p')].filter((p) => squash(p.textContent ?? '').length > 20);
    expect(paragraphs.length).toBeGreaterThan(6);
    // The way sites split long articles: a second container of the same kind after a picture and a pager.
    const second = doc.createElement(whole.tagName);
    second.className = whole.className;
    const picture = doc.createElement('div');
    picture.className = 'pic';
    picture.append(doc.createElement('img'));
    const pager = doc.createElement('div');
    pager.className = 'page-nav';
    for (const label of ['上一页', '1', '2', '下一页']) {
      const link = doc.createElement('a');
      link.href = '#';
      link.textContent = label;
      pager.append(link);
    }
    const half = paragraphs.slice(Math.floor(paragraphs.length / 2));
    const firstOfSecond = squash(half[0]?.textContent ?? '');
    const lastOfFirst = squash(paragraphs[Math.floor(paragraphs.length / 2) - 1]?.textContent ?? '');
    second.append(...half);
    whole.after(picture, second, pager);

    const article = findArticle(doc) as Element;
    const read = articleParagraphs(article).map(squash).join('');
    expect(read).toContain(lastOfFirst);
    expect(read).toContain(firstOfSecond);
    expect(read).not.toContain('上一页');
  });
});

describe('a page without an article gets no mark', () => {
  // hexun-1 as happy-dom parses it: a comment it does not close swallows the article, leaving the page's menus,
  // headline lists, a disclaimer and the footer (a browser does show the article).
  it('hexun-1 without its article: navigation, headline lists, a disclaimer and the footer are not an article', () => {
    const doc = parsePage(readGnePage('hexun-1.html'));
    expect(squash(doc.body.textContent ?? '')).not.toContain('据财联社9月26日消息');
    expect(findArticle(doc)).toBeNull();
  });
});
