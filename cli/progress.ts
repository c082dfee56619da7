import type { ProgressEvent } from '../shared/pipeline/deps.ts';

/**
 * Progress on stderr: one rewritten line on a terminal, a line every few seconds
 * (and every error) when output goes to a log.
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (e: ProgressEvent) => void {
  let lastLog = 0;
  return (e) => {
    if (e.type === 'alert') return;
    const what = e.type === 'feed' ? 'feeds' : 'articles';
    const line = `${what} ${e.done}/${e.total}`;
    const err = e.error ? `  ! ${e.type === 'feed' ? e.feed.url : e.url}: ${e.error}` : '';
    if (stream.isTTY) {
      if (err) stream.write(`\r\x1b[K${err.trim()}\n`);
      stream.write(`\r\x1b[K${line}${e.done === e.total ? '\n' : ''}`);
      return;
    }
    if (err) stream.write(`${err.trim()}\n`);
    const now = Date.now();
    if (e.done === e.total || now - lastLog > 2000) {
      lastLog = now;
      stream.write(`${line}\n`);
    }
  };
}
