import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** Settings sync across the reader's browsers; a missing field falls back to its default. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', { fallback: DEFAULT_SETTINGS });

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** Hostnames where the reader turned Yuedu off. Local: a per-device choice. */
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });
