// The emulator as a test fixture: one on a free 127.0.0.1 port, and the mocha wiring of a suite's
// fixture.
import { startEmulator } from '../../emulator';
import type { EmulatorOptions, RunningEmulator } from '../../emulator';

export type { RunningEmulator };

export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

/** An object that forwards to `current()` on every use: a suite can name what `before` creates. */
function lateBound<T extends object>(current: () => T | undefined, name: string): T {
  const target = () => {
    const value = current();
    if (value === undefined) throw new Error(`the fixture's ${name} is used before the suite's before() created it`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, property) {
      const value = Reflect.get(target(), property);
      return typeof value === 'function' ? value.bind(target()) : value;
    },
    set: (_, property, value) => Reflect.set(target(), property, value),
    has: (_, property) => Reflect.has(target(), property),
  });
}

/**
 * A suite's fixture: started in `before`, stopped in `after`. The returned object's members (all
 * objects) forward to the started ones, so a suite destructures it once:
 * `const { emulator, admin } = useFixture(start, stop);` replaces the let/before/after triple.
 */
export function useFixture<T extends object>(start: () => Promise<T>, stop: (fixture: Partial<T>) => Promise<void> | void): T {
  let started: Partial<T> = {};
  before(async () => {
    started = await start();
  });
  after(() => stop(started));
  return new Proxy({} as T, { get: (_, member) => lateBound(() => started[member as keyof T] as object | undefined, String(member)) });
}
