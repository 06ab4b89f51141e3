import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '../../lib/messaging/client';
import type { PageStatus } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n';
import { setSiteEnabled } from '../../lib/settings/store';
import { activeTabId } from './active-tab';
import { ArticleStats } from './ArticleStats';
import { SiteSwitch } from './SiteSwitch';
import './page-panel.css';

/** The popup's part about the page it was opened over: the site switch and, where Yuedu is on, the article stats. */
export function PagePanel() {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      const id = await activeTabId();
      setTabId(id);
      // No answer: a browser page, or a page loaded before Yuedu was installed or updated.
      setStatus(id === undefined ? null : await sendToTab(id, 'pageStatus', {}).catch(() => null));
    })();
  }, []);

  if (status === undefined) return null;
  if (status === null || tabId === undefined) {
    return (
      <section class="yd-page" data-testid="page-panel">
        <p data-testid="site-unavailable">{t('siteUnavailable')}</p>
      </section>
    );
  }
  const onChange = (enabled: boolean) => {
    setStatus({ ...status, enabled });
    setSiteEnabled(status.site, enabled).catch(() => setStatus(status));
  };
  return (
    <section class="yd-page" data-testid="page-panel">
      <SiteSwitch status={status} onChange={onChange} />
      {!status.hasChinese ? <p>{t('siteNoChinese')}</p> : status.enabled && <ArticleStats tabId={tabId} />}
    </section>
  );
}
