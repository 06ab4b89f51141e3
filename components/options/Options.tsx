import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { PINYIN_STYLES } from '../../dictionary/types';
import { PINYIN_LAYER_MODES } from '../../lib/domain/pinyin-layer';
import { HEADWORD_FIRST, HOVER_TRIGGERS, type Settings } from '../../lib/settings/settings';
import { loadSettings, resetSettings, updateSettings, watchSettings } from '../../lib/settings/store';
import {
  CARD_FONT_SIZE,
  DAILY_NEW_CARDS,
  KNOWN_STABILITY_DAYS,
  PINYIN_SIZE,
  SPEECH_RATE,
  sanitizeSettings,
} from '../../lib/settings/sanitize';
import { About } from './About';
import { choiceLabels } from './labels';
import { ColorField, Choice, NumberField, Toggle } from './fields';
import { Preview } from './Preview';
import { Shortcut } from './Shortcut';
import { DisabledSites } from './DisabledSites';
import { AnkiSection } from './AnkiSection';
import { Voices } from './Voices';
import { KnownLevel } from '../known/KnownLevel';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadSettings().then(setSettings, (err: unknown) => setError(String(err)));
    // Another options tab or a synced browser may change the settings; show what is stored.
    return watchSettings(setSettings);
  }, []);

  if (error) return <p role="alert">{t('optionsLoadError', error)}</p>;
  if (!settings) return <p>{t('loading')}</p>;

  const labels = choiceLabels();
  /** Shows the change at once and stores it; resolves once stored (Send to Anki waits for that before asking Anki). */
  const change = (patch: Partial<Settings>): Promise<void> => {
    setSettings(sanitizeSettings({ ...settings, ...patch }));
    return updateSettings(patch).then(
      () => setStatus(t('optionsSaved')),
      (err: unknown) => setStatus(String(err)),
    );
  };
  const setColor = (index: number, color: string) => {
    const list = [...settings.toneColorList];
    list[index] = color;
    change({ toneColorList: list as Settings['toneColorList'] });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <div class="columns">
        <form class="settings" aria-label={t('optionsTitle')} onSubmit={(e) => e.preventDefault()}>
          <section aria-labelledby="pinyin-heading">
            <h2 id="pinyin-heading">{t('optionsPinyinHeading')}</h2>
            <Choice
              name="pinyinStyle"
              legend={t('optionsPinyinStyle')}
              value={settings.pinyinStyle}
              choices={options(PINYIN_STYLES, labels.pinyinStyle)}
              onChange={(pinyinStyle) => change({ pinyinStyle })}
            />
            <Toggle name="sandhi" label={t('optionsSandhi')} checked={settings.sandhi} onChange={(sandhi) => change({ sandhi })} />
            <NumberField
              name="pinyinSize"
              label={t('optionsPinyinSize')}
              hint={t('optionsPinyinSizeHint')}
              value={settings.pinyinSize}
              {...PINYIN_SIZE}
              onChange={(pinyinSize) => change({ pinyinSize })}
            />
            <Toggle
              name="toneColors"
              label={t('optionsToneColors')}
              checked={settings.toneColors}
              onChange={(toneColors) => change({ toneColors })}
            />
            <fieldset class="field tone-colors" disabled={!settings.toneColors}>
              <legend>{t('optionsToneColorsLegend')}</legend>
              {settings.toneColorList.map((color, i) => (
                <ColorField
                  key={i}
                  name={`toneColor${i + 1}`}
                  label={labels.tones[i] ?? ''}
                  value={color}
                  onChange={(value) => setColor(i, value)}
                />
              ))}
            </fieldset>
          </section>

          <section aria-labelledby="card-heading">
            <h2 id="card-heading">{t('optionsCardHeading')}</h2>
            <Choice
              name="hoverTrigger"
              legend={t('optionsHoverTrigger')}
              value={settings.hoverTrigger}
              choices={options(HOVER_TRIGGERS, labels.hoverTrigger)}
              onChange={(hoverTrigger) => change({ hoverTrigger })}
            />
            <NumberField
              name="cardFontSize"
              label={t('optionsCardFontSize')}
              value={settings.cardFontSize}
              {...CARD_FONT_SIZE}
              onChange={(cardFontSize) => change({ cardFontSize })}
            />
            <Choice
              name="headwordFirst"
              legend={t('optionsHeadwordFirst')}
              value={settings.headwordFirst}
              choices={options(HEADWORD_FIRST, labels.headwordFirst)}
              onChange={(headwordFirst) => change({ headwordFirst })}
            />
            <Toggle name="showHsk" label={t('optionsShowHsk')} checked={settings.showHsk} onChange={(showHsk) => change({ showHsk })} />
            <NumberField
              name="speechRate"
              label={t('optionsSpeechRate')}
              value={settings.speechRate}
              {...SPEECH_RATE}
              onChange={(speechRate) => change({ speechRate })}
            />
            <Voices />
          </section>

          <section aria-labelledby="reading-heading">
            <h2 id="reading-heading">{t('optionsReadingHeading')}</h2>
            <Choice
              name="pinyinLayerDefault"
              legend={t('optionsPinyinLayerDefault')}
              value={settings.pinyinLayerDefault}
              choices={options(PINYIN_LAYER_MODES, labels.layer)}
              onChange={(pinyinLayerDefault) => change({ pinyinLayerDefault })}
            />
            <KnownLevel id="known-level" value={settings.knownLevel} onChange={(knownLevel) => change({ knownLevel, knownLevelChosen: true })} />
            <Toggle
              name="knownHighlights"
              label={t('optionsKnownHighlights')}
              checked={settings.knownHighlights}
              onChange={(knownHighlights) => change({ knownHighlights })}
            />
            <Shortcut />
            <DisabledSites />
          </section>

          <section aria-labelledby="review-heading">
            <h2 id="review-heading">{t('optionsReviewHeading')}</h2>
            <NumberField
              name="dailyNewCards"
              label={t('optionsDailyNewCards')}
              hint={t('optionsDailyNewCardsHint')}
              value={settings.dailyNewCards}
              {...DAILY_NEW_CARDS}
              onChange={(dailyNewCards) => change({ dailyNewCards })}
            />
            <NumberField
              name="knownStabilityDays"
              label={t('optionsKnownStability')}
              hint={t('optionsKnownStabilityHint')}
              value={settings.knownStabilityDays}
              {...KNOWN_STABILITY_DAYS}
              onChange={(knownStabilityDays) => change({ knownStabilityDays })}
            />
          </section>

          <AnkiSection anki={settings.anki} change={change} />

          <div class="actions">
            <button
              type="button"
              data-testid="reset"
              onClick={() => {
                resetSettings().then(setSettings, (err: unknown) => setStatus(String(err)));
              }}
            >
              {t('optionsReset')}
            </button>
            <p role="status" class="status" data-testid="status">
              {status}
            </p>
          </div>
        </form>
        <Preview settings={settings} />
      </div>
      <About />
    </main>
  );
}
