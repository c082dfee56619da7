import iconv from 'iconv-lite';

// Order of authority, as browsers and feed readers do it: a byte-order mark, then
// the HTTP header, then the document's own declaration (XML declaration for feeds,
// <meta charset> / http-equiv for pages), then UTF-16 sniffed from a BOM-less "<?",
// then UTF-8. A declared charset that iconv-lite does not know, or a 16/32-bit one
// contradicted by ASCII-compatible bytes, is skipped rather than trusted.
export function decodeBytes(bytes: Uint8Array, contentType: string | undefined, kind: 'feed' | 'page'): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buf);
  if (bom) return iconv.decode(buf.subarray(bom.length), bom.encoding, { stripBOM: false });
  const sniffed = sniffWideAscii(buf);
  const candidates = [
    charsetFromContentType(contentType),
    ...(kind === 'feed' ? [charsetFromXmlDecl(buf), charsetFromMeta(buf)] : [charsetFromMeta(buf), charsetFromXmlDecl(buf)]),
  ];
  const usable = candidates.find((c) => c !== undefined && iconv.encodingExists(c) && fitsBytes(c, sniffed));
  return iconv.decode(buf, usable ?? sniffed ?? 'utf-8');
}

function sniffBom(buf: Buffer): { encoding: string; length: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// "<?" or "<!" or "<h" in UTF-16/32 without a BOM (XML 1.0 appendix F).
function sniffWideAscii(buf: Buffer): string | undefined {
  if (buf.length < 4) return undefined;
  const [a, b, c, d] = buf;
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c && c === 0 && d !== 0) return 'utf-16be';
  return undefined;
}

function isWide(charset: string): boolean {
  return /^(utf-?(16|32)|ucs-?(2|4)|unicode)/i.test(charset);
}

// A document that reads as ASCII cannot be UTF-16 whatever it declares, and wide bytes
// cannot be a single-byte charset.
function fitsBytes(charset: string, sniffed: string | undefined): boolean {
  return sniffed ? isWide(charset) : !isWide(charset);
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m?.[1]?.toLowerCase();
}

// Declarations are ASCII; for UTF-16/32 bytes, dropping the NULs makes them readable.
function asciiHead(buf: Buffer, length: number): string {
  return buf.subarray(0, length).toString('latin1').replace(/\0/g, '');
}

function charsetFromXmlDecl(buf: Buffer): string | undefined {
  return asciiHead(buf, 1024).match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1]?.toLowerCase();
}

function charsetFromMeta(buf: Buffer): string | undefined {
  const head = asciiHead(buf, 4096);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
    if (direct) return direct.toLowerCase();
  }
  return undefined;
}
