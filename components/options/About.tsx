import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

export function About() {
  return (
    <section class="about" aria-labelledby="about-heading" data-testid="about">
      <h2 id="about-heading">{t('aboutHeading')}</h2>
      <p>{t('aboutVersion', browser.runtime.getManifest().version)}</p>
      <p>
        {t('aboutCedict')} <a href="https://cc-cedict.org/">cc-cedict.org</a> ·{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>
      </p>
      <p>
        {t('aboutHsk')} <a href="https://github.com/ivankra/hsk30">github.com/ivankra/hsk30</a>
      </p>
      <p>
        {t('aboutJieba')} <a href="https://github.com/fxsjy/jieba">github.com/fxsjy/jieba</a>
      </p>
      <p>
        {t('aboutPolyphones')} <a href="https://github.com/kakaobrain/g2pM">github.com/kakaobrain/g2pM</a>
      </p>
      <p>{t('aboutPrivacy')}</p>
    </section>
  );
}
