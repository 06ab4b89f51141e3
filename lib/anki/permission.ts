/**
 * The optional host permission "Send to Anki" needs: AnkiConnect on this machine, any port. Asked for only when the
 * reader turns the feature on (from a click: browsers grant optional permissions only in answer to a user gesture).
 */
import { browser } from 'wxt/browser';

export const ANKI_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

export const requestAnkiPermission = (): Promise<boolean> => browser.permissions.request({ origins: ANKI_ORIGINS });
export const hasAnkiPermission = (): Promise<boolean> => browser.permissions.contains({ origins: ANKI_ORIGINS });
export const dropAnkiPermission = (): Promise<boolean> => browser.permissions.remove({ origins: ANKI_ORIGINS });
