import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serveBackground } from '../lib/messaging/server';
import type { LookupWindow } from '../lib/messaging/protocol';
import { getDictionary, lookUpSoon } from '../lib/dictionary-service';
import type { Dictionary } from '../dictionary/dictionary';
import type { Corrections } from '../dictionary/corrections';
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
import { CorrectionsService } from '../lib/corrections-service';
import { mirrorIfMissing } from '../lib/store/corrected-sites';
import { pacer } from '../lib/next-task';

export default defineBackground(() => {
  const db = openDb();
  const facts = new WordFactsReader(db);
  facts.prepare();
  // The review threshold of the known-word model, kept current rather than read from storage on every page's ask.
  let settings = loadSettings();
  watchSettings((next) => (settings = Promise.resolve(next)));
  const corrections = new CorrectionsService(db);
  // A store from before the mirror of the sites with corrections gets it once, as the new version is installed.
  browser.runtime.onInstalled.addListener(() => void mirrorIfMissing(db).catch((err: unknown) => console.warn('Yuedu: corrected sites not mirrored', err)));
  // One hover's lookup is answered as soon as it can be, from the dictionary's shards on a cold worker; a read-ahead's
  // hundreds of windows wait for the whole dictionary, which they would read most of anyway.
  const lookUp = async (windows: readonly LookupWindow[], site?: string) => {
    const read = (dictionary: Dictionary, corrected: Corrections) => {
      const decompose = (text: string) => dictionary.decompose(text);
      return windows.map(({ text, pos = 0 }) => corrected.correctMatches(text, pos, dictionary.lookup(text, pos), decompose));
    };
    const corrected = corrections.forSite(site);
    if (windows.length === 1) return lookUpSoon(corrected, read, windows.map(({ text, pos = 0 }) => text.slice(pos)));
    const [dictionary, given] = await Promise.all([getDictionary(), corrected]);
    return read(dictionary, given);
  };
  serveBackground({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: async ({ site, ...window }) => ({ matches: (await lookUp([window], site))[0] ?? [] }),
    lookupMany: async ({ windows, site }) => ({ matches: await lookUp(windows, site) }),
    annotate: async ({ paragraphs, pinyin, site }) => {
      const [annotator, corrected] = await Promise.all([getAnnotator(), corrections.forSite(site)]);
      return { paragraphs: await annotateParagraphs(annotator, paragraphs, pinyin, corrected.empty ? undefined : corrected, pacer()) };
    },
    correct: ({ action, window, length, site }) => corrections.correct(action, window, length, site),
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
