import { describe, expect, it } from 'vitest';
import { AnkiConnect, defaultMapping, mapFields, type Fetch } from '../../../lib/anki/connect';
import { NOTE_FIELDS, noteFieldsOf } from '../../../lib/anki/note';
import type { AnkiSettings } from '../../../lib/settings/settings';
import { sanitizeSettings } from '../../../lib/settings/sanitize';
import { ctx, summit } from '../store/fixtures';

/** A fake AnkiConnect: answers each action as the add-on documents it and records the requests. */
function fakeAnki(opts: { duplicate?: boolean; version?: number } = {}) {
  const received: { action: string; version: number; params: Record<string, unknown> }[] = [];
  const fetch: Fetch = (_url, init) => {
    const req = JSON.parse(init.body) as (typeof received)[number];
    received.push(req);
    const results: Record<string, unknown> = {
      version: opts.version ?? 6,
      deckNames: ['Default', 'Chinese'],
      modelNames: ['Basic', 'Yuedu'],
      modelFieldNames: req.params.modelName === 'Basic' ? ['Front', 'Back'] : [...NOTE_FIELDS],
      canAddNotes: [!opts.duplicate],
      addNote: 1496198395707,
    };
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ result: results[req.action] ?? null, error: null }) });
  };
  return { received, fetch };
}

const settings = (patch: Partial<AnkiSettings> = {}): AnkiSettings => ({
  enabled: true,
  url: 'http://127.0.0.1:8765',
  deck: 'Chinese',
  noteType: 'Basic',
  fields: { Front: 'Hanzi', Back: 'Meaning' },
  ...patch,
});
const values = noteFieldsOf(summit, ctx('中亚峰会在西安举行。'));

describe('AnkiConnect', () => {
  it('adds the note with the mapped fields after checking deck, note type and duplicates', async () => {
    const anki = fakeAnki();
    expect(await new AnkiConnect('http://127.0.0.1:8765', anki.fetch).addNote(settings(), values)).toBe(1496198395707);
    expect(anki.received.map((r) => r.action)).toEqual(['version', 'deckNames', 'modelNames', 'modelFieldNames', 'canAddNotes', 'addNote']);
    for (const r of anki.received) expect(r.version).toBe(6);
    expect(anki.received.at(-1)?.params).toEqual({
      note: { deckName: 'Chinese', modelName: 'Basic', fields: { Front: '峰会', Back: 'summit meeting' }, tags: ['yuedu'] },
    });
  });

  it('refuses with a clear reason: Anki not running, no deck, no note type, unmapped first field, duplicate, old add-on', async () => {
    const down = new AnkiConnect('http://127.0.0.1:8765', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(down.addNote(settings(), values)).rejects.toThrow('Anki did not answer at http://127.0.0.1:8765');
    const add = (s: AnkiSettings, opts?: Parameters<typeof fakeAnki>[0]) => {
      const anki = fakeAnki(opts);
      return new AnkiConnect('http://127.0.0.1:8765', anki.fetch).addNote(s, values).finally(() => {
        expect(anki.received.map((r) => r.action)).not.toContain('addNote');
      });
    };
    await expect(add(settings({ deck: 'Japanese' }))).rejects.toThrow('Anki has no deck "Japanese"');
    await expect(add(settings({ noteType: 'Cloze' }))).rejects.toThrow('Anki has no note type "Cloze"');
    await expect(add(settings({ fields: { Back: 'Meaning' } }))).rejects.toThrow('The field "Front" of note type "Basic" is not mapped');
    await expect(add(settings({ fields: { Front: 'Hanzi', Extra: 'Note' } }))).rejects.toThrow('no longer has the field "Extra"');
    await expect(add(settings(), { duplicate: true })).rejects.toThrow('峰会 is already in the deck "Chinese"');
    await expect(add(settings(), { version: 5 })).rejects.toThrow('AnkiConnect is too old');
  });

  it('passes on the error AnkiConnect answers, and refuses an answer that is not AnkiConnect’s', async () => {
    const failing: Fetch = () => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ result: null, error: 'collection is not available' }) });
    await expect(new AnkiConnect('http://localhost:8765', failing).invoke('version')).rejects.toThrow('Anki refused: collection is not available');
    const other: Fetch = () => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ hello: 1 }) });
    await expect(new AnkiConnect('http://localhost:8765', other).invoke('version')).rejects.toThrow('is not AnkiConnect');
  });

  it('maps fields named like ours by default, and leaves unmapped fields empty', () => {
    expect(defaultMapping(['hanzi', 'Pinyin', 'Back'])).toEqual({ hanzi: 'Hanzi', Pinyin: 'Pinyin' });
    expect(mapFields(settings({ fields: { Front: 'Hanzi' } }), ['Front', 'Back'], values)).toEqual({ Front: '峰会', Back: '' });
  });

  it('is off by default, only on this machine, and keeps only mappings to Yuedu fields', () => {
    expect(sanitizeSettings({}).anki).toEqual({ enabled: false, url: 'http://127.0.0.1:8765', deck: '', noteType: '', fields: {} });
    const anki = sanitizeSettings({ anki: { enabled: true, url: 'http://example.com:8765', fields: { Front: 'Hanzi', Back: 'Password' } } }).anki;
    expect(anki).toMatchObject({ enabled: true, url: 'http://127.0.0.1:8765', fields: { Front: 'Hanzi' } });
    expect(sanitizeSettings({ anki: { url: 'http://localhost:8766/' } }).anki.url).toBe('http://localhost:8766');
  });
});
