/**
 * What the top frame does on a page it reads: finds the article, draws the pinyin layer over it, underlines the saved
 * words being learned, follows text the page adds later and counts the article's words for the popup. What the reader
 * knows comes from the frame's known-word model (./known-words.ts), told the article's words. Sub-frames only hover.
 */
import { headwordOf, type PinyinOptions, type Segment } from '../dictionary/types';
import type { PinyinLayerMode } from '../lib/domain/pinyin-layer';
import type { Settings } from '../lib/settings/settings';
import { articleStats, type ArticleStats } from '../lib/stats';
import { ARTICLE_ATTR, articleParagraphs } from './article';
import { findWords, LEARNING_HIGHLIGHT, SAVED_HIGHLIGHT, setHighlight, UNKNOWN_HIGHLIGHT } from './highlights';
import { isNearViewport, watchNearViewport } from './near-viewport';
import { WordMatcher } from './word-matcher';
import { PinyinLayer, type LayerOptions } from './pinyin-layer';
import { backgroundBehind } from './backdrop';
import type { Rgb } from './tones';
import type { KnownWords } from './known-words';

export interface ArticleDeps {
  doc: Document;
  settings(): Settings;
  /** Finds and marks the article (in slices: a huge page stays responsive); null when the page has none. */
  markArticle(): Promise<Element | null>;
  /** What the reader knows, shared with the hover card of this frame. */
  known: KnownWords;
  annotate(paragraphs: string[], pinyin: PinyinOptions): Promise<Segment[][]>;
  pause(): Promise<void>;
  /** Has the words where reading starts looked up before the reader points at any. */
  readAheadFrom(root: Node): void;
}

const HIGHLIGHTS = [SAVED_HIGHLIGHT, LEARNING_HIGHLIGHT, UNKNOWN_HIGHLIGHT];

/**
 * Characters of the article whose words' states the page learns by itself (for the underlines and the card): far more
 * than any real article, so that a 5 MB page is not annotated whole in the background (seconds of the worker's time
 * and megabytes of segments in the page). The popup's stats, asked for by the reader, read the whole article.
 */
const LEARN_CHARS = 200_000;

/** The paragraphs from the first up to `chars` characters in all (at least one). */
function upTo(paragraphs: string[], chars: number): string[] {
  let total = 0;
  const end = paragraphs.findIndex((p, i) => (total += p.length) > chars && i > 0);
  return end < 0 ? paragraphs : paragraphs.slice(0, end);
}

const wordsOf = (segments: Segment[]) => segments.filter((s) => s.kind !== 'other').map(headwordOf);

export type PageArticleStats = ArticleStats & { page: { title: string; url: string } };

export class ArticleReading {
  private article: Element | null = null;
  private layer: PinyinLayer | null = null;
  /**
   * Whether the saved-word underlines may be drawn: they live in the page's CSS.highlights registry, which the page's
   * scripts can list, so they wait for the reader's first own input on the page (content/first-input.ts).
   */
  private savedShown = false;
  /** The saved words' matcher, built again only when the words being learned change. */
  private savedMatcher: { forms: string; matcher: WordMatcher } | null = null;
  /** Every word form of the article, for underlining the unknown ones where the article's own words fall. */
  private articleMatcher: { forms: string; matcher: WordMatcher } | null = null;
  /** The article's paragraphs as last annotated (for the stats' pinyin options): the stats and the states share them. */
  private segments = new Map<string, Segment[]>();
  /** The default layer the first read draws: the page's layer until that read is done. */
  private firstLayer: PinyinLayerMode | null;
  private stopped = false;

  constructor(private readonly deps: ArticleDeps) {
    this.firstLayer = deps.settings().pinyinLayerDefault;
  }

  /** The layer in force (or being drawn), answered at once: the popup shows it without waiting for the first read. */
  get layerMode(): PinyinLayerMode {
    return this.firstLayer ?? this.layer?.mode ?? 'off';
  }

  /** The first read: marks the article, underlines the saved words, draws the default layer; resolves with the article. */
  async start(): Promise<Element | null> {
    const article = await this.ensureArticle();
    // After the article is marked, so as not to slow it down.
    this.deps.readAheadFrom(article ?? this.deps.doc.body ?? this.deps.doc);
    // The layer first: it does not wait for the words' facts ("unknown" mode asks for those of what it draws).
    const initial = this.firstLayer;
    this.firstLayer = null;
    if (article && initial && initial !== 'off' && !this.stopped) await this.setLayer(initial);
    await this.learnArticle();
    this.highlightWords();
    return article;
  }

  stop(): void {
    this.stopped = true;
    this.firstLayer = null;
    this.layer?.remove();
    this.layer = null;
    this.article?.removeAttribute(ARTICLE_ATTR);
    this.article = null;
    for (const name of HIGHLIGHTS) setHighlight(name, []);
  }

  /** Text the page added: pinyin for it when it is in the article, else the article found again (SPA navigation). */
  async added(nodes: Node[]): Promise<void> {
    if (!this.article?.isConnected) {
      const mode = this.layer?.mode ?? 'off';
      this.layer = null;
      const article = await this.ensureArticle();
      if (article && mode !== 'off') await this.setLayer(mode);
    } else if (this.layer && this.layer.mode !== 'off') {
      const article = this.article;
      const within = nodes.filter((n) => article.contains(n));
      if (within.length) await this.layer.apply(this.layerOptions(this.layer.mode), within);
    }
    this.highlightWords();
  }

  /** The reader is on the page: the saved words may be underlined from now on. */
  showSaved(): void {
    if (this.savedShown) return;
    this.savedShown = true;
    this.highlightWords();
  }

  /** A word the reader just saved: underlined at once. */
  addSaved(simplified: string, traditional: string): void {
    this.deps.known.addSaved(simplified, traditional);
    this.highlightWords();
  }

  /** A word's state changed (`k` on the card): the "unknown words" layer and the underlines follow it. */
  async statesChanged(): Promise<void> {
    this.highlightWords();
    if (this.layer?.mode === 'unknown') await this.setLayer('unknown');
  }

  /** Turns the layer on (in a mode), off, or toggles it; resolves with the mode in force once the work is done. */
  async setLayer(request: PinyinLayerMode | 'toggle'): Promise<{ mode: PinyinLayerMode }> {
    const initial = this.deps.settings().pinyinLayerDefault;
    const fallback = initial === 'off' ? 'all' : initial;
    const mode = request === 'toggle' ? (this.layerMode === 'off' ? fallback : 'off') : request;
    this.firstLayer = null;
    const article = await this.ensureArticle();
    this.layer?.remove();
    if (!article || mode === 'off') {
      this.highlightWords();
      return { mode: 'off' };
    }
    const layer = this.layerOf(article);
    await layer.apply(this.layerOptions(mode));
    this.highlightWords();
    return { mode: layer.mode };
  }

  /** Draws the layer again, as the reader's corrections now cut and read the words. */
  async redraw(): Promise<void> {
    const mode = this.layer?.mode ?? 'off';
    // The words' segments changed: the stats' are read again too.
    this.segments.clear();
    if (mode === 'off') return;
    // Taking the layer off shortens the page for a moment: the reader's place is kept.
    const win = this.deps.doc.defaultView;
    const [x, y] = [win?.scrollX ?? 0, win?.scrollY ?? 0];
    await this.setLayer(mode);
    win?.scrollTo(x, y);
  }

  /** Redraws the layer when a setting it shows changed. */
  async settingsChanged(before: Settings, next: Settings): Promise<void> {
    const pinyin = before.pinyinStyle !== next.pinyinStyle || before.sandhi !== next.sandhi;
    if (pinyin) this.segments.clear();
    const redraw =
      pinyin || before.toneColors !== next.toneColors || before.pinyinSize !== next.pinyinSize || before.toneColorList.join() !== next.toneColorList.join();
    const mode = this.layer?.mode ?? 'off';
    if (before.knownLevel !== next.knownLevel || before.knownStabilityDays !== next.knownStabilityDays || before.knownHighlights !== next.knownHighlights) {
      // The threshold is applied by the store: ask again.
      if (before.knownStabilityDays !== next.knownStabilityDays) await this.learnArticle(true);
      this.highlightWords();
      if (mode === 'unknown') return void (await this.setLayer(mode));
    }
    if (redraw && mode !== 'off') await this.setLayer(mode);
  }

  /** Statistics of the article for the popup, or null without an article. */
  async stats(): Promise<PageArticleStats | null> {
    const article = await this.ensureArticle();
    if (!article) return null;
    // The popup may have changed what the reader knows ("I've read this article", the word list): ask again.
    const { paragraphs, segments } = await this.learnArticle(true, Infinity);
    const stats = articleStats(paragraphs, segments, (word, hsk) => this.deps.known.stateOf(word, hsk));
    const { doc } = this.deps;
    return { ...stats, page: { title: doc.title, url: doc.location?.href ?? '' } };
  }

  private async ensureArticle(): Promise<Element | null> {
    if (!this.article?.isConnected) this.article = await this.deps.markArticle();
    return this.article;
  }

