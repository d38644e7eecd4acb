// The export's request scheduler: at most `limit` calls in flight and at most
// `maxRequestsPerSecond` started per second. The limit adapts to throttling the way TCP adapts to
// loss: it shrinks by a factor when a call was throttled (the SDK retried it, or it failed
// throttled) and grows by one after a window of clean calls. Waiting calls are served oldest
// identity first, so identities finish in about the order they were listed and the ordered writer
// holds few of them in memory.

export interface SchedulerOptions {
  /** The most calls in flight (the starting limit). */
  maxConcurrency: number;
  /** The least the limit shrinks to under throttling (default: a quarter of maxConcurrency). */
  minConcurrency?: number;
  /** Calls started per second, at most (undefined: no cap). */
  maxRequestsPerSecond?: number;
  now?: () => number;
}

/** Multiplicative decrease on throttling; one decrease per this long, so one burst counts once. */
const DECREASE_FACTOR = 0.7;
const DECREASE_COOLDOWN_MS = 250;

interface Waiter {
  priority: number;
  order: number;
  start: () => void;
}

export interface SchedulerStats {
  limit: number;
  inFlight: number;
  throttledCalls: number;
  calls: number;
}

export class RequestScheduler {
  private limitValue: number;
  private readonly min: number;
  private readonly max: number;
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private order = 0;
  private cleanStreak = 0;
  private lastDecrease = -Infinity;
  private throttled = 0;
  private calls = 0;
  /** Token bucket for maxRequestsPerSecond. */
  private tokens: number;
  private refilled: number;
  private refillTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.max = Math.max(1, Math.floor(options.maxConcurrency));
    this.min = Math.max(1, Math.min(this.max, Math.floor(options.minConcurrency ?? Math.ceil(this.max / 4))));
    this.limitValue = this.max;
    this.now = options.now ?? Date.now;
    this.tokens = this.bucketSize();
    this.refilled = this.now();
  }

  get stats(): SchedulerStats {
    return { limit: this.limitValue, inFlight: this.active, throttledCalls: this.throttled, calls: this.calls };
  }

  /**
   * Runs `call` when a slot (and a request token) is free. `priority`: lower runs first.
   * `wasThrottled` tells from the result or error whether the call met throttling.
   */
  async run<T>(priority: number, call: () => Promise<T>, wasThrottled: (outcome: { result?: T; error?: unknown }) => boolean): Promise<T> {
    await this.acquire(priority);
    this.calls += 1;
    let throttled = false;
    try {
      const result = await call();
      throttled = wasThrottled({ result });
      return result;
    } catch (error) {
      throttled = wasThrottled({ error });
      throw error;
    } finally {
      this.active -= 1;
      if (throttled) this.onThrottled();
      else this.onClean();
      this.dispatch();
    }
  }

  /** Drops every waiting call (they never start); used when the export stops. */
  close(): void {
    this.waiting.length = 0;
    if (this.refillTimer) clearTimeout(this.refillTimer);
    this.refillTimer = undefined;
  }

  private acquire(priority: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { priority, order: this.order++, start: resolve };
      // Binary insert by (priority, order): the queue stays sorted.
      let low = 0;
      let high = this.waiting.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        const other = this.waiting[mid];
        if (other.priority < priority || (other.priority === priority && other.order < waiter.order)) low = mid + 1;
        else high = mid;
      }
      this.waiting.splice(low, 0, waiter);
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && this.active < this.limitValue) {
      if (!this.takeToken()) return;
      const waiter = this.waiting.shift()!;
      this.active += 1;
      waiter.start();
    }
  }

  private bucketSize(): number {
    const rps = this.options.maxRequestsPerSecond;
    return rps ? Math.max(1, Math.ceil(rps / 10)) : Infinity;
  }

  /** True when a request may start now; otherwise schedules a dispatch for when one may. */
  private takeToken(): boolean {
    const rps = this.options.maxRequestsPerSecond;
    if (!rps) return true;
    const now = this.now();
    this.tokens = Math.min(this.bucketSize(), this.tokens + ((now - this.refilled) / 1000) * rps);
    this.refilled = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    if (!this.refillTimer) {
      const waitMs = Math.ceil(((1 - this.tokens) / rps) * 1000);
      this.refillTimer = setTimeout(() => {
        this.refillTimer = undefined;
        this.dispatch();
      }, waitMs);
    }
    return false;
  }

  private onThrottled(): void {
    this.throttled += 1;
    this.cleanStreak = 0;
    const now = this.now();
    if (now - this.lastDecrease < DECREASE_COOLDOWN_MS) return;
    this.lastDecrease = now;
    this.limitValue = Math.max(this.min, Math.floor(this.limitValue * DECREASE_FACTOR));
  }

  private onClean(): void {
    this.cleanStreak += 1;
    if (this.cleanStreak >= this.limitValue && this.limitValue < this.max) {
      this.limitValue += 1;
      this.cleanStreak = 0;
    }
  }
}
