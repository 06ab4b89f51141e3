/** The part of the extension API that tests call inside extension pages via page.evaluate. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  tabs: {
    query(filter: { url?: string; active?: boolean; currentWindow?: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
};
