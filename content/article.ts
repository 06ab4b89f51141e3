/**
 * Finds the element that holds a page's article body with a text-density score in the spirit of Readability:
 * blocks of running prose (many characters, many clause commas, few links) vote for their parent and ancestors,
 * the best-scored container wins. Unlike Readability it works on the live document and never clones or rewrites it,
 * so the result is the live element the reading features act on.
 */
import { BLOCK as HTML_BLOCK, isHidden, NOT_PROSE } from './dom-vocabulary';
import { runInSlices, runNow, textNodes, type Steps } from './walk';

export const ARTICLE_ATTR = 'data-yuedu-article';

/** Blocks that hold a paragraph of text and vote for their container. */
const PARAGRAPH = new Set(['P', 'PRE', 'BLOCKQUOTE', 'LI', 'DD', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'TD', 'TH']);
/** Containers that can hold the article; when text sits directly in one it is its own paragraph. */
const CONTAINER = new Set(['DIV', 'ARTICLE', 'SECTION', 'MAIN', 'TD', 'FONT', 'CENTER', 'FORM', 'BODY']);
const BLOCK = new Set([...HTML_BLOCK, ...CONTAINER]);

/** Landmarks that are never the article, whatever their text. */
const NOT_ARTICLE_TAG = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'A']);
const NEGATIVE = /comment|footer|foot-|sidebar|side-|related|recommend|breadcrumb|copyright|share|social|banner|advert|ad-|-ad\b|sponsor|promo|widget|rank|hot-|nav|menu|login|reply|tags?\b/i;
const POSITIVE = /article|content|text|body|main|post|entry|story|detail|news|cnt/i;

/** Clause punctuation, Chinese and Western: prose has many, link lists and menus few. */
const CLAUSE = /[，。；：！？、,;.!?]/g;

/** At least this much prose (UTF-16 units) before a page is said to have an article. */
const MIN_ARTICLE_CHARS = 200;
const MIN_PARAGRAPH_CHARS = 20;

interface BlockText {
  text: number;
  link: number;
  commas: number;
}

function classWeight(el: Element): number {
  const label = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  if (!label.trim()) return 1;
  let weight = 1;
  if (NEGATIVE.test(label)) weight -= 0.5;
  if (POSITIVE.test(label)) weight += 0.25;
  return weight;
}

/** Sums the text of every visible text node by the block that holds it, in one pass over the document. */
function* measureBlocks(root: Element): Steps<Map<Element, BlockText>> {
  const blocks = new Map<Element, BlockText>();
  // Parents repeat from one text node to the next: remember which block and link each resolves to.
  const resolved = new Map<Element, { block: Element; inLink: boolean }>();
  const resolve = (start: Element): { block: Element; inLink: boolean } => {
    const known = resolved.get(start);
    if (known) return known;
    const tag = start.tagName.toUpperCase();
    let result: { block: Element; inLink: boolean };
    if (BLOCK.has(tag) || !start.parentElement) result = { block: start, inLink: false };
    else {
      const up = resolve(start.parentElement);
      result = { block: up.block, inLink: up.inLink || tag === 'A' };
    }
    resolved.set(start, result);
    return result;
  };
  let seen = 0;
  for (const node of textNodes(root, (el) => NOT_PROSE.has(el.tagName.toUpperCase()) || isHidden(el))) {
    if (++seen % 256 === 0) yield;
    const parent = node.parentElement;
    const data = node.data;
    if (!parent || !/\S/.test(data)) continue;
    const { block, inLink } = resolve(parent);
    const length = data.replace(/\s+/g, '').length;
    const entry = blocks.get(block) ?? { text: 0, link: 0, commas: 0 };
    entry.text += length;
    if (inLink) entry.link += length;
    else entry.commas += data.match(CLAUSE)?.length ?? 0;
    blocks.set(block, entry);
  }
  return blocks;
}

function linkDensity(el: Element, blocks: Map<Element, BlockText>): { text: number; density: number } {
  let text = 0;
  let link = 0;
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = el; node; node = walker.nextNode()) {
    const entry = blocks.get(node as Element);
    if (entry) {
      text += entry.text;
      link += entry.link;
    }
  }
  return { text, density: text ? link / text : 1 };
}

function excluded(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (NOT_ARTICLE_TAG.has(at.tagName.toUpperCase())) return true;
  }
  return false;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let at: Element | null = a; at; at = at.parentElement) if (at.contains(b)) return at;
  return null;
}

/** The element holding the article body, or null when the page has no run of prose long enough to be one. */
export function findArticle(doc: Document): Element | null {
  return runNow(scoreArticle(doc));
}

