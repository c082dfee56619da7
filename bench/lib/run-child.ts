import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lastJsonLine } from './last-json-line.ts';

export interface ChildRun {
  status: 'ok' | 'missing' | 'failed' | 'timeout';
  seconds: number;
  output: string;
  /** The last JSON object the script printed, when it printed one. */
  json?: Record<string, unknown>;
  detail?: string;
}

/**
 * Runs one TypeScript benchmark as its own process (tsx), passing its output through
 * as it comes, so each benchmark prints its own figures and has its own memory peak.
 */
export function runChild(script: string, args: readonly string[], options: { cwd: string; timeoutMs: number; label: string }): Promise<ChildRun> {
  if (!existsSync(script)) return Promise.resolve({ status: 'missing', seconds: 0, output: '', detail: `${script} does not exist` });
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const prefix = `[${options.label}] `;
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === process.stdout) output += text;
      stream.write(text.replace(/^(?=.)/gm, prefix));
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    // A benchmark's own helpers (the pipeline's load server) exit when it disconnects.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - t0) / 1000;
      const json = lastJsonLine(output);
      if (timedOut) done({ status: 'timeout', seconds, output, json, detail: `stopped after ${options.timeoutMs / 1000} s` });
      else if (code !== 0) done({ status: 'failed', seconds, output, json, detail: `exit ${code ?? signal}` });
      else done({ status: 'ok', seconds, output, json });
    });
  });
}
