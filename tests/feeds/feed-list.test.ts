import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFeedList, parseFeedList } from '../../shared/feeds/feed-list.ts';

describe('feed lists', () => {
  it('reads one URL per line, skipping blanks and comments', () => {
    expect(parseFeedList('# world\nhttps://a.example/rss\n\n  http://b.example/feed  # trailing note\n', 'list.txt')).toEqual([
      { url: 'https://a.example/rss' },
      { url: 'http://b.example/feed' },
    ]);
  });

  it('names the line of a bad URL', () => {
    expect(() => parseFeedList('https://a.example/rss\nftp://b.example/feed\n', 'list.txt')).toThrow('list.txt:2: not an http(s) URL: ftp://b.example/feed');
  });

  it('reads a JSON list with names', () => {
    expect(parseFeedList('[{"url": "https://a.example/rss", "name": "A"}, {"url": "https://b.example/atom"}]', 'f.json')).toEqual([
      { url: 'https://a.example/rss', name: 'A' },
      { url: 'https://b.example/atom' },
    ]);
  });

  it('says which JSON entry is wrong', () => {
    expect(() => parseFeedList('[{"url": "https://a.example/rss"}, {"url": "javascript:alert(1)"}, {"url": "https://c.example", "name": 3}]', 'f.json')).toThrow(
      /f\.json: expected .*\n.*not an http\(s\) URL\n.*at \[1\]\.url\n.*not a string\n.*at \[2\]\.name/,
    );
    expect(() => parseFeedList('[{"url": ', 'f.json')).toThrow(/f\.json: invalid JSON/);
  });

  it('takes a single URL, or a file, and explains an unreadable one', async () => {
    expect(await loadFeedList('https://a.example/rss')).toEqual([{ url: 'https://a.example/rss' }]);
    const dir = await mkdtemp(join(tmpdir(), 'feeds-'));
    await writeFile(join(dir, 'list.txt'), 'https://a.example/rss\n');
    expect(await loadFeedList(join(dir, 'list.txt'))).toEqual([{ url: 'https://a.example/rss' }]);
    await expect(loadFeedList(join(dir, 'missing.txt'))).rejects.toThrow(/not a URL and not a readable file/);
  });
});
