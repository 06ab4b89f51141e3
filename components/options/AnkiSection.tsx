/**
 * Options for Send to Anki: off by default. Turning it on asks the browser for the AnkiConnect permission (from this
 * click, the gesture browsers require); only then does the background reach AnkiConnect, to list decks, note types
 * and fields for the choices here.
 */
import { useEffect, useState } from 'preact/hooks';
import { defaultMapping } from '../../lib/anki/connect';
import { NOTE_FIELDS } from '../../lib/anki/note';
import { dropAnkiPermission, requestAnkiPermission } from '../../lib/anki/permission';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import type { AnkiSettings, Settings } from '../../lib/settings/settings';
import { normalizeAnkiUrl } from '../../lib/settings/sanitize';

type AnkiInfo = { decks: string[]; noteTypes: string[]; fields: string[] };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function AnkiSection({ anki, change }: { anki: AnkiSettings; change: (patch: Partial<Settings>) => Promise<void> }) {
  const [info, setInfo] = useState<AnkiInfo | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [url, setUrl] = useState(anki.url);
  const set = (patch: Partial<AnkiSettings>) => change({ anki: { ...anki, ...patch } });

  const connect = async (noteType: string, address = anki.url): Promise<AnkiInfo | null> => {
    try {
      const found = await send('ankiDescribe', { url: address, noteType });
      setInfo(found);
      setStatus({ ok: true, text: t('ankiConnected', found.decks.length, found.noteTypes.length) });
      return found;
    } catch (err) {
      setInfo(null);
      setStatus({ ok: false, text: message(err) });
      return null;
    }
  };

  // When the page opens with the feature on, the choices are read from Anki.
  useEffect(() => {
    if (anki.enabled) void connect(anki.noteType);
  }, []);

  const turn = async (input: HTMLInputElement) => {
    if (!input.checked) {
      void set({ enabled: false });
      setInfo(null);
      setStatus(null);
      await dropAnkiPermission().catch(() => false);
      return;
    }
    const granted = await requestAnkiPermission().catch(() => false);
    if (!granted) {
      input.checked = false;
      setStatus({ ok: false, text: t('ankiPermissionRefused') });
      return;
    }
    // The background reads the stored setting: it must be on before Anki is asked.
    await set({ enabled: true });
    await connect(anki.noteType);
  };

  const pickNoteType = async (noteType: string) => {
    const found = await connect(noteType);
    void set({ noteType, fields: found ? defaultMapping(found.fields) : {} });
  };

  const mapField = (ankiField: string, ours: string) => {
    const fields = Object.fromEntries(Object.entries(anki.fields).filter(([name]) => name !== ankiField));
    void set({ fields: ours ? { ...fields, [ankiField]: ours } : fields });
  };

  return (
    <section aria-labelledby="anki-heading" data-testid="anki-section">
      <h2 id="anki-heading">{t('ankiHeading')}</h2>
      <label class="field choice" data-setting="ankiEnabled">
        <input type="checkbox" name="ankiEnabled" checked={anki.enabled} onChange={(e) => void turn(e.currentTarget)} />
        {t('ankiEnable')}
      </label>
      <p class="hint">{t('ankiEnableHint')}</p>
      {anki.enabled ? (
        <>
          <label class="field" data-setting="ankiUrl">
            {t('ankiUrl')}{' '}
            <input
              type="url"
              name="ankiUrl"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
              onChange={(e) => {
                const address = normalizeAnkiUrl(e.currentTarget.value);
                if (!address) {
                  setStatus({ ok: false, text: t('ankiBadUrl', e.currentTarget.value) });
                  return;
                }
                void set({ url: address });
                void connect(anki.noteType, address);
              }}
            />
          </label>
          <button type="button" data-testid="anki-connect" onClick={() => void connect(anki.noteType)}>
            {t('ankiConnect')}
          </button>
          {info ? (
            <>
              <label class="field" data-setting="ankiDeck">
                {t('ankiDeck')}{' '}
                <select name="ankiDeck" value={anki.deck} onChange={(e) => void set({ deck: e.currentTarget.value })}>
                  <option value="">{t('ankiChoose')}</option>
                  {info.decks.map((deck) => (
                    <option key={deck} value={deck}>
                      {deck}
                    </option>
                  ))}
                </select>
              </label>
              <label class="field" data-setting="ankiNoteType">
                {t('ankiNoteType')}{' '}
                <select name="ankiNoteType" value={anki.noteType} onChange={(e) => void pickNoteType(e.currentTarget.value)}>
                  <option value="">{t('ankiChoose')}</option>
                  {info.noteTypes.map((noteType) => (
                    <option key={noteType} value={noteType}>
                      {noteType}
                    </option>
                  ))}
                </select>
              </label>
              {info.fields.length > 0 ? (
                <fieldset class="field" data-setting="ankiFields">
                  <legend>{t('ankiFields')}</legend>
                  {info.fields.map((name) => (
                    <label key={name} class="mapping">
                      {name}{' '}
                      <select data-anki-field={name} value={anki.fields[name] ?? ''} onChange={(e) => mapField(name, e.currentTarget.value)}>
                        <option value="">{t('ankiFieldEmpty')}</option>
                        {NOTE_FIELDS.map((ours) => (
                          <option key={ours} value={ours}>
                            {ours}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
      {status ? (
        <p class={status.ok ? 'hint' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="anki-status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
