import path from 'node:path';
import { buildExtension, extensionFolder, ROOT, type Target } from '../scripts/lib/build';

const OUT_DIR = path.join(ROOT, process.env.YUEDU_BENCH_OUT_DIR ?? '.output-bench');
const built = new Map<Target, string>();

/** The extension the suites measure: built once per bench run and browser from the current source (unless told to skip). */
export function benchExtension(target: Target = 'chrome'): string {
  let dir = built.get(target);
  if (!dir) {
    dir = process.env.YUEDU_BENCH_SKIP_BUILD ? extensionFolder(OUT_DIR, target) : buildExtension(OUT_DIR, target);
    built.set(target, dir);
  }
  return dir;
}
