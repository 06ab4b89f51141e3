import type { YueduDb } from './db';

/** Review preferences that decide which cards exist, so they live with the cards (and travel in backups). */
export interface ReviewPrefs {
  /** Also review reading + meaning → hanzi. */
  reverseCards: boolean;
}

const KEY = 'prefs';

export async function readPrefs(db: YueduDb): Promise<ReviewPrefs> {
  const row = await db.meta.get(KEY);
  const value = (row?.value ?? {}) as Partial<ReviewPrefs>;
  return { reverseCards: value.reverseCards === true };
}

export async function writePrefs(db: YueduDb, prefs: ReviewPrefs): Promise<void> {
  await db.meta.put({ key: KEY, value: { ...prefs } });
}
