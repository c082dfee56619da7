import type { Alert, Figure, Qualifier } from '../domain/types.ts';
import { esc, safeHref } from '../html/escape.ts';
import { seriesLabel } from './series.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  more_than: 'more than ',
  at_least: 'at least ',
  nearly: 'nearly ',
  up_to: 'up to ',
  range: '',
  vague: '',
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** "about 98,000", "5,000-6,000 a day". */
export function describeCount(figure: Figure): string {
  const amount =
    figure.qualifier === 'range' && figure.low !== undefined && figure.high !== undefined
      ? `${fmt(figure.low)}-${fmt(figure.high)}`
      : figure.count === null
        ? 'an unstated number'
        : `${QUALIFIER_WORDS[figure.qualifier]}${fmt(figure.count)}`;
  return figure.per ? `${amount} a ${figure.per}` : amount;
}

function describeChange(alert: Alert): string {
  if (alert.previous === null || alert.figure.count === null) return 'first count in this series';
  const diff = alert.figure.count - alert.previous;
  const pct = alert.previous ? ` (${diff >= 0 ? '+' : ''}${((diff / alert.previous) * 100).toFixed(1)}%)` : '';
  const since = alert.previousPublished ? ` since ${alert.previousPublished.slice(0, 10)}` : '';
  return `${diff >= 0 ? '+' : '-'}${fmt(Math.abs(diff))}${pct}${since}, previous ${fmt(alert.previous)}`;
}

/** Subject lines must stay one line whatever a page put in its text. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();

export function renderSubject(alert: Alert): string {
  const change =
    alert.previous === null || alert.figure.count === null
      ? 'new series'
      : `${alert.figure.count >= alert.previous ? '+' : '-'}${fmt(Math.abs(alert.figure.count - alert.previous))}${
          alert.previousPublished ? ` since ${alert.previousPublished.slice(0, 10)}` : ''
        }`;
  return oneLine(`${seriesLabel(alert.series)}: ${describeCount(alert.figure)} (${change})`);
}

/** The quote with the figure's number highlighted; every piece escaped first. */
function highlightQuote(quote: string, figure: Figure): string {
  const escaped = esc(quote);
  const n = figure.count;
  if (n === null) return escaped;
  const grouped = fmt(n);
  const candidates = [grouped, grouped.replace(/,/g, ' '), String(n)];
  for (const c of candidates) {
    const at = escaped.indexOf(esc(c));
    if (at >= 0) return `${escaped.slice(0, at)}<mark>${esc(c)}</mark>${escaped.slice(at + c.length)}`;
  }
  return escaped;
}

function rows(alert: Alert): [string, string][] {
  const f = alert.figure;
  const s = alert.source;
  const places =
    f.metric === 'border_crossing'
      ? `${f.origin ?? 'unstated origin'} -> ${f.destination ?? 'unstated destination'}`
      : `${f.country ?? 'unstated country'}${f.status ? ` (${f.status})` : ''}`;
  const out: [string, string][] = [
    ['Count', `${describeCount(f)} (${f.qualifier})`],
    ['Change', describeChange(alert)],
    ['Places', places],
  ];
  if (f.who) out.push(['Who', f.who]);
  if (f.period) out.push(['Period', f.period]);
  out.push(['Attribution', f.attribution ?? 'not stated']);
  out.push(['Article', s.articleTitle ?? s.articleUrl]);
  if (s.outlet) out.push(['Outlet', s.outlet]);
  out.push(['Published', s.published ?? f.published ?? 'unknown']);
  return out;
}

export function renderEmail(alert: Alert, reportUrl?: string): RenderedEmail {
  const subject = renderSubject(alert);
  const table = rows(alert);
  const others = alert.repeatedBy ?? [];
  const text = [
    subject,
    '',
    ...table.map(([k, v]) => `${k}: ${oneLine(v)}`),
    `Link: ${alert.source.articleUrl}`,
    '',
    `"${oneLine(alert.figure.quote)}"`,
    ...(others.length ? ['', 'Repeated by:', ...others.map((o) => `- ${oneLine(o.outlet ?? o.articleTitle ?? o.articleUrl)}: ${o.articleUrl}`)] : []),
    ...(reportUrl ? ['', `Report: ${reportUrl}`] : []),
    '',
  ].join('\n');

  const link = safeHref(alert.source.articleUrl);
  const title = esc(alert.source.articleTitle ?? alert.source.articleUrl);
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:sans-serif">
<h2>${esc(subject)}</h2>
<table cellpadding="4">
${table.map(([k, v]) => `<tr><th align="left">${esc(k)}</th><td>${k === 'Article' && link ? `<a href="${esc(link)}">${title}</a>` : esc(v)}</td></tr>`).join('\n')}
</table>
<blockquote>${highlightQuote(alert.figure.quote, alert.figure)}</blockquote>
${
  others.length
    ? `<p>Repeated by:</p><ul>${others
        .map((o) => {
          const href = safeHref(o.articleUrl);
          const label = esc(o.outlet ?? o.articleTitle ?? o.articleUrl);
          return `<li>${href ? `<a href="${esc(href)}">${label}</a>` : label}</li>`;
        })
        .join('')}</ul>`
    : ''
}${reportUrl && safeHref(reportUrl) ? `<p><a href="${esc(safeHref(reportUrl)!)}">Open the report</a></p>` : ''}
</body></html>
`;
  return { subject, text, html };
}
