import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/types.ts';
import { seriesOf } from '../../shared/alerts/series.ts';
import { alertAttributes, SnsSink, snsSubject } from '../../shared/alerts/sns-sink.ts';

const figure = { metric: 'border_crossing' as const, count: 60_000, qualifier: 'about' as const, unit: 'people', origin: 'Russia', destination: 'Finland', quote: 'About 60,000 entered Finland.' };
const alert: Alert = { id: 'x', series: seriesOf(figure), figure, source: { articleUrl: 'https://example.org/a' }, previous: 17_000, createdAt: '2022-10-04T00:00:00Z' };

describe('SNS alert messages', () => {
  const sns = mockClient(SNSClient);
  afterEach(() => sns.reset());

  it('carry attributes a subscription filter policy can match', () => {
    const attrs = alertAttributes(alert);
    expect(attrs.metric).toEqual({ DataType: 'String', StringValue: 'border_crossing' });
    expect(attrs.origin.StringValue).toBe('Russia');
    expect(attrs.destination.StringValue).toBe('Finland');
    expect(attrs.country.StringValue).toBe('none');
    expect(attrs.count).toEqual({ DataType: 'Number', StringValue: '60000' });
  });

  it('publishes subject, text and attributes to the topic', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm1' });
    await new SnsSink(new SNSClient({ region: 'us-east-1' }), 'arn:aws:sns:us-east-1:123456789012:alerts', 'https://report.example/').deliver(alert);
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0].args[0].input;
    expect(input.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:alerts');
    expect(input.Subject).toBe('Border crossings Russia -> Finland: about 60,000 (+43,000)');
    expect(input.Message).toContain('Report: https://report.example/');
    expect(input.MessageAttributes?.destination.StringValue).toBe('Finland');
  });

  it('a failed publish fails the delivery (so the alert is retried, not lost)', async () => {
    sns.on(PublishCommand).rejects(new Error('throttled'));
    await expect(new SnsSink(new SNSClient({ region: 'us-east-1' }), 'arn:t').deliver(alert)).rejects.toThrow('throttled');
  });

  it('subjects are ASCII and at most 100 characters', () => {
    expect(snsSubject('Border crossings Türkiye -> Syria: 1,000')).toBe('Border crossings Turkiye -> Syria: 1,000');
    expect(snsSubject('x'.repeat(150))).toHaveLength(100);
  });
});