function* scoreArticle(doc: Document): Steps<Element | null> {
  const body = doc.body;
  if (!body) return null;
  const blocks = yield* measureBlocks(body);
  const scores = new Map<Element, number>();
  const vote = (el: Element | null, score: number) => {
    if (el && el !== doc.documentElement) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const [block, m] of blocks) {
    const prose = m.text - m.link;
    if (prose < MIN_PARAGRAPH_CHARS) continue;
    const score = 1 + m.commas + Math.min(Math.floor(prose / 100), 3);
    // Text sitting directly in a container makes the container a candidate itself.
    const first = PARAGRAPH.has(block.tagName.toUpperCase()) ? block.parentElement : block;
    vote(first, score);
    vote(first?.parentElement ?? null, score / 2);
    vote(first?.parentElement?.parentElement ?? null, score / 3);
  }
  // Only the best few raw scores are worth the subtree walk that link density needs.
  const shortlist = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const ranked: { el: Element; score: number; text: number }[] = [];
  for (const [el, raw] of shortlist) {
    if (excluded(el)) continue;
    const { text, density } = linkDensity(el, blocks);
    ranked.push({ el, score: raw * (1 - density) * classWeight(el), text });
  }
  ranked.sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top || top.score <= 0) return null;
  let chosen = top.el;
  // An article split across sibling containers: climb to the ancestor that holds the other strong candidates.
  const peers = ranked.filter((c) => c.score >= top.score * 0.75 && !c.el.contains(chosen) && !chosen.contains(c.el));
  if (peers.length >= 2) {
    for (const peer of peers) {
      const shared = commonAncestor(chosen, peer.el);
      if (shared && shared !== body && shared !== doc.documentElement) chosen = shared;
    }
  }
  const { text, density } = linkDensity(chosen, blocks);
  if (text * (1 - density) < MIN_ARTICLE_CHARS) return null;
  return chosen;
}

/**
 * Furniture nested inside the article container (tag lists, share and "report an error" links, comment boxes):
 * reading features skip it. Small, flagged by its tag or label, so prose paragraphs are never dropped.
 */
function isArticleFurniture(el: Element, article: Element, articleLength = article.textContent?.length ?? 0): boolean {
  if (el === article) return false;
  const tag = el.tagName.toUpperCase();
  if (NOT_ARTICLE_TAG.has(tag) && tag !== 'A') return true;
  if (tag === 'FORM' || NOT_PROSE.has(tag) || isHidden(el)) return true;
  if (!NEGATIVE.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`)) return false;
  return (el.textContent?.length ?? 0) * 4 < articleLength;
}

/** The article's readable text nodes, in document order, without nested furniture or non-text elements. */
export function articleTextNodes(article: Element): Text[] {
  const nodes: Text[] = [];
  let length: number | undefined;
  const furniture = (el: Element) => {
    // Only a labelled element needs the article's length: read it (a long string on a big page) once at most.
    if (!NEGATIVE.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`)) return isArticleFurniture(el, article, Infinity);
    length ??= article.textContent?.length ?? 0;
    return isArticleFurniture(el, article, length);
  };
  for (const text of textNodes(article, furniture)) nodes.push(text);
  return nodes;
}

/** The article's text as paragraphs (one per block element), for annotation and statistics. */
export function articleParagraphs(article: Element): string[] {
  const paragraphs: string[] = [];
  let block: Element | null = null;
  for (const node of articleTextNodes(article)) {
    let at = node.parentElement;
    while (at && at !== article && !BLOCK.has(at.tagName.toUpperCase())) at = at.parentElement;
    if (at !== block || !paragraphs.length) paragraphs.push('');
    block = at;
    paragraphs[paragraphs.length - 1] += node.data;
  }
  return paragraphs.map((p) => p.trim()).filter(Boolean);
}

function mark(doc: Document, article: Element | null): Element | null {
  for (const old of doc.querySelectorAll(`[${ARTICLE_ATTR}]`)) if (old !== article) old.removeAttribute(ARTICLE_ATTR);
  article?.setAttribute(ARTICLE_ATTR, '');
  return article;
}

/** Marks the article of the document (and unmarks a stale one); returns it. */
export function markArticle(doc: Document): Element | null {
  return mark(doc, findArticle(doc));
}

/** The same, in slices of a few milliseconds with `pause` between them, so that a huge page stays responsive. */
export async function markArticleInSlices(doc: Document, pause: () => Promise<void>): Promise<Element | null> {
  return mark(doc, await runInSlices(scoreArticle(doc), pause));
}
