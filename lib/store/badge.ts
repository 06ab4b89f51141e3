/**
 * The toolbar badge shows how many cards are due. It is refreshed after every write to the store (lib/store/write.ts), when the browser
 * starts, and by an alarm (cards fall due while no one is saving or grading); a store that cannot be read shows "!".
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { loadSettings, settingsItem } from '../settings/store';
import type { YueduDb } from './db';
import { badgeText, dueCount } from './due';

const BADGE_ALARM = 'yuedu-badge';
const BADGE_PERIOD_MINUTES = 5;

// Firefox's Manifest V2 build has browserAction where Chrome's MV3 has action.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export async function refreshBadge(db: YueduDb, now = Date.now()): Promise<void> {
  try {
    const { dailyNewCards } = await loadSettings();
    const due = await dueCount(db, now, dailyNewCards);
    await action().setBadgeText({ text: badgeText(due.total) });
    await action().setTitle({ title: due.total ? t('badgeTitleDue', due.total) : t('badgeTitle') });
  } catch (err) {
    // Where the badge itself cannot be set (no action API) there is nowhere left to show the error.
    await Promise.all([
      action().setBadgeText({ text: '!' }),
      action().setTitle({ title: t('badgeTitleError', err instanceof Error ? err.message : String(err)) }),
    ]).catch(() => undefined);
  }
}

/** Background only: keeps the badge current without anyone opening the popup. */
export function keepBadgeCurrent(db: YueduDb): void {
  const refresh = () => void refreshBadge(db);
  void browser.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_PERIOD_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) refresh();
  });
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  // The daily new-card limit changes the count.
  settingsItem.watch(refresh);
  refresh();
}
