import { useEffect, useState } from 'preact/hooks';

function chineseVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const voices = speechSynthesis.getVoices().filter((v) => /^(zh|cmn)/i.test(v.lang));
  return voices.find((v) => /^(zh|cmn)[-_](CN|Hans)/i.test(v.lang)) ?? voices[0];
}

/** The browser's Chinese voice, if it has one: voices load late, so this follows `voiceschanged`. */
export function useChineseVoice(): SpeechSynthesisVoice | undefined {
  const [voice, setVoice] = useState(chineseVoice);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return undefined;
    const update = () => setVoice(chineseVoice());
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  return voice;
}

export function speak(text: string, voice: SpeechSynthesisVoice): void {
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
}
