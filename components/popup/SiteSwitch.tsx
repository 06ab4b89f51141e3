import type { PageStatus } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n';

/** Yuedu on or off for the page's site: a switch button (Space or Enter toggles it), its state in words beside it. */
export function SiteSwitch({ status, onChange }: { status: PageStatus; onChange: (enabled: boolean) => void }) {
  const label = status.enabled ? t('siteOn', status.site) : t('siteOff', status.site);
  return (
    <div class="yd-site">
      <button
        type="button"
        role="switch"
        class="yd-switch"
        aria-checked={status.enabled}
        aria-label={t('siteLabel')}
        aria-describedby="yd-site-state"
        data-testid="site-switch"
        onClick={() => onChange(!status.enabled)}
      >
        <span class="yd-knob" aria-hidden="true" />
      </button>
      <span id="yd-site-state" data-testid="site-state">
        {label}
      </span>
    </div>
  );
}
