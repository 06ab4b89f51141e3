import { browser } from 'wxt/browser';

/** The tab the popup was opened over: the active tab of the popup's window. Needs no permission (no URL is read). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
