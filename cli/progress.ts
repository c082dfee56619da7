import type { ProgressEvent } from '../shared/pipeline/deps.ts';

/**
 * Progress on stderr, feeds and articles on one line since articles are read while
 * feeds are still polled: rewritten in place on a terminal, a line every few seconds
 * (and every error) when output goes to a log.
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): ((e: ProgressEvent) => void) & { end(): void } {
  let lastLog = 0;
  let feeds = '';
  let articles = '';
  // A rewritten line not yet ended by a newline.
  let open = false;
  const print = (e: ProgressEvent) => {
    if (e.type === 'alert') return;
    if (e.type === 'feed') feeds = `feeds ${e.done}/${e.total}`;
    else articles = `articles ${e.done}/${e.total}${e.polling ? '+' : ''}`;
    const finished = e.type === 'feed' ? false : e.done === e.total && !e.polling;
    const line = [feeds, articles].filter(Boolean).join('  ');
    const err = e.error ? `  ! ${e.type === 'feed' ? e.feed.url : e.url}: ${e.error}` : '';
    if (stream.isTTY) {
      if (err) stream.write(`\r\x1b[K${err.trim()}\n`);
      stream.write(`\r\x1b[K${line}${finished ? '\n' : ''}`);
      open = !finished;
      return;
    }
    if (err) stream.write(`${err.trim()}\n`);
    const now = Date.now();
    if (finished || now - lastLog > 2000) {
      lastLog = now;
      stream.write(`${line}\n`);
    }
  };
  /** Ends the run's progress: the last line stays, and what follows starts on its own line. */
  const end = () => {
    if (open) stream.write('\n');
    open = false;
    feeds = '';
    articles = '';
  };
  return Object.assign(print, { end });
}
