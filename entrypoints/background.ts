import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { serve } from '../lib/messaging/server';

export default defineBackground(() => {
  serve({
    ping: () => ({ pong: true, version: browser.runtime.getManifest().version }),
  });
});
