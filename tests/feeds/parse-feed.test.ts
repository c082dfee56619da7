import { describe, expect, it } from 'vitest';
import { parseFeed, readFeedEntries } from '../../shared/feeds/parse-feed.ts';
import { FetchError } from '../../shared/http/fetcher.ts';

const FEED_URL = 'https://news.example/section/rss.xml';

async function refusal(xml: string): Promise<FetchError> {
  try {
    await parseFeed(xml, FEED_URL);
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).reason).toBe('bad_feed');
    expect((err as FetchError).message).not.toContain(FEED_URL);
    return err as FetchError;
  }
  throw new Error('expected the feed to be refused');
}

describe('parseFeed', () => {
  it('reads RSS 2.0 with relative links, HTML titles and descriptions as plain text', async () => {
    const items = await parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
      <item><title>Border &lt;b&gt;reopens&lt;/b&gt; &amp;amp; traffic</title><link>../world/a1?x=1</link><guid isPermaLink="false">a1</guid>
        <description><![CDATA[<p>About <em>4,000</em> people</p><p>crossed.</p>]]></description><pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate></item>
      <item><title>No link but a permalink guid</title><guid>https://news.example/world/a2</guid></item>
      <item><title>Script link</title><link>javascript:alert(1)</link></item>
      </channel></rss>`,
      FEED_URL,
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      feedUrl: FEED_URL,
      guid: 'a1',
      link: 'https://news.example/world/a1?x=1',
      title: 'Border reopens & traffic',
      published: '2026-03-01T09:00:00.000Z',
      summary: 'About 4,000 people crossed.',
    });
    expect(items[1].link).toBe('https://news.example/world/a2');
  });

  it('reads RSS 0.91, RSS 1.0 (RDF) and Atom', async () => {
    const rss091 = await parseFeed(`<rss version="0.91"><channel><title>c</title><item><title>Old</title><link>http://old.example/1</link></item></channel></rss>`, FEED_URL);
    expect(rss091.map((i) => i.title)).toEqual(['Old']);
    const rdf = await parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="x"><title>c</title></channel>
        <item rdf:about="https://rdf.example/1"><title>R1</title><link>https://rdf.example/1</link></item>
        <item rdf:about="https://rdf.example/2"><title>R2</title><link>https://rdf.example/2</link></item></rdf:RDF>`,
      FEED_URL,
    );
    expect(rdf.map((i) => i.title)).toEqual(['R1', 'R2']);
    const atom = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/"><title>a</title>
        <entry><id>tag:atom.example,2026:1</id><title type="html">A &lt;i&gt;one&lt;/i&gt;</title><link rel="alternate" href="posts/1"/><updated>2026-03-01T10:00:00Z</updated></entry>
        <entry xml:base="/other/"><id>tag:atom.example,2026:2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Two</div></title><link href="p2"/></entry>
      </feed>`,
      FEED_URL,
    );
    expect(atom).toEqual([
      expect.objectContaining({ guid: 'tag:atom.example,2026:1', link: 'https://atom.example/blog/posts/1', title: 'A one' }),
      expect.objectContaining({ link: 'https://atom.example/other/p2', title: 'Two' }),
    ]);
  });

  it('recovers HTML entities and bare ampersands that strict XML refuses', async () => {
    const items = await parseFeed(
      `<rss version="2.0"><channel><title>t</title><item><title>Caf&eacute;&nbsp;news &mdash; R&D</title><link>https://x.example/?a=1&b=2</link></item></channel></rss>`,
      FEED_URL,
    );
    expect(items[0].title).toBe('Café\u00a0news — R&D'.replace(/\s+/g, ' '));
    expect(items[0].link).toBe('https://x.example/?a=1&b=2');
  });

  it('reads a feed with no items as empty', async () => {
    expect(await parseFeed('<rss version="2.0"><channel><title>quiet</title></channel></rss>', FEED_URL)).toEqual([]);
  });

  it('refuses empty documents, HTML pages, other XML and broken XML with a clear bad_feed error', async () => {
    expect((await refusal('')).message).toMatch(/empty/);
    expect((await refusal('  <!-- nothing -->  ')).message).toMatch(/empty/);
    expect((await refusal('<!DOCTYPE html><html><head><title>Moved</title></head><body>gone</body></html>')).message).toMatch(/HTML page/);
    expect((await refusal('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')).message).toMatch(/root <svg>/);
    expect((await refusal('<rss version="2.0"><channel><item><title>cut off')).message).toMatch(/not well-formed/);
    expect((await refusal('<rss version="2.0"></rss>')).message).toMatch(/channel/);
    expect((await refusal('just some text')).message).toMatch(/not well-formed|not an RSS/);
    const deep = `<rss version="2.0"><channel><title>x</title><item><title>t</title><link>/x</link><description>${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}</description></item></channel></rss>`;
    expect((await refusal(deep)).message).toMatch(/nested too deeply/);
  });

  it('reads each document afresh: an earlier broken one does not leak into the next', async () => {
    const good = '<rss version="2.0"><channel><title>x</title><item><title>A</title><link>https://a.example/1</link></item></channel></rss>';
    const broken = (n: number) => good.slice(0, 80) + '<b>'.repeat(n) + good.slice(80);
    for (const n of [3, 2000, 10_000]) await refusal(broken(n));
    expect((await parseFeed(good, FEED_URL))[0].link).toBe('https://a.example/1');
  });

  it('stays roughly linear on a megabyte of pathological repetition', async () => {
    for (const prefix of ['', '<rss version="2.0"><channel><title>t</title><item><title>']) {
      for (const unit of ['<!--', '<?', '<!DOCTYPE', '&', '<item>']) {
        const started = Date.now();
        await refusal(prefix + unit.repeat(Math.floor(1_000_000 / unit.length)));
        expect(Date.now() - started, `${prefix.slice(0, 4)} ${unit}`).toBeLessThan(5000);
      }
    }
  }, 60_000);

  it('keeps entries without a link in readFeedEntries but drops them from parseFeed', async () => {
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>linkless</title></item></channel></rss>';
    expect((await readFeedEntries(xml, FEED_URL)).map((e) => e.title)).toEqual(['linkless']);
    expect(await parseFeed(xml, FEED_URL)).toEqual([]);
  });
});
