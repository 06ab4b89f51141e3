/**
 * The hover card: every word found at the pointer, longest first, each entry with its forms, pinyin in tone colours,
 * senses, the glossary note for set phrases, HSK level, and for unknown runs the parts they decompose into.
 * Rendered by Preact into our shadow root; every string is a text child, never markup.
 */
import type { Quantity } from '../dictionary/numbers';
import type { DictEntry, LookupMatch, Reading } from '../dictionary/types';
import { formatSyllable, normalizeSyllable } from '../dictionary/pinyin';
import { t } from '../lib/i18n';
import type { Settings } from '../lib/settings/settings';
import type { WordState } from '../lib/domain/known';
import { glossaryCategoryLabel } from './glossary-category';
import { toneColor } from './tones';

export type CardSettings = Pick<Settings, 'pinyinStyle' | 'toneColors' | 'toneColorList' | 'headwordFirst' | 'showHsk' | 'cardFontSize'>;

export interface CardProps {
  matches: LookupMatch[];
  /** An amount or date at the pointer: a line at the top in figures and English. */
  quantity?: Quantity | null;
  settings: CardSettings;
  /** A short message after an action: "Saved", "Copied", or why it failed. */
  status?: string;
  /** What the reader knows of the first word (lib/domain/known.ts), when its facts are in. */
  state?: WordState;
}

const STATE_LABEL = { known: 'cardStateKnown', learning: 'cardStateLearning', unknown: 'cardStateUnknown' } as const;

function Pinyin({ pinyin, settings }: { pinyin: string; settings: CardSettings }) {
  const syllables = pinyin.split(/\s+/).filter(Boolean);
  return (
    <span class="pinyin">
      {syllables.map((numbered, i) => {
        const normal = normalizeSyllable(numbered);
        const shown = normal ? formatSyllable(normal, settings.pinyinStyle) : numbered;
        const color = settings.toneColors ? toneColor(numbered, settings.toneColorList) : undefined;
        return (
          <span key={i} style={color ? { color } : undefined}>
            {i > 0 ? ' ' : ''}
            {shown}
          </span>
        );
      })}
    </span>
  );
}

function ReadingView({ reading, settings }: { reading: Reading; settings: CardSettings }) {
  return (
    <div class="reading">
      <Pinyin pinyin={reading.pinyin} settings={settings} />
      <span class="defs">{reading.definitions.join('; ')}</span>
      {reading.classifiers.length > 0 && <span class="cl">{t('cardClassifiers', reading.classifiers.join('、'))}</span>}
    </div>
  );
}

function Headword({ entry, settings }: { entry: DictEntry; settings: CardSettings }) {
  const first = settings.headwordFirst === 'traditional' ? entry.traditional : entry.simplified;
  const second = settings.headwordFirst === 'traditional' ? entry.simplified : entry.traditional;
  return (
    <span class="head">
      <span class="hw">{first}</span>
      {second && second !== first && <span class="alt">{second}</span>}
    </span>
  );
}

function EntryView({ entry, settings, compact, state }: { entry: DictEntry; settings: CardSettings; compact: boolean; state?: WordState }) {
  return (
    <div class={`entry ${entry.source}${compact ? ' compact' : ''}`} data-entry={entry.simplified} data-source={entry.source}>
      <div class="top">
        <Headword entry={entry} settings={settings} />
        {settings.showHsk && entry.hsk !== undefined && <span class="badge hsk">{t('statsHskLevel', entry.hsk)}</span>}
        {entry.source === 'glossary' && <span class="badge glossary">{glossaryCategoryLabel(entry.glossary?.category)}</span>}
        {entry.foreignName && <span class="badge name">{t('cardName')}</span>}
        {state && (
          <span class={`badge state ${state}`} data-state={state}>
            {t(STATE_LABEL[state])}
          </span>
        )}
      </div>
      {entry.glossary && (
        <div class="gloss">
          <div class="english">{entry.glossary.english}</div>
          <div class="note">{entry.glossary.note}</div>
        </div>
      )}
      {entry.readings.map((reading, i) => (
        <ReadingView key={i} reading={reading} settings={settings} />
      ))}
      {entry.parts && entry.parts.length > 0 && (
        <div class="parts">
          {entry.parts.map((part, i) => (
            <EntryView key={i} entry={part} settings={settings} compact />
          ))}
        </div>
      )}
    </div>
  );
}

export function Card({ matches, quantity, settings, status, state }: CardProps) {
  return (
    <div class="card" style={{ fontSize: `${settings.cardFontSize}px` }} role="tooltip">
      {quantity && (
        <div class="quantity" title={t('cardQuantityTitle')} data-kind={quantity.kind}>
          <span class="figures">{quantity.figures}</span> · <span class="in-english">{quantity.english}</span>
        </div>
      )}
            {matches.map((match, m) => [
        match.variantOf && (
          <div key={`${m}-variant`} class="variant">
            {t('cardVariantOf', match.variantOf)}
          </div>
        ),
        match.corrected && (
          <div key={`${m}-corrected`} class="corrected" data-corrected={match.corrected}>
            {t(match.corrected === 'join' ? 'cardCorrectedJoin' : 'cardCorrectedReading')}
          </div>
        ),
        ...match.entries.map((entry, i) => (
          <EntryView key={`${m}-${i}`} entry={entry} settings={settings} compact={m > 0} state={m === 0 && i === 0 ? state : undefined} />
        )),
      ])}
      {status && <div class="status">{status}</div>}
    </div>
  );
}

/** The card's styles, scoped by the shadow root: page styles do not reach in, ours do not leak out. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; max-width: min(420px, calc(100vw - 16px)); max-height: min(60vh, 520px, var(--yuedu-room, 520px)); overflow: auto;
  background: #fffdf7; color: #1d1d1d; border: 1px solid #c9b99a; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 8px 12px; line-height: 1.45;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
}
.quantity { font-weight: 600; color: #5a4b2e; margin-bottom: 4px; font-variant-numeric: tabular-nums; }
.quantity + .entry { border-top: 1px solid #eee3cf; padding-top: 6px; }
.entry + .entry { border-top: 1px solid #eee3cf; margin-top: 6px; padding-top: 6px; }
.entry.compact { font-size: 0.9em; }
.top { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.hw { font-size: 1.5em; }
.compact .hw { font-size: 1.15em; }
.alt { color: #7a6f5c; font-size: 1.1em; }
.badge { font-size: 0.7em; border-radius: 4px; padding: 1px 5px; background: #efe6d2; color: #5a4b2e; }
.badge.glossary { background: #b5121b; color: #fff; }
.badge.state.known { background: #d9efdc; color: #1d5a2a; }
.badge.state.learning { background: #fbe8b6; color: #6b4a00; }
.reading { margin-top: 2px; }
.pinyin { font-weight: 600; margin-right: 8px; }
.defs { color: #333; }
.cl { color: #7a6f5c; margin-left: 8px; font-size: 0.85em; }
.gloss { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #b5121b; background: #fbf3ec; }
.english { font-weight: 600; }
.note { font-size: 0.9em; color: #444; }
.parts { margin-top: 4px; padding-left: 10px; border-left: 2px solid #eee3cf; }
.variant { font-size: 0.8em; color: #b5121b; }
.corrected { font-size: 0.8em; color: #0a5a8a; }
.entry + .corrected, .entry + .variant { border-top: 1px solid #eee3cf; margin-top: 6px; padding-top: 6px; }
.status { margin-top: 6px; font-size: 0.85em; color: #0a6b2d; }
`;
