import type { Alert } from '../domain/types.ts';

/** Where alerts go: the local outbox, SNS on AWS, or a test's list. */
export interface AlertSink {
  /** Must be safe to call twice for the same alert id (a retry after a crash). */
  deliver(alert: Alert): Promise<void>;
}
