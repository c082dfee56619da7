import type { Block } from './blocks.ts';
import { isProse } from './score.ts';
import type { LiveUpdate } from './structured-data.ts';

// A live blog is a run of timestamped entries. Each entry keeps its own time,
// written on a line of its own before the entry's text.

/** Timestamps that each open a new stretch of prose: at least this many make a live blog. */
const MIN_ENTRIES = 3;

export function looksLive(blocks: Block[], declaredLive: boolean): boolean {
  let entries = 0;
  let open = false;
  for (const b of blocks) {
    if (b.times.length) open = true;
    else if (open && isProse(b)) {
      entries++;
      open = false;
    }
  }
  return entries >= (declaredLive ? 2 : MIN_ENTRIES);
}

/** The lines one block contributes in a live blog: its time, then what else it says. */
export function liveLines(b: Block): string[] {
  if (!b.times.length) return [b.text];
  const rest = b.times.reduce((t, x) => (x.text ? t.replace(x.text, ' ') : t), b.text).replace(/\s+/g, ' ').trim();
  const lines = [b.times[0].datetime];
  // What is left beside the time is a label ("Updated", "·") unless it reads as text.
  if (/\p{L}{3,}.*\s.*\p{L}{3,}/u.test(rest) && rest.length > 25) lines.push(rest);
  return lines;
}

export function bodyFromUpdates(updates: LiveUpdate[]): string {
  return updates
    .flatMap((u) => [u.time, u.headline, ...u.body.split(/\n\s*\n|\n/)].filter((x): x is string => !!x && !!x.trim()))
    .map((x) => x.trim())
    .join('\n\n');
}
