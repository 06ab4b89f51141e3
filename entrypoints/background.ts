import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serveBackground } from '../lib/messaging/server';
import { getDictionary } from '../lib/dictionary-service';

const notYet = (what: string) => () => {
  throw new Error(`${what} is not wired in yet`);
};

export default defineBackground(() => {
  serveBackground({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: async ({ text }) => ({ matches: (await getDictionary()).lookup(text, 0) }),
    annotate: notYet('The dictionary engine'),
    saveWord: notYet('The word store'),
    wordStates: notYet('The word store'),
  });
});
