import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Builds the Chromium extension into `outDir` (WXT's `--outDir` via YUEDU_OUT_DIR) and returns the unpacked folder. */
export function buildExtension(outDir: string): string {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, YUEDU_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return path.join(outDir, 'chrome-mv3');
}
