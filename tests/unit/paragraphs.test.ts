// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleParagraphs } from '../../content/paragraphs';

describe('articleParagraphs', () => {
  it('gives one string per block, joining inline runs and leaving out ruby annotations and furniture', () => {
    document.body.replaceChildren();
    const article = document.createElement('div');
    const p1 = document.createElement('p');
    const b = document.createElement('b');
    b.textContent = '共建';
    const ruby = document.createElement('ruby');
    ruby.append('一');
    const rt = document.createElement('rt');
    rt.textContent = 'yī';
    ruby.append(rt);
    p1.append('各国', b, ruby, '带一路。');
    const p2 = document.createElement('p');
    p2.textContent = '  合作\n 共赢。 ';
    const script = document.createElement('script');
    script.textContent = 'var x = "不要";';
    const empty = document.createElement('p');
    empty.textContent = '   ';
    article.append(p1, script, empty, p2);
    document.body.append(article);
    expect(articleParagraphs(article)).toEqual(['各国共建一带一路。', '合作 共赢。']);
  });
});
