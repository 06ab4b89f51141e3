/** The Chinese voices this system has for reading aloud (the card's `a`), or a plain word that there are none. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { chineseVoices, voicesOf } from '../../lib/speech';

export function Voices() {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[] | null>(null);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') setVoices([]);
    else void voicesOf(speechSynthesis).then((all) => setVoices(chineseVoices(all)));
  }, []);
  return (
    <div class="field" data-setting="voices">
      <span>{t('optionsVoices')}</span>
      {voices === null ? null : voices.length === 0 ? (
        <p class="hint" role="status">{t('optionsVoicesNone')}</p>
      ) : (
        <ul class="voices">
          {voices.map((v) => (
            <li key={v.voiceURI}>
              {v.name} ({v.lang})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
