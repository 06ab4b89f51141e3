import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { onRealInvalidation } from '../content/invalidation';
import { startPage } from '../content/page';

/**
 * The document event WXT's context (wxt/utils/content-script-context) sends when a newer copy of this script starts;
 * its name is private to WXT, so it is spelled here the way WXT 0.20 spells it.
 */
const newerScriptEvent = () => `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Hover works inside frames too; the article and its pinyin layer belong to the top frame only.
  allFrames: true,
  matchAboutBlank: true,
  // WXT would also window.postMessage its start to the page, extension id included, for older WXT versions to hear:
  // a page must not learn the id nor be able to replay it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // A visible sign that the script is alive, for the end-to-end tests and for debugging on a page. Read from the
    // manifest rather than asked of the service worker: nothing the page shows waits for the worker to start.
    document.documentElement.setAttribute('data-yuedu', browser.runtime.getManifest().version);
    const stopped = { onInvalidated: (stop: () => void) =>
      onRealInvalidation(ctx, {
        alive: () => browser.runtime?.id != null,
        listenForNewer: (heard) => {
          const type = newerScriptEvent();
          document.addEventListener(type, heard);
          return () => document.removeEventListener(type, heard);
        },
      }, stop) };
    await startPage(document, stopped);
  },
});
