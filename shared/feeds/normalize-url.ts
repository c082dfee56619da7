// Tracking parameters that make one article look like many.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|taid|_ga)$/i;

/** The form of an article URL used to recognise it again: no fragment, no tracking parameters. */
export function normalizeUrl(raw: string, base?: string): string {
  const url = new URL(raw, base);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.hostname = url.hostname.toLowerCase();
  return url.href;
}
