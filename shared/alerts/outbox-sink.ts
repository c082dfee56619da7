import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Alert } from '../domain/types.ts';
import { renderEmail } from './render-email.ts';
import type { AlertSink } from './sink.ts';

export interface OutboxOptions {
  dir: string;
  from?: string;
  to?: string;
  /** Called with each delivered alert's subject (the CLI prints it). */
  onDeliver?: (alert: Alert, subject: string, file: string) => void;
}

/**
 * Writes each alert as an RFC 5322 message (.eml, text and HTML parts) that any mail
 * client opens. The file name is the alert id, so a re-delivery overwrites, never doubles.
 */
export class OutboxSink implements AlertSink {
  constructor(private readonly options: OutboxOptions) {}

  async deliver(alert: Alert): Promise<void> {
    const { subject, text, html } = renderEmail(alert);
    const message = await new MailComposer({
      from: this.options.from ?? 'News figure monitor <monitor@localhost>',
      to: this.options.to ?? 'analysts@localhost',
      subject,
      text,
      html,
      date: new Date(alert.createdAt),
      messageId: `<${alert.id}@news-figure-monitor>`,
      headers: { 'X-Monitor-Metric': alert.series.metric, 'X-Monitor-Series': alert.series.key },
    })
      .compile()
      .build();
    await mkdir(this.options.dir, { recursive: true });
    const file = join(this.options.dir, `${alert.createdAt.replace(/[:.]/g, '-')}-${alert.id}.eml`);
    // Write then rename, so a crash never leaves half a message for a mail client.
    const tmp = `${file}.tmp`;
    await writeFile(tmp, message);
    await rename(tmp, file);
    this.options.onDeliver?.(alert, subject, file);
  }
}
