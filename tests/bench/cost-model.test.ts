import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, monthlyCost, monthlyVolumes, US_EAST_1, type Assumptions, type Measured, type Scenario } from '../../bench/cost-model.ts';

// Numbers small enough to check by hand: 10 feeds polled hourly for 30 days.
const scenario: Scenario = { name: 'tiny', feeds: 10, pollMinutes: 60, newArticlesPerDay: 10, alertsPerArticle: 0.1, emailSubscribers: 2 };
const measured: Measured = {
  unchangedPoll: { requests: 1, readUnits: 0.5, writeUnits: 0 },
  changedPoll: { requests: 2, readUnits: 0.5, writeUnits: 1 },
  lookupReadUnitsPerListing: 0.5,
  newArticle: { requests: 4, readUnits: 2, writeUnits: 5 },
  articleCpuMs: 0,
  feedParseMbPerSecond: 10,
};
const simple: Assumptions = {
  ...DEFAULT_ASSUMPTIONS,
  dynamicBodyShare: 0,
  heartbeatMinutes: 60,
  feedsPerNewArticle: 1,
  feedFetchMs: 1000,
  pageFetchMs: 2000,
  awsRequestMs: 0,
  feedBytes: 0,
  idleReceivesPerMonth: 0,
  // The arithmetic below is worked out for these, whatever the defaults become.
  pollBatch: 10,
  logUnchangedPolls: true,
  writeWhenOnlyBodyChanged: true,
};
const lineOf = (c: ReturnType<typeof monthlyCost>, item: string) => c.lines.find((l) => l.item.startsWith(item))!;

