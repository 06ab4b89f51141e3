import type { Statistics } from '../../lib/store/stats';

export function Stats({ stats }: { stats: Statistics }) {
  const max = Math.max(1, ...stats.reviewsPerDay.map((d) => d.count));
  return (
    <section class="stats" aria-labelledby="stats-heading" data-testid="stats">
      <h2 id="stats-heading">Statistics</h2>
      <dl>
        <dt>Words saved</dt>
        <dd data-testid="stat-words">{stats.words}</dd>
        <dt>Known words</dt>
        <dd>{stats.known}</dd>
        <dt>Reviews (30 days)</dt>
        <dd data-testid="stat-reviews">{stats.reviewed}</dd>
        <dt>Retention</dt>
        <dd title="Share of reviews of mature cards not graded Again, last 30 days">
          {stats.retention === null ? '—' : `${Math.round(stats.retention * 100)}%`}
        </dd>
      </dl>
      <p class="hint">Reviews per day, last 30 days</p>
      <div class="chart" role="img" aria-label="Reviews per day, last 30 days">
        {stats.reviewsPerDay.map((d) => (
          <span key={d.day} class="bar" style={{ height: `${(d.count / max) * 100}%` }} title={`${d.day}: ${d.count} reviews`} />
        ))}
      </div>
    </section>
  );
}
