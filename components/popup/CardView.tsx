import { numberedToMarks } from '../../dictionary/pinyin-format';
import { t } from '../../lib/i18n';
import type { CardRecord, SavedWord } from '../../lib/store/db';
import { blank, splitOnWord } from './sentence';

function Sentence({ word, cloze }: { word: SavedWord; cloze: boolean }) {
  const context = word.contexts.at(-1);
  if (!context) return null;
  return (
    <figure class="context">
      <blockquote lang="zh" data-testid="context">
        {splitOnWord(context.sentence, [word.simplified, word.traditional]).map((part, i) =>
          !part.word ? part.text : cloze ? <span key={i} class="blank" aria-label={t('reviewBlank')}>{blank(part.text)}</span> : <mark key={i}>{part.text}</mark>,
        )}
      </blockquote>
      {context.title || context.url ? (
        <figcaption>
          {context.url ? (
            <a href={context.url} target="_blank" rel="noreferrer">
              {context.title || context.url}
            </a>
          ) : (
            context.title
          )}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Hanzi({ word }: { word: SavedWord }) {
  return (
    <p class="hanzi" lang="zh" data-testid="hanzi">
      {word.simplified}
      {word.traditional && word.traditional !== word.simplified ? <span class="traditional"> {word.traditional}</span> : null}
    </p>
  );
}

function Meaning({ word }: { word: SavedWord }) {
  return (
    <>
      <p class="pinyin" data-testid="pinyin">{numberedToMarks(word.pinyin)}</p>
      <ol class="definitions" data-testid="definitions">
        {word.definitions.map((d, i) => <li key={i}>{d}</li>)}
      </ol>
      {word.note ? <p class="note">{word.note}</p> : null}
    </>
  );
}

/**
 * One flashcard. Recognize: the hanzi in its sentence (highlighted) → reading and meaning.
 * Produce: reading and meaning with the word blanked out of its sentence → the hanzi.
 */
export function CardView({ card, word, flipped }: { card: CardRecord; word: SavedWord; flipped: boolean }) {
  const produce = card.kind === 'produce';
  return (
    <article class={`card ${card.kind}`} data-testid="card" data-side={flipped ? 'back' : 'front'} aria-live="polite">
      {produce ? <Meaning word={word} /> : <Hanzi word={word} />}
      <Sentence word={word} cloze={produce && !flipped} />
      {flipped ? <div class="answer" data-testid="answer">{produce ? <Hanzi word={word} /> : <Meaning word={word} />}</div> : null}
    </article>
  );
}
