import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLoad, type LoadServer } from '../../bench/lib/load-server.ts';
import { generateLoad } from '../../bench/lib/synthetic-load.ts';

const load = generateLoad({ feeds: 8, itemsPerFeed: 5, articles: 20, outlets: 2, followUps: 4, seed: 1, start: '2026-11-30T12:00:00.000Z' });
let server: LoadServer;
const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${server.port}${path}`, { headers });

beforeAll(async () => {
  server = await serveLoad(load);
});
afterAll(() => server.close());

describe('synthetic load server', () => {
  it('answers a feed with an ETag and 304 to the same ETag; follow-ups appear at the second poll', async () => {
    const changed = load.feeds.find((f) => f.followUps.length > 0)!;
    const unchanged = load.feeds.find((f) => f.followUps.length === 0)!;
    const first = await get(changed.path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/rss\+xml/);
    const etag = first.headers.get('etag')!;
    expect((await get(changed.path, { 'if-none-match': etag })).status).toBe(304);
    const followUp = load.articles[changed.followUps[0]];
    expect((await get(followUp.path)).status).toBe(404);

    server.setTick(1);
    const second = await get(changed.path, { 'if-none-match': etag });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain(followUp.path);
    const quiet = await get(unchanged.path);
    expect((await get(unchanged.path, { 'if-none-match': quiet.headers.get('etag')! })).status).toBe(304);
    expect((await get(followUp.path)).status).toBe(200);
    server.setTick(0);
  });

  it('serves article pages and 404 for robots.txt and unknown paths, counting each', async () => {
    const page = await get(load.articles[3].path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(load.articles[3].title.replace(/&/g, '&amp;'));
    expect((await get('/robots.txt')).status).toBe(404);
    expect((await get('/nothing')).status).toBe(404);
    expect(server.served['404 robots.txt']).toBeGreaterThanOrEqual(1);
    expect(server.served.page).toBeGreaterThanOrEqual(1);
  });
});
