import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from '../../shared/figures/numbers.ts';
import { qualifierOf } from '../../shared/figures/qualifier.ts';

const values = (text: string) => findNumbers(text).map((n) => (n.high !== undefined ? [n.low, n.high] : n.value));

describe('number forms', () => {
  it.each([
    ['12,500 people', 12500],
    ['4 812 migrants', 4812],
    ['4\u202F812 migrants', 4812],
    ['2.4 million refugees', 2400000],
    ['1.7m residents', 1700000],
    ['45k travellers', 45000],
    ['61 thousand arrivals', 61000],
    ['three hundred thousand men', 300000],
    ['half a million people', 500000],
    ['a quarter of a million people', 250000],
    ['a million people', 1000000],
    ['one and a half million', 1500000],
    ['eighty-four soldiers', 84],
  ])('reads %s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('reads ranges written with dashes, "to" and "between"', () => {
    expect(values('7,000–9,000 a day')).toEqual([[7000, 9000]]);
    expect(values('from 1,200 to 1,500 people')).toEqual([[1200, 1500]]);
    expect(values('between six and seven thousand Armenians')).toEqual([[6000, 7000]]);
    expect(values('2,000 to about 3,000 people')).toEqual([[2000, 3000]]);
  });

  // The articles and prepositions a number may start with are offered to the number pattern only before a number.
  it('reads numbers after a, an, between and from, and only the number where none follows', () => {
    expect(values('a thousand came from Kyiv, a city between rivers, and an eighty-strong unit')).toEqual([1000, 80]);
    expect(values('from a dozen to 30 men, between a hundred and 200 women')).toEqual([[12, 30], [100, 200]]);
    expect(values('An estimated 900 left from Odesa between Monday and Friday')).toEqual([900]);
  });

  it('parses plain and grouped digits as the general parser does', () => {
    expect(parseNumber('1,234,567')).toEqual({ value: 1234567, words: false, scaled: false });
    expect(parseNumber('0042')).toEqual({ value: 42, words: false, scaled: false });
    expect(parseNumber('12,3456')).toEqual(parseNumber(' 12,3456 '));
  });

  it('does not read vague amounts or a bare scale as numbers', () => {
    expect(values('tens of thousands of people')).toEqual([]);
    expect(values('several thousand men')).toEqual([]);
    expect(values('thousands fled')).toEqual([]);
  });

  it('marks "-plus" as more than', () => {
    const [n] = findNumbers('a total of 30,000-plus');
    expect(n.value).toBe(30000);
    expect(n.formQualifier).toBe('more_than');
  });

  it('parses single numbers on their own', () => {
    expect(parseNumber('2.114 million')?.value).toBe(2114000);
    expect(parseNumber('seventy thousand')?.value).toBe(70000);
    expect(parseNumber('banana')).toBeUndefined();
  });
});

describe('qualifiers (GUIDE clarification 7)', () => {
  const q = (text: string) => qualifierOf(text, findNumbers(text).find((n) => n.value >= 10)!);
  it.each([
    ['roughly 4,000 crossed', 'about'],
    ['some 4,000 crossed', 'about'],
    ['an estimated 4,000 crossed', 'about'],
    ['just over 4,000 crossed', 'more_than'],
    ['a little over 4,000 crossed', 'more_than'],
    ['the count passed 4,000', 'more_than'],
    ['almost 4,000 crossed', 'nearly'],
    ['close to 4,000 crossed', 'nearly'],
    ['at least 4,000 crossed', 'at_least'],
    ['as many as 4,000 crossed', 'up_to'],
    ['fewer than 4,000 crossed', 'up_to'],
    ['between 4,000 and 5,000 crossed', 'range'],
    ['4,000 crossed', 'exact'],
  ])('%s -> %s', (text, qualifier) => {
    expect(q(text)).toBe(qualifier);
  });
});
