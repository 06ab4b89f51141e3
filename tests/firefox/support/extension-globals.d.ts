/** Firefox's promise-based extension API, as tests call it inside extension pages via page.evaluate. */
declare const browser: typeof chrome;
