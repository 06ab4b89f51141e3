/**
 * The Yuedu note type and deck as Anki stores them. The ids are constants so that every export names the same note
 * type and deck: Anki then updates what an earlier export imported instead of adding a second "Yuedu" beside it.
 */
import { DEFAULT_SETTINGS } from '../settings/settings';
import { NOTE_FIELDS } from './note';

export const NOTE_TYPE_ID = 1_700_000_516_001;
export const DECK_ID = 1_700_000_516_002;
export const NOTE_TYPE_NAME = 'Yuedu';
export const DECK_NAME = 'Yuedu';

const [t1, t2, t3, t4, t5] = DEFAULT_SETTINGS.toneColorList;

/** Looks like the hover card: the word large, pinyin in tone colours, the senses, the sentence with the word marked. */
export const NOTE_CSS = `.card { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; font-size: 18px;
  text-align: center; color: #1d1d1f; background: #fff; }
.hanzi { font-size: 48px; line-height: 1.2; }
.trad { font-size: 24px; color: #666; margin-left: .4em; }
.pinyin { font-size: 24px; margin: .3em 0; }
.tone1 { color: ${t1}; } .tone2 { color: ${t2}; } .tone3 { color: ${t3}; } .tone4 { color: ${t4}; } .tone5 { color: ${t5}; }
.meaning { margin: .4em auto; max-width: 32em; }
.sentence { font-size: 22px; margin: .8em auto; max-width: 28em; }
.sentence .word { color: #b0005a; }
.hsk { display: inline-block; font-size: 13px; border: 1px solid #999; border-radius: 4px; padding: 0 .4em; color: #555; }
.note { font-size: 15px; color: #444; margin: .4em auto; max-width: 32em; }
.source { font-size: 13px; color: #777; margin-top: 1em; }
.source a { color: inherit; }
.night_mode .card, .nightMode.card { color: #eee; background: #222; }
`;

const FRONT_TEMPLATE = `<div class="hanzi">{{Hanzi}}</div>
{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}`;

export const BACK_TEMPLATE = `<div class="hanzi">{{Hanzi}}{{#Traditional}}<span class="trad">{{Traditional}}</span>{{/Traditional}}</div>
<div class="pinyin">{{Pinyin}}</div>
{{#HSK}}<span class="hsk">HSK {{HSK}}</span>{{/HSK}}
<hr id="answer">
<div class="meaning">{{Meaning}}</div>
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}
{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}
{{#Source URL}}<div class="source"><a href="{{Source URL}}">{{#Source title}}{{Source title}}{{/Source title}}{{^Source title}}{{Source URL}}{{/Source title}}</a></div>{{/Source URL}}`;

export const TEMPLATES = [{ name: 'Recognise', qfmt: FRONT_TEMPLATE, afmt: BACK_TEMPLATE }] as const;

/** The note type ("model") as the `col.models` JSON of Anki's legacy collection schema holds it. */
export function noteTypeJson(modSeconds: number) {
  return {
    id: NOTE_TYPE_ID,
    name: NOTE_TYPE_NAME,
    type: 0,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: DECK_ID,
    tmpls: TEMPLATES.map((tmpl, ord) => ({ ...tmpl, ord, did: null, bqfmt: '', bafmt: '' })),
    flds: NOTE_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: NOTE_CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    tags: [],
    vers: [],
    // The card needs Hanzi (field 0) to be generated.
    req: [[0, 'any', [0]]],
  };
}
