/**
 * Reading Chinese aloud with the browser's speech synthesis: the card's `a` and Shift+A, and the options page's list
 * of voices. Nothing leaves the machine unless the system's own voice does so. The synthesizer is passed in, so that
 * the choice of voice and the "no Chinese voice" answer are tested without one.
 */

export type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'name' | 'default'>;

export interface Synth<V extends Voice = SpeechSynthesisVoice> {
  getVoices(): V[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  addEventListener(type: 'voiceschanged', listener: () => void, options?: AddEventListenerOptions): void;
}

const CHINESE = /^(zh|cmn|yue)([-_]|$)/i;
/** Mandarin as written in the mainland first (the dispatches are), then Taiwan's, then any Chinese voice. */
const PREFERRED = [/^(zh|cmn)[-_](CN|Hans)/i, /^(zh|cmn)[-_]TW/i, CHINESE];
/** How long to wait for a browser that lists its voices late (Chromium fills the list after the first call). */
const VOICES_WAIT_MS = 1000;

export const chineseVoices = <V extends Voice>(voices: readonly V[]): V[] => voices.filter((v) => CHINESE.test(v.lang));

export function chineseVoice<V extends Voice>(voices: readonly V[]): V | null {
  for (const lang of PREFERRED) {
    const found = voices.filter((v) => lang.test(v.lang));
    const best = found.find((v) => v.default) ?? found[0];
    if (best) return best;
  }
  return null;
}

/** The voices the system has, once the browser has listed them (or after a short wait, when it has none). */
export function voicesOf<V extends Voice>(synth: Synth<V>): Promise<V[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, VOICES_WAIT_MS);
  });
}

/** What came of asking to speak: spoken; no Chinese voice (say so); no Chinese voice, already said. */
export type SpeechResult = 'spoken' | 'no-voice' | 'no-voice-told';

export class Speaker {
  private told = false;

  constructor(
    private readonly synth: Synth | undefined,
    private readonly utterance: (text: string) => SpeechSynthesisUtterance = (text) => new SpeechSynthesisUtterance(text),
  ) {}

  /** Speaks `text` in a Chinese voice at `rate` (1 is the voice's normal speed), cutting off what was being said. */
  async say(text: string, rate: number): Promise<SpeechResult> {
    const voice = this.synth ? chineseVoice(await voicesOf(this.synth)) : null;
    if (!this.synth || !voice) {
      const result = this.told ? 'no-voice-told' : 'no-voice';
      this.told = true;
      return result;
    }
    const utterance = this.utterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate;
    this.synth.cancel();
    this.synth.speak(utterance);
    return 'spoken';
  }
}
