// Builds every Lambda bundle with the stack's esbuild options, then reports its size
// and its module initialisation time (import of the bundle in a fresh Node process,
// median of several runs): what a cold start pays before the handler runs.
//
//   npm run bench:bundles [-- --runs 7] [-- --sdk-external] [-- --top 8]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { esbuildOptions, FUNCTION_NAMES, NODE_TARGET, REPO_ROOT } from '../infra/bundle-options.ts';

const SIZE_TARGET = 1024 * 1024;
const INIT_TARGET_MS = 150;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'sdk-external': { type: 'boolean', default: false },
    top: { type: 'string', default: '6' },
  },
});
const runs = Number(args.runs);
// Inside the repo, so a bundle built with --sdk-external still finds node_modules.
const outRoot = join(REPO_ROOT, 'cdk.out', 'bench-bundles');
rmSync(outRoot, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Bytes each package contributes to the minified output: where to look when a bundle is too big. */
function heaviest(metafile: esbuild.Metafile, top: number): string {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint);
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/node_modules\/((?:@[^/]+\/)?[^/]+))?/.exec(file);
    const key = pkg ? (pkg[2] ? `${pkg[1]}>${pkg[2]}` : pkg[1]) : file.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${k} ${kb(v)}`).join(', ');
}

function initTimeMs(bundle: string): number {
  const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.stdout.write(String(performance.now() - t0));`;
  const samples = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { env: { ...process.env, AWS_REGION: 'us-east-1' }, stdio: ['ignore', 'pipe', 'pipe'] }).toString()),
  );
  return median(samples);
}

let failed = 0;
console.log(`esbuild ${esbuild.version}, ${NODE_TARGET}, ESM, minified, AWS SDK ${args['sdk-external'] ? 'external (runtime copy)' : 'bundled'}; init = median of ${runs} fresh imports`);
for (const name of FUNCTION_NAMES) {
  const outdir = join(outRoot, name);
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    ...esbuildOptions(name, join(outdir, 'index.mjs'), args['sdk-external'] ? ['@aws-sdk/*'] : undefined),
    metafile: true,
    logLevel: 'error',
  });
  const bundle = join(outdir, 'index.mjs');
  const size = statSync(bundle).size;
  const init = initTimeMs(bundle);
  const ok = size <= SIZE_TARGET && init <= INIT_TARGET_MS;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(16)} ${kb(size).padStart(8)}  init ${init.toFixed(0).padStart(4)} ms   (${relative(REPO_ROOT, bundle)}; largest: ${heaviest(result.metafile, Number(args.top))})`,
  );
}
console.log(`targets: <= ${kb(SIZE_TARGET)} and <= ${INIT_TARGET_MS} ms init; ${failed} bundle(s) over`);
