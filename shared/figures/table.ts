// Tables reach the extractor as runs of lines whose cells are joined by " | "
// (the page extractor's rendering). A figure read from a cell takes its
// place, period and source from its row and its column headers (GUIDE clarification 9).

export interface TableCell {
  text: string;
  header: string;
}

export interface TableRow {
  cells: TableCell[];
  /** The first cell: what the row is about ("Poland", "Jdeidet Yabous"). */
  label: string;
}

export const isTableLine = (line: string): boolean => line.includes(' | ');

/** Splits a run of table lines into data rows; the first line is the header. */
export function tableRows(lines: string[]): TableRow[] {
  const [head, ...rest] = lines.map((l) => l.split(' | ').map((c) => c.trim()));
  const headerLooksLikeData = head.some((c) => /\d{3}/.test(c));
  const headers = headerLooksLikeData ? head.map(() => '') : head;
  const data = headerLooksLikeData ? [head, ...rest] : rest;
  return data.map((cells) => ({ label: cells[0] ?? '', cells: cells.map((text, i) => ({ text, header: headers[i] ?? '' })) }));
}

const PERIOD_HEADER = /^(?:period|date|day|as of|when|dates?|week|month)$/i;
const SOURCE_HEADER = /^(?:source|sources|according to|reported by)$/i;

/** The row's period cell, its source cell, and whether the period is a single day. */
export function rowContext(row: TableRow): { period?: string; source?: string; daily: boolean } {
  const period = row.cells.find((c) => PERIOD_HEADER.test(c.header));
  const source = row.cells.find((c) => SOURCE_HEADER.test(c.header)) ?? (SOURCE_HEADER.test(row.cells[0]?.header ?? '') ? row.cells[0] : undefined);
  return { period: period?.text, source: source?.text, daily: !!period && /^(?:date|day)$/i.test(period.header) };
}
