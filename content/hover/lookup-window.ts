/**
 * What a hover looks up: the text from the pointer, after the readable character before it as context (inside a
 * name, 卡 of 托卡耶夫 is then not guessed as the start of another name). The text is read once per hover; the
 * windows of the hover itself, of the read-ahead and of the ← step all come from that one read.
 */
import type { LookupWindow } from '../../lib/messaging/protocol';
import { collectText, WINDOW, type TextPoint, type TextRun } from '../text-at-point';

/** Text read at a point: the run from it on, and the readable character before it ('' at the start of the page). */
export interface ReadText {
  before: string;
  run: TextRun;
}

/** Reads `length` characters from a point, and the one before it. */
export function readAt(point: TextPoint, length = WINDOW): ReadText {
  return { before: collectText(point, 1, 'backward').text, run: collectText(point, length) };
}

/** The window a hover at `run.points[at]` sends: what the dictionary answers is a pure function of it. */
export function lookupWindow({ before, run }: ReadText, at = 0): LookupWindow {
  const previous = at > 0 ? (run.text[at - 1] ?? '') : before;
  return { text: previous + run.text.slice(at, at + WINDOW), pos: previous.length };
}

/** Windows of the same text and position get the same answer: the cache's key. */
export const keyOf = ({ text, pos = 0 }: LookupWindow): string => `${pos}|${text}`;
