import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Reference material beside the project; CI has it, a bare clone may not. */
export const sharedDir = resolve(repoRoot, '../shared');
export const hasShared = existsSync(resolve(sharedDir, 'corpus/GUIDE.md'));
export const samplesDir = resolve(repoRoot, 'samples');

export function warnIfNoShared(what: string): void {
  if (!hasShared) console.warn(`SKIPPED ${what}: reference material ${sharedDir} is absent`);
}
