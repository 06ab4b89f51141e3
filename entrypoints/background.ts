import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serveBackground } from '../lib/messaging/server';
import { LOOKUP_BATCH } from '../lib/messaging/protocol';
import { getDictionary } from '../lib/dictionary-service';
import { getAnnotator } from '../lib/annotator-service';
import { annotateParagraphs } from '../dictionary/annotate';
import { keepBadgeCurrent, refreshBadge } from '../lib/store/badge';
import { openDb } from '../lib/store/db';
import { saveWord, wordStates } from '../lib/store/words';
import { listenForCommands } from '../lib/commands';
import { ankiAdd, ankiDescribe } from '../lib/anki/service';

export default defineBackground(() => {
  const db = openDb();
  serveBackground({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: async ({ text, pos }) => ({ matches: (await getDictionary()).lookup(text, pos ?? 0) }),
    lookupMany: async ({ windows }) => {
      if (!Array.isArray(windows) || windows.length > LOOKUP_BATCH) throw new Error(`lookupMany takes a list of at most ${LOOKUP_BATCH} windows`);
      const dictionary = await getDictionary();
      return { matches: windows.map((w) => dictionary.lookup(w.text, w.pos ?? 0)) };
    },
    annotate: async ({ paragraphs, pinyin }) => ({ paragraphs: annotateParagraphs(await getAnnotator(), paragraphs, pinyin) }),
    saveWord: async (request) => {
      const saved = await saveWord(db, request);
      // The reply does not wait for the badge: saving is what the reader is waiting on.
      void refreshBadge(db);
      return saved;
    },
    wordStates: () => wordStates(db),
    ankiAdd,
    ankiDescribe,
  });
  keepBadgeCurrent(db);
  listenForCommands();
});
