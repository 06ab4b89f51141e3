/** Reads a backup file chunk by chunk, reporting progress, and refuses one too large before reading it all. */
import { t } from '../../i18n';
import { Invalid } from '../parse';
import { MAX_BACKUP_CHARS } from './format';
import type { ImportProgress } from './progress';

/** UTF-8 takes at least one byte a character: a file of more bytes than this cannot be within the character limit. */
const MAX_BACKUP_BYTES = MAX_BACKUP_CHARS * 4;

export async function readBackupFile(file: Blob, progress?: ImportProgress): Promise<string> {
  if (file.size > MAX_BACKUP_BYTES) throw new Invalid(t('backupTooLarge'));
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let chars = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const text = decoder.decode(value, { stream: true });
    chars += text.length;
    if (chars > MAX_BACKUP_CHARS) {
      await reader.cancel();
      throw new Invalid(t('backupTooLarge'));
    }
    parts.push(text);
    progress?.('reading', bytes, file.size);
  }
  parts.push(decoder.decode());
  return parts.join('');
}
