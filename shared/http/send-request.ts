import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from './fetcher.ts';
import { BlockedAddressError } from './guarded-lookup.ts';

export interface SendOptions {
  url: URL;
  headers: Record<string, string>;
  lookup: LookupFunction;
  /** Until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
  /** From the start of the request to the last body byte. */
  totalTimeoutMs: number;
  /** Cap on body bytes, both as received and after decompression. */
  maxBytes: number;
}

export interface OpenResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Reads the whole (decompressed) body, aborting past the byte cap or the total timeout. */
  readBody(): Promise<Buffer>;
  /** Drops the connection without reading the body. */
  discard(): void;
}

/** One HTTP exchange, no redirects or retries: resolves once the headers are in. */
export function sendRequest(options: SendOptions): Promise<OpenResponse> {
  const { url } = options;
  const href = url.href;
  return new Promise((resolve, reject) => {
    let failed: FetchError | undefined;
    let req: ClientRequest;
    const fail = (error: FetchError) => {
      failed ??= error;
      req.destroy(failed);
    };
    const totalTimer = setTimeout(() => fail(new FetchError(href, 'timeout', `no complete answer within ${options.totalTimeoutMs} ms`)), options.totalTimeoutMs);
    const connectTimer = setTimeout(() => fail(new FetchError(href, 'timeout', `could not connect within ${options.connectTimeoutMs} ms`)), options.connectTimeoutMs);
    const done = () => {
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    req = send(url, { method: 'GET', headers: options.headers, lookup: options.lookup, agent: false });
    req.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err) => {
      done();
      reject(failed ?? toFetchError(href, err));
    });
    req.on('response', (res: IncomingMessage) => {
      clearTimeout(connectTimer);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        discard: () => {
          done();
          res.destroy();
          req.destroy();
        },
        readBody: () =>
          readCapped(res, options.maxBytes, href).then(
            (body) => {
              done();
              return body;
            },
            (err: Error) => {
              done();
              req.destroy();
              throw failed ?? (err instanceof FetchError ? err : toFetchError(href, err));
            },
          ),
      });
    });
    req.end();
  });
}

function readCapped(res: IncomingMessage, maxBytes: number, href: string): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new FetchError(href, 'too_large', `body of ${declared} bytes exceeds the cap of ${maxBytes}`));
  }
  return new Promise((resolve, reject) => {
    let raw = 0;
    const tooLarge = (what: string) => new FetchError(href, 'too_large', `${what} body exceeds the cap of ${maxBytes} bytes`);
    const decoded = decoderFor(res.headers['content-encoding']);
    let settled = false;
    const abort = (err: Error) => {
      if (settled) return;
      settled = true;
      res.destroy();
      decoded?.destroy();
      reject(err);
    };
    res.on('data', (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > maxBytes) abort(tooLarge('received'));
    });
    res.on('error', abort);
    res.on('aborted', () => abort(new FetchError(href, 'network', 'connection closed before the body was complete')));
    const source: Readable = decoded ? res.pipe(decoded) : res;
    if (decoded) decoded.on('error', (err) => abort(new FetchError(href, 'network', `cannot decode ${res.headers['content-encoding']} body: ${err.message}`)));
    const chunks: Buffer[] = [];
    let size = 0;
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return abort(tooLarge('decompressed'));
      chunks.push(chunk);
    });
    source.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
  });
}

// Deflate is sent zlib-wrapped by most servers and raw by some; peek at the first
// byte to tell them apart.
function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return flexibleInflate();
    default:
      return undefined;
  }
}

function flexibleInflate(): Transform {
  let inner: Transform | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        inner = (chunk[0] & 0x0f) === 8 ? createInflate() : createInflateRaw();
        inner.on('data', (data: Buffer) => this.push(data));
        inner.on('error', (err) => this.destroy(err));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
    destroy(err, callback) {
      inner?.destroy();
      callback(err);
    },
  });
}

function toFetchError(href: string, err: Error): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof BlockedAddressError) return new FetchError(href, 'ssrf_blocked', err.message);
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError(href, 'dns', `cannot resolve host (${code})`);
  if (/CERT|SSL|TLS/.test(code)) return new FetchError(href, 'tls', `TLS failure (${code}: ${err.message})`);
  return new FetchError(href, 'network', code ? `${code}: ${err.message}` : err.message);
}
