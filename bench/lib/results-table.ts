import Table from 'cli-table3';

export interface ResultRow {
  area: string;
  measure: string;
  value: string;
  target?: string;
  /** undefined: no target, or nothing measured to judge. */
  pass?: boolean;
}

export const verdict = (r: ResultRow) => (r.target === undefined ? '' : r.pass === undefined ? 'n/a' : r.pass ? 'PASS' : 'FAIL');

export function renderRows(rows: readonly ResultRow[]): string {
  const table = new Table({ head: ['area', 'measure', 'value', 'target', ''], style: { head: [], border: [] }, wordWrap: true, colWidths: [20, 44, 34, 16, 6] });
  for (const r of rows) table.push([r.area, r.measure, r.value, r.target ?? '', verdict(r)]);
  return table.toString();
}

export function renderGrid(head: string[], body: (string | number)[][]): string {
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const row of body) table.push(row.map(String));
  return table.toString();
}
