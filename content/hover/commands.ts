/**
 * The keys while a card is up: s saves the word with its sentence; k marks it known (or takes that back); c copies it, Shift+C its entry as an Anki line;
 * a reads it aloud, Shift+A its sentence; Esc closes; ←/→ step to the previous/next word; Alt+↑/↓ move the card
 * above/below the word; r, j, x correct the word for the site (its next reading, joined with the next word, split
 * into its pieces) and u undoes its corrections.
 */
import type { LookupMatch } from '../../dictionary/types';
import { t } from '../../lib/i18n';
import type { WordContext, WordToSave } from '../../lib/domain/word';
import type { CorrectionRule } from '../../dictionary/corrections';
import { numberedToMarks } from '../../dictionary/pinyin-format';
import type { WordState } from '../../lib/domain/known';
import type { CorrectionAction, LookupWindow } from '../../lib/messaging/protocol';
import type { SpeechResult } from '../../lib/speech';
import { ankiRow } from '../../lib/store/anki';
import { wordToSave } from '../../lib/word-to-save';
import { isHan } from '../chinese';
import { pageAddress } from '../page-address';
import { collectText, sentenceAt, type TextPoint } from '../text-at-point';
import { lookupWindow, type ReadText } from './lookup-window';
import type { Shown, WordCard } from './word-card';

/** How far back ← looks for the start of the previous word: long enough for most set phrases. */
const BACK_STEP = 8;

/** What the commands act on: the card, lookups and showing a word elsewhere. */
export interface CommandTarget {
  readonly doc: Document;
  readonly card: WordCard;
  lookup(window: LookupWindow): Promise<LookupMatch[]>;
  showAt(point: TextPoint): Promise<boolean>;
  save(word: WordToSave, context: WordContext): Promise<{ created: boolean }>;
  sendToAnki(word: WordToSave, context: WordContext): Promise<unknown>;
  speak(text: string): Promise<SpeechResult>;
  /** Makes or undoes a correction, then shows the card again as corrected. */
  correct(action: CorrectionAction, window: LookupWindow, length: number): Promise<{ applied: CorrectionRule | null; removed: number }>;
  onSaved?(word: WordToSave): void;
  known?: CardKnown;
}

/** The card's view of what the reader knows (content/known-words.ts). */
export interface CardKnown {
  /** A headword's state, when its facts are in (no waiting while the card is drawn). */
  stateOf(simplified: string, hsk: number | undefined): WordState | undefined;
  /** Asks the store about a headword whose facts are not in (a word outside the article, in a menu or a frame). */
  learn(simplified: string): Promise<void>;
  /** Turns its state over in the store; resolves with the new state. */
  toggle(simplified: string, hsk: number | undefined): Promise<WordState>;
}

/** One line a reader can paste anywhere: headword, pinyin, senses. */
export function copyLine(match: LookupMatch): string {
  const entry = match.entries[0];
  if (!entry) return match.text;
  const word = wordToSave(entry);
  return [word.simplified, word.pinyin, word.definitions.join('; ')].filter(Boolean).join('\t');
}

/** The keys that write (the reader's list, Anki, the clipboard) or speak: only the reader's own key presses may run them. */
const WRITING_KEYS = new Set(['s', 'S', 'k', 'c', 'C', 'a', 'A', 'r', 'j', 'x', 'u']);

/** The correction keys: they write into the reader's store, so they are writing keys. */
const CORRECTION_KEYS: Readonly<Record<string, CorrectionAction>> = { r: 'reading', j: 'join', x: 'split', u: 'undo' };

/**
 * Runs the command of a key on the card shown; false when the key is not one of ours. A key event the page's own
 * script dispatched (`isTrusted` false) may close or step the card, which a page could do anyway, but never save or
 * copy: a page must not write into the reader's list or clipboard.
 */
export function runCommand(key: string, trusted: boolean, shown: Shown, target: CommandTarget): boolean {
  const match = shown.matches[0];
  if (!trusted && WRITING_KEYS.has(key)) return false;
  const action = Object.hasOwn(CORRECTION_KEYS, key) ? CORRECTION_KEYS[key] : undefined;
  if (action) {
    if (match) void correct(action, shown, match, target);
    return true;
  }
  switch (key) {
    case 'Escape':
      target.card.hide();
      return true;
    case 's':
      if (match) void save(shown, match, target);
      return true;
    case 'S':
      // Shift+S: Send to Anki (the background refuses, with the reason shown on the card, until it is turned on).
      if (match) void sendToAnki(shown, match, target);
      return true;
    case 'k':
      if (match) void toggleKnown(match, target);
      return true;
    case 'c':
      if (match) void copy(copyLine(match), t('cardCopiedWord', match.text), target.card);
      return true;
    case 'C': {
      const entry = match?.entries[0];
      if (entry) void copy(ankiRow(wordToSave(entry), contextOf(shown, target)), t('cardCopiedEntry', entry.simplified), target.card);
      return true;
    }
    case 'a':
      if (match) void speak(match.text, target);
      return true;
    case 'A':
      void speak(sentenceAt(shown.point), target);
      return true;
    case 'ArrowRight':
      void stepForward(shown, target);
      return true;
    case 'ArrowLeft':
      void stepBack(shown, target);
      return true;
    case 'Alt+ArrowUp':
      target.card.move('above');
      return true;
    case 'Alt+ArrowDown':
      target.card.move('below');
      return true;
    default:
      return false;
  }
}

