import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { disabledSitesItem, setSiteEnabled } from '../../lib/settings/store';

/** The sites turned off from the popup, each with a button to turn it on again. */
export function DisabledSites() {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    disabledSitesItem.getValue().then(setSites, () => setSites([]));
    return disabledSitesItem.watch((list) => setSites(list ?? []));
  }, []);
  return (
    <div class="field" data-setting="disabledSites">
      <h3 id="sites-heading">{t('optionsSitesHeading')}</h3>
      {sites.length === 0 ? (
        <p>{t('optionsSitesNone')}</p>
      ) : (
        <ul aria-labelledby="sites-heading">
          {sites.map((site) => (
            <li key={site}>
              <span lang="en">{site}</span>{' '}
              <button type="button" onClick={() => void setSiteEnabled(site, true)}>
                {t('optionsSiteTurnOn', site)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
