import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serveBackground } from '../lib/messaging/server';

const notYet = (what: string) => () => {
  throw new Error(`${what} is not wired in yet`);
};

export default defineBackground(() => {
  serveBackground({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: notYet('The dictionary engine'),
    annotate: notYet('The dictionary engine'),
    saveWord: notYet('The word store'),
    wordStates: notYet('The word store'),
  });
});
