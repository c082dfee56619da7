// The domain vocabulary, defined once. Field names and meanings follow the
// corpus contract (GUIDE.md in the reference corpus): a Figure serialises to
// exactly the JSON line the scorer reads.

export type Metric = 'border_crossing' | 'mobilization';

export type Qualifier =
  | 'exact'
  | 'about'
  | 'more_than'
  | 'at_least'
  | 'nearly'
  | 'up_to'
  | 'range'
  | 'vague';

export type Status = 'planned' | 'reported';

export type Per = 'hour' | 'day' | 'week' | 'month';

/** One people-count (or vehicle-count) figure read from an article. */
export interface Figure {
  metric: Metric;
  /** Plain integer; null for vague amounts ("tens of thousands"). For ranges, the low end. */
  count: number | null;
  low?: number;
  high?: number;
  qualifier: Qualifier;
  /** "people" for everything the product tracks; "vehicles" etc. are informational. */
  unit: string;
  who?: string;
  /** border_crossing: the country left (English short name). */
  origin?: string;
  /** border_crossing: the country entered. */
  destination?: string;
  /** mobilization: the country doing the mobilizing. */
  country?: string;
  status?: Status;
  period?: string;
  attribution?: string;
  per?: Per;
  /** ISO 8601 publication time of the article, when known. */
  published?: string;
  /** The sentence the figure was read from. */
  quote: string;
}

/** A feed the monitor polls. */
export interface Feed {
  url: string;
  name?: string;
}

/** One entry of a feed, normalised across RSS 0.9x/1.0/2.0 and Atom. */
export interface FeedItem {
  feedUrl: string;
  /** guid / Atom id when the feed gives one. */
  guid?: string;
  /** Absolute article URL, tracking parameters stripped. */
  link: string;
  title?: string;
  published?: string;
  summary?: string;
}

/** An article page reduced to its body and metadata. */
export interface Article {
  /** The URL (or file path) the page was read from. */
  url: string;
  title?: string;
  canonical?: string;
  published?: string;
  modified?: string;
  author?: string;
  outlet?: string;
  language?: string;
  description?: string;
  /** The article text without the headline; paragraphs separated by blank lines. */
  body: string;
}

/**
 * What an analyst plots as one line: border_crossing by (origin, destination, per),
 * mobilization by (country, status, per). A missing field is its own value.
 */
export interface Series {
  key: string;
  metric: Metric;
  origin?: string;
  destination?: string;
  country?: string;
  status?: Status;
  per?: Per;
}

/** Where a stored figure came from. */
export interface Source {
  articleUrl: string;
  articleTitle?: string;
  outlet?: string;
  published?: string;
  feedUrl?: string;
}

/** A figure as stored: the figure, its series and its source. */
export interface StoredFigure {
  /** Stable id: the same figure of the same article always gets the same id. */
  id: string;
  seriesKey: string;
  figure: Figure;
  source: Source;
  /** When the pipeline stored it (ISO 8601). */
  storedAt: string;
}

/** A count that is new for its series: what analysts are told about. */
export interface Alert {
  /** Stable id derived from the figure id, so a retry re-delivers the same alert. */
  id: string;
  series: Series;
  figure: Figure;
  source: Source;
  /** The series' latest stored count before this one; null for a new series. */
  previous: number | null;
  previousPublished?: string;
  createdAt: string;
  /** Other sources that later repeated the same count (filled in for reports, not at alert time). */
  repeatedBy?: Source[];
}
