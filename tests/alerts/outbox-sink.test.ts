import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/types.ts';
import { OutboxSink } from '../../shared/alerts/outbox-sink.ts';
import { seriesOf } from '../../shared/alerts/series.ts';

const figure = { metric: 'mobilization' as const, count: 40_000, qualifier: 'exact' as const, unit: 'people', country: 'Serbia', status: 'planned' as const, quote: 'Serbia will call up 40,000 reservists <now>.' };
const alert: Alert = {
  id: 'abc123',
  series: seriesOf(figure),
  figure,
  source: { articleUrl: 'https://news.example.org/call-up', articleTitle: 'Call-up ordered', published: '2023-03-04T11:30:00Z' },
  previous: null,
  createdAt: '2023-03-04T11:31:00Z',
};

describe('the .eml outbox', () => {
  it('writes a standard message with text and HTML parts that a mail parser reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    const seen: string[] = [];
    await new OutboxSink({ dir, onDeliver: (_a, subject) => seen.push(subject) }).deliver(alert);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/abc123\.eml$/);
    const mail = await simpleParser(await readFile(join(dir, files[0])));
    expect(mail.subject).toBe('Mobilization Serbia, planned: 40,000 (new series)');
    expect(mail.text).toContain('Serbia will call up 40,000 reservists <now>.');
    expect(mail.html).toContain('&lt;now&gt;');
    expect(mail.html).toContain('<mark>40,000</mark>');
    expect(mail.messageId).toBe('<abc123@news-figure-monitor>');
    expect(mail.date?.toISOString()).toBe('2023-03-04T11:31:00.000Z');
    expect(seen).toEqual([mail.subject]);
  });

  it('delivering the same alert again overwrites its file: no duplicate email', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    const sink = new OutboxSink({ dir });
    await sink.deliver(alert);
    await sink.deliver(alert);
    expect((await readdir(dir)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
