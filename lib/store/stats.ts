import type { YueduDb } from './db';
import { guard } from './errors';
import { startOfDay } from './due';

export interface Statistics {
  words: number;
  known: number;
  suspended: number;
  /** Reviews on each of the last `days` days, oldest first ("2026-11-24" local dates). */
  reviewsPerDay: { day: string; count: number }[];
  /** Share of reviews of mature cards (in the review state) not graded Again, over the same days; null without any. */
  retention: number | null;
  reviewed: number;
}

const DAY = 24 * 60 * 60 * 1000;

function localDay(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function statistics(db: YueduDb, now = Date.now(), days = 30): Promise<Statistics> {
  return guard(() =>
    db.transaction('r', [db.words, db.known, db.reviews], async () => {
      const from = startOfDay(now - (days - 1) * DAY);
      const counts = new Map<string, number>();
      for (let t = from; t <= now; t += DAY) counts.set(localDay(t), 0);
      let mature = 0;
      let remembered = 0;
      let reviewed = 0;
      await db.reviews
        .where('review')
        .between(from, Infinity)
        .each((r) => {
          const day = localDay(r.review);
          counts.set(day, (counts.get(day) ?? 0) + 1);
          reviewed++;
          if (r.before.state === 2) {
            mature++;
            if (r.rating > 1) remembered++;
          }
        });
      return {
        words: await db.words.count(),
        known: await db.known.count(),
        suspended: await db.words.filter((w) => w.suspended).count(),
        reviewsPerDay: [...counts].map(([day, count]) => ({ day, count })),
        retention: mature ? remembered / mature : null,
        reviewed,
      };
    }),
  );
}
