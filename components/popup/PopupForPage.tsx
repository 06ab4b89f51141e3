import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '../../lib/messaging/client';
import type { PageStatus } from '../../lib/messaging/protocol';
import { activeTabId } from '../../lib/active-tab';
import { t } from '../../lib/i18n';
import type { YueduDb } from '../../lib/store/db';
import { setSiteEnabled, watchSiteEnabled } from '../../lib/settings/store';
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
  // Whoever switches the site (this popup, the options page), the page is asked again: it applies the switch and
  // answers with the layer it then has (none when off, its default when on again).
  const tabId = page?.tabId;
  const site = page?.status.site;
  useEffect(() => {
    if (tabId === undefined || site === undefined) return undefined;
    return watchSiteEnabled(site, () => {
      void sendToTab(tabId, 'pageStatus', {}).then(
        (status) => setPage({ tabId, status }),
        () => undefined,
      );
    });
  }, [tabId, site]);
  const setEnabled = (enabled: boolean) => {
    if (!page) return;
    // Until the page answers, the layer it has is unknown.
    setPage({ ...page, status: { ...page.status, enabled, pinyinLayer: undefined } });
    setSiteEnabled(page.status.site, enabled).catch(() => setPage(page));
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
        <ArticleStats tabId={tabId} db={db} />
      </>
    );
  }
  return (
    <Popup db={db} header={header}>
      {below && <section class="yd-page">{below}</section>}
    </Popup>
  );
}
