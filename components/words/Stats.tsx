import { t } from '../../lib/i18n';
import type { Statistics } from '../../lib/store/stats';

export function Stats({ stats }: { stats: Statistics }) {
  const max = Math.max(1, ...stats.reviewsPerDay.map((d) => d.count));
  return (
    <section class="stats" aria-labelledby="stats-heading" data-testid="stats">
      <h2 id="stats-heading">{t('wordStatsHeading')}</h2>
      <dl>
        <dt>{t('wordStatsWords')}</dt>
        <dd data-testid="stat-words">{stats.words}</dd>
        <dt>{t('wordStatsKnown')}</dt>
        <dd>{stats.known}</dd>
        <dt>{t('wordStatsReviews')}</dt>
        <dd data-testid="stat-reviews">{stats.reviewed}</dd>
        <dt>{t('wordStatsRetention')}</dt>
        <dd title={t('wordStatsRetentionTitle')}>
          {stats.retention === null ? '—' : `${Math.round(stats.retention * 100)}%`}
        </dd>
      </dl>
      <p class="hint">{t('wordStatsPerDay')}</p>
      <div class="chart" role="img" aria-label={t('wordStatsPerDay')}>
        {stats.reviewsPerDay.map((d) => (
          <span key={d.day} class="bar" style={{ height: `${(d.count / max) * 100}%` }} title={t('wordStatsDay', d.day, d.count)} />
        ))}
      </div>
    </section>
  );
}
