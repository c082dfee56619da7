import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

export interface TestServer {
  origin: string;
  port: number;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  /** Request headers of the last request to a path. */
  lastHeaders: Map<string, IncomingMessage['headers']>;
  maxInFlight: number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (port 0) answering each path with its handler. */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  let inFlight = 0;
  const state = { hits: new Map<string, number>(), lastHeaders: new Map<string, IncomingMessage['headers']>(), maxInFlight: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    state.lastHeaders.set(path, req.headers);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such path');
      return;
    }
    handler(req, res, origin);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    ...state,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A clock whose sleeps return at once and are recorded, so backoffs cost no time. */
export function fakeClock() {
  let now = Date.parse('2026-03-01T12:00:00Z');
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      if (ms > 0) {
        sleeps.push(ms);
        now += ms;
      }
    },
  };
}
