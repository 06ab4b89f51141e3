import { useState } from 'preact/hooks';
import type { PinyinLayerMode } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n';

const MODES: { mode: PinyinLayerMode; label: 'layerOff' | 'layerAll' | 'layerUnknown' }[] = [
  { mode: 'off', label: 'layerOff' },
  { mode: 'all', label: 'layerAll' },
  { mode: 'unknown', label: 'layerUnknown' },
];

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
      {MODES.map(({ mode: m, label }) => (
        <button key={m} type="button" aria-pressed={mode === m} disabled={busy} data-mode={m} onClick={() => void choose(m)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
