import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serveBackground } from '../lib/messaging/server';
import { getDictionary } from '../lib/dictionary-service';
import { search } from '../lib/search-service';
import { getAnnotator } from '../lib/annotator-service';
import { annotateParagraphs } from '../dictionary/annotate';
import { keepBadgeCurrent } from '../lib/store/badge';
import { openDb } from '../lib/store/db';
import { saveWord } from '../lib/store/words';
import { setMarks, WordFactsReader } from '../lib/store/known';
import { loadSettings, watchSettings } from '../lib/settings/store';
import { recordLookup } from '../lib/store/history';
import { listenForCommands } from '../lib/commands';
import { ankiAdd, ankiDescribe } from '../lib/anki/service';

export default defineBackground(() => {
  const db = openDb();
  const facts = new WordFactsReader(db);
  // The review threshold of the known-word model, kept current rather than read from storage on every page's ask.
  let settings = loadSettings();
  watchSettings((next) => (settings = Promise.resolve(next)));
  serveBackground({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: async ({ text, pos }) => ({ matches: (await getDictionary()).lookup(text, pos ?? 0) }),
    lookupMany: async ({ windows }) => {
      const dictionary = await getDictionary();
      return { matches: windows.map((w) => dictionary.lookup(w.text, w.pos ?? 0)) };
    },
    annotate: async ({ paragraphs, pinyin }) => ({ paragraphs: annotateParagraphs(await getAnnotator(), paragraphs, pinyin) }),
    search: async ({ query }) => ({ matches: await search(query) }),
    saveWord: (request) => saveWord(db, request),
    lookedUp: async (request) => {
      await recordLookup(db, request);
      return {};
    },
    wordStates: async ({ words }) => facts.facts(words, (await settings).knownStabilityDays),
    markWords: ({ words, mark }) => setMarks(db, words, mark),
    ankiAdd,
    ankiDescribe,
  });
  keepBadgeCurrent(db);
  listenForCommands();
});
