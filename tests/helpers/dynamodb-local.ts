import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

// AWS's own DynamoDB Local (the jar shipped in the amplify-dynamodb-simulator package),
// run where Java is present, so store tests also run against the reference emulator.
const emulatorDir = join(repoRoot, 'node_modules/amplify-dynamodb-simulator/emulator');
export const hasDynamoDbLocal = existsSync(join(emulatorDir, 'DynamoDBLocal.jar')) && spawnSync('java', ['-version']).status === 0;

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  const port = await freePort();
  const child: ChildProcess = spawn('java', [`-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`, '-jar', join(emulatorDir, 'DynamoDBLocal.jar'), '-inMemory', '-disableTelemetry', '-port', String(port)], {
    // It writes a metadata file into its working folder; keep that out of the repo.
    cwd: mkdtempSync(join(tmpdir(), 'ddb-local-')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('DynamoDB Local did not start in 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('CorsParams')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.once('exit', (code) => fail(new Error(`DynamoDB Local exited with ${code}`)));
  });
  // It prints its configuration before it listens; wait until it answers.
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((ok) => {
      const sock = connect(port, '127.0.0.1', () => (sock.end(), ok(true)));
      sock.on('error', () => ok(false));
    });
    if (up) break;
    if (i > 300) throw new Error('DynamoDB Local did not open its port');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}
