import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/lambda/env.ts';
import { POLL_MAX_RECEIVES } from '../../shared/lambda/queues.ts';
import { MonitorFunction } from './monitor-function.ts';
import { WorkQueue } from './work-queue.ts';

/** Feeds per poll-feed invocation. */
export const POLL_BATCH_SIZE = 50;

export interface FeedPollingProps {
  table: ITable;
  /** Where new articles go (the article processing queue). */
  articleQueue: IQueue;
  /** The feed list uploaded at deploy time (one URL a line, or JSON [{url, name}]). */
  feedsFile: string;
  pollRateMinutes?: number;
  /** Most concurrent poll-feed invocations (each polls up to ten feeds). */
  maxConcurrency?: number;
  logRetentionDays?: number;
}

/**
 * Every few minutes, schedule-feeds reads the feed list from S3 and queues one message
 * per feed; poll-feed polls each feed and queues the articles not seen before. The
 * list lives in a bucket, not SSM: a parameter holds at most 8 KB, about 130 feeds.
 */
export class FeedPolling extends Construct {
  readonly feedsBucket: Bucket;
  readonly feedsKey: string;
  readonly work: WorkQueue;
  readonly scheduleFunction: MonitorFunction;
  readonly pollFunction: MonitorFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: FeedPollingProps) {
    super(scope, id);
    this.feedsKey = `feeds${extname(props.feedsFile) || '.txt'}`;
    this.feedsBucket = new Bucket(this, 'FeedList', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Earlier lists stay recoverable after an edit.
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new BucketDeployment(this, 'UploadFeedList', {
      destinationBucket: this.feedsBucket,
      sources: [Source.data(this.feedsKey, readFileSync(props.feedsFile, 'utf8'))],
      // Other objects (an operator's backup copy) are left alone.
      prune: false,
    });

    const pollTimeout = Duration.seconds(60);
    this.work = new WorkQueue(this, 'Polls', { consumerTimeout: pollTimeout, maxReceiveCount: POLL_MAX_RECEIVES });

    this.scheduleFunction = new MonitorFunction(this, 'ScheduleFunction', {
      name: 'schedule-feeds',
      description: 'Queues one poll message per feed of the feed list',
      memorySize: 256,
      timeout: Duration.seconds(120),
      logRetentionDays: props.logRetentionDays,
      environment: {
        [ENV.feedsBucket]: this.feedsBucket.bucketName,
        [ENV.feedsKey]: this.feedsKey,
        [ENV.pollQueueUrl]: this.work.queue.queueUrl,
      },
    });
    // Only GetObject on the one key: Bucket.grantRead would add List*/GetBucket* wildcards it never uses.
    this.scheduleFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.feedsBucket.arnForObjects(this.feedsKey)] }));
    this.work.queue.grantSendMessages(this.scheduleFunction);

    const minutes = props.pollRateMinutes ?? 5;
    this.schedule = new Schedule(this, 'Schedule', {
      description: `Polls every feed every ${minutes} minutes`,
      schedule: ScheduleExpression.rate(Duration.minutes(minutes)),
      target: new LambdaInvoke(this.scheduleFunction, {
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        // A missed round is covered by the next one; retrying late would only pile up.
        retryAttempts: 0,
        maxEventAge: Duration.minutes(Math.max(1, minutes)),
      }),
    });

    this.pollFunction = new MonitorFunction(this, 'PollFunction', {
      name: 'poll-feed',
      description: 'Polls queued feeds and queues their new articles',
      memorySize: 512,
      timeout: pollTimeout,
      logRetentionDays: props.logRetentionDays,
      environment: { [ENV.tableName]: props.table.tableName, [ENV.articleQueueUrl]: props.articleQueue.queueUrl },
    });
    props.table.grantReadWriteData(this.pollFunction);
    props.articleQueue.grantSendMessages(this.pollFunction);
    // Fifty feeds an invocation, polled in parallel: an invocation mostly waits on the
    // network, so fewer, fuller ones cost a fifth of the compute of batches of ten.
    this.work.consumeWith(this.pollFunction, { maxConcurrency: props.maxConcurrency ?? 20, maxBatchingWindow: Duration.seconds(1), batchSize: POLL_BATCH_SIZE });
  }
}
