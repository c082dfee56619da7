// Parameters that only say where a reader came from (campaign, click and share
// trackers): they make one article look like many.
const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|mkt_tok|_hsenc|_hsmi|ocid|cmpid|cmp|smid|smtyp|ref|ref_src|ref_url|taid|_ga|xtor|at_medium|at_campaign|at_custom\d*|ns_campaign|ns_mchannel|ns_source|ns_linkname|ns_fee|ito|sr_share|s_cid)$/i;

/**
 * The form of an article URL used to recognise it again: absolute, lower-case host,
 * no default port, no fragment, no tracking parameters, no empty "?".
 */
export function normalizeUrl(raw: string, base?: string): string {
  const url = new URL(raw, base);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  if (url.search === '?') url.search = '';
  return url.href;
}