describe('cost model', () => {
  it('counts the month: 720 hourly cycles, 7,200 polls, 300 articles of which 300 polls see news', () => {
    const v = monthlyVolumes(scenario, simple);
    expect(v).toMatchObject({ cycles: 720, polls: 7200, articles: 300, alerts: 30, pollsWithNews: 300, dynamicPolls: 0, unchangedPolls: 6900 });
    // hourly polls: every unchanged poll is also a heartbeat, but never more heartbeats than unchanged polls
    expect(v.heartbeats).toBe(6900);
    // feeds whose body changes on every fetch are parsed each poll
    expect(monthlyVolumes(scenario, { ...simple, dynamicBodyShare: 0.5 })).toMatchObject({ dynamicPolls: 3450, unchangedPolls: 3450 });
    // polled every 5 minutes, an unchanged feed is rewritten once an hour
    expect(monthlyVolumes({ ...scenario, pollMinutes: 5, newArticlesPerDay: 0 }, simple).heartbeats).toBe(10 * 720);
  });

  it('prices each line as quantity x unit price with the stated us-east-1 prices', () => {
    const c = monthlyCost({ ...scenario, pollMinutes: 5 }, measured, simple, US_EAST_1);
    // 8,640 cycles: 300 polls with news write the state, and 10 feeds x 720 hourly heartbeats
    expect(lineOf(c, 'write units: feed state').quantity).toBe(300 + 7200);
    expect(lineOf(c, 'write units: feed state').monthly).toBeCloseTo(7500 * 0.625e-6, 12);
    expect(lineOf(c, 'read units: feed state').quantity).toBe(86_400 * 0.5);
    expect(lineOf(c, 'write units: articles').quantity).toBe(300 * 5);
    // each listing of a new article is looked up, and each article is checked once more, at 0.5 RRU
    expect(lineOf(c, 'read units: settled').quantity).toBe(300 * 0.5 + 300 * 0.5);
    const hourly = monthlyCost(scenario, measured, simple, US_EAST_1);
    expect(lineOf(hourly, 'email deliveries').monthly).toBeCloseTo(60 * (2 / 100_000), 12);
    expect(lineOf(hourly, 'publishes').quantity).toBe(30);
    expect(lineOf(hourly, 'invocations').monthly).toBeCloseTo(720e-6, 12);
    // 720 poll-feed invocations of 1 s at 512 MB
    expect(lineOf(hourly, 'poll-feed GB-s').quantity).toBeCloseTo(360, 9);
    expect(lineOf(hourly, 'poll-feed GB-s').monthly).toBeCloseTo(360 * 0.0000133334, 12);
    // 300 process-article invocations of 2 s at 1024 MB
    expect(lineOf(hourly, 'process-article GB-s').quantity).toBeCloseTo(600, 9);
    expect(lineOf(hourly, 'requests').quantity).toBe(720 + 720 + 300);
  });

  it('bills the stack\'s own metrics, alarms and dashboard whatever the load: $6.20 at list prices', () => {
    const fixed = (c: ReturnType<typeof monthlyCost>) => c.byService.CloudWatch;
    expect(fixed(monthlyCost(scenario, measured, simple))).toBeCloseTo(8 * 0.3 + 8 * 0.1 + 3, 9);
    expect(fixed(monthlyCost({ ...scenario, feeds: 10_000, pollMinutes: 5 }, measured, simple))).toBeCloseTo(6.2, 9);
  });

  it('totals the lines and each service', () => {
    const c = monthlyCost(scenario, measured, simple);
    expect(c.total).toBeCloseTo(c.lines.reduce((s, l) => s + l.monthly, 0), 12);
    expect(Object.values(c.byService).reduce((a, b) => a + b, 0)).toBeCloseTo(c.total, 12);
    expect(c.byService.DynamoDB).toBeCloseTo(c.lines.filter((l) => l.service === 'DynamoDB').reduce((s, l) => s + l.monthly, 0), 12);
  });

  it('adds no heartbeat when unchanged polls already write, and logs unchanged polls only when told to', () => {
    const alwaysWrites = { ...measured, unchangedPoll: { requests: 2, readUnits: 0.5, writeUnits: 1 } };
    const c = monthlyCost({ ...scenario, pollMinutes: 5 }, alwaysWrites, simple);
    expect(lineOf(c, 'write units: feed state').quantity).toBe(86_400);
    const loud = monthlyCost(scenario, measured, simple);
    const quiet = monthlyCost(scenario, measured, { ...simple, logUnchangedPolls: false });
    const logBytes = (x: ReturnType<typeof monthlyCost>) => lineOf(x, 'GB ingested').quantity * 1024 ** 3;
    expect(logBytes(loud) - logBytes(quiet)).toBeCloseTo(6900 * simple.logBytesPerRecord, 3);
    expect(quiet.total).toBeLessThan(loud.total);
  });

  it('writes a dynamic-body feed only on its heartbeat when a hash-only change is not written', () => {
    const dynamic = { ...simple, dynamicBodyShare: 1 };
    const five = { ...scenario, pollMinutes: 5, newArticlesPerDay: 0 };
    // every one of the 86,400 polls parses a changed body and writes it
    expect(lineOf(monthlyCost(five, measured, dynamic), 'write units: feed state').quantity).toBe(86_400);
    // without the hash-only write: 10 feeds x 720 hourly heartbeats
    expect(monthlyVolumes(five, { ...dynamic, writeWhenOnlyBodyChanged: false }).heartbeats).toBe(7200);
    expect(lineOf(monthlyCost(five, measured, { ...dynamic, writeWhenOnlyBodyChanged: false }), 'write units: feed state').quantity).toBe(7200);
  });

  it('fills article batches from each cycle\'s burst of new articles, up to the batch size', () => {
    expect(monthlyVolumes(scenario, simple).articleBatchFill).toBe(1);
    // 288 cycles a day: 100,000 articles a day is 347 a cycle, over 10 concurrent invocations
    const busy = monthlyVolumes({ ...scenario, pollMinutes: 5, newArticlesPerDay: 100_000 }, simple);
    expect(busy.articleBatchFill).toBe(10);
    expect(monthlyVolumes({ ...scenario, pollMinutes: 5, newArticlesPerDay: 14_400 }, simple).articleBatchFill).toBeCloseTo(5, 9);
  });

  it('slows the CPU part below a full vCPU (1,769 MB) in proportion to memory', () => {
    const cpu = { ...measured, articleCpuMs: 100 };
    const c = monthlyCost(scenario, cpu, { ...simple, pageFetchMs: 0 });
    expect(c.volumes.articleSeconds).toBeCloseTo((100 * 1769) / 1024 / 1000, 9);
  });

  it('grows the polling cost with the number of feeds', () => {
    const small = monthlyCost(scenario, measured, simple);
    const big = monthlyCost({ ...scenario, feeds: 20 }, measured, simple);
    expect(lineOf(big, 'poll-feed GB-s').quantity).toBeCloseTo(2 * lineOf(small, 'poll-feed GB-s').quantity, 9);
    expect(lineOf(big, 'read units: feed state').quantity).toBe(2 * lineOf(small, 'read units: feed state').quantity);
  });
});
