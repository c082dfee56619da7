import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parsePollRate, readContext } from '../../infra/context.ts';
import { buildStack } from './stack-helpers.ts';

const lookup = (values: Record<string, unknown>) => (key: string) => values[key];

describe('deploy-time context (-c name=value)', () => {
  it('has defaults for everything', () => {
    const s = readContext(lookup({}));
    expect(s).toMatchObject({ pollRateMinutes: 5, alertEmails: [], opsEmails: [], pollConcurrency: 20, articleConcurrency: 10, logRetentionDays: 30, feedFailureAlarmRate: 0.5 });
    expect(s.feedsFile).toMatch(/feeds\/default-feeds\.txt$/);
  });

  it('reads poll rates in minutes or hours', () => {
    expect(parsePollRate('5 minutes')).toBe(5);
    expect(parsePollRate('15')).toBe(15);
    expect(parsePollRate('1 hour')).toBe(60);
    expect(() => parsePollRate('every now and then')).toThrow(/pollRate/);
    expect(() => parsePollRate('0 minutes')).toThrow(/pollRate/);
  });

  it('splits email lists and rejects what is not an address', () => {
    expect(readContext(lookup({ alertEmails: 'a@x.org, b@y.org' })).alertEmails).toEqual(['a@x.org', 'b@y.org']);
    expect(() => readContext(lookup({ opsEmails: 'ops-at-x.org' }))).toThrow(/opsEmails: not an email address: ops-at-x.org/);
  });

  it('checks alert filters: JSON, known attributes, subscribed emails', () => {
    const ok = readContext(lookup({ alertEmails: 'a@x.org', alertFilters: '{"a@x.org":{"destination":["Finland"]}}' }));
    expect(ok.alertFilters).toEqual({ 'a@x.org': { destination: ['Finland'] } });
    expect(() => readContext(lookup({ alertEmails: 'a@x.org', alertFilters: '{"a@x.org":' }))).toThrow(/invalid JSON/);
    expect(() => readContext(lookup({ alertEmails: 'a@x.org', alertFilters: '{"b@x.org":{"metric":["mobilization"]}}' }))).toThrow(/b@x.org is not one of -c alertEmails/);
    expect(() => readContext(lookup({ alertEmails: 'a@x.org', alertFilters: '{"a@x.org":{"colour":["red"]}}' }))).toThrow(/alertFilters/);
  });

  it('refuses a feed list file that does not exist', () => {
    expect(() => readContext(lookup({ feedsFile: 'feeds/no-such-list.txt' }))).toThrow(/no such file/);
  });
});

describe('the stack under non-default context (bundling skipped)', () => {
  const { stack, template } = buildStack(
    {
      pollRate: '15 minutes',
      alertEmails: 'fi@example.org,all@example.org',
      alertFilters: JSON.stringify({ 'fi@example.org': { destination: ['Finland'], metric: ['border_crossing'] } }),
      pollConcurrency: '50',
      logRetentionDays: '90',
    },
    false,
  );

  it('polls at the given rate', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(15 minutes)' });
  });

  it('gives a filtered subscription its policy and leaves the others unfiltered', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Endpoint: 'fi@example.org',
      FilterPolicy: { destination: ['Finland'], metric: ['border_crossing'] },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'all@example.org', FilterPolicy: Match.absent() });
  });

  it('applies the concurrency and log retention given', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 50 } });
    const retentions = Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => g.Properties.RetentionInDays);
    expect(retentions).toEqual([90, 90, 90, 90]);
    expect(stack.monitoring.alarms).toHaveLength(7);
  });

  it('rejects a retention CloudWatch does not offer', () => {
    expect(() => buildStack({ logRetentionDays: '31' }, false)).toThrow(/31 days/);
  });
});
