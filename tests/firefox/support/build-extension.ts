import { buildExtension } from '../../../scripts/lib/build';
import { E2E_OUT_DIR } from '../../e2e/support/paths';

/** Builds the Firefox extension once per test run, so the tests always exercise the current source. */
export default function setup(): void {
  if (!process.env.YUEDU_E2E_SKIP_BUILD) buildExtension(E2E_OUT_DIR, 'firefox');
}
