/**
 * A large import reports its progress and gives the page's event loop back while it checks (issue 17: "a 50 MB file
 * does not freeze the page"). How long the longest step takes is a bench row (bench/store.ts), not a test.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportBackup, serializeBackup } from '../../../lib/store/backup/format';
import { importBackupText } from '../../../lib/store/backup/merge';
import { nextTask } from '../../../lib/next-task';
import type { ImportPhase } from '../../../lib/store/backup/progress';
import { readBackupFile } from '../../../lib/store/backup/read';
import { saveWord } from '../../../lib/store/words';
import { ctx, freshDb, summit, T0 } from './fixtures';

const WORDS = 1200;

/** One saved word's records, copied under new ids and headwords: the store would take too long to write them one by one. */
async function largeBackup(): Promise<string> {
  const db = freshDb();
  await saveWord(db, { word: summit, context: ctx('峰会。') }, T0);
  const one = await exportBackup(db, T0 + 1);
  const [word, card] = [one.words[0], one.cards[0]];
  if (!word || !card) throw new Error('fixture store incomplete');
  const ids = Array.from({ length: WORDS }, (_, i) => i + 1);
  return serializeBackup({
    ...one,
    words: ids.map((id) => ({ ...word, id, simplified: `峰会${id}`, traditional: `峰會${id}` })),
    cards: ids.map((id) => ({ ...card, id, wordId: id })),
  });
}

describe('a large import', () => {
  it('reads the file in chunks, checks and writes every record, each phase reported in order up to its total', async () => {
    const text = await largeBackup();
    const seen: [ImportPhase, number, number][] = [];
    const report = (phase: ImportPhase, done: number, total: number) => seen.push([phase, done, total]);
    const read = await readBackupFile(new Blob([text]), report);
    expect(read).toBe(text);
    const summary = await importBackupText(freshDb(), read, T0 + 2 * WORDS, report);
    expect(summary.words.added).toBe(WORDS);

    const phases = [...new Set(seen.map(([phase]) => phase))];
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    for (const phase of phases) {
      const steps = seen.filter(([p]) => p === phase);
      // Checking and writing go in slices and batches; how a Blob is chunked is the runtime's choice.
      expect(steps.length).toBeGreaterThan(phase === 'reading' ? 0 : 1);
      const done = steps.map(([, d]) => d);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      const [, last, total] = steps.at(-1) ?? [];
      expect(last).toBe(total);
    }
    // One card a word: words, cards and reviews (none yet) are what is written.
    expect(seen.at(-1)).toEqual(['writing', 2 * WORDS, 2 * WORDS]);
  }, 60_000);

  it('gives the event loop back while checking, so the page can paint and take input', async () => {
    const text = await largeBackup();
    // Another task of the page, queued the same way input and rendering are: it runs only when the import yields.
    let ticks = 0;
    let importing = true;
    const other = (async () => {
      while (importing) {
        ticks++;
        await nextTask();
      }
    })();
    // A slow clock: each record's check seems to take 1 ms, so the checker must yield many times.
    let fake = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (fake += 1));
    try {
      await importBackupText(freshDb(), text, T0 + 2 * WORDS);
    } finally {
      spy.mockRestore();
      importing = false;
    }
    await other;
    expect(ticks).toBeGreaterThan(3);
  }, 60_000);

  it('refuses a file too large before reading it', async () => {
    const huge = { size: 2 ** 40, stream: () => { throw new Error('read'); } } as unknown as Blob;
    await expect(readBackupFile(huge)).rejects.toThrow(/too large/);
  });
});
