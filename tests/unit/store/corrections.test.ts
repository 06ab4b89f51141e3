import { describe, expect, it } from 'vitest';
import type { CorrectionRecord } from '../../../lib/store/db';
import { addCorrection, holdsOn, listCorrections, removeCorrection, removeCorrectionsOf, setCorrectionScope } from '../../../lib/store/corrections';
import { freshDb, T0 } from './fixtures';

const join = (site: string, scope: CorrectionRecord['scope'] = 'site', createdAt = T0): CorrectionRecord => ({ kind: 'join', text: '中亚峰会', traditional: '中亞峰會', site, scope, createdAt });
const split = (site: string, createdAt = T0): CorrectionRecord => ({ kind: 'split', text: '中亚峰会', traditional: '中亞峰會', pieces: [2, 2], site, scope: 'site', createdAt });
const reading = (site: string, syllable: string): CorrectionRecord => ({ kind: 'reading', text: '都', traditional: '都', reading: syllable, site, scope: 'site', createdAt: T0 });
const summary = async (db: ReturnType<typeof freshDb>) => (await listCorrections(db)).map((c) => `${c.kind}:${c.text}:${c.site}:${c.scope}:${c.reading ?? ''}`).sort();

describe('stored corrections', () => {
  it('keep one correction of a family per word and place: a split replaces a join there, a reading stays beside it', async () => {
    const db = freshDb();
    await addCorrection(db, join('a.example'), T0);
    await addCorrection(db, join('b.example'), T0);
    await addCorrection(db, reading('a.example', 'du1'), T0);
    await addCorrection(db, split('a.example', T0 + 1), T0 + 1);
    await addCorrection(db, reading('a.example', 'dou1'), T0);
    expect(await summary(db)).toEqual(['join:中亚峰会:b.example:site:', 'reading:都:a.example:site:dou1', 'split:中亚峰会:a.example:site:']);
  });

  it('refuse a correction that is not one, saying where', async () => {
    const db = freshDb();
    await expect(addCorrection(db, { ...join('a.example'), text: 'abc' }, T0)).rejects.toThrow('correction.text');
    await expect(addCorrection(db, { ...split('a.example'), pieces: [1, 1] }, T0)).rejects.toThrow('correction.pieces');
    await expect(addCorrection(db, { ...reading('a.example', 'du1'), reading: 'du' }, T0)).rejects.toThrow('correction.reading');
    await expect(addCorrection(db, { ...join('<script>'), scope: 'site' }, T0)).rejects.toThrow('correction.site');
    expect(await listCorrections(db)).toEqual([]);
  });

  it('are undone on a site: the ones made there and the ones for every page, not another site’s', async () => {
    const db = freshDb();
    await addCorrection(db, join('a.example'), T0);
    await addCorrection(db, join('b.example'), T0);
    await addCorrection(db, { ...reading('c.example', 'du1'), scope: 'all' }, T0);
    expect(await removeCorrectionsOf(db, ['中亚峰会', '都'], 'a.example')).toBe(2);
    expect(await summary(db)).toEqual(['join:中亚峰会:b.example:site:']);
  });

  it('move between one site and every page, replacing the all-pages one of the same family', async () => {
    const db = freshDb();
    const id = await addCorrection(db, join('a.example'), T0);
    await addCorrection(db, { ...split('b.example'), scope: 'all' }, T0);
    await setCorrectionScope(db, id, 'all');
    const [moved] = await listCorrections(db);
    expect(moved && holdsOn(moved, 'z.example')).toBe(true);
    expect(await summary(db)).toEqual(['join:中亚峰会:a.example:all:']);
    await setCorrectionScope(db, id, 'site');
    const [back] = await listCorrections(db);
    expect(back && holdsOn(back, 'z.example')).toBe(false);
    expect(back && holdsOn(back, 'a.example')).toBe(true);
    await removeCorrection(db, id);
    expect(await listCorrections(db)).toEqual([]);
  });
});
