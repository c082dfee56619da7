import { describe, expect, it } from 'vitest';
import type { Feed } from '../../shared/domain/types.ts';
import { hostOf, PollSchedule } from '../../shared/pipeline/poll-schedule.ts';

const feeds = (...urls: string[]): Feed[] => urls.map((url) => ({ url }));

/** Takes until the schedule is empty (or refuses), the feeds' URLs in the order handed out. */
function drain(schedule: PollSchedule, list: readonly Feed[], ready?: (host: string) => boolean): string[] {
  const out: string[] = [];
  for (let index = schedule.take(ready); index !== undefined; index = schedule.take(ready)) out.push(list[index].url);
  return out;
}

describe('hostOf', () => {
  it('is the URL host, port included', () => {
    expect(hostOf('https://News.Example.org/rss?x=1')).toBe('news.example.org');
    expect(hostOf('http://feeds.example.net:8080/a')).toBe('feeds.example.net:8080');
  });

  it('hands back text that is not a URL instead of throwing', () => {
    expect(hostOf('not a url')).toBe('not a url');
    expect(hostOf('')).toBe('');
  });
});

describe('PollSchedule', () => {
  it('hands feeds out one site at a time in turn, each site in its list order', () => {
    const list = feeds(
      'https://a.example/1',
      'https://a.example/2',
      'https://a.example/3',
      'https://b.example/1',
      'https://c.example/1',
      'https://c.example/2',
    );
    expect(drain(new PollSchedule(list), list)).toEqual([
      'https://a.example/1',
      'https://b.example/1',
      'https://c.example/1',
      'https://a.example/2',
      'https://c.example/2',
      'https://a.example/3',
    ]);
  });

  it('hands out list positions, so two feeds with the same URL are both polled', () => {
    const list = feeds('https://a.example/x', 'https://a.example/x');
    const schedule = new PollSchedule(list);
    expect([schedule.take(), schedule.take(), schedule.take()]).toEqual([0, 1, undefined]);
  });

  it('counts down its size and returns undefined once empty', () => {
    const list = feeds('https://a.example/1', 'https://b.example/1', 'https://a.example/2');
    const schedule = new PollSchedule(list);
    expect(schedule.size).toBe(3);
    schedule.take();
    expect(schedule.size).toBe(2);
    schedule.take();
    schedule.take();
    expect(schedule.size).toBe(0);
    expect(schedule.take()).toBeUndefined();
    expect(schedule.size).toBe(0);
    expect(new PollSchedule([]).take()).toBeUndefined();
  });

  it('passes over a site that `ready` refuses without losing its turn or its feeds', () => {
    const list = feeds('https://a.example/1', 'https://a.example/2', 'https://b.example/1', 'https://b.example/2', 'https://c.example/1');
    const schedule = new PollSchedule(list);
    const asked: string[] = [];
    const first = schedule.take((host) => {
      asked.push(host);
      return host !== 'a.example';
    });
    expect(list[first!].url).toBe('https://b.example/1');
    expect(asked).toEqual(['a.example', 'b.example']);
    // a.example was passed over, not sent to the back: it is still first in turn.
    expect(list[schedule.take()!].url).toBe('https://a.example/1');
    expect(drain(schedule, list)).toEqual(['https://c.example/1', 'https://b.example/2', 'https://a.example/2']);
  });

  it('returns undefined when no site may go, and the feeds stay for later', () => {
    const list = feeds('https://a.example/1', 'https://b.example/1');
    const schedule = new PollSchedule(list);
    expect(schedule.take(() => false)).toBeUndefined();
    expect(schedule.size).toBe(2);
    expect(drain(schedule, list, (host) => host === 'b.example')).toEqual(['https://b.example/1']);
    expect(schedule.size).toBe(1);
    expect(drain(schedule, list)).toEqual(['https://a.example/1']);
  });

  it('keeps feeds whose URL does not parse, each such text a site of its own', () => {
    const list = feeds('::nonsense::', 'https://a.example/1', '::nonsense::', 'also bad');
    const schedule = new PollSchedule(list);
    const hosts: string[] = [];
    const taken: number[] = [];
    for (let i = schedule.take((h) => (hosts.push(h), true)); i !== undefined; i = schedule.take()) taken.push(i);
    expect(hosts[0]).toBe('::nonsense::');
    expect(taken).toEqual([0, 1, 3, 2]);
  });
});
