import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { CORRECTED_SITES, correctedSites, mayBeCorrected } from '../../../lib/corrected-sites';
import { mirrorIfMissing } from '../../../lib/store/corrected-sites';
import { addCorrection, removeCorrection, removeCorrectionsOf, setCorrectionScope } from '../../../lib/store/corrections';
import type { CorrectionRecord } from '../../../lib/store/db';
import { freshDb, T0 } from './fixtures';

const join = (site: string, scope: CorrectionRecord['scope'] = 'site', text = '中亚峰会'): CorrectionRecord => ({ kind: 'join', text, traditional: text, site, scope, createdAt: T0 });
const mirror = async () => (await fakeBrowser.storage.local.get(CORRECTED_SITES))[CORRECTED_SITES] as unknown;
/** The mirror once the write that follows a commit has landed. */
const mirrored = async (expected: unknown) => expect.poll(mirror).toEqual(expected);

describe('the mirror of the sites with corrections', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names each site once, and every page as "*"', () => {
    expect(correctedSites([join('b.example'), join('a.example'), join('b.example'), join('c.example', 'all')])).toEqual(['*', 'a.example', 'b.example']);
    expect(correctedSites([])).toEqual([]);
  });

  it('lets the content script answer only on a site without corrections, and nowhere without a mirror', () => {
    expect(mayBeCorrected(['a.example'], 'b.example')).toBe(false);
    expect(mayBeCorrected(['a.example'], 'a.example')).toBe(true);
    expect(mayBeCorrected(['*'], 'b.example')).toBe(true);
    expect(mayBeCorrected([], '')).toBe(false);
    expect(mayBeCorrected(undefined, 'b.example')).toBe(true);
    expect(mayBeCorrected('a.example', 'b.example')).toBe(true);
  });

  it('follows every write to the corrections, whatever writes them', async () => {
    const db = freshDb();
    const a = await addCorrection(db, join('a.example'), T0);
    await mirrored(['a.example']);
    await addCorrection(db, join('b.example', 'site', '都'), T0);
    await mirrored(['a.example', 'b.example']);
    await setCorrectionScope(db, a, 'all');
    await mirrored(['*', 'b.example']);
    await removeCorrection(db, a);
    await mirrored(['b.example']);
    await removeCorrectionsOf(db, ['都'], 'b.example');
    await mirrored([]);
    await db.corrections.bulkAdd([join('c.example'), join('d.example', 'site', '都')]);
    await mirrored(['c.example', 'd.example']);
    await db.corrections.clear();
    await mirrored([]);
  });

  it('is not changed by a write that does not commit', async () => {
    const db = freshDb();
    await addCorrection(db, join('a.example'), T0);
    await mirrored(['a.example']);
    await expect(
      db.transaction('rw', db.corrections, async () => {
        await db.corrections.add(join('b.example'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((r) => setTimeout(r, 50));
    expect(await mirror()).toEqual(['a.example']);
  });

  it('is written for a store from before it, and left alone after', async () => {
    const db = freshDb();
    await addCorrection(db, join('a.example'), T0);
    await mirrored(['a.example']);
    // As a store from before the mirror has it: corrections, no mirror.
    await fakeBrowser.storage.local.remove(CORRECTED_SITES);
    await mirrorIfMissing(db);
    expect(await mirror()).toEqual(['a.example']);
    await fakeBrowser.storage.local.set({ [CORRECTED_SITES]: ['b.example'] });
    await mirrorIfMissing(db);
    expect(await mirror()).toEqual(['b.example']);
  });
});
