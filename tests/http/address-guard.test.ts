import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason } from '../../shared/http/address-guard.ts';
import { BlockedAddressError, guardedLookup, type Resolver } from '../../shared/http/guarded-lookup.ts';

describe('forbiddenAddressReason', () => {
  const refused = [
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.0.1', '100.64.0.1', '100.127.255.254',
    '169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '2002:c0a8:0101::1', '64:ff9b::a9fe:a9fe', '::127.0.0.1',
  ];
  const allowed = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2002:0808:0808::1'];

  it.each(refused)('refuses %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeDefined();
  });
  it.each(allowed)('allows %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeUndefined();
  });

  it('allowLoopback opens 127/8 and ::1 only, not mapped forms nor other private ranges', () => {
    const opts = { allowLoopback: true };
    expect(forbiddenAddressReason('127.0.0.1', opts)).toBeUndefined();
    expect(forbiddenAddressReason('127.2.3.4', opts)).toBeUndefined();
    expect(forbiddenAddressReason('::1', opts)).toBeUndefined();
    for (const a of ['::ffff:127.0.0.1', '10.0.0.1', '169.254.169.254', '0.0.0.0', '::', 'fe80::1']) expect(forbiddenAddressReason(a, opts), a).toBeDefined();
  });
});

describe('guardedLookup', () => {
  const lookupWith = (resolver: Resolver, all: boolean) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((done) =>
      guardedLookup(resolver, {})('news.example', { all }, (err, address, family) => done({ err, address, family })),
    );

  it('passes a public address through unchanged, single or all', async () => {
    const resolver: Resolver = async () => [{ address: '93.184.216.34', family: 4 }];
    expect(await lookupWith(resolver, false)).toEqual({ err: null, address: '93.184.216.34', family: 4 });
    expect((await lookupWith(resolver, true)).address).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it('refuses the name when any of its addresses is private', async () => {
    const resolver: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:169.254.169.254', family: 6 },
    ];
    const { err } = await lookupWith(resolver, true);
    expect(err).toBeInstanceOf(BlockedAddressError);
  });

  it('passes resolver failures on', async () => {
    const resolver: Resolver = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    expect((await lookupWith(resolver, false)).err).toMatchObject({ code: 'ENOTFOUND' });
  });
});
