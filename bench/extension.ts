import path from 'node:path';
import { buildExtension, ROOT } from '../scripts/lib/build';

const OUT_DIR = path.join(ROOT, process.env.YUEDU_BENCH_OUT_DIR ?? '.output-bench');
let built: string | undefined;

/** The extension the suites measure: built once per bench run from the current source (unless told to skip). */
export function benchExtension(): string {
  built ??= process.env.YUEDU_BENCH_SKIP_BUILD ? path.join(OUT_DIR, 'chrome-mv3') : buildExtension(OUT_DIR);
  return built;
}
