import iconv from 'iconv-lite';

// Order of authority, as browsers and feed readers do it: a byte-order mark,
// then the HTTP header, then the document's own declaration, then UTF-8.
export function decodeBytes(bytes: Uint8Array, contentType: string | undefined, kind: 'feed' | 'page'): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buf);
  if (bom) return iconv.decode(buf.subarray(bom.length), bom.encoding);
  const declared =
    charsetFromContentType(contentType) ?? (kind === 'feed' ? charsetFromXmlDecl(buf) : charsetFromMeta(buf)) ?? charsetFromXmlDecl(buf);
  const encoding = declared && iconv.encodingExists(declared) ? declared : 'utf-8';
  return iconv.decode(buf, encoding);
}

function sniffBom(buf: Buffer): { encoding: string; length: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m?.[1]?.toLowerCase();
}

function charsetFromXmlDecl(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 512).toString('latin1');
  return head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1]?.toLowerCase();
}

function charsetFromMeta(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096).toString('latin1');
  return (
    head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1]?.toLowerCase() ??
    undefined
  );
}
