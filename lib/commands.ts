import { browser } from 'wxt/browser';
import { activeTabId } from './active-tab';
import { sendToTab } from './messaging/client';
import type { PinyinLayerMode } from './domain/pinyin-layer';

/** Keyboard commands declared in wxt.config.ts (manifest `commands`); the reader can rebind their keys. */
export const TOGGLE_PINYIN_COMMAND = 'toggle-pinyin';

export interface CommandDeps {
  /** The tab the command was given in, when the browser does not say. */
  activeTabId(): Promise<number | undefined>;
  setPinyinLayer(tabId: number, mode: 'toggle'): Promise<{ mode: PinyinLayerMode }>;
}

/**
 * Runs a keyboard command in the tab it was given in. A tab without our content script (a browser page, a page
 * opened before the extension was installed) cannot answer; there is nothing to toggle there, so that is not an error.
 */
export async function runCommand(command: string, tabId: number | undefined, deps: CommandDeps): Promise<PinyinLayerMode | null> {
  if (command !== TOGGLE_PINYIN_COMMAND) return null;
  const target = tabId ?? (await deps.activeTabId());
  if (target === undefined) return null;
  try {
    return (await deps.setPinyinLayer(target, 'toggle')).mode;
  } catch {
    return null;
  }
}

/** The background's listener: each keyboard command runs in the tab it was given in. */
export function listenForCommands(): void {
  const deps: CommandDeps = {
    activeTabId,
    setPinyinLayer: (tabId, mode) => sendToTab(tabId, 'setPinyinLayer', { mode }),
  };
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab?.id, deps));
}