  /** The layer of the article now marked: a new one when the page replaced its article. */
  private layerOf(article: Element): PinyinLayer {
    if (this.layer?.article !== article) this.layer = new PinyinLayer(article);
    return this.layer;
  }

  /**
   * The article's paragraphs and their segments (annotated once per paragraph text), with the facts of their words
   * asked for; `again` asks about every word again (the store may have changed elsewhere) and redraws what shows them.
   * Only the paragraphs within the first `chars` characters.
   */
  private async learnArticle(again = false, chars = LEARN_CHARS): Promise<{ paragraphs: string[]; segments: Segment[][] }> {
    const article = this.article;
    if (!article) return { paragraphs: [], segments: [] };
    const paragraphs = upTo(articleParagraphs(article), chars);
    const missing = paragraphs.filter((p) => !this.segments.has(p));
    const annotated = missing.length ? await this.annotate(missing) : [];
    const next = new Map<string, Segment[]>();
    missing.forEach((p, i) => next.set(p, annotated[i] ?? []));
    for (const p of paragraphs) next.set(p, this.segments.get(p) ?? next.get(p) ?? []);
    this.segments = next;
    const segments = paragraphs.map((p) => next.get(p) ?? []);
    try {
      if (!again) await this.learnWords(segments.flat());
      else if (await this.deps.known.refresh(wordsOf(segments.flat()))) await this.statesChanged();
    } catch (err) {
      // Without the word store the page still reads; only what the reader knows is missing.
      console.warn('Yuedu: word states unavailable', err);
    }
    return { paragraphs, segments };
  }

  private learnWords(segments: Segment[]): Promise<void> {
    return this.deps.known.learn(wordsOf(segments));
  }

  private annotate(paragraphs: string[]): Promise<Segment[][]> {
    const s = this.deps.settings();
    return this.deps.annotate(paragraphs, { style: s.pinyinStyle, sandhi: s.sandhi });
  }

  /**
   * The saved words being learned, underlined; with the option on, also tinted, and the article's unknown words
   * underlined. Only after the reader's first own input (the page's scripts can list the highlights).
   */
  private highlightWords(): void {
    if (!this.article || !this.savedShown) {
      for (const name of HIGHLIGHTS) setHighlight(name, []);
      return;
    }
    const forms = this.deps.known.learningForms();
    const key = forms.join();
    if (this.savedMatcher?.forms !== key) this.savedMatcher = { forms: key, matcher: new WordMatcher(forms) };
    const learning = findWords(this.article, this.savedMatcher.matcher);
    setHighlight(SAVED_HIGHLIGHT, learning);
    const on = this.deps.settings().knownHighlights;
    setHighlight(LEARNING_HIGHLIGHT, on ? learning : []);
    setHighlight(UNKNOWN_HIGHLIGHT, on ? this.unknownRanges(this.article) : []);
  }

  /** The article's dictionary words the reader does not know, found with every word of the article in its place. */
  private unknownRanges(article: Element): Range[] {
    const unknown = new Set<string>();
    const all = new Set<string>();
    for (const seg of [...this.segments.values()].flat()) {
      if (seg.kind === 'other') continue;
      all.add(seg.text);
      if (seg.kind === 'word' && this.deps.known.stateOf(headwordOf(seg), seg.hsk) === 'unknown') unknown.add(seg.text);
    }
    const key = [...all].join();
    if (this.articleMatcher?.forms !== key) this.articleMatcher = { forms: key, matcher: new WordMatcher(all) };
    return findWords(article, this.articleMatcher.matcher, (word) => unknown.has(word));
  }

  private layerOptions(mode: Exclude<PinyinLayerMode, 'off'>): LayerOptions {
    const s = this.deps.settings();
    const { known } = this.deps;
    const backgrounds = new Map<Element, Rgb>();
    return {
      mode,
      bare: (segment) => mode === 'unknown' && known.stateOf(headwordOf(segment), segment.hsk) === 'known',
      toneColors: s.toneColors ? s.toneColorList : null,
      joinSyllables: s.pinyinStyle === 'marks',
      pinyinSize: s.pinyinSize,
      backgroundOf: (node) => backgroundBehind(node.parentElement, backgrounds),
      annotate: async (paragraphs) => {
        const segments = await this.annotate(paragraphs);
        // Text the page added may hold words not asked about yet: their facts come before their pinyin is drawn.
        if (mode === 'unknown') await this.learnWords(segments.flat()).catch(() => undefined);
        return segments;
      },
      pause: this.deps.pause,
      bottomOf: (node) => node.parentElement?.getBoundingClientRect().bottom ?? 0,
      watchNear: watchNearViewport,
      stillNear: isNearViewport,
    };
  }
}
