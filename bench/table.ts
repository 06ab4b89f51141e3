export interface BenchRow {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  /** What the value is compared against, measured in the same run. */
  baseline?: { label: string; value: number };
  target?: string;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

export function printTable(rows: BenchRow[]): void {
  const header = ['suite', 'metric', 'value', 'baseline', 'ratio', 'target'];
  const body = rows.map((r) => [
    r.suite,
    r.metric,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)} ${r.unit}` : '',
    r.baseline && r.baseline.value !== 0 ? `${fmt(r.value / r.baseline.value)}x` : '',
    r.target ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => [...(row[i] ?? "")].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of body) console.log(line(row));
}

/** Median and tail of a list of samples. */
export function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}
