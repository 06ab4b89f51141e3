import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { write } from '../../../lib/store/write';
import { saveWord, setSuspended } from '../../../lib/store/words';
import { community, ctx, freshDb, summit } from './fixtures';

describe('writes to the store', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });
  const badge = () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    return setBadgeText;
  };

  it('recount the badge once the change has committed, wherever it was made', async () => {
    const db = freshDb();
    const setBadgeText = badge();
    await saveWord(db, { word: summit, context: ctx('一') });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' }));
    const { id } = await saveWord(db, { word: community, context: ctx('二') });
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '2' }));
    // A change made on the word-list page (suspending a word) shows at once, not at the next alarm.
    await setSuspended(db, id, true);
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenLastCalledWith({ text: '1' }));
  });

  it('leave the store and the badge as they were when the transaction fails', async () => {
    const db = freshDb();
    const setBadgeText = badge();
    await expect(
      write(db, [db.words], async () => {
        await db.words.add({ ...summit, contexts: [], savedAt: 0, updatedAt: 0, suspended: false });
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await db.words.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(setBadgeText).not.toHaveBeenCalled();
  });
});
