/**
 * The content script's wiring: settings and the per-site switch, the article, hover glosses, the pinyin layer,
 * saved-word highlights, and text the page adds later. The parts themselves live in their own modules.
 */
import type { Segment } from '../dictionary/types';
import { send } from '../lib/messaging/client';
import type { PinyinLayerMode } from '../lib/messaging/protocol';
import { serveTab } from '../lib/messaging/server';
import type { Settings } from '../lib/settings/settings';
import { siteOf } from '../lib/settings/sites';
import { articleStats, type ArticleStats } from '../lib/stats';
import { isSiteEnabled, loadSettings, watchSettings, watchSiteEnabled } from '../lib/settings/store';
import { ARTICLE_ATTR, articleParagraphs, markArticleInSlices } from './article';
import { HAN } from '../dictionary/chars';
import { firstChinese, hasChinese } from './chinese';
import { findWords, installHighlightStyles, SAVED_HIGHLIGHT, setHighlight } from './highlights';
import { HoverController } from './hover';
import { observeAddedText, pause, whenIdle } from './observe';
import { PinyinLayer, type LayerOptions } from './pinyin-layer';

/** Set on the article while the layer is on: its mode once complete, "pending" while chunks are still being added. */
export const LAYER_ATTR = 'data-yuedu-pinyin';

interface Invalidation {
  onInvalidated(callback: () => void): void;
}

export class Reader {
  private settings!: Settings;
  private hover: HoverController | null = null;
  private article: Element | null = null;
  private layer: PinyinLayer | null = null;
  private saved = new Set<string>();
  private known = new Set<string>();
  private stopObserving: (() => void) | null = null;
  /** Settles when the first read of the article (marking, default layer) is done: the popup waits for it. */
  private firstReading: Promise<void> = Promise.resolve();
  private readonly isTop: boolean;

  constructor(private readonly doc: Document) {
    this.isTop = doc.defaultView?.top === doc.defaultView;
  }

  get layerMode(): PinyinLayerMode {
    return this.layer?.mode ?? 'off';
  }

  async init(ctx: Invalidation): Promise<void> {
    this.settings = await loadSettings();
    const host = this.doc.location?.hostname ?? '';
    const unwatchSettings = watchSettings((next) => void this.applySettings(next));
    const unwatchSite = watchSiteEnabled(host, (enabled) => this.follow(enabled));
    if (this.isTop) {
      serveTab({
        setPinyinLayer: ({ mode }) => this.setLayer(mode),
        pageStatus: async () => {
          // The popup asks right after switching the site: apply the switch now rather than after the storage event,
          // and answer with the layer the page then has.
          const enabled = await isSiteEnabled(host);
          this.follow(enabled);
          await this.firstReading;
          return { site: siteOf(host), enabled, hasChinese: hasChinese(this.doc.body ?? this.doc), pinyinLayer: this.layerMode };
        },
        articleStats: () => this.stats(),
      });
    }
    ctx.onInvalidated(() => {
      unwatchSettings();
      unwatchSite();
      this.stop();
    });
    this.follow(await isSiteEnabled(host));
  }

  /** On or off as the site switch says: at start-up, on a change of the switch and when the popup asks. */
  private follow(enabled: boolean): void {
    if (enabled) this.start();
    else this.stop();
  }

  /** Starts reading features; on a page without Chinese, only waits (cheaply) for Chinese text to appear. */
  start(): void {
    if (this.stopObserving) return;
    const body = this.doc.body;
    if (!body) return;
    let awake = false;
    const wake = () => {
      if (awake) return;
      awake = true;
      this.wake();
    };
    this.stopObserving = observeAddedText(body, (nodes) => {
      if (!awake) {
        if (nodes.some((n) => HAN.test(n.textContent ?? ''))) wake();
        return;
      }
      void this.onAdded(nodes);
    });
    if (hasChinese(body)) wake();
  }

  stop(): void {
    this.stopObserving?.();
    this.stopObserving = null;
    this.hover?.stop();
    this.hover = null;
    this.layer?.remove();
    this.layer = null;
    this.article?.removeAttribute(LAYER_ATTR);
    this.article?.removeAttribute(ARTICLE_ATTR);
    this.article = null;
    setHighlight(SAVED_HIGHLIGHT, []);
  }

  private wake(): void {
    installHighlightStyles(this.doc);
    this.hover = new HoverController(this.doc, {
      lookup: async (window) => (await send('lookup', window)).matches,
      lookupMany: async (windows) => (await send('lookupMany', { windows })).matches,
      idle: whenIdle,
      save: (word, context) => send('saveWord', { word, context }),
      sendToAnki: (word, context) => send('ankiAdd', { word, context }),
      settings: () => this.settings,
      onSaved: (word) => {
        this.saved.add(word);
        this.highlightSaved();
      },
    });
    this.hover.start();
    if (!this.isTop) {
      this.readAheadFrom(this.doc.body);
      return;
    }
    this.firstReading = new Promise((resolve) => whenIdle(() => void this.firstRead().finally(resolve)));
  }

