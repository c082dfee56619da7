import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Requests and capacity units the store consumed, by DynamoDB command. */
export interface CapacityTotals {
  requests: Record<string, number>;
  units: Record<string, number>;
  readUnits: number;
  writeUnits: number;
}

// Names as the low-level client sees them (the document client's commands become these).
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

interface Consumed {
  CapacityUnits?: number;
}

/**
 * Asks DynamoDB (or the embedded engine, which computes units the same way: reads per
 * 4 KB, halved when eventually consistent; writes per 1 KB of the larger of the old and
 * new item) to return the capacity each request consumed, and adds it up.
 */
export function meterCapacity(client: DynamoDBClient): { totals(): CapacityTotals } {
  const totals: CapacityTotals = { requests: {}, units: {}, readUnits: 0, writeUnits: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = { ...(args.input as Record<string, unknown>), ReturnConsumedCapacity: 'TOTAL' };
      const result = await next({ ...args, input });
      const name = context.commandName ?? 'unknown';
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      totals.requests[name] = (totals.requests[name] ?? 0) + 1;
      totals.units[name] = (totals.units[name] ?? 0) + units;
      if (READS.has(name)) totals.readUnits += units;
      else totals.writeUnits += units;
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return { totals: () => structuredClone(totals) };
}

/** What was consumed between two readings. */
export function capacitySince(after: CapacityTotals, before: CapacityTotals): CapacityTotals {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]).filter(([, v]) => v !== 0));
  return {
    requests: minus(after.requests, before.requests),
    units: minus(after.units, before.units),
    readUnits: after.readUnits - before.readUnits,
    writeUnits: after.writeUnits - before.writeUnits,
  };
}

export const totalRequests = (t: CapacityTotals) => Object.values(t.requests).reduce((a, b) => a + b, 0);
