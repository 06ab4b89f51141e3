/**
 * The content script's composition root: settings and the per-site switch, the page session, the tab requests of the
 * popup and the keyboard command, and the parts a read page runs (hover in every frame; the article, its layer and
 * saved words in the top frame). The policy lives in those parts.
 */
import { unpackFacts } from '../lib/domain/known';
import { send } from '../lib/messaging/client';
import { serveTab } from '../lib/messaging/server';
import type { Settings } from '../lib/settings/settings';
import { siteOf } from '../lib/settings/sites';
import { isSiteEnabled, loadSettings, watchSettings, watchSiteEnabled } from '../lib/settings/store';
import { annotateInChunks } from './annotate-chunks';
import { markArticleInSlices } from './article';
import { nextTask } from '../lib/next-task';
import { ArticleReading } from './article-reading';
import { firstChinese, hasChinese } from './chinese';
import { onFirstTrustedInput } from './first-input';
import { installHighlightStyles } from './highlights';
import { HoverController } from './hover/controller';
import { KnownWords } from './known-words';
import type { Invalidation } from './invalidation';
import { observeAddedText, pause, whenIdle } from './observe';
import { pageAddress } from './page-address';
import { PageSession, type Reading } from './page-session';
import { wakeWorkerOnInput } from './wake-worker';
import { firstAnswer, WorkerPulse } from './worker-pulse';
import { ownLookup } from './hover/own-lookup';

/** A page being read: its hover, and its article when this is the top frame. */
interface PageReading extends Reading {
  article: ArticleReading | null;
}

/** The site whose corrections apply in this frame: its page's (a frame without an address of its own takes its page's). */
function siteOfFrame(doc: Document): string {
  try {
    return doc.defaultView ? siteOf(new URL(pageAddress(doc.defaultView)).hostname) : '';
  } catch {
    return '';
  }
}

function readPage(doc: Document, isTop: boolean, settings: () => Settings): PageReading {
  installHighlightStyles(doc);
  let article: ArticleReading | null = null;
  let stopWaiting = () => {};
  // Every message to the worker is watched: a hover's lookup is answered here when the worker is late.
  const pulse = new WorkerPulse();
  const ask: typeof send = (type, payload) => pulse.track(send(type, payload));
  const known = new KnownWords({
    level: () => settings().knownLevel,
    facts: async (words) => unpackFacts(words, await ask('wordStates', { words })),
    mark: (words, mark) => ask('markWords', { words, mark }),
  });
  const site = siteOfFrame(doc);
  const hover = new HoverController(doc, {
    lookup: (window) => {
      const asked = ask('lookup', { ...window, site }).then((answer) => answer.matches);
      return firstAnswer(asked, pulse.late(), () => ownLookup(window, site));
    },
    lookupMany: async (windows) => (await ask('lookupMany', { windows, site })).matches,
    correct: (action, window, length) => ask('correct', { action, window, length, site }),
    onCorrected: async () => article?.redraw().catch((err: unknown) => console.warn('Yuedu: layer not redrawn', err)),
    idle: whenIdle,
    save: (word, context) => ask('saveWord', { word, context }),
    // Not watched: it waits for AnkiConnect, not for the worker.
    sendToAnki: (word, context) => send('ankiAdd', { word, context }),
    settings,
    onSaved: (word) => article?.addSaved(word.simplified, word.traditional),
    known: {
      stateOf: (word, hsk) => (known.has(word) ? known.stateOf(word, hsk) : undefined),
      learn: (word) => known.learn([word]),
      toggle: async (word, hsk) => {
        const state = await known.toggle(word, hsk);
        await article?.statesChanged();
        return state;
      },
    },
    lookedUp: (word, context) => void ask('lookedUp', { word, context }).catch((err: unknown) => console.warn('Yuedu: history not kept', err)),
  });
  hover.start();
  // A hover after a pause finds the worker started (wake-worker.ts); a failed ping has nothing to tell the reader.
  const stopWaking = doc.defaultView ? wakeWorkerOnInput(doc.defaultView, () => void ask('ping', {}).catch(() => undefined)) : () => undefined;
  // Looks up the first words of `root` before the reader points at any (which also has the dictionary loaded).
  const readAheadFrom = (root: Node) => {
    const start = firstChinese(root);
    if (start) hover.readAhead(start);
  };
  // At once, in every frame: the first ask wakes a stopped service worker, which then loads the dictionary while the
  // top frame is still finding its article, rather than after (the first card after a cold start waits on that load).
  if (doc.body) readAheadFrom(doc.body);
  if (isTop) {
    const reading = new ArticleReading({
      doc,
      settings,
      // Marking goes on at the next task, not in idle time: the layer and the saved words wait for it.
      markArticle: () => markArticleInSlices(doc, nextTask),
      known,
      annotate: (paragraphs, pinyin) => annotateInChunks(paragraphs, async (chunk) => (await ask('annotate', { paragraphs: chunk, pinyin, site })).paragraphs),
      pause,
      readAheadFrom,
    });
    article = reading;
    stopWaiting = doc.defaultView ? onFirstTrustedInput(doc.defaultView, () => reading.showSaved()) : () => undefined;
    whenIdle(() => void reading.start().catch((err: unknown) => console.warn('Yuedu: first read failed', err)));
  }
  return {
    article,
    added: (nodes) => void article?.added(nodes).catch((err: unknown) => console.warn('Yuedu: added text not read', err)),
    stop: () => {
      hover.stop();
      stopWaking();
      stopWaiting();
      article?.stop();
    },
  };
}

export async function startPage(doc: Document, ctx: Invalidation): Promise<void> {
  let settings = await loadSettings();
  const host = doc.location?.hostname ?? '';
  const isTop = doc.defaultView?.top === doc.defaultView;
  const session = new PageSession({
    root: () => doc.body,
    hasChinese,
    observe: (root, onAdded) => observeAddedText(root, onAdded),
    read: () => readPage(doc, isTop, () => settings),
  });
  const unwatchSettings = watchSettings((next) => {
    const before = settings;
    settings = next;
    void session.reading?.article?.settingsChanged(before, next);
  });
  const unwatchSite = watchSiteEnabled(host, (enabled) => session.follow(enabled));
  // An invalidated script (the extension reloaded or updated) must stop answering the popup for this tab.
  const unserve = !isTop
    ? () => undefined
    : serveTab({
      setPinyinLayer: async ({ mode }) => (await session.reading?.article?.setLayer(mode)) ?? { mode: 'off' },
      pageStatus: async () => {
        // The popup asks right after switching the site: apply the switch now rather than after the storage event,
        // and answer at once with the layer the page then has (or is drawing).
        const enabled = await isSiteEnabled(host);
        session.follow(enabled);
        const pinyinLayer = session.reading?.article?.layerMode ?? 'off';
        return { site: siteOf(host), enabled, hasChinese: hasChinese(doc.body ?? doc), pinyinLayer };
      },
      articleStats: async () => (await session.reading?.article?.stats()) ?? null,
    });
  ctx.onInvalidated(() => {
    unserve();
    unwatchSettings();
    unwatchSite();
    session.stop();
  });
  session.follow(await isSiteEnabled(host));
}
