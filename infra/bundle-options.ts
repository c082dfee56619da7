// The esbuild options every function bundle is built with, in one place: the stack
// passes them to NodejsFunction and `npm run bench:bundles` to esbuild directly, so
// the bench measures what is deployed. Kept free of aws-cdk-lib so the bench loads fast.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda functions, by name: each one's handler is functions/<name>/handler.ts. */
export const FUNCTION_NAMES = ['schedule-feeds', 'poll-feed', 'process-article', 'report'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
export const handlerEntry = (name: FunctionName) => resolve(REPO_ROOT, 'functions', name, 'handler.ts');

export const NODE_TARGET = 'node22';
/** ESM output still meets CommonJS dependencies that call require() for Node built-ins. */
export const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
/** ESM entry points first: they tree-shake better. */
export const MAIN_FIELDS = ['module', 'main'];
/**
 * Nothing is left to the runtime: bundling the AWS SDK pins the version we test with
 * and, minified and tree-shaken, loads faster than the runtime's full copy
 * (see `npm run bench:bundles -- --sdk-external` for the comparison).
 */
export const EXTERNAL_MODULES: string[] = [];

/** Modules swapped for smaller stand-ins in every bundle (see each stand-in for why it is safe). */
export const ALIASES: Record<string, string> = {
  'cssomnom/parse': resolve(REPO_ROOT, 'shared/report/no-cssom.ts'),
};

/** The same options for esbuild's own API (bench and bundle tests); the stack passes them through NodejsFunction. */
export const esbuildOptions = (name: FunctionName, outfile: string, external: string[] = EXTERNAL_MODULES) => ({
  entryPoints: [handlerEntry(name)],
  outfile,
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  target: NODE_TARGET,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: MAIN_FIELDS,
  banner: { js: REQUIRE_BANNER },
  external,
  alias: ALIASES,
});
