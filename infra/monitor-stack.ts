import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alerting } from './constructs/alerting.ts';
import { ArticleProcessing } from './constructs/article-processing.ts';
import { FeedPolling } from './constructs/feed-polling.ts';
import { FigureTable } from './constructs/figure-table.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Report } from './constructs/report.ts';
import type { MonitorContext } from './context.ts';
import { acknowledgeNagFindings } from './nag-acknowledgements.ts';

export interface MonitorStackProps extends StackProps {
  settings: MonitorContext;
}

/** The news figure monitor on AWS: scheduled feed polling fanned out over SQS, one table, alerts by SNS. */
export class MonitorStack extends Stack {
  readonly table: FigureTable;
  readonly alerting: Alerting;
  readonly report: Report;
  readonly articles: ArticleProcessing;
  readonly feeds: FeedPolling;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: MonitorStackProps) {
    super(scope, id, props);
    const s = props.settings;
    const common = { logRetentionDays: s.logRetentionDays };
    this.table = new FigureTable(this, 'Table');
    this.alerting = new Alerting(this, 'Alerting', { emails: s.alertEmails, filters: s.alertFilters });
    this.report = new Report(this, 'Report', { table: this.table, ...common });
    this.articles = new ArticleProcessing(this, 'ArticleProcessing', {
      table: this.table,
      alertTopic: this.alerting.topic,
      reportUrl: this.report.url.url,
      maxConcurrency: s.articleConcurrency,
      ...common,
    });
    this.feeds = new FeedPolling(this, 'FeedPolling', {
      table: this.table,
      articleQueue: this.articles.work.queue,
      feedsFile: s.feedsFile,
      pollRateMinutes: s.pollRateMinutes,
      maxConcurrency: s.pollConcurrency,
      ...common,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        ScheduleFeeds: this.feeds.scheduleFunction,
        PollFeed: this.feeds.pollFunction,
        ProcessArticle: this.articles.function,
        Report: this.report.function,
      },
      deadLetterQueues: { Polls: this.feeds.work.deadLetterQueue, Articles: this.articles.work.deadLetterQueue },
      workQueues: { Polls: this.feeds.work.queue, Articles: this.articles.work.queue },
      opsEmails: s.opsEmails,
      feedFailureRate: s.feedFailureAlarmRate,
    });
    // What operators need after a deploy (see "Deploy to AWS" in README.md).
    const outputs: Record<string, [string, string]> = {
      FeedListUri: [`s3://${this.feeds.feedsBucket.bucketName}/${this.feeds.feedsKey}`, 'Edit the feed list here; the next scheduled round reads it'],
      ReportUrl: [this.report.url.url, 'Report page (IAM-signed requests only)'],
      AlertTopicArn: [this.alerting.topic.topicArn, 'Alert topic analysts subscribe to'],
      OpsTopicArn: [this.monitoring.opsTopic.topicArn, 'Alarm notifications'],
      TableName: [this.table.tableName, 'The figure table'],
      DashboardName: [this.monitoring.dashboard.dashboardName, 'CloudWatch dashboard'],
    };
    for (const [id, [value, description]] of Object.entries(outputs)) new CfnOutput(this, id, { value, description });
    acknowledgeNagFindings(this, [this.feeds.scheduleFunction]);
  }
}
