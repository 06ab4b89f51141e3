/** The part of the extension API that tests call inside extension pages via page.evaluate. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
