/**
 * Which review queue a card is in, and the `[queue+due]` range queries over it: what is due, what is new. Every
 * question about the queues is asked here, by name.
 */
import { QUEUE, type CardKind, type CardRecord, type Queue, type YueduDb } from './db';
import type { ReviewPrefs } from './prefs';

/** The queue a card belongs in, from its own state and its word's. */
export function queueFor(card: Pick<CardRecord, 'state' | 'kind'>, active: boolean, prefs: ReviewPrefs): Queue {
  if (!active || (card.kind === 'produce' && !prefs.reverseCards)) return QUEUE.inactive;
  return card.state === 0 ? QUEUE.new : QUEUE.scheduled;
}

export const cardKinds = (prefs: ReviewPrefs): CardKind[] => (prefs.reverseCards ? ['recognize', 'produce'] : ['recognize']);

/** Learning and review cards due by `now` (all of them with `now` = Infinity), earliest due first. */
export const scheduledCards = (db: YueduDb, now = Infinity) =>
  db.cards.where('[queue+due]').between([QUEUE.scheduled, -Infinity], [QUEUE.scheduled, now], true, true);

/** Cards never reviewed, oldest first. */
export const newCards = (db: YueduDb) => db.cards.where('[queue+due]').between([QUEUE.new, -Infinity], [QUEUE.new, Infinity], true, true);
