import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { METRIC, METRICS_NAMESPACE } from '../../shared/lambda/metric-names.ts';
import { ENV } from '../../shared/lambda/env.ts';
import { REQUIRE_BANNER } from '../../infra/bundle-options.ts';
import { MAX_ARTICLE_ATTEMPTS } from '../../shared/pipeline/process-article.ts';
import { actionsOf, buildStack, logicalId, roleStatements, statementsOn } from './stack-helpers.ts';

// One real synthesis (esbuild bundles every function) shared by the whole file.
const started = Date.now();
const { app, stack, template } = buildStack({ alertEmails: 'analyst@example.org,desk@example.org', opsEmails: 'ops@example.org' });
const synthSeconds = (Date.now() - started) / 1000;

const ours = [stack.feeds.scheduleFunction, stack.feeds.pollFunction, stack.articles.function, stack.report.function];
const fnProps = (fn: (typeof ours)[number]) => template.toJSON().Resources[logicalId(fn)].Properties;
const tableId = logicalId(stack.table);

describe('the monitor stack', () => {
  it(`synthesises with real bundling (took ${synthSeconds.toFixed(1)} s)`, () => {
    expect(synthSeconds).toBeLessThan(120);
  });

  it('has one pk/sk table: on demand, point-in-time recovery, TTL, encrypted, retained, no stream', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
        StreamSpecification: Match.absent(),
      }),
    });
  });

  it('runs four Node.js 22 arm64 functions with JSON logs kept 30 days', () => {
    for (const fn of ours) {
      expect(fnProps(fn)).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler', LoggingConfig: { LogFormat: 'JSON' } });
      expect(fnProps(fn).Environment.Variables).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE, NODE_OPTIONS: '--enable-source-maps' });
      const logGroupId = fnProps(fn).LoggingConfig.LogGroup.Ref as string;
      expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(30);
    }
  });

  it('bundles each handler as minified ESM with a source map', () => {
    for (const fn of ours) {
      const assetPath = template.toJSON().Resources[logicalId(fn)].Metadata['aws:asset:path'] as string;
      const dir = join(app.outdir, assetPath);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith(REQUIRE_BANNER)).toBe(true);
      expect(code.length / code.split('\n').length).toBeGreaterThan(1000); // minified: long lines
      expect(code).toMatch(/export\s*\{[^}]*as handler/);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(statSync(join(dir, 'index.mjs')).size).toBeGreaterThan(10_000);
    }
  });

  it('polls on a schedule: EventBridge Scheduler every 5 minutes invokes schedule-feeds with the scheduled time', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(stack.feeds.scheduleFunction), 'Arn'] },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 0 }),
      }),
    });
  });

  it('fans out over two queues with dead-letter queues and visibility six times the consumer timeout', () => {
    const queues = template.toJSON().Resources;
    const check = (queue: typeof stack.feeds.work, fn: (typeof ours)[number], receives: number) => {
      const props = queues[logicalId(queue.queue)].Properties;
      expect(props.VisibilityTimeout).toBe(6 * fnProps(fn).Timeout);
      expect(props.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(queue.deadLetterQueue), 'Arn'] }, maxReceiveCount: receives });
      expect(props.SqsManagedSseEnabled).toBe(true);
      expect(queues[logicalId(queue.deadLetterQueue)].Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    };
    check(stack.feeds.work, stack.feeds.pollFunction, 3);
    check(stack.articles.work, stack.articles.function, MAX_ARTICLE_ATTEMPTS);
    template.resourceCountIs('AWS::SQS::Queue', 4);
    // enforceSSL: every queue denies requests without TLS.
    template.resourcePropertiesCountIs('AWS::SQS::QueuePolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } }, 4);
  });

  it('consumes each queue in batches (50 feeds, 10 articles) with partial batch failures and bounded concurrency', () => {
    const mapping = (fn: (typeof ours)[number], queue: typeof stack.feeds.work, concurrency: number, batch: number) =>
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(fn) },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(queue.queue), 'Arn'] },
        BatchSize: batch,
        MaximumBatchingWindowInSeconds: Match.anyValue(),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: concurrency },
      });
    mapping(stack.feeds.pollFunction, stack.feeds.work, 20, 50);
    mapping(stack.articles.function, stack.articles.work, 10, 10);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });

  it('keeps the feed list in a private, versioned, TLS-only bucket, uploaded from the repo file', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', { DestinationBucketName: { Ref: logicalId(stack.feeds.feedsBucket) }, Prune: false });
    expect(fnProps(stack.feeds.scheduleFunction).Environment.Variables).toMatchObject({
      [ENV.feedsBucket]: { Ref: logicalId(stack.feeds.feedsBucket) },
      [ENV.feedsKey]: 'feeds.txt',
      [ENV.pollQueueUrl]: { Ref: logicalId(stack.feeds.work.queue) },
    });
  });

  it('sends alerts through an encrypted, TLS-only topic with one email subscription per analyst', () => {
    const topicId = logicalId(stack.alerting.topic);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue(), DisplayName: 'News figure alerts' });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    for (const email of ['analyst@example.org', 'desk@example.org']) {
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: email, TopicArn: { Ref: topicId }, FilterPolicy: Match.absent() });
    }
    expect(fnProps(stack.articles.function).Environment.Variables[ENV.alertTopicArn]).toEqual({ Ref: topicId });
  });

  it('serves the report on an IAM-authenticated function URL that alert emails link to', () => {
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM', TargetFunctionArn: { 'Fn::GetAtt': [logicalId(stack.report.function), 'Arn'] } });
    const reportUrl = fnProps(stack.articles.function).Environment.Variables[ENV.reportUrl];
    expect(JSON.stringify(reportUrl)).toContain('FunctionUrl');
  });

  it('alarms on dead letters, function errors and the feed failure rate, to the ops topic', () => {
    const opsId = logicalId(stack.monitoring.opsTopic);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: opsId } });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms).toHaveLength(2 + ours.length + 1);
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: opsId }]);
    for (const work of [stack.feeds.work, stack.articles.work]) {
      expect(alarms.some((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Threshold === 1 && JSON.stringify(a.Dimensions).includes(logicalId(work.deadLetterQueue)))).toBe(true);
    }
    for (const fn of ours) expect(alarms.some((a) => a.MetricName === 'Errors' && JSON.stringify(a.Dimensions).includes(logicalId(fn)))).toBe(true);
    const rate = alarms.find((a) => a.Metrics);
    expect(rate.Threshold).toBe(0.5);
    const names = rate.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).map((m: { MetricStat: { Metric: { MetricName: string; Namespace: string } } }) => m.MetricStat.Metric);
    expect(names).toEqual(expect.arrayContaining([expect.objectContaining({ MetricName: METRIC.feedFailures, Namespace: METRICS_NAMESPACE }), expect.objectContaining({ MetricName: METRIC.feedsPolled })]));
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('outputs what operators need after a deploy', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['AlertTopicArn', 'DashboardName', 'FeedListUri', 'OpsTopicArn', 'ReportUrl', 'TableName']);
    expect(JSON.stringify(template.findOutputs('FeedListUri'))).toContain('/feeds.txt');
  });

  describe('least-privilege IAM', () => {
    const queueId = (w: typeof stack.feeds.work) => logicalId(w.queue);

    it('schedule-feeds: reads the one feed list object and sends to the poll queue, nothing else', () => {
      const st = roleStatements(template, stack.feeds.scheduleFunction);
      expect(actionsOf(st)).toEqual(new Set(['s3:GetObject', 'sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl']));
      expect(JSON.stringify(st.find((s) => s.Action === 's3:GetObject')?.Resource)).toContain('/feeds.txt');
      expect(statementsOn(st, queueId(stack.feeds.work))).toHaveLength(1);
      expect(statementsOn(st, tableId)).toHaveLength(0);
    });

    it('poll-feed: reads and writes the table, consumes the poll queue, sends to the article queue; cannot publish', () => {
      const st = roleStatements(template, stack.feeds.pollFunction);
      const actions = actionsOf(st);
      expect(actions).toContain('dynamodb:BatchGetItem');
      expect(actions).toContain('dynamodb:PutItem');
      expect(actions).toContain('sqs:ReceiveMessage');
      expect([...actions].some((a) => a.startsWith('sns:') || a.startsWith('s3:'))).toBe(false);
      expect(actionsOf(statementsOn(st, queueId(stack.articles.work)))).toContain('sqs:SendMessage');
      expect(actionsOf(statementsOn(st, queueId(stack.articles.work)))).not.toContain('sqs:ReceiveMessage');
    });

    it('process-article: publishes to the alert topic only, consumes the article queue, sends no messages', () => {
      const st = roleStatements(template, stack.articles.function);
      const actions = actionsOf(st);
      expect(actionsOf(statementsOn(st, logicalId(stack.alerting.topic)))).toEqual(new Set(['sns:Publish']));
      expect(statementsOn(st, logicalId(stack.monitoring.opsTopic))).toHaveLength(0);
      expect(actions).toContain('dynamodb:UpdateItem');
      expect(actions).not.toContain('sqs:SendMessage');
      expect(actionsOf(statementsOn(st, queueId(stack.articles.work)))).toContain('sqs:DeleteMessage');
    });

    it('report: reads the table and cannot write it', () => {
      const actions = actionsOf(roleStatements(template, stack.report.function));
      expect(actions).toContain('dynamodb:Scan');
      expect([...actions].filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
      expect([...actions].some((a) => a.startsWith('sqs:') || a.startsWith('sns:'))).toBe(false);
    });
  });

  it('passes the cdk-nag AwsSolutions checks as synthesis runs them; every acknowledged finding gives its reason', () => {
    // What `cdk synth` does (infra/app.ts): synthesis fails on a finding nobody acknowledged.
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth({ force: true })).not.toThrow();
    const found = new AwsSolutionsChecks(app).validateScope(stack).violations.filter((v) => v.severity === 'error');
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, unknown>));
    const ids = new Set(acknowledged.map(([id]) => id.replace(/^AwsSolutions::/, '')));
    // Each finding the pack reports is one of those acknowledged, none slipped through.
    for (const v of found) expect(ids, v.ruleName).toContain(v.ruleName);
    for (const [id, reason] of acknowledged) expect(JSON.stringify(reason).length, id).toBeGreaterThan(40);
  });
});
