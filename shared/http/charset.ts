// Decoding is the WHATWG Encoding Standard's TextDecoder (Node's ICU; Lambda's runtime has
// it too): every charset browsers read, windows-1251, KOI8-R, ISO-8859-x, UTF-16, CJK,
// without shipping half a megabyte of tables in each Lambda bundle. UTF-32, which that
// standard dropped, is read here directly: four bytes a code point.
// Order of authority, as browsers and feed readers do it: a byte-order mark, then
// the HTTP header, then the document's own declaration (XML declaration for feeds,
// <meta charset> / http-equiv for pages), then UTF-16 sniffed from a BOM-less "<?",
// then UTF-8. A declared charset that no decoder knows, or a 16/32-bit one
// contradicted by ASCII-compatible bytes, is skipped rather than trusted.
export function decodeBytes(bytes: Uint8Array, contentType: string | undefined, kind: 'feed' | 'page'): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buf);
  if (bom) return decoderFor(bom.encoding)!(buf.subarray(bom.length));
  const sniffed = sniffWideAscii(buf);
  const candidates = [
    charsetFromContentType(contentType),
    ...(kind === 'feed' ? [charsetFromXmlDecl(buf), charsetFromMeta(buf)] : [charsetFromMeta(buf), charsetFromXmlDecl(buf)]),
  ];
  const usable = candidates.find((c) => c !== undefined && decoderFor(c) !== undefined && fitsBytes(c, sniffed));
  // A bare "utf-16" says nothing of byte order: the sniffed bytes do.
  const chosen = usable && sniffed && !/(le|be)$/i.test(usable) ? sniffed : usable;
  return decoderFor(chosen ?? sniffed ?? 'utf-8')!(buf);
}

function decoderFor(label: string): ((bytes: Buffer) => string) | undefined {
  const utf32 = label.toLowerCase().match(/^(?:utf-?32|ucs-?4)(le|be)?$/);
  if (utf32) return (bytes) => decodeUtf32(bytes, utf32[1] === 'le');
  try {
    const decoder = new TextDecoder(label, { ignoreBOM: true });
    return (bytes) => decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf32(bytes: Buffer, littleEndian: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = littleEndian ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i);
    parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return parts.join('');
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
