// The load server as its own process, so serving pages does not share the measured
// pipeline's CPU. Started by bench/pipeline.ts over IPC: it is handed the load options,
// answers {port}, and on {tick} or {stats} messages moves on or reports what it served.
import { generateLoad, type LoadOptions } from './synthetic-load.ts';
import { serveLoad } from './load-server.ts';

export type ServerRequest = { type: 'tick'; tick: 0 | 1 } | { type: 'stats' };
export type ServerReply = { type: 'ready'; port: number } | { type: 'tick'; tick: 0 | 1 } | { type: 'stats'; served: Record<string, number>; bytes: number };

const options = JSON.parse(process.argv[2]) as LoadOptions;
const server = await serveLoad(generateLoad(options));
const reply = (message: ServerReply) => process.send?.(message);
process.on('message', (message: ServerRequest) => {
  if (message.type === 'tick') {
    server.setTick(message.tick);
    reply({ type: 'tick', tick: message.tick });
  } else reply({ type: 'stats', served: server.served, bytes: server.bytes });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
reply({ type: 'ready', port: server.port });
