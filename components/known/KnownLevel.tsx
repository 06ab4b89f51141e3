import { KNOWN_LEVEL } from '../../lib/domain/known';
import { t } from '../../lib/i18n';

const levelName = (level: number) =>
  level === 0 ? t('knownLevelNone') : t('knownLevelUpTo', level === KNOWN_LEVEL.max ? '7–9' : level);

/** "I know the words up to HSK n": the options and the popup's first-run question use this one control. */
export function KnownLevel({ id, value, onChange }: { id: string; value: number; onChange: (level: number) => void }) {
  return (
    <div class="field" data-setting="knownLevel">
      <label for={id}>{t('knownLevelLabel')}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {Array.from({ length: KNOWN_LEVEL.max - KNOWN_LEVEL.min + 1 }, (_, i) => i + KNOWN_LEVEL.min).map((level) => (
          <option key={level} value={level}>
            {levelName(level)}
          </option>
        ))}
      </select>
    </div>
  );
}
