/**
 * The content script's answers to the toolbar popup: the page's site switch state and the article statistics.
 * The content script's `serveTab({...})` spreads `popupRequests(...)` into its handlers.
 */
import type { Handlers } from '../lib/messaging/server';
import type { TabRequests } from '../lib/messaging/protocol';
import { send } from '../lib/messaging/client';
import { isSiteEnabled } from '../lib/settings/store';
import { siteOf } from '../lib/settings/sites';
import { articleStats } from '../lib/stats';
import { articleParagraphs } from './paragraphs';
import { hasChinese } from './chinese';

type PopupHandlers = Pick<Handlers<TabRequests>, 'pageStatus' | 'articleStats'>;

/** `getArticle` gives the article the content script found (null when the page has none). */
export function popupRequests(getArticle: () => Element | null, doc: Document = document): PopupHandlers {
  const hostname = () => doc.location?.hostname ?? '';
  return {
    async pageStatus() {
      return { site: siteOf(hostname()), enabled: await isSiteEnabled(hostname()), hasChinese: hasChinese(doc.body ?? doc) };
    },
    async articleStats() {
      const article = getArticle();
      if (!article || !(await isSiteEnabled(hostname()))) return null;
      const paragraphs = articleParagraphs(article);
      if (paragraphs.length === 0) return null;
      const [annotated, states] = await Promise.all([
        // The style is irrelevant to the counts; numbers are the cheapest to produce.
        send('annotate', { paragraphs, pinyin: { style: 'numbers', sandhi: false } }),
        send('wordStates', {}),
      ]);
      const stats = articleStats(paragraphs, annotated.paragraphs, { known: new Set(states.known), saved: new Set(states.saved) });
      return { ...stats, page: { title: doc.title, url: doc.location?.href ?? '' } };
    },
  };
}
