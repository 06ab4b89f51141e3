import { t } from '../../lib/i18n';
import { useState } from 'preact/hooks';
import { numberedToMarks } from '../../dictionary/pinyin-format';
import type { SavedWord } from '../../lib/store/db';
import type { WordRow } from './filter';

export interface RowActions {
  setNote(id: number, note: string): Promise<void>;
  setSuspended(id: number, suspended: boolean): Promise<void>;
  setKnown(simplified: string, known: boolean): Promise<void>;
  remove(id: number): Promise<void>;
  /** Present when Send to Anki is on. */
  sendToAnki?: (word: SavedWord) => Promise<void>;
}

const date = (time: number) => new Date(time).toLocaleDateString();

function dueLabel(row: WordRow, now: number): string {
  if (row.known) return t('wordDueKnown');
  if (row.word.suspended) return t('wordDueSuspended');
  if (row.due === null) return '—';
  return row.due <= now ? t('wordDueNow') : date(row.due);
}

export function WordRowView({ row, actions, now }: { row: WordRow; actions: RowActions; now: number }) {
  const { word } = row;
  const id = word.id ?? 0;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(word.note ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const context = word.contexts.at(-1);
  return (
    <tr data-testid="word-row" data-word={word.simplified}>
      <td lang="zh" class="hanzi-cell">
        {word.simplified}
        {word.traditional !== word.simplified ? <span class="traditional"> {word.traditional}</span> : null}
      </td>
      <td>{numberedToMarks(word.pinyin)}</td>
      <td>
        {word.definitions.slice(0, 3).join('; ')}
        {editing ? (
          <form
            class="note-edit"
            onSubmit={(e) => {
              e.preventDefault();
              void actions.setNote(id, draft).then(() => setEditing(false));
            }}
          >
            <textarea aria-label={t('wordNoteFor', word.simplified)} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
            <button type="submit">{t('wordSaveNote')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('wordCancel')}
            </button>
          </form>
        ) : word.note ? (
          <p class="note" data-testid="note">{word.note}</p>
        ) : null}
        {context ? (
          <p class="context-line" lang="zh" title={context.title}>
            {context.sentence}
          </p>
        ) : null}
      </td>
      <td>{word.hsk === undefined ? '—' : word.hsk >= 7 ? '7–9' : word.hsk}</td>
      <td>{date(word.savedAt)}</td>
      <td data-testid="due">{dueLabel(row, now)}</td>
      <td class="actions">
        <button type="button" onClick={() => setEditing(true)}>
          {t('wordNote')}
        </button>
        <button type="button" onClick={() => void actions.setSuspended(id, !word.suspended)}>
          {word.suspended ? t('wordResume') : t('wordSuspend')}
        </button>
        <button type="button" onClick={() => void actions.setKnown(word.simplified, !row.known)}>
          {row.known ? t('wordNotKnown') : t('wordKnown')}
        </button>
        {actions.sendToAnki ? (
          <button type="button" data-testid="send-to-anki" aria-label={t('wordSendToAnkiFor', word.simplified)} onClick={() => void actions.sendToAnki?.(word)}>
            {t('wordSendToAnki')}
          </button>
        ) : null}
        {confirmDelete ? (
          <button type="button" class="danger" onClick={() => void actions.remove(id)} onBlur={() => setConfirmDelete(false)}>
            {t('wordDeleteConfirm')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t('wordDelete')}
          </button>
        )}
      </td>
    </tr>
  );
}
