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

/**
 * At least this many Han characters (or twice as many other characters) of prose outside links before a page is said
 * to have an article: a photo caption or a brief dispatch of a hundred characters is one; a home page's blurbs are
 * link text.
 */
const MIN_ARTICLE_HAN = 80;
/** …and at least this many clause marks: a run of prose, not a list of names or figures. */
const MIN_ARTICLE_CLAUSES = 3;
const MIN_PARAGRAPH_CHARS = 20;
const HAN = /\p{Script=Han}/gu;
/** How boxes of other stories are headed ("recommended", "related", "most read"…): such a box is not the article's. */
/** Legal boilerplate (disclaimers, copyright lines): prose, but a short text holding it is a footer, not an article. */
const BOILERPLATE = /免责声明|郑重声明|版权所有|all rights reserved|copyright|disclaimer/i;
const BOILERPLATE_MAX_HAN = 300;
const OTHER_STORIES = /^\s*(推荐|相关|热门|精彩|延伸|更多|猜你|热点|热读|排行|最新|related|recommended|more\b|popular|most read)/i;

interface BlockText {
  text: number;
  link: number;
  commas: number;
  /** Han characters outside links. */
  han: number;
}

function label(el: Element): string {
  return `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
}

function classWeight(el: Element): number {
  const name = label(el);
  if (!name.trim()) return 1;
  let weight = 1;
  if (NEGATIVE.test(name)) weight -= 0.5;
  if (POSITIVE.test(name)) weight += 0.25;
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
    const entry = blocks.get(block) ?? { text: 0, link: 0, commas: 0, han: 0 };
    entry.text += length;
    if (inLink) entry.link += length;
    else {
      entry.commas += data.match(CLAUSE)?.length ?? 0;
      entry.han += data.match(HAN)?.length ?? 0;
    }
    blocks.set(block, entry);
  }
  return blocks;
}

/** Every element's block measures summed over its subtree, in one pass from the last element back to the first. */
function* sumSubtrees(root: Element, blocks: Map<Element, BlockText>): Steps<Map<Element, BlockText>> {
  const order: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    order.push(node as Element);
    if (order.length % 2048 === 0) yield;
  }
  const sums = new Map<Element, BlockText>();
  for (let i = order.length - 1; i >= 0; i--) {
    if (i % 2048 === 0) yield;
    const el = order[i] as Element;
    const own = blocks.get(el);
    const sum = sums.get(el) ?? { text: 0, link: 0, commas: 0, han: 0 };
    if (own) {
      sum.text += own.text;
      sum.link += own.link;
      sum.commas += own.commas;
      sum.han += own.han;
    }
    sums.set(el, sum);
    const parent = el.parentElement;
    if (el !== root && parent) {
      const up = sums.get(parent) ?? { text: 0, link: 0, commas: 0, han: 0 };
      up.text += sum.text;
      up.link += sum.link;
      up.commas += sum.commas;
      up.han += sum.han;
      sums.set(parent, up);
    }
  }
  return sums;
}

const EMPTY: BlockText = { text: 0, link: 0, commas: 0, han: 0 };

const density = (m: BlockText) => (m.text ? m.link / m.text : 1);
/** Prose outside links, with a Han character worth two of any other. */
const proseWeight = (m: BlockText) => m.han + (m.text - m.link - m.han) / 2;

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

/**
 * Parts of the marked element that are page furniture, not article: when the article is one container's several
 * blocks (split by pictures, pagination wrappers, sibling containers), the container is marked and the link lists
 * and labelled boxes between and around the blocks are left out of the reading features here.
 */
const leftOut = new WeakMap<Element, { furniture: WeakSet<Element>; core: Element }>();

/** The element holding the article body, or null when the page has no run of prose long enough to be one. */
export function findArticle(doc: Document): Element | null {
  return runNow(scoreArticle(doc));
}

/**
 * Prose in a sibling of the article block: more paragraphs of the same article, not a title, a byline, a caption or a
 * link list. As in Readability, a sibling must weigh a fair share of the block to join it.
 */
function isProse(el: Element, m: BlockText, block: number): boolean {
  return m.commas >= 2 && proseWeight(m) >= Math.max(2 * MIN_PARAGRAPH_CHARS, block / 5) && density(m) < 0.3 && classWeight(el) >= 1 && !NOT_ARTICLE_TAG.has(el.tagName.toUpperCase());
}

/** A child that is furniture: a link list, a labelled box, a landmark; little bare text (spacers, captions) is not. */
function isFurniture(el: Element, m: BlockText): boolean {
  if (NOT_ARTICLE_TAG.has(el.tagName.toUpperCase()) || el.tagName.toUpperCase() === 'FORM') return m.text > 0;
  if (m.text === 0) return false;
  if (classWeight(el) < 1 && !m.commas) return true;
  return m.link >= 8 && density(m) >= 0.5;
}

/** A sibling that ends the article on its side: a landmark, a labelled box without prose, a box of other stories. */
function isBarrier(el: Element, m: BlockText): boolean {
  if (!m.text) return false;
  if (NOT_ARTICLE_TAG.has(el.tagName.toUpperCase())) return true;
  return (classWeight(el) < 1 && m.commas < 2) || headedAsOtherStories(el);
}

/** A box whose first text is a short heading such as 相关新闻 or 推荐阅读; a paragraph opening 相关部门表示 is not one. */
function headedAsOtherStories(el: Element): boolean {
  for (const node of textNodes(el, (child) => NOT_PROSE.has(child.tagName.toUpperCase()))) {
    const heading = node.data.trim();
    if (heading) return heading.length <= 8 && OTHER_STORIES.test(heading);
  }
  return false;
}

/**
 * Climbs from the best block while its parent's other children are prose of the same article (or bare pictures and
 * spacers), collecting the furniture children met on the way; stops when the parent would add no prose, or is the body.
 */
function widen(chosen: Element, blocks: Map<Element, BlockText>, sums: Map<Element, BlockText>, body: Element): { article: Element; furniture: Element[] } {
  let article = chosen;
  const furniture: Element[] = [];
  for (let parent = article.parentElement; parent && parent !== body && !excluded(parent); parent = parent.parentElement) {
    let prose = 0;
    let junk = 0;
    const junkHere: Element[] = [];
    const kept = proseWeight(sums.get(article) ?? EMPTY);
    const children = [...parent.children];
    const at = children.indexOf(article);
    // The parts of an article are neighbours: outward from the block, a comment box or a box of other stories ends
    // the article on that side, and whatever lies beyond it is left out.
    for (const step of [-1, 1]) {
      let ended = false;
      for (let i = at + step; i >= 0 && i < children.length; i += step) {
        const child = children[i] as Element;
        const m = sums.get(child) ?? EMPTY;
        if (ended || isBarrier(child, m)) {
          ended = true;
          if (m.text) junkHere.push(child);
        } else if (isProse(child, m, kept)) prose += proseWeight(m);
        else if (isFurniture(child, m)) junkHere.push(child);
        else junk += m.text - m.link;
      }
    }
    // Loose text directly in the parent counts as its own.
    const own = blocks.get(parent);
    if (own) prose += proseWeight(own);
    // Worth climbing only for real prose, and only when what is not left out is mostly that prose.
    if (prose < MIN_PARAGRAPH_CHARS || junk > (kept + prose) / 4) break;
    article = parent;
    furniture.push(...junkHere);
  }
  return { article, furniture };
}

/** Link lists and labelled boxes inside the article (related stories, share bars, tag lists): left out of reading. */
function innerFurniture(article: Element, sums: Map<Element, BlockText>): Element[] {
  const found: Element[] = [];
  const total = (sums.get(article) ?? EMPTY).text;
  const visit = (el: Element) => {
    for (const child of el.children) {
      const m = (sums.get(child) ?? EMPTY);
      if (!m.text) continue;
      if (isFurniture(child, m) && m.text * 2 < total) found.push(child);
      else visit(child);
    }
  };
  visit(article);
  return found;
}

function* scoreArticle(doc: Document): Steps<Element | null> {
  const body = doc.body;
  if (!body) return null;
  const blocks = yield* measureBlocks(body);
  const sums = yield* sumSubtrees(body, blocks);
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
  const ranked: { el: Element; score: number }[] = [];
  for (const [el, raw] of shortlist) {
    if (excluded(el)) continue;
    ranked.push({ el, score: raw * (1 - density((sums.get(el) ?? EMPTY))) * classWeight(el) });
  }
  yield;
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
  const { article, furniture } = widen(chosen, blocks, sums, body);
  yield;
  furniture.push(...innerFurniture(article, sums));
  const left = new WeakSet(furniture);
  let kept: BlockText = sums.get(article) ?? EMPTY;
  for (const el of furniture) {
    const m = (sums.get(el) ?? EMPTY);
    kept = { text: kept.text - m.text, link: kept.link - m.link, commas: kept.commas - m.commas, han: kept.han - m.han };
  }
  const prose = proseWeight(kept);
  if (prose < MIN_ARTICLE_HAN || kept.commas < MIN_ARTICLE_CLAUSES || density(kept) > 0.5) return null;
  if (prose < BOILERPLATE_MAX_HAN) {
    let text = '';
    for (const node of textNodes(top.el, (el) => NOT_PROSE.has(el.tagName.toUpperCase()) || isHidden(el))) text += node.data;
    if (BOILERPLATE.test(text)) return null;
  }
  leftOut.set(article, { furniture: left, core: top.el });
  return article;
}

/**
 * Furniture nested inside the article container (tag lists, share and "report an error" links, comment boxes):
 * reading features skip it. Small, flagged by its tag or label, so prose paragraphs are never dropped.
 */
function isArticleFurniture(el: Element, article: Element, articleLength = article.textContent?.length ?? 0): boolean {
  if (el === article) return false;
  const parts = leftOut.get(article);
  // The best-scored block is article whatever its label says (a share widget's class on the text's wrapper).
  if (parts?.core.contains(el) === false && el.contains(parts.core)) return false;
  if (parts?.furniture.has(el)) return true;
  const tag = el.tagName.toUpperCase();
  if (NOT_ARTICLE_TAG.has(tag) && tag !== 'A') return true;
  if (tag === 'FORM' || NOT_PROSE.has(tag) || isHidden(el)) return true;
  if (!NEGATIVE.test(label(el))) return false;
  return (el.textContent?.length ?? 0) * 4 < articleLength;
}

/** The article's readable text nodes, in document order, without nested furniture or non-text elements. */
export function articleTextNodes(article: Element): Text[] {
  const nodes: Text[] = [];
  let length: number | undefined;
  const furniture = (el: Element) => {
    // Only a labelled element needs the article's length: read it (a long string on a big page) once at most.
    if (!NEGATIVE.test(label(el))) return isArticleFurniture(el, article, Infinity);
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
