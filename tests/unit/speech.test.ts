import { describe, expect, it } from 'vitest';
import { chineseVoice, chineseVoices, Speaker, type Synth } from '../../lib/speech';

const voice = (lang: string, name = lang, isDefault = false) => ({ lang, name, default: isDefault }) as SpeechSynthesisVoice;

function fakeSynth(voices: SpeechSynthesisVoice[]) {
  const spoken: SpeechSynthesisUtterance[] = [];
  let cancelled = 0;
  const synth: Synth = {
    getVoices: () => voices,
    speak: (u) => spoken.push(u),
    cancel: () => void cancelled++,
    // A browser with no voices never fires voiceschanged: the wait ends on its own.
    addEventListener: () => undefined,
  };
  return { synth, spoken, cancelled: () => cancelled };
}

const utterance = (text: string) => ({ text }) as SpeechSynthesisUtterance;

describe('reading aloud', () => {
  it('picks a mainland Mandarin voice first, then Taiwan, then any Chinese one; none among others', () => {
    const en = voice('en-US');
    expect(chineseVoice([en, voice('zh-TW'), voice('zh-CN')])?.lang).toBe('zh-CN');
    expect(chineseVoice([en, voice('zh-HK'), voice('zh_TW')])?.lang).toBe('zh_TW');
    expect(chineseVoice([en, voice('yue-HK')])?.lang).toBe('yue-HK');
    expect(chineseVoice([en, voice('zu-ZA')])).toBeNull();
    expect(chineseVoices([en, voice('cmn-Hans-CN'), voice('zh')]).map((v) => v.lang)).toEqual(['cmn-Hans-CN', 'zh']);
  });

  it('speaks in the Chinese voice at the rate asked, cutting off what was being said', async () => {
    const { synth, spoken, cancelled } = fakeSynth([voice('en-GB'), voice('zh-CN', 'Tingting')]);
    expect(await new Speaker(synth, utterance).say('峰会', 0.9)).toBe('spoken');
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ text: '峰会', lang: 'zh-CN', rate: 0.9 });
    expect(spoken[0]?.voice?.name).toBe('Tingting');
    expect(cancelled()).toBe(1);
  });

  it('says there is no Chinese voice once, then stays quiet; the same without speech synthesis at all', async () => {
    const { synth, spoken } = fakeSynth([voice('en-US')]);
    const speaker = new Speaker(synth, utterance);
    expect(await speaker.say('峰会', 1)).toBe('no-voice');
    expect(await speaker.say('峰会', 1)).toBe('no-voice-told');
    expect(spoken).toHaveLength(0);
    expect(await new Speaker(undefined, utterance).say('峰会', 1)).toBe('no-voice');
  });
});
