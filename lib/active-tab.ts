import { browser } from 'wxt/browser';

/**
 * The active tab of the current window: the tab a toolbar popup was opened over, or where a keyboard command was given.
 * Needs no permission (no URL is read).
 */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
