import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/settings';
import { loadSettings, updateSettings } from '../../lib/settings/store';
import { KnownLevel } from '../known/KnownLevel';

/** The first-run question, "which words do you know already?", asked once over a page with Chinese, until answered. */
export function KnownLevelQuestion({ changed }: { changed: () => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, () => undefined);
  }, []);
  if (!settings || settings.knownLevelChosen) return null;
  const change = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    void updateSettings(patch).then(changed, () => undefined);
  };
  return (
    <div class="yd-known-level" data-testid="known-level-question">
      <p>{t('knownLevelQuestion')}</p>
      <KnownLevel id="yd-known-level" value={settings.knownLevel} onChange={(knownLevel) => change({ knownLevel })} />
      <button type="button" data-testid="known-level-ok" onClick={() => change({ knownLevelChosen: true })}>
        {t('knownLevelDone')}
      </button>
    </div>
  );
}