  /** Looks up the first words of `root` before the reader points at any (which also has the dictionary loaded). */
  private readAheadFrom(root: Node | null): void {
    const start = root && firstChinese(root);
    if (start) this.hover?.readAhead(start);
  }

  private async firstRead(): Promise<void> {
    this.article = await markArticleInSlices(this.doc, pause);
    // After the article is marked, so as not to slow it down; where the reader starts reading.
    this.readAheadFrom(this.article ?? this.doc.body);
    await this.refreshStates();
    this.highlightSaved();
    const initial = this.settings.pinyinLayerDefault;
    if (this.article && initial !== 'off') await this.setLayer(initial);
  }

  private async onAdded(nodes: Node[]): Promise<void> {
    if (!this.isTop) return;
    if (!this.article?.isConnected) {
      const mode = this.layerMode;
      this.layer = null;
      this.article = await markArticleInSlices(this.doc, pause);
      if (this.article && mode !== 'off') await this.setLayer(mode);
    } else if (this.layer && this.layer.mode !== 'off') {
      const article = this.article;
      const within = nodes.filter((n) => article.contains(n));
      if (within.length) await this.layer.apply(this.layerOptions(this.layer.mode), within);
    }
    this.highlightSaved();
  }

  private async refreshStates(): Promise<void> {
    try {
      const { saved, known } = await send('wordStates', {});
      this.saved = new Set(saved);
      this.known = new Set(known);
    } catch (err) {
      // Without the word store the page still reads; only saved/known marking is missing.
      console.warn('Yuedu: word states unavailable', err);
    }
  }

  private highlightSaved(): void {
    setHighlight(SAVED_HIGHLIGHT, this.article ? findWords(this.article, this.saved) : []);
  }

  private layerOptions(mode: Exclude<PinyinLayerMode, 'off'>): LayerOptions {
    const s = this.settings;
    return {
      mode,
      known: this.known,
      toneColors: s.toneColors ? s.toneColorList : null,
      joinSyllables: s.pinyinStyle === 'marks',
      annotate: async (paragraphs): Promise<Segment[][]> =>
        (await send('annotate', { paragraphs, pinyin: { style: s.pinyinStyle, sandhi: s.sandhi } })).paragraphs,
      pause,
      bottomOf: (node) => node.parentElement?.getBoundingClientRect().bottom ?? 0,
    };
  }

  /** Turns the layer on (in a mode), off, or toggles it; resolves with the mode in force once the work is done. */
  async setLayer(request: PinyinLayerMode | 'toggle'): Promise<{ mode: PinyinLayerMode }> {
    const current = this.layerMode;
    const fallback = this.settings.pinyinLayerDefault === 'off' ? 'all' : this.settings.pinyinLayerDefault;
    const mode = request === 'toggle' ? (current === 'off' ? fallback : 'off') : request;
    if (!this.article?.isConnected) this.article = await markArticleInSlices(this.doc, pause);
    const article = this.article;
    this.layer?.remove();
    this.layer = null;
    if (!article || mode === 'off') {
      article?.removeAttribute(LAYER_ATTR);
      this.highlightSaved();
      return { mode: 'off' };
    }
    const layer = new PinyinLayer(article);
    this.layer = layer;
    article.setAttribute(LAYER_ATTR, 'pending');
    if (mode === 'unknown') await this.refreshStates();
    try {
      await layer.apply(this.layerOptions(mode));
    } catch (err) {
      layer.remove();
      if (this.layer === layer) this.layer = null;
      article.removeAttribute(LAYER_ATTR);
      throw err;
    }
    if (this.layer === layer) article.setAttribute(LAYER_ATTR, mode);
    this.highlightSaved();
    return { mode: this.layerMode };
  }

  /** Statistics of the article for the popup, or null without an article (or with Yuedu off here). */
  private async stats(): Promise<(ArticleStats & { page: { title: string; url: string } }) | null> {
    if (!this.stopObserving) return null;
    if (!this.article?.isConnected) this.article = await markArticleInSlices(this.doc, pause);
    if (!this.article) return null;
    const paragraphs = articleParagraphs(this.article);
    const segments = await this.layerOptions('all').annotate(paragraphs);
    await this.refreshStates();
    const stats = articleStats(paragraphs, segments, { known: this.known, saved: this.saved });
    return { ...stats, page: { title: this.doc.title, url: this.doc.location?.href ?? '' } };
  }

  private async applySettings(next: Settings): Promise<void> {
    const before = this.settings;
    this.settings = next;
    const redraw =
      before.pinyinStyle !== next.pinyinStyle ||
      before.toneColors !== next.toneColors ||
      before.sandhi !== next.sandhi ||
      before.toneColorList.join() !== next.toneColorList.join();
    const mode = this.layerMode;
    if (redraw && mode !== 'off') await this.setLayer(mode);
  }
}
