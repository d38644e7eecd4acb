// The one way tests wait for something asynchronous: poll `probe` until its value is accepted,
// and fail with what was last seen when the time is up. Imports nothing (host tests use it too).

export interface EventuallyOptions<T> {
  /** When the value is good enough; default: any truthy value. */
  accept?: (value: T) => boolean;
  /** What is awaited, for the failure message. */
  what?: string;
  /** How the last value reads in the failure message; default JSON. */
  describe?: (value: T) => string;
  timeoutMs?: number;
  intervalMs?: number;
}

function described<T>(value: T, describe?: (value: T) => string): string {
  if (describe) return describe(value);
  try {
    return JSON.stringify(value)?.slice(0, 600) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Resolves with the first accepted value of `probe`; fails after `timeoutMs` (default 5 s) with the last one. */
export async function eventually<T>(probe: () => T | Promise<T>, options: EventuallyOptions<T> & { accept: (value: T) => boolean }): Promise<T>;
export async function eventually<T>(probe: () => T | Promise<T>, options?: Omit<EventuallyOptions<T>, 'accept'>): Promise<NonNullable<T>>;
export async function eventually<T>(probe: () => T | Promise<T>, options: EventuallyOptions<T> = {}): Promise<T> {
  const { accept = (value: T) => Boolean(value), what = 'condition', timeoutMs = 5000, intervalMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: still not the case after ${timeoutMs} ms. Last seen: ${described(value, options.describe)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await probe();
  }
  return value;
}

/**
 * The other half of waiting: `probe` keeps satisfying `accept` for `durationMs` (nothing that must
 * not happen happens meanwhile). Fails at the first value that does not, with that value.
 */
export async function consistently<T>(probe: () => T | Promise<T>, options: EventuallyOptions<T> & { accept: (value: T) => boolean; durationMs: number }): Promise<T> {
  const { accept, what = 'condition', durationMs, intervalMs = 100 } = options;
  const end = Date.now() + durationMs;
  for (;;) {
    const value = await probe();
    if (!accept(value)) throw new Error(`${what}: stopped being the case within ${durationMs} ms. Seen: ${described(value, options.describe)}`);
    if (Date.now() >= end) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
