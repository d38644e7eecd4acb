// Reads what an export covers, one pool or every pool of a region, through the AWS session. A
// pool that cannot be read fails the export (naming it): a template silently missing a pool would
// look complete.
import type { AwsSession } from '../aws';
import type { PoolDefinition } from './model';

export type IacScope = { identityPoolId: string } | { region: string };

/** Pools read at once in a region export: few, so a large region does not trip throttling. */
const CONCURRENT_READS = 4;

export interface ReadProgress {
  (read: number, total: number): void;
}

export async function readPools(session: AwsSession, scope: IacScope, onProgress?: ReadProgress, cancelled?: () => boolean): Promise<PoolDefinition[]> {
  if ('identityPoolId' in scope) return [await session.readPoolDefinition(scope.identityPoolId)];
  const ids = new Set<string>();
  for await (const update of session.listPools(scope.region)) {
    for (const pool of update.pools) ids.add(pool.identityPoolId);
    if (cancelled?.()) return [];
  }
  const sorted = [...ids].sort();
  const pools: PoolDefinition[] = new Array(sorted.length);
  let next = 0;
  let read = 0;
  const worker = async () => {
    while (next < sorted.length && !cancelled?.()) {
      const index = next++;
      pools[index] = await session.readPoolDefinition(sorted[index]);
      onProgress?.(++read, sorted.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, sorted.length) }, worker));
  return cancelled?.() ? [] : pools;
}
