/**
 * Property-based fuzzing of the backup importer (issue 17): valid backups mutated the ways a careful tester would
 * (truncations, type swaps, huge numbers, NaN, dates out of range, duplicate ids, unknown versions, deep nesting,
 * long strings, odd Unicode). The invariant: after any import, either nothing changed or the store passes the full
 * consistency check and the next save and the next review work. Fixed seed, so a failure reproduces.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { exportBackup, serializeBackup, type Backup } from '../../../lib/store/backup/format';
import { importBackupText } from '../../../lib/store/backup/merge';
import { parseBackup } from '../../../lib/store/backup/parse';
import { checkStore } from '../../../lib/store/consistency';
import { StoreError } from '../../../lib/store/errors';
import type { YueduDb } from '../../../lib/store/db';
import { gradeCard, nextCard } from '../../../lib/store/schedule';
import { deleteWord, saveWord } from '../../../lib/store/words';
import { setMarks } from '../../../lib/store/known';
import { community, ctx, DAY, freshDb, MIN, summit, T0 } from './fixtures';

export const FUZZ_SEED = 20261202;
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const NOW = T0 + 2 * DAY;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in the tree, so a mutation can aim at any field of any record. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => paths(x, [...at, i])));
  if (v && typeof v === 'object') return here.concat(...Object.entries(v).map(([k, x]) => paths(x, [...at, k])));
  return here;
}

function setAt(root: Json, path: (string | number)[], change: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return change(root) ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  const next = change(node[last] as Json);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else Reflect.deleteProperty(node, last);
  } else node[last] = next;
  return copy;
}

const deep = (n: number): Json => (n === 0 ? {} : { a: deep(n - 1) });

/** A replacement for one value (undefined: the field or item is removed). */
const replacement: fc.Arbitrary<(old: Json) => Json | undefined> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 2 ** 53, 2 ** 53 + 2, 1e300, 1e308, -1e308, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, '', ' ', '\u200B', '\uD800', '峰\uDC00', ' 峰会', 'cafe\u0301', '\u202E', 'javascript:alert(1)', '__proto__', [], {}, [null], 'x'.repeat(70_000)).map((v) => () => v),
  fc.constantFrom(Date.UTC(1999, 11, 31), Date.UTC(2100, 0, 1), NOW + 3 * DAY, NOW - 1, T0).map((v) => () => v),
  fc.integer({ min: 1, max: 200 }).map((n) => () => deep(n)),
  fc.string({ unit: 'binary', maxLength: 12 }).map((s) => () => s),
  fc.double().map((d) => () => d),
  fc.constant(() => undefined),
  // Type swaps that keep the content: a number as text, a list as its first item.
  fc.constant((old: Json) => (typeof old === 'number' ? String(old) : Array.isArray(old) ? (old[0] ?? null) : typeof old === 'string' ? old.length : old)),
  // Duplicate a record in its list (duplicate ids, duplicate headwords).
  fc.constant((old: Json) => (Array.isArray(old) && old.length ? [...old, structuredClone(old[0] as Json)] : old)),
  // Reverse a list (contexts out of order, cards before their words do not matter).
  fc.constant((old: Json) => (Array.isArray(old) ? [...old].reverse() : old)),
);

interface Mutation {
  picks: { path: number; change: (old: Json) => Json | undefined }[];
  truncate: number | null;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  picks: fc.array(fc.record({ path: fc.nat(), change: replacement }), { minLength: 1, maxLength: 3 }),
  truncate: fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: fc.nat(), weight: 1 }),
});

function apply(base: Json, m: Mutation): string {
  let tree = base;
  for (const pick of m.picks) {
    const all = paths(tree);
    tree = setAt(tree, all[pick.path % all.length] ?? [], pick.change);
  }
  const text = JSON.stringify(tree);
  return m.truncate === null ? text : text.slice(0, m.truncate % text.length);
}

