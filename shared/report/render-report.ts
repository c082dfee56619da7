import { createHash } from 'node:crypto';
import { seriesLabel } from '../alerts/series.ts';
import type { Alert, StoredFigure } from '../domain/types.ts';
import type { FeedState, SeriesSummary, Store } from '../store/store.ts';
import { conflicts, corroborations, outletOf, type Conflict, type CountGroup } from './corroboration.ts';
import { FIGURE_FILTER_SCRIPT } from './figure-filters.ts';
import { esc, fmtCount, link, utcTime } from './html.ts';
import { seriesChart, type ChartPoint } from './series-chart.ts';

/** Everything the report shows, read from the store by the caller. */
export interface ReportInput {
  series: SeriesSummary[];
  figures: StoredFigure[];
  feeds: FeedState[];
  alerts: Alert[];
  generatedAt: string;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 48px;color:#1b1b1b}
h1{margin:16px 0 4px}h2{margin-top:32px;border-bottom:1px solid #ccc}h3{margin:0 0 4px}
nav a{margin-right:12px}
.series{border:1px solid #ddd;border-radius:6px;padding:12px;margin:16px 0}
.latest strong{font-size:1.4em}.up{color:#a11}.down{color:#164}
.badge{background:#fde2c0;border-radius:4px;padding:1px 6px;margin-left:8px;font-size:.85em}
figure.chart{margin:8px 0}figure.chart svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.quote{max-width:420px;color:#444}
tr.failing td{background:#fff0f0}
.filters{display:flex;gap:12px;align-items:center;margin:8px 0;flex-wrap:wrap}
.muted{color:#666}
`;

const words = (s: string) => s.replace(/_/g, ' ');
/** When a figure was published (its own time, else its article's), else when it was stored. */
function timeOf(f: StoredFigure): Date {
  const published = new Date(f.figure.published ?? f.source.published ?? Number.NaN);
  return Number.isNaN(published.getTime()) ? new Date(f.storedAt) : published;
}
const placesOf = (f: StoredFigure) => [f.figure.origin, f.figure.destination, f.figure.country].filter((p): p is string => Boolean(p));

function pointOf(f: StoredFigure): ChartPoint {
  const at = timeOf(f);
  const g = f.figure;
  const range = g.low !== undefined && g.high !== undefined ? ` (${fmtCount(g.low)}–${fmtCount(g.high)})` : '';
  return {
    at,
    count: g.count as number,
    url: f.source.articleUrl,
    label: `${fmtCount(g.count)}${range}, ${words(g.qualifier)}\n${outletOf(f.source)}, ${utcTime(at.toISOString())}${g.attribution ? `\nper ${g.attribution}` : ''}`,
  };
}

function change(s: SeriesSummary): string {
  if (s.previous === null) return '<span class="muted">first count of this series</span>';
  const d = s.latest - s.previous;
  const pct = s.previous ? ` (${d >= 0 ? '+' : ''}${((100 * d) / s.previous).toFixed(1)}%)` : '';
  return `previous ${fmtCount(s.previous)}, change <span class="${d > 0 ? 'up' : d < 0 ? 'down' : ''}">${d >= 0 ? '+' : ''}${fmtCount(d)}${pct}</span>`;
}

function sourcesList(group: CountGroup): string {
  return group.sources.map((s) => link(s.articleUrl, `${outletOf(s)}${s.articleTitle ? `: ${s.articleTitle}` : ''}`)).join('; ');
}

function seriesBlock(s: SeriesSummary, index: number, figures: StoredFigure[], agreed: CountGroup[], disputed: Conflict[]): string {
  const outlets = new Set(figures.map((f) => outletOf(f.source).toLowerCase())).size;
  const yLabel = s.series.per ? `people per ${s.series.per}` : 'people';
  const badge = disputed.length ? `<a class="badge" href="#conflicts">${disputed.length} day${disputed.length > 1 ? 's' : ''} with conflicting counts</a>` : '';
  const corroborated = agreed.length
    ? `<div class="corroborated"><h4>Reported by several outlets</h4><ul>${agreed
        .map((g) => `<li data-count="${g.count}"><strong>${fmtCount(g.count)}</strong> by ${g.outlets.length} outlets: ${sourcesList(g)}</li>`)
        .join('')}</ul></div>`
    : '';
  return `<article class="series" id="series-${index}" data-series-key="${esc(s.series.key)}">
<h3>${esc(seriesLabel(s.series))}${badge}</h3>
<p class="latest">Latest <strong>${fmtCount(s.latest)}</strong>${s.latestPublished ? ` <span class="muted">published ${esc(utcTime(s.latestPublished))}</span>` : ''}; ${change(s)}</p>
<figure class="chart" data-points="${figures.length}">${seriesChart(figures.map(pointOf), yLabel)}<figcaption class="muted">${figures.length} figure${figures.length === 1 ? '' : 's'} from ${outlets} outlet${outlets === 1 ? '' : 's'}; each point links to its article.</figcaption></figure>
${corroborated}
</article>`;
}

function conflictsSection(list: Conflict[], labels: Map<string, string>): string {
  const rows = list
    .map(
      (c) =>
        `<tr class="conflict" data-series-key="${esc(c.seriesKey)}" data-day="${c.day}"><td>${esc(labels.get(c.seriesKey) ?? c.seriesKey)}</td><td>${c.day}</td><td><ul>${c.groups
          .map((g) => `<li><strong>${fmtCount(g.count)}</strong>: ${sourcesList(g)}</li>`)
          .join('')}</ul></td></tr>`,
    )
    .join('\n');
  return `<section id="conflicts"><h2>Conflicts (${list.length})</h2>
<p class="muted">Outlets giving counts more than 2% apart for the same series on the same publication day.</p>
${list.length ? `<table><thead><tr><th>series</th><th>day</th><th>counts and who gave them</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>None.</p>'}
</section>`;
}

function figureRowHtml(f: StoredFigure): string {
  const g = f.figure;
  const places = g.metric === 'border_crossing' ? `${g.origin ?? '?'} → ${g.destination ?? '?'}` : `${g.country ?? '?'}${g.status ? `, ${g.status}` : ''}`;
  const range = g.low !== undefined && g.high !== undefined ? ` <span class="muted">(${fmtCount(g.low)}–${fmtCount(g.high)})</span>` : '';
  const source = link(f.source.articleUrl, outletOf(f.source));
  return `<tr data-metric="${esc(g.metric)}" data-places="${esc(placesOf(f).map((p) => p.toLowerCase()).join('|'))}"><td>${esc(utcTime(timeOf(f).toISOString()))}</td><td>${esc(words(g.metric))}</td><td class="num">${fmtCount(g.count)}${range}</td><td>${esc(words(g.qualifier))}</td><td>${esc(g.per)}</td><td>${esc(places)}</td><td>${esc(g.attribution)}</td><td>${source}${f.source.articleTitle ? `<br><span class="muted">${esc(f.source.articleTitle)}</span>` : ''}</td><td class="quote">${esc(g.quote)}</td></tr>`;
}

function figuresSection(figures: StoredFigure[]): string {
  const sorted = [...figures].sort((a, b) => timeOf(b).getTime() - timeOf(a).getTime() || a.id.localeCompare(b.id));
  const metrics = [...new Set(figures.map((f) => f.figure.metric))].sort();
  const places = new Map<string, string>();
  for (const f of figures) for (const p of placesOf(f)) if (!places.has(p.toLowerCase())) places.set(p.toLowerCase(), p);
  const options = (pairs: [string, string][]) => pairs.map(([value, text]) => `<option value="${esc(value)}">${esc(text)}</option>`).join('');
  return `<section id="figures"><h2>All figures (${figures.length})</h2>
<div class="filters">
<label>Metric <select id="filter-metric"><option value="">all</option>${options(metrics.map((m) => [m, words(m)]))}</select></label>
<label>Place <select id="filter-place"><option value="">all</option>${options([...places].sort((a, b) => a[1].localeCompare(b[1])))}</select></label>
<label>Search <input id="filter-text" type="search" placeholder="words in any column"></label>
<span class="muted"><output id="filter-shown">${figures.length}</output> shown</span>
</div>
<table id="figures-table"><thead><tr><th>published</th><th>metric</th><th class="num">count</th><th>qualifier</th><th>per</th><th>places</th><th>attribution</th><th>source</th><th>quote</th></tr></thead>
<tbody>${sorted.map(figureRowHtml).join('\n')}</tbody></table>
</section>`;
}

function feedsSection(feeds: FeedState[]): string {
  const rows = [...feeds]
    .sort((a, b) => b.consecutiveFailures - a.consecutiveFailures || a.url.localeCompare(b.url))
    .map(
      (f) =>
        `<tr class="feed${f.consecutiveFailures ? ' failing' : ''}"><td>${f.name ? `${esc(f.name)}<br>` : ''}<span class="muted">${esc(f.url)}</span></td><td>${esc(utcTime(f.lastPolledAt))}</td><td>${esc(utcTime(f.lastSuccessAt)) || '<em>never</em>'}</td><td>${esc(utcTime(f.lastErrorAt))}</td><td>${esc(f.lastError)}</td><td class="num">${f.consecutiveFailures}</td></tr>`,
    )
    .join('\n');
  return `<section id="feeds"><h2>Feed health (${feeds.length})</h2>
<table id="feeds-table"><thead><tr><th>feed</th><th>last polled</th><th>last success</th><th>last error at</th><th>last error</th><th class="num">failures in a row</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

/** The store's series, most recently updated first, each with its figures. */
function seriesWithFigures(input: ReportInput): { summary: SeriesSummary; figures: StoredFigure[] }[] {
  const byKey = new Map<string, StoredFigure[]>();
  for (const f of input.figures) if (typeof f.figure.count === 'number') byKey.set(f.seriesKey, [...(byKey.get(f.seriesKey) ?? []), f]);
  const latest = (s: SeriesSummary) => s.latestPublished ?? s.updatedAt;
  return [...input.series]
    .sort((a, b) => latest(b).localeCompare(latest(a)) || seriesLabel(a.series).localeCompare(seriesLabel(b.series)))
    .map((summary) => ({ summary, figures: byKey.get(summary.series.key) ?? [] }));
}

/**
 * One self-contained HTML page (opens with no network): per series a chart drawn at
 * build time, the latest count and change, the counts several outlets agree on; the
 * conflicts between outlets; every figure in a filterable table; each feed's health.
 * All text from pages is escaped and only http(s) URLs become links; the
 * Content-Security-Policy allows no script but the page's own filter script.
 */
export function renderReport(input: ReportInput): string {
  const all = seriesWithFigures(input);
  const labels = new Map(all.map(({ summary }) => [summary.series.key, seriesLabel(summary.series)]));
  const agreed = corroborations(input.figures);
  const disputed = conflicts(input.figures);
  const blocks = all.map(({ summary, figures }, i) =>
    seriesBlock(
      summary,
      i,
      figures,
      agreed.filter((g) => g.seriesKey === summary.series.key),
      disputed.filter((c) => c.seriesKey === summary.series.key),
    ),
  );
  const scriptHash = createHash('sha256').update(FIGURE_FILTER_SCRIPT).digest('base64');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>News figure monitor report</title>
<style>${STYLE}</style></head>
<body>
<header><h1>News figure monitor</h1>
<p class="muted">Generated ${esc(utcTime(input.generatedAt))}: ${all.length} series, ${input.figures.length} figures, ${input.alerts.length} alerts, ${input.feeds.length} feeds, ${disputed.length} conflicts.</p>
<nav><a href="#series">Series</a><a href="#conflicts">Conflicts</a><a href="#figures">All figures</a><a href="#feeds">Feed health</a></nav></header>
<section id="series"><h2>Series (${all.length})</h2>
${blocks.join('\n') || '<p>No figures stored yet.</p>'}
</section>
${conflictsSection(disputed, labels)}
${figuresSection(input.figures)}
${feedsSection(input.feeds)}
<script>${FIGURE_FILTER_SCRIPT}</script>
</body></html>
`;
}

/** Reads what the report shows from any store (embedded locally, DynamoDB on AWS). */
export async function loadReportInput(store: Store, now: Date = new Date()): Promise<ReportInput> {
  const [series, figures, feeds, alerts] = await Promise.all([store.listSeries(), store.listFigures(), store.listFeedStates(), store.listAlerts()]);
  return { series, figures, feeds, alerts, generatedAt: now.toISOString() };
}
