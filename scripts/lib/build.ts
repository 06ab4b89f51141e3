import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type Target = 'chrome' | 'firefox';

/** The unpacked extension WXT writes for `target`: Manifest V3 for Chromium, V2 for Firefox (see wxt.config.ts). */
export function extensionFolder(outDir: string, target: Target): string {
  return path.join(outDir, target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}

/** Builds the extension for `target` into `outDir` (WXT's `--outDir` via YUEDU_OUT_DIR) and returns the unpacked folder. */
export function buildExtension(outDir: string, target: Target = 'chrome'): string {
  execFileSync('npx', ['wxt', 'build', '-b', target], {
    cwd: ROOT,
    env: { ...process.env, YUEDU_OUT_DIR: outDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return extensionFolder(outDir, target);
}
