import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/settings';

/** The words shown for each setting's choices, in the UI language. */
export function choiceLabels() {
  return {
    pinyinStyle: {
      marks: t('pinyinStyleMarks'),
      numbers: t('pinyinStyleNumbers'),
      zhuyin: t('pinyinStyleZhuyin'),
    } satisfies Record<Settings['pinyinStyle'], string>,
    hoverTrigger: {
      always: t('hoverTriggerAlways'),
      shift: t('hoverTriggerShift'),
      alt: t('hoverTriggerAlt'),
    } satisfies Record<Settings['hoverTrigger'], string>,
    headwordFirst: {
      simplified: t('headwordSimplified'),
      traditional: t('headwordTraditional'),
    } satisfies Record<Settings['headwordFirst'], string>,
    layer: {
      off: t('layerOff'),
      all: t('layerAll'),
      unknown: t('layerUnknown'),
    } satisfies Record<Settings['pinyinLayerDefault'], string>,
    tones: [t('tone1'), t('tone2'), t('tone3'), t('tone4'), t('tone5')],
  };
}
