import { useState } from 'preact/hooks';
import { PINYIN_LAYER_MODES, type PinyinLayerMode } from '../../lib/domain/pinyin-layer';
import { t, type MessageKey } from '../../lib/i18n';

const LABELS = { off: 'layerOff', all: 'layerAll', unknown: 'layerUnknown' } as const satisfies Record<PinyinLayerMode, MessageKey>;

/**
 * The pinyin layer of the page the popup was opened over: off, over every word, or only over unknown words.
 * `setMode` asks the page (sendToTab … 'setPinyinLayer'); the page answers with the mode in force, which is shown.
 */
export function PinyinLayerControl({ initial, setMode }: { initial: PinyinLayerMode; setMode: (mode: PinyinLayerMode) => Promise<{ mode: PinyinLayerMode }> }) {
  const [mode, setShown] = useState(initial);
  const [busy, setBusy] = useState(false);
  const choose = async (next: PinyinLayerMode) => {
    setBusy(true);
    try {
      setShown((await setMode(next)).mode);
    } catch {
      setShown(mode);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="yd-layer" role="group" aria-label={t('commandTogglePinyin')} aria-busy={busy} data-testid="pinyin-layer">
      {PINYIN_LAYER_MODES.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} disabled={busy} data-mode={m} onClick={() => void choose(m)}>
          {t(LABELS[m])}
        </button>
      ))}
    </div>
  );
}
