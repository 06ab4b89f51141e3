import path from 'node:path';
import { ROOT } from '../../../scripts/lib/build';
import { findPagesDir } from '../../unit/support/fixture-pages';

/** The e2e build has its own folder (settable, for parallel runs) so that it never races `npm run build`. */
export const E2E_OUT_DIR = path.resolve(ROOT, process.env.YUEDU_E2E_OUT_DIR ?? '.output-e2e');
export const EXTENSION_DIR = path.join(E2E_OUT_DIR, 'chrome-mv3');
export const DEMO_DIR = path.join(ROOT, 'demo');
/** Small pages of our own for cases the fixtures lack (forms, frames). */
export const TEST_PAGES_DIR = path.join(ROOT, 'tests', 'pages');
export const FIXTURE_PAGES_DIR = findPagesDir(path.dirname(ROOT));
