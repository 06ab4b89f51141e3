/**
 * What the top frame does on a page it reads: finds the article, draws the pinyin layer over it, underlines the saved
 * words, follows text the page adds later and counts the article's words for the popup. Sub-frames only hover.
 */
import type { PinyinOptions, Segment } from '../dictionary/types';
import type { PinyinLayerMode } from '../lib/domain/pinyin-layer';
import type { Settings } from '../lib/settings/settings';
import { articleStats, type ArticleStats } from '../lib/stats';
import { ARTICLE_ATTR, articleParagraphs } from './article';
import { findWords, SAVED_HIGHLIGHT, setHighlight } from './highlights';
import { watchNearViewport } from './near-viewport';
import { WordMatcher } from './word-matcher';
import { PinyinLayer, type LayerOptions } from './pinyin-layer';

export interface ArticleDeps {
  doc: Document;
  settings(): Settings;
  /** Finds and marks the article (in slices: a huge page stays responsive); null when the page has none. */
  markArticle(): Promise<Element | null>;
  /** The reader's saved and known words (simplified and traditional). */
  wordStates(): Promise<{ saved: string[]; known: string[] }>;
  annotate(paragraphs: string[], pinyin: PinyinOptions): Promise<Segment[][]>;
  pause(): Promise<void>;
  /** Has the words where reading starts looked up before the reader points at any. */
  readAheadFrom(root: Node): void;
}

export type PageArticleStats = ArticleStats & { page: { title: string; url: string } };

export class ArticleReading {
  private article: Element | null = null;
  private layer: PinyinLayer | null = null;
  private saved = new Set<string>();
  /**
   * Whether the saved-word underlines may be drawn: they live in the page's CSS.highlights registry, which the page's
   * scripts can list, so they wait for the reader's first own input on the page (content/first-input.ts).
   */
  private savedShown = false;
  /** The saved words' matcher, built again only when the saved words change. */
  private savedMatcher: WordMatcher | null = null;
  private known = new Set<string>();
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
    // The layer does not wait for the word store (only "unknown" mode needs it, and setLayer asks for it then).
    const states = this.refreshStates();
    const initial = this.firstLayer;
    this.firstLayer = null;
    if (article && initial && initial !== 'off' && !this.stopped) await this.setLayer(initial);
    await states;
    this.highlightSaved();
    return article;
  }

  stop(): void {
    this.stopped = true;
    this.firstLayer = null;
    this.layer?.remove();
    this.layer = null;
    this.article?.removeAttribute(ARTICLE_ATTR);
    this.article = null;
    setHighlight(SAVED_HIGHLIGHT, []);
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
    this.highlightSaved();
  }

  /** The reader is on the page: the saved words may be underlined from now on. */
  showSaved(): void {
    if (this.savedShown) return;
    this.savedShown = true;
    this.highlightSaved();
  }

  /** A word the reader just saved: underlined at once. */
  addSaved(word: string): void {
    if (this.saved.has(word)) return;
    this.saved.add(word);
    this.savedMatcher = null;
    this.highlightSaved();
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
      this.highlightSaved();
      return { mode: 'off' };
    }
    const layer = this.layerOf(article);
    if (mode === 'unknown') await this.refreshStates();
    await layer.apply(this.layerOptions(mode));
    this.highlightSaved();
    return { mode: layer.mode };
  }

  /** Redraws the layer when a setting it shows changed. */
  async settingsChanged(before: Settings, next: Settings): Promise<void> {
    const redraw =
      before.pinyinStyle !== next.pinyinStyle ||
      before.toneColors !== next.toneColors ||
      before.sandhi !== next.sandhi ||
      before.toneColorList.join() !== next.toneColorList.join();
    const mode = this.layer?.mode ?? 'off';
    if (redraw && mode !== 'off') await this.setLayer(mode);
  }

  /** Statistics of the article for the popup, or null without an article. */
  async stats(): Promise<PageArticleStats | null> {
    const article = await this.ensureArticle();
    if (!article) return null;
    const paragraphs = articleParagraphs(article);
    const segments = await this.layerOptions('all').annotate(paragraphs);
    await this.refreshStates();
    const stats = articleStats(paragraphs, segments, { known: this.known, saved: this.saved });
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

  private async refreshStates(): Promise<void> {
    try {
      const { saved, known } = await this.deps.wordStates();
      this.saved = new Set(saved);
      this.savedMatcher = null;
      this.known = new Set(known);
    } catch (err) {
      // Without the word store the page still reads; only saved/known marking is missing.
      console.warn('Yuedu: word states unavailable', err);
    }
  }

  private highlightSaved(): void {
    if (!this.article || !this.savedShown) return setHighlight(SAVED_HIGHLIGHT, []);
    this.savedMatcher ??= new WordMatcher(this.saved);
    setHighlight(SAVED_HIGHLIGHT, findWords(this.article, this.savedMatcher));
  }

  private layerOptions(mode: Exclude<PinyinLayerMode, 'off'>): LayerOptions {
    const s = this.deps.settings();
    return {
      mode,
      known: this.known,
      toneColors: s.toneColors ? s.toneColorList : null,
      joinSyllables: s.pinyinStyle === 'marks',
      annotate: (paragraphs) => this.deps.annotate(paragraphs, { style: s.pinyinStyle, sandhi: s.sandhi }),
      pause: this.deps.pause,
      bottomOf: (node) => node.parentElement?.getBoundingClientRect().bottom ?? 0,
      watchNear: watchNearViewport,
    };
  }
}
