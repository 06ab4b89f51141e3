/**
 * Which sites have corrections of the reader's, mirrored in storage.local for the content script: it may answer a
 * hover from the dictionary itself when the service worker is slow (content/hover/own-lookup.ts), but only the worker
 * applies corrections, so the content script answers only where there are none. Read with browser.storage.local,
 * which does not start a stopped worker. Written by every context that writes corrections (lib/store/corrected-sites.ts).
 */
import type { CorrectionScope } from './domain/correction';

/** The storage.local key: the sites (lib/settings/sites.ts), sorted, with EVERY_PAGE when a correction holds on every page. */
export const CORRECTED_SITES = 'correctedSites';
/** Not a hostname: a site ('' for a page without a hostname) cannot be mistaken for it. */
const EVERY_PAGE = '*';

/** The mirror of these corrections. */
export const correctedSites = (corrections: readonly { site: string; scope: CorrectionScope }[]): string[] =>
  [...new Set(corrections.map((c) => (c.scope === 'all' ? EVERY_PAGE : c.site)))].sort();

/**
 * Whether the worker's answer on `site` may differ from the dictionary's own, by the mirror as stored: a correction
 * holds there, or there is no mirror yet (a store from before it, until the worker has written it).
 */
export const mayBeCorrected = (mirror: unknown, site: string): boolean =>
  !Array.isArray(mirror) || mirror.includes(EVERY_PAGE) || mirror.includes(site);