/** Where the word is met: its sentence, the page's title and address. */
function contextOf(shown: Shown, target: CommandTarget): WordContext {
  // A frame with no address of its own (about:srcdoc, about:blank) saves with its page's.
  const url = target.doc.defaultView ? pageAddress(target.doc.defaultView) : (target.doc.location?.href ?? '');
  return { sentence: sentenceAt(shown.point), title: target.doc.title, url };
}

async function sendToAnki(shown: Shown, match: LookupMatch, target: CommandTarget): Promise<void> {
  const entry = match.entries[0];
  if (!entry) return;
  const word = wordToSave(entry);
  await target.sendToAnki(word, contextOf(shown, target)).then(
    () => target.card.refresh(t('ankiAdded', word.simplified)),
    (err: unknown) => target.card.refresh(t('hoverAnkiNotAdded', err instanceof Error ? err.message : String(err))),
  );
}

async function save(shown: Shown, match: LookupMatch, target: CommandTarget): Promise<void> {
  const entry = match.entries[0];
  if (!entry) return;
  const word = wordToSave(entry);
  try {
    const { created } = await target.save(word, contextOf(shown, target));
    target.card.refresh(t(created ? 'hoverSaved' : 'hoverSentenceAdded', word.simplified));
    target.onSaved?.(word);
  } catch (err) {
    target.card.refresh(t('hoverNotSaved', err instanceof Error ? err.message : String(err)));
  }
}

async function toggleKnown(match: LookupMatch, target: CommandTarget): Promise<void> {
  const entry = match.entries[0];
  if (!entry || !target.known) return;
  try {
    const state = await target.known.toggle(entry.simplified, entry.hsk);
    target.card.refresh(t(state === 'known' ? 'hoverMarkedKnown' : 'hoverMarkedNotKnown', entry.simplified));
  } catch (err) {
    target.card.refresh(t('hoverNotMarked', err instanceof Error ? err.message : String(err)));
  }
}

/** Corrects the word (the card is shown again as corrected), saying what was done. */
async function correct(action: CorrectionAction, shown: Shown, match: LookupMatch, target: CommandTarget): Promise<void> {
  try {
    const { applied, removed } = await target.correct(action, lookupWindow(shown.text), match.text.length);
    target.card.refresh(correctionStatus(action, applied, removed, match.text));
  } catch (err) {
    target.card.refresh(t('cardNotCorrected', err instanceof Error ? err.message : String(err)));
  }
}

/** What the card says after a correction key. */
function correctionStatus(action: CorrectionAction, applied: CorrectionRule | null, removed: number, word: string): string {
  if (action === 'undo') return removed > 0 ? t('cardCorrectionUndone', word) : t('cardNothingToUndo', word);
  if (!applied) return t(action === 'join' ? 'cardNothingToJoin' : action === 'split' ? 'cardCannotSplit' : 'cardOneReading', word);
  if (applied.kind === 'join') return t('cardJoined', applied.text);
  if (applied.kind === 'reading') return t('cardReadingChosen', applied.text, numberedToMarks(applied.reading ?? ''));
  let at = 0;
  const pieces = (applied.pieces ?? []).map((length) => applied.text.slice(at, (at += length)));
  return t('cardSplit', pieces.join(' | '));
}

async function copy(text: string, copied: string, card: WordCard): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    card.refresh(copied);
  } catch {
    card.refresh(t('hoverCopyBlocked'));
  }
}

/** Reads aloud; where there is no Chinese voice the card says so the first time, and stays quiet after. */
async function speak(text: string, target: CommandTarget): Promise<void> {
  if ((await target.speak(text)) === 'no-voice') target.card.refresh(t('cardNoChineseVoice'));
}

/** → the first Han character after this word. */
async function stepForward(shown: Shown, target: CommandTarget): Promise<void> {
  const { points } = shown.text.run;
  const after = points.slice(shown.matches[0]?.text.length ?? 1).find((p) => isHan(p.node.data[p.offset]));
  if (after) await target.showAt(after);
}

/** ← the word that ends where this one starts, else the character before it. */
async function stepBack(shown: Shown, target: CommandTarget): Promise<void> {
  const back = collectText(shown.point, BACK_STEP + 1, 'backward');
  // The characters before this word, joined to the text read at it: each start's window comes from that one run.
  const cut = back.text.length > BACK_STEP ? 1 : 0;
  const count = back.text.length - cut;
  const joined: ReadText = {
    before: back.text.slice(0, cut),
    run: { text: back.text.slice(cut) + shown.text.run.text, points: [...back.points.slice(cut), ...shown.text.run.points] },
  };
  for (let i = 0; i < count; i++) {
    const start = joined.run.points[i] as TextPoint;
    if (!isHan(joined.run.text[i])) continue;
    const matches = await target.lookup(lookupWindow(joined, i)).catch(() => []);
    if (matches.some((m) => m.text.length === count - i)) {
      await target.showAt(start);
      return;
    }
  }
  const previous = joined.run.points[count - 1];
  if (previous && isHan(joined.run.text[count - 1])) await target.showAt(previous);
}
