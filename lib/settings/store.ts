import { storage } from 'wxt/utils/storage';
import { t } from '../i18n';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { isSiteDisabled, withSite } from './sites';
import { sanitizeSettings } from './sanitize';

/**
 * Settings sync across the reader's browsers; a missing field falls back to its default.
 * Prefer `loadSettings()` / `watchSettings()`, which also repair invalid values.
 */
export const settingsItem = storage.defineItem<Settings>('sync:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Calls back with the full, valid settings whenever they change (in any tab or the options page); returns the unwatch. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value)));
}

/**
 * storage.sync allows 120 writes a minute and 8,192 bytes per item (key and JSON value). Changes that come quickly
 * (dragging a tone colour fires an input event per step) are merged and written once they pause for WRITE_DELAY, and
 * at least every WRITE_MAX_WAIT while they keep coming: at most one write per WRITE_DELAY.
 */
export const WRITE_DELAY = 600;
const WRITE_MAX_WAIT = 2000;
export const SYNC_ITEM_BYTES = 8192;
const SETTINGS_KEY = 'settings';

/** Refuses, with a message that says so, settings too large for one storage.sync item. */
export function checkSyncItemSize(value: unknown): void {
  const bytes = new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(value)).length;
  if (bytes > SYNC_ITEM_BYTES) throw new Error(t('settingsTooLarge', bytes, SYNC_ITEM_BYTES));
}

/** Writes of this page, one after another, so that a quick second change cannot read the settings before the first is stored. */
let writes: Promise<unknown> = Promise.resolve();

interface Pending {
  change: Partial<Settings>;
  since: number;
  timer?: ReturnType<typeof setTimeout>;
  done: Promise<Settings>;
  settle(write: Promise<Settings>): void;
}
let pending: Pending | null = null;

function flush(): void {
  const batch = pending;
  if (!batch) return;
  pending = null;
  const write = writes.then(async () => {
    const next = sanitizeSettings({ ...(await loadSettings()), ...batch.change });
    checkSyncItemSize(next);
    await settingsItem.setValue(next);
    return next;
  });
  writes = write.catch(() => undefined);
  batch.settle(write);
}

/**
 * Merges a change into the stored settings, repairing invalid values; resolves to what was stored. Changes within
 * WRITE_DELAY of each other are one write, and all of them resolve with it.
 */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const now = Date.now();
  if (pending) {
    clearTimeout(pending.timer);
    pending.change = { ...pending.change, ...change };
  } else {
    let settle: (write: Promise<Settings>) => void = () => undefined;
    const done = new Promise<Settings>((resolve, reject) => (settle = (write) => write.then(resolve, reject)));
    pending = { change, since: now, done, settle };
  }
  const wait = Math.max(0, Math.min(WRITE_DELAY, pending.since + WRITE_MAX_WAIT - now));
  pending.timer = setTimeout(flush, wait);
  return pending.done;
}

export async function resetSettings(): Promise<Settings> {
  await settingsItem.setValue(DEFAULT_SETTINGS);
  return DEFAULT_SETTINGS;
}

/** Hostnames where the reader turned Yuedu off. Local: a per-device choice. */
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !isSiteDisabled(await disabledSitesItem.getValue(), hostname);
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  await disabledSitesItem.setValue(withSite(await disabledSitesItem.getValue(), hostname, enabled));
}

/** Calls back with whether Yuedu is on for the site whenever the list changes; returns the unwatch. */
export function watchSiteEnabled(hostname: string, callback: (enabled: boolean) => void): () => void {
  return disabledSitesItem.watch((list) => callback(!isSiteDisabled(list ?? [], hostname)));
}
