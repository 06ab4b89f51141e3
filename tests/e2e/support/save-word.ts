import type { Page } from 'playwright-core';

/** Sends saveWord to the service worker from an extension page, as the content script does from a news page. */
export const saveWord = (page: Page, word: object, sentence: string) =>
  page.evaluate(
    ([w, sentence]) =>
      chrome.runtime.sendMessage({
        yuedu: 1,
        type: 'saveWord',
        payload: { word: w, context: { sentence, title: '丝路新闻', url: 'http://127.0.0.1/silk-road.html' } },
      }),
    [word, sentence] as const,
  );
