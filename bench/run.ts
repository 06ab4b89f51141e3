/**
 * `npm run bench`: every row is a measurement next to a baseline taken in the same run,
 * so the ratio is what to compare across machines.
 */
import { printTable, type BenchRow } from './table';
import { suites } from './suites';

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  console.error(`running ${suite.name}…`);
  rows.push(...(await suite.run()));
}
printTable(rows);
