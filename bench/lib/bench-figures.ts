// Reading the figures of the benchmarks that other modules own from what they print:
// their last JSON line when there is one (found by key names, since each script
// chooses its own shape), otherwise the text lines they print.

type Json = Record<string, unknown>;

/** The first number, depth first, under a key that matches the pattern. */
export function findNumber(json: unknown, key: RegExp): number | undefined {
  if (!json || typeof json !== 'object') return undefined;
  for (const [k, v] of Object.entries(json as Json)) if (key.test(k) && typeof v === 'number' && Number.isFinite(v)) return v;
  for (const v of Object.values(json as Json)) {
    const found = findNumber(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

export interface BodiesFigures {
  oursPagesPerSecond?: number;
  /** Ours timed on its own (not interleaved with Readability), when the script says. */
  oursAlonePagesPerSecond?: number;
  readabilityPagesPerSecond?: number;
  ratio?: number;
  oursF1?: number;
  readabilityF1?: number;
}

/** bench:bodies: our extractor's and Readability's pages/s (and F1), from JSON or its table lines. */
export function bodiesFigures(json: Json | undefined, output: string): BodiesFigures {
  if (json) {
    const ours = json.ours ?? json.our;
    const theirs = json.readability ?? json.theirs;
    const rate = /pages.?per.?s|pagesPerSecond|rate/i;
    const r: BodiesFigures = {
      oursPagesPerSecond: findNumber(ours, rate),
      readabilityPagesPerSecond: findNumber(theirs, rate),
      oursF1: findNumber(ours, /^f1$/i),
      readabilityF1: findNumber(theirs, /^f1$/i),
      ratio: findNumber(json, /ratio/i),
    };
    if (r.oursPagesPerSecond !== undefined) return { ...r, ratio: r.ratio ?? ratioOf(r) };
  }
  const row = (name: RegExp) => {
    const m = output.split('\n').find((l) => name.test(l))?.match(/\s([\d.]+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+/);
    return m ? { rate: Number(m[1]), f1: Number(m[2]) } : undefined;
  };
  const ours = row(/^ours\b/);
  const theirs = row(/^Readability/);
  const said = (pattern: RegExp) => {
    const m = output.match(pattern);
    return m ? Number(m[1]) : undefined;
  };
  const r: BodiesFigures = {
    oursPagesPerSecond: ours?.rate,
    oursAlonePagesPerSecond: said(/^ours alone:\s*([\d.]+) pages\/s/m),
    readabilityPagesPerSecond: theirs?.rate,
    oursF1: ours?.f1,
    readabilityF1: theirs?.f1,
  };
  return { ...r, ratio: said(/^speed ratio ([\d.]+)x/m) ?? ratioOf(r) };
}

const ratioOf = (r: BodiesFigures) => (r.oursPagesPerSecond && r.readabilityPagesPerSecond ? r.oursPagesPerSecond / r.readabilityPagesPerSecond : undefined);

export interface ExtractFigures {
  articlesPerSecond?: number;
  megabytesPerSecond?: number;
  /** Each timed set when the script times several ("corpus bodies", "5 KB articles"), in its order. */
  runs: { label: string; articlesPerSecond: number; megabytesPerSecond?: number }[];
}

/** bench:extract: from JSON keys, or its "throughput: N articles/s, X MB/s" lines, each under the line naming its set. */
export function extractFigures(json: Json | undefined, output: string): ExtractFigures {
  if (json) return { articlesPerSecond: findNumber(json, /articles.?(per.?s|\/s)/i), megabytesPerSecond: findNumber(json, /(mb|megabytes).?(per.?s|\/s)/i), runs: [] };
  const runs: ExtractFigures['runs'] = [];
  let label = '';
  for (const line of output.split('\n')) {
    const m = line.match(/([\d.]+)\s*articles\/s(?:,\s*([\d.]+)\s*MB\/s)?/);
    if (m) runs.push({ label, articlesPerSecond: Number(m[1]), megabytesPerSecond: m[2] === undefined ? undefined : Number(m[2]) });
    else if (/^\S[^:]*:/.test(line)) label = line.slice(0, line.indexOf(':'));
  }
  return { articlesPerSecond: runs[0]?.articlesPerSecond, megabytesPerSecond: runs[0]?.megabytesPerSecond, runs };
}

export interface BundleFigure {
  name: string;
  bytes: number;
  initMs?: number;
}

const SIZE_KEY = /^(bytes|size|sizeBytes|minifiedBytes|bundleBytes|kb|sizeKb|mb|sizeMb)$/i;
const scale = (key: string) => (/mb/i.test(key) ? 1024 * 1024 : /kb/i.test(key) ? 1024 : 1);

/**
 * bench:bundles: every object in its JSON that gives a size is one bundle, named by its
 * name field or its key; without JSON, its "ok|OVER name 812 KB init 120 ms" lines.
 */
export function bundleFigures(json: Json | undefined, output = ''): BundleFigure[] {
  if (!json) {
    return [...output.matchAll(/^(?:ok|OVER)\s+(\S+)\s+([\d.]+) KB\s+init\s+([\d.]+) ms/gm)].map((m) => ({ name: m[1], bytes: Number(m[2]) * 1024, initMs: Number(m[3]) }));
  }
  const found: BundleFigure[] = [];
  const walk = (value: unknown, key: string) => {
    if (!value || typeof value !== 'object') return;
    if (!Array.isArray(value)) {
      const o = value as Json;
      const sizeKey = Object.keys(o).find((k) => SIZE_KEY.test(k) && typeof o[k] === 'number');
      if (sizeKey) {
        const name = [o.name, o.function, o.bundle, o.handler, key].find((n) => typeof n === 'string' && n) as string;
        found.push({ name, bytes: (o[sizeKey] as number) * scale(sizeKey), initMs: findNumber(o, /init|cold/i) });
        return;
      }
    }
    for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? key : k);
  };
  walk(json, 'bundle');
  return found;
}
