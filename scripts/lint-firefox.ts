/**
 * Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org runs) on a fresh Firefox build in a temporary
 * folder, so `npm run lint` catches a manifest or code problem Firefox would refuse. Fails on errors; warnings are shown.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExtension, ROOT } from './lib/build';

const outDir = await mkdtemp(path.join(tmpdir(), 'yuedu-lint-'));
try {
  const sourceDir = buildExtension(outDir, 'firefox');
  // web-ext exits non-zero when the linter reports an error.
  execFileSync('npx', ['web-ext', 'lint', '--no-config-discovery', '--source-dir', sourceDir], { cwd: ROOT, stdio: 'inherit' });
} catch (err) {
  process.exitCode = 1;
  if (!(err instanceof Error && 'status' in err)) throw err;
} finally {
  await rm(outDir, { recursive: true, force: true });
}
