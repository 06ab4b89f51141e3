import type { Settings } from '../../lib/settings/settings';
import { t } from '../../lib/i18n';

/** A syllable of the sample in every style; `sandhi` is how it reads with the tone changes of 一 and 不 applied. */
interface Syllable {
  han: string;
  marks: string;
  numbers: string;
  zhuyin: string;
  sandhi?: Omit<Syllable, 'han' | 'sandhi'>;
}

const YI: Syllable = { han: '一', marks: 'yī', numbers: 'yi1', zhuyin: 'ㄧ', sandhi: { marks: 'yí', numbers: 'yi2', zhuyin: 'ㄧˊ' } };

/** 一带一路的朋友们发展: all five tones, a sandhi pair and a neutral tone. */
const SAMPLE: Syllable[] = [
  YI,
  { han: '带', marks: 'dài', numbers: 'dai4', zhuyin: 'ㄉㄞˋ' },
  YI,
  { han: '路', marks: 'lù', numbers: 'lu4', zhuyin: 'ㄌㄨˋ' },
  { han: '的', marks: 'de', numbers: 'de5', zhuyin: '˙ㄉㄜ' },
  { han: '朋', marks: 'péng', numbers: 'peng2', zhuyin: 'ㄆㄥˊ' },
  { han: '友', marks: 'you', numbers: 'you5', zhuyin: '˙ㄧㄡ' },
  { han: '们', marks: 'men', numbers: 'men5', zhuyin: '˙ㄇㄣ' },
];

const CARD = {
  simplified: '发展',
  traditional: '發展',
  syllables: [
    { han: '发', marks: 'fā', numbers: 'fa1', zhuyin: 'ㄈㄚ' },
    { han: '展', marks: 'zhǎn', numbers: 'zhan3', zhuyin: 'ㄓㄢˇ' },
  ] as Syllable[],
  hsk: 2,
  definition: 'to develop; development; growth',
};

function reading(s: Syllable, settings: Settings) {
  const form = settings.sandhi && s.sandhi ? s.sandhi : s;
  const tone = Number(form.numbers.slice(-1));
  const color = settings.toneColors ? settings.toneColorList[tone - 1] : undefined;
  return { text: form[settings.pinyinStyle], tone, color };
}

function Pinyin({ syllables, settings }: { syllables: Syllable[]; settings: Settings }) {
  return (
    <>
      {syllables.map((s, i) => {
        const r = reading(s, settings);
        return (
          <span key={i} class="syllable" data-tone={r.tone} style={r.color ? { color: r.color } : undefined}>
            {(i > 0 ? ' ' : '') + r.text}
          </span>
        );
      })}
    </>
  );
}

/** The sample sentence with pinyin above it and a hover card, drawn with the settings as they are now. */
export function Preview({ settings }: { settings: Settings }) {
  const [first, second] =
    settings.headwordFirst === 'simplified' ? [CARD.simplified, CARD.traditional] : [CARD.traditional, CARD.simplified];
  return (
    <section class="preview" aria-labelledby="preview-heading" data-testid="preview">
      <h2 id="preview-heading">{t('optionsPreviewHeading')}</h2>
      <p class="preview-text" lang="zh-CN">
        {SAMPLE.map((s, i) => {
          const r = reading(s, settings);
          return (
            <ruby key={i}>
              {s.han}
              <rt style={{ fontSize: `max(${settings.pinyinSize}px, 0.5em)`, ...(r.color ? { color: r.color } : {}) }}>{r.text}</rt>
            </ruby>
          );
        })}
      </p>
      <div class="preview-card" style={{ fontSize: `${settings.cardFontSize}px` }} data-testid="preview-card">
        <div class="headword" lang="zh-CN">
          <span class="first">{first}</span> <span class="second">{second}</span>
          {settings.showHsk && <span class="hsk">{t('statsHskLevel', CARD.hsk)}</span>}
        </div>
        <div class="reading">
          <Pinyin syllables={CARD.syllables} settings={settings} />
        </div>
        <div class="definition">{CARD.definition}</div>
      </div>
    </section>
  );
}
