import { storage } from 'wxt/utils/storage';
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

/** Writes of this page, one after another, so that a quick second change cannot read the settings before the first is stored. */
let writes: Promise<unknown> = Promise.resolve();

/** Merges a change into the stored settings, repairing invalid values; resolves to what was stored. */
export function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const write = writes.then(async () => {
    const next = sanitizeSettings({ ...(await loadSettings()), ...change });
    await settingsItem.setValue(next);
    return next;
  });
  writes = write.catch(() => undefined);
  return write;
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
