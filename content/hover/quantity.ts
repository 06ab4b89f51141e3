/**
 * The amount or date at the pointer (3.2万亿元, 二〇二五年六月十七日), read by dictionary/numbers.ts from the text the
 * hover has read after the pointer and the few characters before it (the pointer may be on the 亿 of 3.2万亿元).
 */
import { quantityAt, type Quantity } from '../../dictionary/numbers';
import { collectText, rangeOf, type TextPoint } from '../text-at-point';
import type { ReadText } from './lookup-window';

/** How far back an expression may start: the longest forms (一千二百三十四万五千六百) stay under this. */
const BACK = 24;

export interface QuantityShown {
  quantity: Quantity;
  /** The expression on the page, for the highlight when no word is found there. */
  range: Range | null;
}

export function quantityAround(point: TextPoint, text: ReadText): QuantityShown | null {
  const back = collectText(point, BACK, 'backward');
  const run = { text: back.text + text.run.text, points: [...back.points, ...text.run.points] };
  const quantity = quantityAt(run.text, back.text.length);
  return quantity ? { quantity, range: rangeOf(run, quantity.end - quantity.start, quantity.start) } : null;
}
