/**
 * The AnkiConnect actions Yuedu uses (API version 6: POST `{action, version, params}`, answer `{result, error}`), and
 * adding one note with the checks that give the reader a clear reason when it cannot be added. `fetch` is passed in:
 * the service worker gives the browser's, tests a fake one. Only the background calls this, and only when the reader
 * has turned "Send to Anki" on.
 */
import { t } from '../i18n';
import type { AnkiSettings } from '../settings/settings';
import { NOTE_FIELDS, type NoteFields } from './note';

export type Fetch = (url: string, init: { method: 'POST'; body: string }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The oldest AnkiConnect API version with every action used here. */
const API_VERSION = 6;

export class AnkiConnect {
  constructor(
    private readonly url: string,
    private readonly fetch: Fetch,
  ) {}

  async invoke<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
    let response: Awaited<ReturnType<Fetch>>;
    try {
      response = await this.fetch(this.url, { method: 'POST', body: JSON.stringify({ action, version: API_VERSION, params }) });
    } catch {
      throw new Error(t('ankiNotRunning', this.url));
    }
    if (!response.ok) throw new Error(t('ankiBadAnswer', this.url, `HTTP ${response.status}`));
    const body = (await response.json().catch(() => null)) as { result?: unknown; error?: unknown } | null;
    if (!body || typeof body !== 'object' || !('result' in body) || !('error' in body)) throw new Error(t('ankiBadAnswer', this.url, action));
    if (body.error !== null) throw new Error(t('ankiError', String(body.error)));
    return body.result as T;
  }

  /** The decks and note types, and the fields of `noteType` when it is one of them: what the options offer. */
  async describe(noteType: string): Promise<{ decks: string[]; noteTypes: string[]; fields: string[] }> {
    await this.checkVersion();
    const [decks, noteTypes] = await Promise.all([this.invoke<string[]>('deckNames'), this.invoke<string[]>('modelNames')]);
    const fields = noteTypes.includes(noteType) ? await this.invoke<string[]>('modelFieldNames', { modelName: noteType }) : [];
    return { decks, noteTypes, fields };
  }

  private async checkVersion(): Promise<void> {
    const version = await this.invoke<number>('version');
    if (typeof version !== 'number' || version < API_VERSION) throw new Error(t('ankiOldVersion', String(version)));
  }

  /** Adds the note after checking the deck, the note type, the field mapping and that Anki has no such note yet. */
  async addNote(settings: AnkiSettings, values: NoteFields): Promise<number> {
    const { decks, noteTypes, fields } = await this.describe(settings.noteType);
    if (!settings.deck || !decks.includes(settings.deck)) throw new Error(t('ankiDeckMissing', settings.deck));
    if (!settings.noteType || !noteTypes.includes(settings.noteType)) throw new Error(t('ankiNoteTypeMissing', settings.noteType));
    const note = { deckName: settings.deck, modelName: settings.noteType, fields: mapFields(settings, fields, values), tags: ['yuedu'] };
    const [addable] = await this.invoke<boolean[]>('canAddNotes', { notes: [note] });
    if (addable !== true) throw new Error(t('ankiDuplicate', values.Hanzi, settings.deck));
    return this.invoke<number>('addNote', { note });
  }
}

/**
 * The note's fields for Anki: each field of the note type filled from the Yuedu field mapped to it. Anki refuses a
 * note whose first field is empty, so that field must be mapped; a mapping naming a field the note type no longer has
 * is stale and refused too, rather than silently losing that field.
 */
export function mapFields(settings: AnkiSettings, ankiFields: readonly string[], values: NoteFields): Record<string, string> {
  const first = ankiFields[0];
  if (first === undefined || !settings.fields[first]) throw new Error(t('ankiFieldUnmapped', first ?? '', settings.noteType));
  const stale = Object.keys(settings.fields).find((name) => !ankiFields.includes(name));
  if (stale !== undefined) throw new Error(t('ankiFieldGone', stale, settings.noteType));
  const out: Record<string, string> = {};
  for (const name of ankiFields) {
    const ours = settings.fields[name];
    out[name] = ours && (NOTE_FIELDS as readonly string[]).includes(ours) ? values[ours as keyof NoteFields] : '';
  }
  return out;
}

/** A mapping for a note type: every Anki field named like a Yuedu field (case aside) takes it. */
export function defaultMapping(ankiFields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ankiFields) {
    const ours = NOTE_FIELDS.find((f) => f.toLowerCase() === name.trim().toLowerCase());
    if (ours) out[name] = ours;
  }
  return out;
}
