// Monthly AWS cost of the deployed pipeline, from measured per-feed and per-article
// work and stated prices and assumptions. Pure functions: bench/run-all.ts feeds them
// the benchmark's measurements; tests/bench/cost-model.test.ts checks the arithmetic.
//
// The AWS fan-out modelled (infra/constructs/*, functions/*):
//   every poll cycle   EventBridge Scheduler invokes schedule-feeds once; it sends one
//                      poll message per feed to SQS, ten per SendMessageBatch;
//   every feed poll    poll-feed (batches of 10 records, polled in parallel) reads the
//                      feed's state (GetItem) and fetches it conditionally; a 304 or a body
//                      identical to the last one stops there. Otherwise it parses the feed,
//                      asks which items not handed off before are settled (BatchGetItem, one
//                      eventually consistent read per item), queues the new ones
//                      (SendMessageBatch) and writes the state (PutItem). An unchanged
//                      feed's state is still rewritten hourly (feed-health heartbeat);
//   every new article  process-article (batches of 10) checks it is not settled (BatchGetItem
//                      of one item), fetches and reads the page, stores figures and alerts
//                      (the measured requests), and publishes each alert to SNS, which
//                      emails the subscribers.

export interface Prices {
  region: string;
  lambdaGbSecond: number;
  lambdaRequest: number;
  dynamoWriteUnit: number;
  dynamoReadUnit: number;
  sqsRequest: number;
  snsPublish: number;
  snsEmail: number;
  schedulerInvocation: number;
  logsIngestedGb: number;
  /** CloudWatch, a month each: a custom metric, an alarm's metric, a dashboard. */
  customMetric: number;
  alarmMetric: number;
  dashboard: number;
}

/** us-east-1 list prices (Lambda on arm64, DynamoDB on demand, SQS standard), without free tiers. */
export const US_EAST_1: Prices = {
  region: 'us-east-1',
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  sqsRequest: 0.4 / 1e6,
  snsPublish: 0.5 / 1e6,
  snsEmail: 2.0 / 100_000,
  schedulerInvocation: 1.0 / 1e6,
  logsIngestedGb: 0.5,
  customMetric: 0.3,
  alarmMetric: 0.1,
  dashboard: 3.0,
};

export interface Scenario {
  name: string;
  feeds: number;
  pollMinutes: number;
  newArticlesPerDay: number;
  /** Alerts per new article (most articles carry no tracked figure, or a known count). */
  alertsPerArticle: number;
  emailSubscribers: number;
}

