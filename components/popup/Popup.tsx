import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import type { YueduDb } from '../../lib/store/db';
import { Review } from './Review';
import { Search } from './Search';

const openWordList = () => void browser.tabs.create({ url: browser.runtime.getURL('/words.html') });

/**
 * The toolbar popup: the search box (`/` focuses it), then the review, since it is what the popup opens for.
 * `header` holds small per-site controls (the site on/off toggle); `children` go under the review (article stats).
 */
export function Popup({ db, header, children }: { db: YueduDb; header?: ComponentChildren; children?: ComponentChildren }) {
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        <div class="popup-header-slot">{header}</div>
      </header>
      <Search />
      <Review db={db} openWordList={openWordList} />
      <div class="popup-extras">{children}</div>
      <footer class="popup-footer">
        <button type="button" class="link" onClick={openWordList} data-testid="open-word-list">
          {t('popupWordList')}
        </button>
      </footer>
    </main>
  );
}
