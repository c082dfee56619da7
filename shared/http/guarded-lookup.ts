import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { forbiddenAddressReason } from './address-guard.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (injectable so tests can pretend a name is public). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Thrown from the socket's lookup when a name resolves to an address we refuse. */
export class BlockedAddressError extends Error {
  readonly code = 'ESSRFBLOCKED';
  constructor(
    readonly hostname: string,
    readonly address: string,
    reason: string,
  ) {
    super(`${hostname} resolves to ${address} (${reason})`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * A `lookup` for net/http that resolves once, checks every address and hands the socket
 * only checked addresses: the connection uses what was checked, so a second DNS answer
 * (rebinding) never reaches it.
 */
export function guardedLookup(resolve: Resolver, options: { allowLoopback?: boolean }): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '', 0);
          return;
        }
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address, options);
          if (reason) {
            callback(new BlockedAddressError(hostname, address, reason), '', 0);
            return;
          }
        }
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? addresses.filter((a) => a.family === lookupOptions.family) : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (lookupOptions.all) callback(null, usable as never, 0);
        else callback(null, usable[0].address, usable[0].family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
}
