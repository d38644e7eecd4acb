import { ServiceError, invalidParameter } from './errors';
import { PAGE_SIZE } from './behaviour';
import { KnownCredential } from './sigv4';
import { EmulatorState } from './store';

/** What a handler knows about the call it serves. */
export interface CallContext {
  state: EmulatorState;
  credential: KnownCredential;
  accountId: string;
  region: string;
  now: number;
  /** Called by handlers that changed the state, so it is persisted before the reply. */
  changed(): void;
  bulkPublishDurationMs: number;
  /** How long a sync session token stays valid (behaviour.ts SYNC_SESSION_TTL_MS). */
  syncSessionTtlMs: number;
  /** How long a stream CreateStream made stays CREATING (behaviour.ts STREAM_ACTIVATION_DELAY_MS). */
  streamActivationDelayMs: number;
}

export type Handler = (context: CallContext, input: Record<string, unknown>) => Record<string, unknown> | undefined;

/** Epoch milliseconds → the epoch seconds (with fraction) both services put in JSON. */
export const epochSeconds = (ms: number) => ms / 1000;

/** Drops undefined members so replies never carry `null`. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
  pageSize: number;
}

/**
 * One page of `items` in `keyOf` order. The token is the base64 of the last key returned, as
 * in the documented ListIdentityPoolUsage example; clients treat it as opaque.
 */
export function paginate<T>(items: T[], keyOf: (item: T) => string, input: Record<string, unknown>, limits: { min: number; max: number; default: number } = PAGE_SIZE): Page<T> {
  const requested = input.MaxResults as number | undefined;
  if (requested !== undefined && (requested < limits.min || requested > limits.max)) {
    throw invalidParameter(`1 validation error detected: Value '${requested}' at 'maxResults' failed to satisfy constraint: Member must have value between ${limits.min} and ${limits.max}`);
  }
  const pageSize = requested ?? limits.default;
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    const token = String(input.NextToken);
    after = Buffer.from(token, 'base64').toString('utf8');
    if (!token || Buffer.from(after, 'utf8').toString('base64') !== token) throw invalidParameter('The nextToken is not valid; pass the NextToken of the previous reply unchanged.');
  }
  // One pass keeping the pageSize + 1 smallest keys after the token: a page of a pool with 100,000
  // identities costs a scan, not a sort of all of them.
  const best: { key: string; item: T }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (after !== undefined && key <= after) continue;
    if (best.length > pageSize && key >= best[pageSize].key) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (best[middle].key <= key) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, { key, item });
    if (best.length > pageSize + 1) best.pop();
  }
  const more = best.length > pageSize;
  const page = best.slice(0, pageSize);
  return {
    items: page.map((entry) => entry.item),
    nextToken: more ? Buffer.from(page[page.length - 1].key, 'utf8').toString('base64') : undefined,
    pageSize,
  };
}

export function denied(context: CallContext, action: string): ServiceError | undefined {
  const deny = context.credential.deny ?? [];
  const matches = deny.some((pattern) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(action));
  if (!matches) return undefined;
  return new ServiceError('NotAuthorizedException', 403, `User: arn:aws:iam::${context.accountId}:user/${context.credential.userName} is not authorized to perform: ${action}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
