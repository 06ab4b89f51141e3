// Dexie finds IndexedDB on the global object; fake-indexeddb gives every test file an in-memory one.
import 'fake-indexeddb/auto';

// `wxt/browser` is WXT's fakeBrowser here (WxtVitest in vitest.config.ts). It has no locale files: getMessage answers
// nothing, so lib/i18n falls back to the English messages, as it does outside the browser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
fakeBrowser.i18n.getMessage = () => '';
