/**
 * The background's side of Send to Anki: nothing reaches AnkiConnect unless the reader turned the feature on and the
 * browser granted the permission; then requests go to the address in the settings (or, from the options, the one
 * being set up).
 */
import { t } from '../i18n';
import type { BackgroundRequests, RequestOf, ResponseOf } from '../messaging/protocol';
import { loadSettings } from '../settings/store';
import { normalizeAnkiUrl } from '../settings/sanitize';
import { AnkiConnect, type Fetch } from './connect';
import { noteFieldsOf } from './note';
import { hasAnkiPermission } from './permission';

/** The browser's fetch, called as a plain function (as a method of AnkiConnect it would throw "Illegal invocation"). */
const browserFetch: Fetch = (url, init) => fetch(url, init);

async function optedIn() {
  const { anki } = await loadSettings();
  if (!anki.enabled) throw new Error(t('ankiOff'));
  if (!(await hasAnkiPermission())) throw new Error(t('ankiNoPermission'));
  return anki;
}

export async function ankiAdd({ word, context }: RequestOf<BackgroundRequests, 'ankiAdd'>): Promise<ResponseOf<BackgroundRequests, 'ankiAdd'>> {
  const anki = await optedIn();
  return { noteId: await new AnkiConnect(anki.url, browserFetch).addNote(anki, noteFieldsOf(word, context ?? undefined)) };
}

export async function ankiDescribe({ url, noteType }: RequestOf<BackgroundRequests, 'ankiDescribe'>): Promise<ResponseOf<BackgroundRequests, 'ankiDescribe'>> {
  await optedIn();
  const address = normalizeAnkiUrl(url);
  if (!address) throw new Error(t('ankiBadUrl', String(url)));
  return new AnkiConnect(address, browserFetch).describe(noteType);
}
