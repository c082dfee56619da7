import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportInput, renderReport, type ReportInput } from '../../shared/report/render-report.ts';
import { hasShared, repoRoot, samplesDir, sharedDir, warnIfNoShared } from '../helpers/paths.ts';
import { serveCrawl, type CrawlRun } from '../helpers/serve-crawl.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED report browser tests: ${CHROMIUM} is not installed (apt-get install chromium)`);
warnIfNoShared('report browser test over ../shared/corpus');

const artifacts = join(repoRoot, 'test-artifacts');

async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'report-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

interface Rendered {
  input: ReportInput;
  file: string;
  bytes: number;
  ms: number;
}

/** Runs the real pipeline over a crawl served on loopback, then renders its report to a file. */
async function renderFromCrawl(run: CrawlRun, name: string): Promise<Rendered> {
  await run.poll();
  const input = await loadReportInput(run.conn.store);
  const started = performance.now();
  const html = renderReport(input);
  const ms = performance.now() - started;
  await mkdir(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.html`);
  await writeFile(file, html);
  const bytes = Buffer.byteLength(html);
  console.log(`report ${name}: ${input.series.length} series, ${input.figures.length} figures, ${(bytes / 1024).toFixed(0)} KiB, rendered in ${ms.toFixed(0)} ms`);
  return { input, file, bytes, ms };
}

/** Opens the page, failing on any request it makes beyond itself and on any script error. */
async function openReport(context: BrowserContext, file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, errors };
}

/** Points drawn per series, as the browser sees them. */
const pointsPerSeries = (page: Page) =>
  page.$$eval('article.series', (blocks) =>
    Object.fromEntries(blocks.map((b) => [b.getAttribute('data-series-key'), b.querySelectorAll('.series-point circle').length])),
  );

function expectedPoints(input: ReportInput): Record<string, number> {
  return Object.fromEntries(input.series.map((s) => [s.series.key, input.figures.filter((f) => f.seriesKey === s.series.key && f.figure.count !== null).length]));
}

describe.skipIf(!hasChromium)('report in headless Chromium, from a pipeline run over the samples', () => {
  let run: CrawlRun;
  let rendered: Rendered;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let requests: string[];
  let errors: string[];

  beforeAll(async () => {
    run = await serveCrawl(samplesDir);
    rendered = await renderFromCrawl(run, 'report');
    browser = await openBrowser();
    ({ page, requests, errors } = await openReport(browser.context, rendered.file));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('loads with no request beyond the file and no script error', () => {
    expect(requests).toEqual([pathToFileURL(rendered.file).href]);
    expect(errors).toEqual([]);
  });

  it('shows a chart per series, with a point per figure', async () => {
    expect(rendered.input.series.length).toBeGreaterThan(0);
    expect(await page.locator('figure.chart svg').count()).toBe(rendered.input.series.length);
    expect(await pointsPerSeries(page)).toEqual(expectedPoints(rendered.input));
    const box = await page.locator('figure.chart svg').first().boundingBox();
    expect(box?.width).toBeGreaterThan(300);
  });

  it("opens a point's article when the point is clicked", async () => {
    const figure = rendered.input.figures[0];
    const point = page.locator(`article.series[data-series-key="${figure.seriesKey}"] .series-point a`).first();
    const href = await point.getAttribute('href');
    const source = rendered.input.figures.find((f) => f.source.articleUrl === href)?.source;
    expect(source).toBeDefined();
    const [article] = await Promise.all([browser.context.waitForEvent('page'), point.locator('circle').click()]);
    await article.waitForLoadState();
    expect(article.url()).toBe(href);
    if (source?.articleTitle) expect(await article.content()).toContain(source.articleTitle);
    await article.close();
  });

  it('filters the figures table in the page', async () => {
    const rows = page.locator('#figures-table tbody tr');
    const total = await rows.count();
    expect(total).toBe(rendered.input.figures.length);
    await page.fill('#filter-text', 'no-such-word-anywhere');
    expect(await page.locator('#figures-table tbody tr:visible').count()).toBe(0);
    expect(await page.textContent('#filter-shown')).toBe('0');
    await page.fill('#filter-text', '');
    const place = await page.locator('#filter-place option').nth(1).getAttribute('value');
    await page.selectOption('#filter-place', place!);
    const visible = await page.locator('#figures-table tbody tr:visible').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-places')));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((p) => p!.split('|').includes(place!))).toBe(true);
    expect(await page.textContent('#filter-shown')).toBe(String(visible.length));
    await page.selectOption('#filter-place', '');
    expect(await page.locator('#figures-table tbody tr:visible').count()).toBe(total);
  });

  it('saves a screenshot', async () => {
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    expect(existsSync(join(artifacts, 'report.png'))).toBe(true);
  });
});

describe.skipIf(!hasChromium || !hasShared)('report in headless Chromium, from a pipeline run over the shared corpus', () => {
  let run: CrawlRun;
  let rendered: Rendered;
  let browser: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    run = await serveCrawl(join(sharedDir, 'corpus'));
    rendered = await renderFromCrawl(run, 'report-corpus');
    browser = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('draws every series with its points, links only to articles, and errs nowhere', async () => {
    const { page, requests, errors } = await openReport(browser.context, rendered.file);
    expect(requests).toEqual([pathToFileURL(rendered.file).href]);
    expect(errors).toEqual([]);
    expect(rendered.input.series.length).toBeGreaterThan(1);
    expect(await pointsPerSeries(page)).toEqual(expectedPoints(rendered.input));
    const articles = new Set(rendered.input.figures.map((f) => f.source.articleUrl));
    const hrefs = await page.$$eval('.series-point a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !articles.has(h!))).toEqual([]);
    // The whole page is metres long: the first screen is enough to look at.
    await page.screenshot({ path: join(artifacts, 'report-corpus.png') });
  }, 120_000);
});
