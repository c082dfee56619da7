import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '../../shared/lambda/metric-names.ts';

export interface MonitoringProps {
  /** Functions whose errors page the operators, by a short name used in alarm names. */
  functions: Record<string, IFunction>;
  /** Dead-letter queues: any message in one is work the pipeline gave up on. */
  deadLetterQueues: Record<string, IQueue>;
  /** Work queues shown on the dashboard (backlog). */
  workQueues?: Record<string, IQueue>;
  opsEmails?: string[];
  /** Share of failed feed polls over 15 minutes that raises the alarm. */
  feedFailureRate?: number;
}

const FIVE_MINUTES = Duration.minutes(5);

/** Alarms to an ops topic (operators subscribe by email) and one dashboard. */
export class Monitoring extends Construct {
  readonly opsTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.opsTopic = new Topic(this, 'OpsTopic', { displayName: 'News figure monitor operations', enforceSSL: true });
    for (const email of props.opsEmails ?? []) this.opsTopic.addSubscription(new EmailSubscription(email));
    const notify = new SnsAction(this.opsTopic);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(notify);
      a.addOkAction(notify);
      this.alarms.push(a);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`${name}DeadLetters`, queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }), 1,
        `Messages in the ${name} dead-letter queue: work given up after repeated failures. Find the reasons in the logs by message id.`);
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 1, `The ${name} function failed (errors, timeouts or crashes).`);
    }
    const app = (metricName: string) => new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: SERVICE_NAME }, statistic: 'Sum', period: FIVE_MINUTES });
    const failureRate = new MathExpression({
      expression: 'IF(polled > 0, failures / polled, 0)',
      usingMetrics: { failures: app(METRIC.feedFailures), polled: app(METRIC.feedsPolled) },
      period: Duration.minutes(15),
      label: 'Feed failure rate',
    });
    alarm('FeedFailureRate', failureRate, props.feedFailureRate ?? 0.5, 'A large share of feed polls failed: the network, a blocklist, or many feeds moved.');

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(24) });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Feeds', left: [app(METRIC.feedsScheduled), app(METRIC.feedsPolled), app(METRIC.feedFailures)], width: 12 }),
      new GraphWidget({ title: 'Articles, figures, alerts', left: [app(METRIC.articlesQueued), app(METRIC.articlesProcessed), app(METRIC.articleFailures), app(METRIC.figuresStored), app(METRIC.alertsSent)], width: 12 }),
      new GraphWidget({
        title: 'Queue backlog',
        left: Object.entries({ ...props.workQueues, ...props.deadLetterQueues }).map(([name, q]) => q.metricApproximateNumberOfMessagesVisible({ label: name, period: FIVE_MINUTES })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Function errors and duration (p95)',
        left: Object.entries(props.functions).map(([name, fn]) => fn.metricErrors({ label: `${name} errors`, period: FIVE_MINUTES })),
        right: Object.entries(props.functions).map(([name, fn]) => fn.metricDuration({ label: `${name} p95`, statistic: 'p95', period: FIVE_MINUTES })),
        width: 12,
      }),
      new GraphWidget({ title: 'Feed failure rate', left: [failureRate], width: 12 }),
    );
  }
}
