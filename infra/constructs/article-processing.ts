import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ENV } from '../../shared/lambda/env.ts';
import { ARTICLE_MAX_RECEIVES } from '../../shared/lambda/queues.ts';
import { MonitorFunction } from './monitor-function.ts';
import { WorkQueue } from './work-queue.ts';

export interface ArticleProcessingProps {
  table: ITable;
  alertTopic: ITopic;
  /** Linked from alert emails. */
  reportUrl?: string;
  /** Most concurrent invocations (each reads up to ten articles). */
  maxConcurrency?: number;
  logRetentionDays?: number;
}

/** The article queue and the function that reads each article, stores its figures and publishes alerts. */
export class ArticleProcessing extends Construct {
  readonly work: WorkQueue;
  readonly function: MonitorFunction;

  constructor(scope: Construct, id: string, props: ArticleProcessingProps) {
    super(scope, id);
    const timeout = Duration.seconds(90);
    this.work = new WorkQueue(this, 'Articles', { consumerTimeout: timeout, maxReceiveCount: ARTICLE_MAX_RECEIVES });
    this.function = new MonitorFunction(this, 'Function', {
      name: 'process-article',
      description: 'Reads queued articles, stores their figures and publishes alerts',
      // Parsing pages is CPU-bound; more memory buys a faster CPU.
      memorySize: 1024,
      timeout,
      logRetentionDays: props.logRetentionDays,
      environment: {
        [ENV.tableName]: props.table.tableName,
        [ENV.alertTopicArn]: props.alertTopic.topicArn,
        ...(props.reportUrl ? { [ENV.reportUrl]: props.reportUrl } : {}),
      },
    });
    props.table.grantReadWriteData(this.function);
    props.alertTopic.grantPublish(this.function);
    this.work.consumeWith(this.function, { maxConcurrency: props.maxConcurrency ?? 10, maxBatchingWindow: Duration.seconds(5) });
  }
}
