import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../shared/http/charset.ts';

const text = 'Мобилизация объявлена';

describe('decodeBytes', () => {
  it('takes the HTTP charset first', () => {
    expect(decodeBytes(iconv.encode(`<p>${text}</p>`, 'koi8-r'), 'text/html; charset=koi8-r', 'page')).toBe(`<p>${text}</p>`);
  });

  it('reads the XML declaration of a feed', () => {
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss><title>'), iconv.encode(text, 'windows-1251'), Buffer.from('</title></rss>')]);
    expect(decodeBytes(xml, 'application/rss+xml', 'feed')).toContain(text);
  });

  it('reads <meta charset> and http-equiv of a page', () => {
    const meta = Buffer.concat([Buffer.from('<meta charset="windows-1251"><p>'), iconv.encode(text, 'windows-1251')]);
    expect(decodeBytes(meta, 'text/html', 'page')).toContain(text);
    const equiv = Buffer.concat([Buffer.from('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-5"><p>'), iconv.encode(text, 'iso-8859-5')]);
    expect(decodeBytes(equiv, undefined, 'page')).toContain(text);
  });

  it('lets a BOM win over a wrong header', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<p>Ünïcode</p>', 'utf-16le')]);
    expect(decodeBytes(bytes, 'text/html; charset=iso-8859-1', 'page')).toBe('<p>Ünïcode</p>');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é')]), 'text/plain; charset=koi8-r', 'feed')).toBe('é');
  });

  it('sniffs BOM-less UTF-16 XML and ignores a UTF-16 declaration on ASCII bytes', () => {
    const xml = `<?xml version="1.0" encoding="utf-16"?><rss><title>${text}</title></rss>`;
    expect(decodeBytes(iconv.encode(xml, 'utf-16be'), undefined, 'feed')).toBe(xml);
    expect(decodeBytes(iconv.encode(xml, 'utf-16le'), undefined, 'feed')).toBe(xml);
    expect(decodeBytes(Buffer.from(xml, 'utf8'), undefined, 'feed')).toBe(xml);
  });

  it('decodes ISO-8859-x and falls back to UTF-8 on an unknown charset', () => {
    expect(decodeBytes(iconv.encode('Jornal de Notícias', 'latin1'), 'text/xml; charset=ISO-8859-1', 'feed')).toBe('Jornal de Notícias');
    expect(decodeBytes(Buffer.from('ok ü'), 'text/html; charset=x-bogus-42', 'page')).toBe('ok ü');
  });
});
