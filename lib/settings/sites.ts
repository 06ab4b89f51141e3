/**
 * Per-site switch: the list holds the sites where the reader turned Yuedu off.
 * A site is its hostname without a leading "www.", so www.xinhuanet.com and xinhuanet.com share one switch.
 */
export function siteOf(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

export function isSiteDisabled(disabled: readonly string[], hostname: string): boolean {
  const site = siteOf(hostname);
  return site !== '' && disabled.some((entry) => siteOf(entry) === site);
}

/** The list with the site turned on or off; sorted and without duplicates so that the stored value stays tidy. */
export function withSite(disabled: readonly string[], hostname: string, enabled: boolean): string[] {
  const site = siteOf(hostname);
  const rest = disabled.map(siteOf).filter((entry) => entry !== '' && entry !== site);
  return [...new Set(enabled || site === '' ? rest : [...rest, site])].sort();
}
