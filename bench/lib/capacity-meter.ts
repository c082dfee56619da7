import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB work: requests and the capacity units they consumed. */
export interface Work {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

/** Work by DynamoDB command and by the scope (store method, feed) that asked for it. */
export interface CapacityTotals {
  requests: Record<string, number>;
  units: Record<string, number>;
  byScope: Record<string, Work>;
}

// Names as the low-level client sees them (the document client's commands become these).
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

interface Consumed {
  CapacityUnits?: number;
}

const scope = new AsyncLocalStorage<string>();

export const noWork = (): Work => ({ requests: 0, readUnits: 0, writeUnits: 0 });
export const addWork = (a: Work, b: Work): Work => ({ requests: a.requests + b.requests, readUnits: a.readUnits + b.readUnits, writeUnits: a.writeUnits + b.writeUnits });
export const sumWork = (list: readonly Work[]) => list.reduce(addWork, noWork());
export const divideWork = (w: Work, n: number): Work => (n > 0 ? { requests: w.requests / n, readUnits: w.readUnits / n, writeUnits: w.writeUnits / n } : noWork());

/**
 * Asks DynamoDB (or the embedded engine, which computes units the same way: reads per
 * 4 KB, halved when eventually consistent; writes per 1 KB of the larger of the old and
 * new item) to return the capacity each request consumed, and adds it up by command and
 * by the scope the request was made in (see withScopes).
 */
export function meterCapacity(client: DynamoDBClient): { totals(): CapacityTotals } {
  const totals: CapacityTotals = { requests: {}, units: {}, byScope: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = { ...(args.input as Record<string, unknown>), ReturnConsumedCapacity: 'TOTAL' };
      const result = await next({ ...args, input });
      const name = context.commandName ?? 'unknown';
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      totals.requests[name] = (totals.requests[name] ?? 0) + 1;
      totals.units[name] = (totals.units[name] ?? 0) + units;
      const key = scope.getStore() ?? 'unscoped';
      const read = READS.has(name);
      totals.byScope[key] = addWork(totals.byScope[key] ?? noWork(), { requests: 1, readUnits: read ? units : 0, writeUnits: read ? 0 : units });
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return { totals: () => structuredClone(totals) };
}

/** The object with each method's requests metered under the scope `scopeOf` names for the call. */
export function withScopes<T extends object>(target: T, scopeOf: (method: string, args: unknown[]) => string): T {
  return new Proxy(target, {
    get: (obj, key, receiver) => {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => scope.run(scopeOf(key, args), () => value.apply(obj, args));
    },
  });
}

/** What was consumed between two readings. */
export function capacitySince(after: CapacityTotals, before: CapacityTotals): CapacityTotals {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]).filter(([, v]) => v !== 0));
  const byScope: Record<string, Work> = {};
  for (const [k, w] of Object.entries(after.byScope)) {
    const b = before.byScope[k] ?? noWork();
    const d = { requests: w.requests - b.requests, readUnits: w.readUnits - b.readUnits, writeUnits: w.writeUnits - b.writeUnits };
    if (d.requests !== 0) byScope[k] = d;
  }
  return { requests: minus(after.requests, before.requests), units: minus(after.units, before.units), byScope };
}

export const totalRequests = (t: CapacityTotals) => Object.values(t.requests).reduce((a, b) => a + b, 0);
