import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import type { Alert } from '../domain/types.ts';
import { renderEmail } from './render-email.ts';
import type { AlertSink } from './sink.ts';

/**
 * Attributes a subscription filter policy can match, e.g. {"destination": ["Finland"]}.
 * Absent places are sent as "none" so a policy can also select them explicitly.
 */
export function alertAttributes(alert: Alert): Record<string, MessageAttributeValue> {
  const s = alert.series;
  const attr = (v: string | undefined): MessageAttributeValue => ({ DataType: 'String', StringValue: v && v.trim() ? v : 'none' });
  const out: Record<string, MessageAttributeValue> = {
    metric: attr(s.metric),
    origin: attr(s.origin),
    destination: attr(s.destination),
    country: attr(s.country),
    status: attr(s.status),
    per: attr(s.per),
  };
  if (alert.figure.count !== null) out.count = { DataType: 'Number', StringValue: String(alert.figure.count) };
  return out;
}

/** SNS subjects: ASCII-printable, at most 100 characters. */
export function snsSubject(subject: string): string {
  const ascii = subject.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
  return ascii.length <= 100 ? ascii : `${ascii.slice(0, 97)}...`;
}

/** Publishes alerts to the SNS alert topic; analysts subscribe by email. */
export class SnsSink implements AlertSink {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
    private readonly reportUrl?: string,
  ) {}

  async deliver(alert: Alert): Promise<void> {
    const { subject, text } = renderEmail(alert, this.reportUrl);
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: snsSubject(subject),
        Message: text,
        MessageAttributes: alertAttributes(alert),
      }),
    );
  }
}
