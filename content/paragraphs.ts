import { articleTextNodes } from './article';

/** Elements that end a paragraph: text in one of them does not run on into the next. */
const BLOCK = 'p, li, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, td, th, div, section, article, main, body';

/** The article's text, one string per block, so that words never join across paragraphs. */
export function articleParagraphs(article: Element): string[] {
  const paragraphs: string[] = [];
  let block: Element | null = null;
  for (const node of articleTextNodes(article)) {
    const owner = node.parentElement?.closest(BLOCK) ?? null;
    const text = node.nodeValue ?? '';
    if (owner === block && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += text;
    else paragraphs.push(text);
    block = owner;
  }
  return paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}
