/** Where a correction of the reader's holds: on the site it was made on, or on every page. */
export const CORRECTION_SCOPES = ['site', 'all'] as const;
export type CorrectionScope = (typeof CORRECTION_SCOPES)[number];
