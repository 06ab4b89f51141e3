import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '../../lib/messaging/client';
import type { PageStatus } from '../../lib/messaging/protocol';
import { activeTabId } from '../../lib/active-tab';
import { t } from '../../lib/i18n';
import type { YueduDb } from '../../lib/store/db';
import { setSiteEnabled } from '../../lib/settings/store';
import { ArticleStats } from './ArticleStats';
import { PinyinLayerControl } from './PinyinLayerControl';
import { Popup } from './Popup';
import { SiteSwitch } from './SiteSwitch';
import './page-panel.css';

/** The tab the popup was opened over and what its content script says of it; null when no content script answers. */
function usePage() {
  const [page, setPage] = useState<{ tabId: number; status: PageStatus } | null | undefined>(undefined);
  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      // No answer: a browser page, or a page loaded before Yuedu was installed or updated.
      const status = tabId === undefined ? null : await sendToTab(tabId, 'pageStatus', {}).catch(() => null);
      setPage(tabId !== undefined && status ? { tabId, status } : null);
    })();
  }, []);
  const setEnabled = (enabled: boolean) => {
    if (!page) return;
    const { tabId } = page;
    // The layer shown is unknown until the page answers: switched off it has none, switched on it draws its default.
    setPage({ tabId, status: { ...page.status, enabled, pinyinLayer: undefined } });
    void (async () => {
      try {
        await setSiteEnabled(page.status.site, enabled);
      } catch {
        setPage(page);
        return;
      }
      const status = await sendToTab(tabId, 'pageStatus', {}).catch(() => null);
      if (status) setPage({ tabId, status });
    })();
  };
  return { page, setEnabled };
}

/** The popup with its page parts: the site switch in the header, the pinyin layer and the article stats under the review. */
export function PopupForPage({ db }: { db: YueduDb }) {
  const { page, setEnabled } = usePage();
  const header = page && <SiteSwitch status={page.status} onChange={setEnabled} />;
  let below = null;
  if (page === null) below = <p data-testid="site-unavailable">{t('siteUnavailable')}</p>;
  else if (page && !page.status.hasChinese) below = <p>{t('siteNoChinese')}</p>;
  else if (page?.status.enabled) {
    const { tabId } = page;
    below = (
      <>
        {page.status.pinyinLayer && (
          <PinyinLayerControl initial={page.status.pinyinLayer} setMode={(mode) => sendToTab(tabId, 'setPinyinLayer', { mode })} />
        )}
        <ArticleStats tabId={tabId} />
      </>
    );
  }
  return (
    <Popup db={db} header={header}>
      {below && <section class="yd-page">{below}</section>}
    </Popup>
  );
}
