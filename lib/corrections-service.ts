/**
 * The service worker's corrections: the store's, kept in memory as one set per site (dictionary/corrections.ts) and
 * read again after any change to the table, wherever it was made (the word list, a backup, a card in another tab);
 * and the card's keys turned into corrections.
 */
import Dexie from 'dexie';
import { nextReading, joinWithNext, splitIntoPieces, twins } from '../dictionary/correcting';
import { Corrections, type CorrectionRule } from '../dictionary/corrections';
import type { CorrectionAction, LookupWindow } from './messaging/protocol';
import { getAnnotator } from './annotator-service';
import { getDictionary } from './dictionary-service';
import { addCorrection, holdsOn, removeCorrectionsOf } from './store/corrections';
import type { CorrectionRecord, YueduDb } from './store/db';
import { guard } from './store/errors';

/** Sets kept for this many sites at most: a reader has a few tabs open, not hundreds. */
const SITES_KEPT = 64;
const NONE = new Corrections();

export class CorrectionsService {
  private records: Promise<CorrectionRecord[]> | null = null;
  private readonly bySite = new Map<string, Promise<Corrections>>();

  constructor(private readonly db: YueduDb) {
    // Dexie tells every context of the origin (a BroadcastChannel behind it) which tables changed.
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((key) => key.startsWith(`idb://${db.name}/corrections/`))) this.forget();
    });
  }

  /** The corrections that hold on `site`; those for every page first, so that the site's own win. */
  forSite(site = ''): Promise<Corrections> {
    let set = this.bySite.get(site);
    if (!set) {
      this.records ??= guard(() => this.db.corrections.orderBy('createdAt').toArray());
      set = this.records.then((all) => {
        const here = all.filter((c) => holdsOn(c, site));
        return here.length === 0 ? NONE : new Corrections([...here.filter((c) => c.scope === 'all'), ...here.filter((c) => c.scope !== 'all')]);
      });
      set.catch(() => this.forget());
      if (this.bySite.size >= SITES_KEPT) this.bySite.clear();
      this.bySite.set(site, set);
    }
    return set;
  }

  /** Runs a card's key on the word of `length` at the window's position. */
  async correct(action: CorrectionAction, window: LookupWindow, length: number, site: string): Promise<{ applied: CorrectionRule | null; removed: number }> {
    const [annotator, dictionary] = await Promise.all([getAnnotator(), getDictionary()]);
    const corrections = await this.forSite(site);
    const at = { text: window.text, pos: window.pos ?? 0, length };
    const word = at.text.slice(at.pos, at.pos + length);
    if (action === 'undo') {
      // The word's own corrections, and the join or split that starts where it does (the card shows a split word's
      // first piece, and a joined word whole).
      const texts = [twins(dictionary, word).text, corrections.cutAt(at.text, at.pos)?.rule.text ?? ''];
      const removed = await removeCorrectionsOf(this.db, texts, site);
      this.forget();
      return { applied: null, removed };
    }
    const applied =
      action === 'join' ? joinWithNext(dictionary, corrections, at) : action === 'split' ? splitIntoPieces(dictionary, word) : nextReading(annotator, dictionary, corrections, at);
    if (applied) {
      await addCorrection(this.db, { ...applied, site, scope: 'site', createdAt: Date.now() });
      this.forget();
    }
    return { applied, removed: 0 };
  }

  private forget(): void {
    this.records = null;
    this.bySite.clear();
  }
}