/** DynamoDB work as the benchmark measured it on the local engine (same unit rules as AWS). */
export interface StoreWork {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

export interface Measured {
  /** Feed-state work of a poll that found the feed unchanged (304 or the same body). */
  unchangedPoll: StoreWork;
  /** Feed-state work of a poll whose feed changed. */
  changedPoll: StoreWork;
  /** Settled-article lookup read units per feed listing a new article. */
  lookupReadUnitsPerListing: number;
  /** Store work of one new article: article state, figures, series, alerts. */
  newArticle: StoreWork;
  /** CPU to read one article (body and figures), ms on one core of this machine. */
  articleCpuMs: number;
  /** Feed parsing speed, MB/s on one core. */
  feedParseMbPerSecond: number;
}

export interface Assumptions {
  /** Items a feed lists (each is looked up when the feed answered 200). */
  itemsPerFeed: number;
  /** Bytes of a feed document. */
  feedBytes: number;
  /** Share of feeds whose body differs on every fetch without news (build dates, tokens): parsed and rewritten each poll. */
  dynamicBodyShare: number;
  /** An unchanged feed's state is rewritten this often (HEARTBEAT_MS in shared/pipeline/poll-feeds.ts). */
  heartbeatMinutes: number;
  /** Every poll logs an info line, also when nothing changed (poll-feed logs those at debug, so: false). */
  logUnchangedPolls: boolean;
  /** A feed whose body changed but listed nothing new still has its state written (commitFeedPoll skips it, so: false). */
  writeWhenOnlyBodyChanged: boolean;
  /** Feeds that list one new article (wire stories appear in several). */
  feedsPerNewArticle: number;
  /** Wall time of fetching a feed / a page from a publisher, ms. */
  feedFetchMs: number;
  pageFetchMs: number;
  /** Round trip of one DynamoDB / SQS / SNS request from Lambda, ms. */
  awsRequestMs: number;
  /** process-article's event source mapping: records per batch, concurrent invocations at most. */
  articleBatch: number;
  articleMaxConcurrency: number;
  memoryMb: { schedule: number; pollFeed: number; processArticle: number };
  pollBatch: number;
  /** Lambda gives a function one full vCPU at 1,769 MB, proportionally less below. */
  fullVcpuMb: number;
  /** Log bytes: START/END/REPORT lines and the metrics (EMF) blob per invocation; one JSON line per record. */
  logBytesPerInvocation: number;
  logBytesPerRecord: number;
  /** What the stack watches itself with, billed whatever the load. */
  monitoring: { customMetrics: number; alarmMetrics: number; dashboards: number };
  /** Idle SQS long polls of the two event source mappings (5 pollers each, one 20 s poll each). */
  idleReceivesPerMonth: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  itemsPerFeed: 20,
  feedBytes: 50_000,
  dynamicBodyShare: 0.2,
  heartbeatMinutes: 60,
  logUnchangedPolls: false,
  writeWhenOnlyBodyChanged: false,
  feedsPerNewArticle: 1.5,
  feedFetchMs: 400,
  pageFetchMs: 500,
  awsRequestMs: 8,
  articleBatch: 10,
  articleMaxConcurrency: 10,
  memoryMb: { schedule: 256, pollFeed: 512, processArticle: 1024 },
  pollBatch: 50,
  fullVcpuMb: 1769,
  logBytesPerInvocation: 1200,
  logBytesPerRecord: 400,
  idleReceivesPerMonth: 2 * 5 * 3 * 60 * 24 * 30,
  // infra/constructs/monitoring.ts and shared/lambda/metric-names.ts: 8 metrics the
  // handlers emit; dead-letter, error and failure-rate alarms reading 8 metrics; one dashboard.
  monitoring: { customMetrics: 8, alarmMetrics: 8, dashboards: 1 },
};

export interface CostLine {
  service: string;
  item: string;
  quantity: number;
  unitPrice: number;
  monthly: number;
}

export interface CostEstimate {
  scenario: Scenario;
  lines: CostLine[];
  total: number;
  byService: Record<string, number>;
  volumes: Record<string, number>;
}

const DAYS_PER_MONTH = 30;
const GB = 1024 ** 3;

/**
 * The month's polls: those that find a new article, those of feeds whose body changes
 * anyway (parsed, nothing new), and the unchanged rest (304 or the same body).
 */
export function monthlyVolumes(s: Scenario, a: Assumptions) {
  const minutes = DAYS_PER_MONTH * 24 * 60;
  const cycles = minutes / s.pollMinutes;
  const polls = s.feeds * cycles;
  const articles = s.newArticlesPerDay * DAYS_PER_MONTH;
  const pollsWithNews = Math.min(polls, articles * a.feedsPerNewArticle);
  const dynamicPolls = (polls - pollsWithNews) * a.dynamicBodyShare;
  const unchangedPolls = polls - pollsWithNews - dynamicPolls;
  // Feeds whose polls write nothing when nothing is new get an hourly heartbeat write instead.
  const quietFeeds = s.feeds * (a.writeWhenOnlyBodyChanged ? 1 - a.dynamicBodyShare : 1);
  const quietPolls = unchangedPolls + (a.writeWhenOnlyBodyChanged ? 0 : dynamicPolls);
  const heartbeats = Math.min(quietPolls, quietFeeds * (minutes / a.heartbeatMinutes));
  // Each cycle's new articles arrive as one burst, shared by up to maxConcurrency invocations.
  const articleBatchFill = Math.min(a.articleBatch, Math.max(1, articles / cycles / a.articleMaxConcurrency));
  return { cycles, polls, pollsWithNews, dynamicPolls, unchangedPolls, heartbeats, articles, alerts: articles * s.alertsPerArticle, articleBatchFill };
}

const cpuScale = (memoryMb: number, a: Assumptions) => Math.max(1, a.fullVcpuMb / memoryMb);

export function monthlyCost(s: Scenario, m: Measured, a: Assumptions = DEFAULT_ASSUMPTIONS, p: Prices = US_EAST_1): CostEstimate {
  const v = monthlyVolumes(s, a);
  const parsedPolls = v.pollsWithNews + v.dynamicPolls;
  const loggedPolls = a.logUnchangedPolls ? v.polls : v.pollsWithNews;
  const lines: CostLine[] = [];
  const line = (service: string, item: string, quantity: number, unitPrice: number) => lines.push({ service, item, quantity, unitPrice, monthly: quantity * unitPrice });

  // Lambda durations, in seconds per invocation
  const scheduleSeconds = (100 + (Math.ceil(s.feeds / 10) / 8) * a.awsRequestMs) / 1000;
  const changedShare = parsedPolls / v.polls;
  const parseMs = (a.feedBytes / 1e6 / m.feedParseMbPerSecond) * 1000;
  const pollSeconds =
    (2 * a.awsRequestMs + a.feedFetchMs + changedShare * (2 * a.awsRequestMs + a.pollBatch * parseMs * cpuScale(a.memoryMb.pollFeed, a))) / 1000;
  const articleSeconds =
    (a.pageFetchMs + (1 + m.newArticle.requests + s.alertsPerArticle) * a.awsRequestMs + v.articleBatchFill * m.articleCpuMs * cpuScale(a.memoryMb.processArticle, a)) / 1000;
  const pollInvocations = v.polls / a.pollBatch;
  const articleInvocations = v.articles / v.articleBatchFill;
  const gbSeconds = (n: number, seconds: number, mb: number) => n * seconds * (mb / 1024);
  line('Lambda', 'schedule-feeds GB-s', gbSeconds(v.cycles, scheduleSeconds, a.memoryMb.schedule), p.lambdaGbSecond);
  line('Lambda', 'poll-feed GB-s', gbSeconds(pollInvocations, pollSeconds, a.memoryMb.pollFeed), p.lambdaGbSecond);
  line('Lambda', 'process-article GB-s', gbSeconds(articleInvocations, articleSeconds, a.memoryMb.processArticle), p.lambdaGbSecond);
  const invocations = v.cycles + pollInvocations + articleInvocations;
  line('Lambda', 'requests', invocations, p.lambdaRequest);

  // poll-feed looks up each new listing; process-article checks its one article again (0.5 RRU)
  const settledLookupReads = v.pollsWithNews * m.lookupReadUnitsPerListing + v.articles * 0.5;
  // The benchmark's polls are minutes apart and never see the hourly heartbeat: it is added here.
  const heartbeatUnits = Math.max(0, m.changedPoll.writeUnits - m.unchangedPoll.writeUnits);
  const writtenPolls = v.pollsWithNews + (a.writeWhenOnlyBodyChanged ? v.dynamicPolls : 0);
  const stateWrites = writtenPolls * m.changedPoll.writeUnits + (v.polls - writtenPolls) * m.unchangedPoll.writeUnits + v.heartbeats * heartbeatUnits;
  line('DynamoDB', 'write units: feed state (incl. hourly heartbeat)', stateWrites, p.dynamoWriteUnit);
  line('DynamoDB', 'read units: feed state', parsedPolls * m.changedPoll.readUnits + v.unchangedPolls * m.unchangedPoll.readUnits, p.dynamoReadUnit);
  line('DynamoDB', 'read units: settled-article lookups', settledLookupReads, p.dynamoReadUnit);
  line('DynamoDB', 'write units: articles, figures, alerts', v.articles * m.newArticle.writeUnits, p.dynamoWriteUnit);
  line('DynamoDB', 'read units: series heads', v.articles * m.newArticle.readUnits, p.dynamoReadUnit);

  const pollMessages = v.polls;
  const sqsRequests =
    pollMessages / 10 + // schedule-feeds: SendMessageBatch
    2 * pollInvocations + // the mapping's ReceiveMessage and DeleteMessageBatch
    v.pollsWithNews + // poll-feed: SendMessageBatch of the new items
    2 * articleInvocations +
    a.idleReceivesPerMonth;
  line('SQS', 'requests (send, receive, delete, idle long polls)', sqsRequests, p.sqsRequest);

  line('SNS', 'publishes', v.alerts, p.snsPublish);
  line('SNS', 'email deliveries', v.alerts * s.emailSubscribers, p.snsEmail);
  line('EventBridge Scheduler', 'invocations', v.cycles, p.schedulerInvocation);
  const logBytes = invocations * a.logBytesPerInvocation + (loggedPolls + v.articles) * a.logBytesPerRecord;
  line('CloudWatch Logs', 'GB ingested', logBytes / GB, p.logsIngestedGb);
  line('CloudWatch', 'custom metrics', a.monitoring.customMetrics, p.customMetric);
  line('CloudWatch', 'alarm metrics', a.monitoring.alarmMetrics, p.alarmMetric);
  line('CloudWatch', 'dashboards', a.monitoring.dashboards, p.dashboard);

  const byService: Record<string, number> = {};
  for (const l of lines) byService[l.service] = (byService[l.service] ?? 0) + l.monthly;
  return {
    scenario: s,
    lines,
    total: lines.reduce((sum, l) => sum + l.monthly, 0),
    byService,
    volumes: { ...v, invocations, pollSeconds, articleSeconds, scheduleSeconds },
  };
}

export const SCENARIOS: Scenario[] = [
  { name: '500 feeds', feeds: 500, pollMinutes: 5, newArticlesPerDay: 5_000, alertsPerArticle: 0.02, emailSubscribers: 5 },
  { name: '10,000 feeds', feeds: 10_000, pollMinutes: 5, newArticlesPerDay: 100_000, alertsPerArticle: 0.02, emailSubscribers: 5 },
];

/** What the design choices save, and what operators can still turn, for the report. */
export const LEVERS: { name: string; assumptions: Partial<Assumptions> }[] = [
  { name: 'as first built: batches of 10, info line per poll, state write per body change', assumptions: { logUnchangedPolls: true, pollBatch: 10, writeWhenOnlyBodyChanged: true } },
  { name: 'poll-feed at 256 MB (it waits on the network)', assumptions: { memoryMb: { ...DEFAULT_ASSUMPTIONS.memoryMb, pollFeed: 256 } } },
];
