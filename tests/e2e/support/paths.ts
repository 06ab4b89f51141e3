import path from 'node:path';
import { extensionFolder, ROOT } from '../../../scripts/lib/build';
import { PAGES_DIR } from '../../unit/support/fixture-pages';

/**
 * The e2e builds have their own folder (settable, for parallel runs) so that they never race `npm run build`;
 * the Chromium and Firefox builds sit side by side in it.
 */
export const E2E_OUT_DIR = path.resolve(ROOT, process.env.YUEDU_E2E_OUT_DIR ?? '.output-e2e');
export const EXTENSION_DIR = extensionFolder(E2E_OUT_DIR, 'chrome');
export const FIREFOX_EXTENSION_DIR = extensionFolder(E2E_OUT_DIR, 'firefox');
export const DEMO_DIR = path.join(ROOT, 'demo');
/** Small pages of our own for cases the fixtures lack (forms, frames). */
export const TEST_PAGES_DIR = path.join(ROOT, 'tests', 'pages');
export const FIXTURE_PAGES_DIR = PAGES_DIR;
