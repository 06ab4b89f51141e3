import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../lib/messaging/client';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const { version } = await send('ping', { from: 'content' });
    // A visible sign that the script is alive, for the end-to-end tests and for debugging on a page.
    document.documentElement.setAttribute('data-yuedu', version);
  },
});
