import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serveBackground } from '../lib/messaging/server';
import { getDictionary } from '../lib/dictionary-service';
import { keepBadgeCurrent, refreshBadge } from '../lib/store/badge';
import { openDb } from '../lib/store/db';
import { saveWord, wordStates } from '../lib/store/words';

const notYet = (what: string) => () => {
  throw new Error(`${what} is not wired in yet`);
};

export default defineBackground(() => {
  const db = openDb();
  serveBackground({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: async ({ text }) => ({ matches: (await getDictionary()).lookup(text, 0) }),
    annotate: notYet('The dictionary engine'),
    saveWord: async (request) => {
      const saved = await saveWord(db, request);
      await refreshBadge(db);
      return saved;
    },
    wordStates: () => wordStates(db),
  });
  keepBadgeCurrent(db);
});