async function filled(): Promise<YueduDb> {
  const db = freshDb();
  await saveWord(db, { word: summit, context: ctx('中亚峰会在西安举行。') }, T0);
  await saveWord(db, { word: summit, context: ctx('峰会闭幕。', 'https://other.example/x') }, T0 + MIN);
  await saveWord(db, { word: community, context: ctx('构建命运共同体。') }, T0 + 2 * MIN);
  for (let t = T0 + 3 * MIN; t < T0 + 20 * MIN; t += 5 * MIN) {
    const item = await nextCard(db, t, 20);
    if (item?.card.id) await gradeCard(db, item.card.id, Rating.Good, t);
  }
  // Deletions travel too (lib/store/tombstones.ts): a word deleted, a known mark taken back.
  const gone = await saveWord(db, { word: { ...summit, simplified: '丝路', traditional: '絲路' }, context: ctx('丝路') }, T0);
  await deleteWord(db, gone.id, T0 + DAY);
  await setMarks(db, ['发展'], 'known', T0);
  await setMarks(db, ['发展'], 'none', T0 + DAY);
  return db;
}

describe('backup import under fuzzing', () => {
  let base: Json;
  let other: string;
  /** The target before the import: the same for every case, so it is exported once. */
  let before: Backup;
  beforeAll(async () => {
    base = JSON.parse(serializeBackup(await exportBackup(await filled(), T0))) as Json;
    // The target already holds a word of its own and one shared with the file, so merges are exercised too.
    const db = freshDb();
    await saveWord(db, { word: summit, context: ctx('另一句峰会。') }, T0 - DAY);
    await saveWord(db, { word: { ...summit, simplified: '丝路', traditional: '絲路' }, context: ctx('丝路') }, T0);
    await setMarks(db, ['发展'], 'known', T0 + 2 * DAY);
    const deleted = await saveWord(db, { word: community, context: ctx('共同体。') }, T0 - DAY);
    await deleteWord(db, deleted.id, T0 + DAY);
    other = serializeBackup(await exportBackup(db, T0));
    const target = freshDb();
    await importBackupText(target, other, NOW);
    before = await exportBackup(target, 0);
  });

  it(`keeps the store consistent or unchanged (seed ${FUZZ_SEED}, ${RUNS} cases)`, async () => {
    const outcomes = { refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const text = apply(base, m);
        // The importer parses the whole file before it opens a transaction, so a file the parser refuses cannot
        // have changed anything: those cases skip the (slow, fake) database.
        try {
          await parseBackup(text, NOW);
        } catch (err) {
          outcomes.refused++;
          expect(err).toBeInstanceOf(StoreError);
          return;
        }
        const db = freshDb();
        await importBackupText(db, other, NOW);
        try {
          await importBackupText(db, text, NOW);
        } catch (err) {
          outcomes.refused++;
          expect(err).toBeInstanceOf(StoreError);
          expect(await exportBackup(db, 0)).toEqual(before);
          db.close();
          return;
        }
        outcomes.accepted++;
        expect(await checkStore(db, NOW)).toEqual([]);
        await saveWord(db, { word: { ...summit, simplified: '新词', traditional: '新詞' }, context: ctx('新词') }, NOW);
        const item = await nextCard(db, NOW, 20);
        for (const p of item?.previews ?? []) expect(Number.isFinite(p.due)).toBe(true);
        if (item?.card.id) await gradeCard(db, item.card.id, Rating.Again, NOW);
        db.close();
      }),
      { seed: FUZZ_SEED, numRuns: RUNS },
    );
    // The mutations must reach the store, not only the parser: a fuzz test that only ever refuses proves little.
    expect(outcomes.accepted).toBeGreaterThan(RUNS / 20);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 2);
    console.info(`import fuzz: seed ${FUZZ_SEED}, ${RUNS} cases, ${outcomes.refused} refused, ${outcomes.accepted} accepted`);
  }, 300_000);
});
