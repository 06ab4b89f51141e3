import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serve } from '../lib/messaging/server';

export default defineBackground(() => {
  serve({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
    lookup: () => {
      throw new Error('The dictionary engine is not wired in yet');
    },
    annotate: () => {
      throw new Error('The dictionary engine is not wired in yet');
    },
  });
});
