import { execFileSync } from 'node:child_process';
import { E2E_OUT_DIR, ROOT } from './paths';

/** Builds the extension once per test run, so the tests always exercise the current source. */
export default function setup(): void {
  if (process.env.YUEDU_E2E_SKIP_BUILD) return;
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, YUEDU_OUT_DIR: E2E_OUT_DIR },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
