import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadReportInput, renderReport } from '../../shared/report/render-report.ts';
import { openLocalStore, type LocalOptions } from '../wire.ts';

/** Writes the HTML report of the local (or given) store to a file; says where, how big and how long it took. */
export async function reportCommand(opts: LocalOptions & { out: string }): Promise<number> {
  const conn = await openLocalStore(opts);
  try {
    const input = await loadReportInput(conn.store);
    const started = performance.now();
    const html = renderReport(input);
    const ms = performance.now() - started;
    const out = resolve(opts.out);
    await writeFile(out, html, 'utf8');
    const kb = Buffer.byteLength(html) / 1024;
    process.stderr.write(
      `report: ${out} (${kb.toFixed(0)} KiB, ${input.series.length} series, ${input.figures.length} figures, rendered in ${ms.toFixed(0)} ms)\n`,
    );
  } finally {
    await conn.close();
  }
  return 0;
}
