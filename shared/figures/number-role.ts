// Decides, from the words right around a number, whether it can be a count of
// people at all: dates, years, clock times, money, ages, percentages, units,
// ordinals and populations cannot.
import type { NumberMention } from './numbers.ts';
import { NON_PEOPLE_NOUN, PEOPLE_NOUN } from './cues.ts';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s*(?:${MONTH})\\b`, 'i');
const CURRENCY_BEFORE = /(?:[$€£¥₽₴₹]|\b[A-Z]{1,3}\$|\b(?:US|USD|EUR|GBP|RUB|A|C|NZ|HK)\$?)\s*$/;
const AGE_BEFORE = /\b(?:aged?|ages|age of|age from|aged between|from the age of|minimum (?:\w+ )?age (?:\w+ )*?from)\s*$/i;

export type Role = 'candidate' | 'not-people';

export function roleOf(sentence: string, n: NumberMention): Role {
  const before = sentence.slice(Math.max(0, n.start - 40), n.start);
  const after = sentence.slice(n.end, n.end + 60);
  const text = n.text.trim();
  // Part of a word or code: "G7", "Covid-19", "F-16", "No. 3".
  if (/[A-Za-z]-?$/.test(before) && !/\s$/.test(before) && !/[“"(]$/.test(before)) return 'not-people';
  if (/^-?[A-Za-z]/.test(after) && !/^-plus/i.test(after) && !/^[km]\b|^mn?\b|^bn\b/i.test(after)) {
    if (!/^(?:-year|s\b)/i.test(after)) return 'not-people';
  }
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return 'not-people';
  if (/^\s*(?::\d|[.:]\d\d\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|o'clock|hrs\b|h\b))/i.test(after)) return 'not-people';
  if (/\d[:.]$/.test(before)) return 'not-people';
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)) return 'not-people';
  if (CURRENCY_BEFORE.test(before)) return 'not-people';
  if (/\b(?:cost|costs|costing|worth|budget|paid|pay|pays|spend|spent|spending|raised?|funding|fines?|salary|wages?|loans?|grants?|aid)\s+(?:of\s+)?(?:about|around|some|up to|more than|nearly|over|almost|roughly)?\s*$/i.test(before)) return 'not-people';
  if (/^-(?:year|month|week|day|hour|minute|mile|km|kilomet|met(?:re|er)|storey|member|seat|point)/i.test(after)) return 'not-people';
  // "Volodya, 35, who flew in" is an age; "nine in ten" a proportion.
  if (/[A-Z][a-z]+,\s*$/.test(before) && /^,/.test(after) && n.value < 120) return 'not-people';
  if (/^\s+(?:in|out of)\s+(?:ten|five|four|three|every|\d{1,3})\b(?![\d,])/i.test(after) && !/^\s+in\s+\d+\s+(?:days?|hours?|weeks?)/i.test(after)) return 'not-people';
  if (/\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out of)\s+$/i.test(before)) return 'not-people';
  if (n.value < 100 && /\b(?:under|over|above|below|older than|younger than)\s*$/i.test(before) && !/^\s*(?:people|men|women|children|refugees|migrants|[A-Z]\w+s)\b/.test(after)) return 'not-people';
  if (/\bage\b(?:\s+\S+){0,6}\s*$/i.test(before) && n.value < 130) return 'not-people';
  if (AGE_BEFORE.test(before) || /^\s*(?:-|\s)?years?[- ]old\b|^-year-olds?\b/i.test(after)) return 'not-people';
  if (/^\s*(?:%|per ?cent\b|percent\b|percentage points\b)/i.test(after)) return 'not-people';
  if (/\b(?:a country|a nation|a city|a town|population|populations) of (?:about |around |some |roughly |nearly |more than |over )?$/i.test(before)) return 'not-people';
  // Years: four digits from 1800 to 2099 with no grouping or scale.
  if (/^(?:18|19|20)\d\d$/.test(text) && !/^\s*(?:people|men|women|refugees|migrants)\b/i.test(after)) return 'not-people';
  if (/\b(?:in|since|of|from|by|until|before|after|during|between|early|late|mid|spring|summer|autumn|fall|winter|year)\s*$/i.test(before) && /^(?:19|20)\d\d/.test(text)) return 'not-people';
  if (/^(?:\s*[-–]\s*\d|\s*\/\s*\d)/.test(after)) return 'not-people';
  // The noun the number counts: the first of its next few words that names people or things.
  const phrase = after.replace(/^\s*(?:more|other|additional|extra|new|further|of the)\s+/i, '').replace(/^\s+/, '');
  const words = phrase.split(/\s+/, 4);
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    if (/^(?:have|has|had|were|was|are|is|who|that|which|to|from|into|in|on|at|a|an|per|each|every|of|and|or|over|across|through|via|during|since|within|after|before|for|by|with|the|last|this|alone)$/i.test(words[i])) break;
    if (PEOPLE_NOUN.test(rest) || /^[A-Z][a-z]+(?:ns|ans|is|es|s)\b/.test(rest)) break;
    if (NON_PEOPLE_NOUN.test(rest)) return 'not-people';
    if (/[,;:]$|[a-z]{2}\.$/.test(words[i])) break;
  }
  // "crossed with 14 members of his family", "arrived with her six children": the companions of one person, not a flow.
  if (/\bwith\s+(?:his|her|their|my|our)\s+$/i.test(before) || (/\bwith\s+$/i.test(before) && /^\s+(?:\w+\s+)?(?:members of|of)\s+(?:his|her|their|my|our)\b/i.test(after))) return 'not-people';
  if (/\b(?:page|article|section|chapter|room|flight|route|highway|no\.|number|decree|resolution|law|item|paragraph|platform|gate|bus|channel|level|grade|class|covid|world war)\s*$/i.test(before)) return 'not-people';
  return 'candidate';
}
