import { describe, expect, it } from 'vitest';
import { CURRENT_DESIGN, DEFAULT_ASSUMPTIONS, monthlyCost, monthlyVolumes, US_EAST_1, type Assumptions, type Measured, type Scenario } from '../../bench/cost-model.ts';

// Numbers small enough to check by hand: 10 feeds polled hourly for 30 days.
const scenario: Scenario = { name: 'tiny', feeds: 10, pollMinutes: 60, newArticlesPerDay: 10, alertsPerArticle: 0.1, emailSubscribers: 2 };
const measured: Measured = {
  feedPoll: { requests: 2, readUnits: 0.5, writeUnits: 1 },
  newArticle: { requests: 4, readUnits: 2, writeUnits: 5 },
  articleCpuMs: 0,
  feedParseMbPerSecond: 10,
};
const simple: Assumptions = {
  ...DEFAULT_ASSUMPTIONS,
  conditionalGetShare: 1,
  feedsPerNewArticle: 1,
  feedFetchMs: 1000,
  pageFetchMs: 2000,
  awsRequestMs: 0,
  feedBytes: 0,
  idleReceivesPerMonth: 0,
};
const lineOf = (c: ReturnType<typeof monthlyCost>, item: string) => c.lines.find((l) => l.item.startsWith(item))!;

describe('cost model', () => {
  it('counts the month: 720 hourly cycles, 7,200 polls, 300 articles of which 300 polls see news', () => {
    const v = monthlyVolumes(scenario, simple);
    expect(v).toMatchObject({ cycles: 720, polls: 7200, articles: 300, alerts: 30, pollsWithNews: 300, notModifiedPolls: 6900, sameBodyPolls: 0 });
    // feeds that ignore conditional GET answer 200 with the same body when nothing changed
    expect(monthlyVolumes(scenario, { ...simple, conditionalGetShare: 0.5 })).toMatchObject({ notModifiedPolls: 3450, sameBodyPolls: 3450 });
  });

  it('prices each line as quantity x unit price with the stated us-east-1 prices', () => {
    const c = monthlyCost(scenario, measured, simple, US_EAST_1);
    expect(lineOf(c, 'write units: feed state').quantity).toBe(7200);
    expect(lineOf(c, 'write units: feed state').monthly).toBeCloseTo(7200 * 0.625e-6, 12);
    expect(lineOf(c, 'write units: articles').quantity).toBe(300 * 5);
    // 300 changed polls look up 20 items each, and each article is checked once more, at 0.5 RRU an item
    expect(lineOf(c, 'read units: settled').quantity).toBe(300 * 20 * 0.5 + 300 * 0.5);
    expect(lineOf(c, 'email deliveries').monthly).toBeCloseTo(60 * (2 / 100_000), 12);
    expect(lineOf(c, 'publishes').quantity).toBe(30);
    expect(lineOf(c, 'invocations').monthly).toBeCloseTo(720e-6, 12);
    // 720 poll-feed invocations of 1 s at 512 MB
    expect(lineOf(c, 'poll-feed GB-s').quantity).toBeCloseTo(360, 9);
    expect(lineOf(c, 'poll-feed GB-s').monthly).toBeCloseTo(360 * 0.0000133334, 12);
    // 300 process-article invocations of 2 s at 1024 MB
    expect(lineOf(c, 'process-article GB-s').quantity).toBeCloseTo(600, 9);
    expect(lineOf(c, 'requests').quantity).toBe(720 + 720 + 300);
  });

  it('totals the lines and each service', () => {
    const c = monthlyCost(scenario, measured, simple);
    expect(c.total).toBeCloseTo(c.lines.reduce((s, l) => s + l.monthly, 0), 12);
    expect(Object.values(c.byService).reduce((a, b) => a + b, 0)).toBeCloseTo(c.total, 12);
    expect(c.byService.DynamoDB).toBeCloseTo(c.lines.filter((l) => l.service === 'DynamoDB').reduce((s, l) => s + l.monthly, 0), 12);
  });

  it('prices the design levers: no state write, no lookup and no log line for unchanged polls', () => {
    const half = { ...simple, conditionalGetShare: 0.5 };
    const full = monthlyCost(scenario, measured, half);
    // 300 polls with news and 3,450 same-body 200s look up 20 items each
    expect(lineOf(full, 'read units: settled').quantity).toBe((300 + 3450) * 20 * 0.5 + 300 * 0.5);
    const noWrite = monthlyCost(scenario, measured, half, US_EAST_1, { ...CURRENT_DESIGN, writeStateWhenUnchanged: false });
    expect(lineOf(noWrite, 'write units: feed state').quantity).toBe(7200 - 3450);
    const hashed = monthlyCost(scenario, measured, half, US_EAST_1, { ...CURRENT_DESIGN, lookupWhenBodyUnchanged: false, writeStateWhenUnchanged: false });
    expect(lineOf(hashed, 'read units: settled').quantity).toBe(300 * 20 * 0.5 + 300 * 0.5);
    expect(lineOf(hashed, 'write units: feed state').quantity).toBe(300);
    const quiet = monthlyCost(scenario, measured, half, US_EAST_1, { ...CURRENT_DESIGN, logUnchangedPolls: false });
    const logBytes = (c: ReturnType<typeof monthlyCost>) => lineOf(c, 'GB ingested').quantity * 1024 ** 3;
    expect(logBytes(full) - logBytes(quiet)).toBeCloseTo((7200 - 300) * half.logBytesPerRecord, 3);
    for (const lean of [noWrite, hashed, quiet]) expect(lean.total).toBeLessThan(full.total);
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
