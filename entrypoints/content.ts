import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../lib/messaging/client';
import { startPage } from '../content/page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Hover works inside frames too; the article and its pinyin layer belong to the top frame only.
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    const { version } = await send('ping', {});
    // A visible sign that the script is alive, for the end-to-end tests and for debugging on a page.
    document.documentElement.setAttribute('data-yuedu', version);
    await startPage(document, ctx);
  },
});
