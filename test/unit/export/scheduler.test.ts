// The export's request scheduler: concurrency cap, oldest identity first, shrinking on throttling
// and growing back, and the requests-per-second cap.
import * as assert from 'assert/strict';
import { RequestScheduler } from '../../../src/export/scheduler';

/** A call that stays in flight until `release()`; records when it started. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Export request scheduler', () => {
  it('never has more calls in flight than the limit, and serves the oldest identity first', async () => {
    const scheduler = new RequestScheduler({ maxConcurrency: 2 });
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    const clean = () => false;
    // Identity 9 asks first, then 1, 5, 0, 3: after the first two, the lowest numbers go first.
    const priorities = [9, 1, 5, 0, 3];
    const runs = priorities.map((priority, index) => scheduler.run(priority, () => (started.push(priority), gates[index].done), clean));
    await tick();
    assert.deepEqual(started, [9, 1]);
    assert.equal(scheduler.stats.inFlight, 2);
    gates[0].release();
    await tick();
    assert.deepEqual(started, [9, 1, 0]);
    gates.forEach((each) => each.release());
    await Promise.all(runs);
    assert.deepEqual(started, [9, 1, 0, 3, 5]);
    assert.equal(scheduler.stats.inFlight, 0);
  });

  it('shrinks the limit on throttling (once per burst, not below a quarter) and grows it back after clean calls', async () => {
    let now = 0;
    const scheduler = new RequestScheduler({ maxConcurrency: 16, now: () => now });
    const call = (throttled: boolean) => scheduler.run(0, async () => ({ throttled }), ({ result }) => !!result?.throttled);
    await call(true);
    assert.equal(scheduler.stats.limit, 11);
    await call(true);
    assert.equal(scheduler.stats.limit, 11, 'a second throttle of the same burst does not shrink it again');
    for (let burst = 0; burst < 10; burst += 1) {
      now += 1000;
      await call(true);
    }
    assert.equal(scheduler.stats.limit, 4, 'a quarter of 16 at least');
    for (let index = 0; index < 4; index += 1) await call(false);
    assert.equal(scheduler.stats.limit, 5, 'a window of clean calls adds one');
    for (let index = 0; index < 200; index += 1) await call(false);
    assert.equal(scheduler.stats.limit, 16, 'back to the maximum, not beyond');
    assert.equal(scheduler.stats.throttledCalls, 12);
  });

  it('counts a call that failed throttled as throttled and passes its error on', async () => {
    const scheduler = new RequestScheduler({ maxConcurrency: 10 });
    const error = new Error('TooManyRequestsException');
    await assert.rejects(scheduler.run(0, () => Promise.reject(error), ({ error: thrown }) => thrown === error), error);
    assert.equal(scheduler.stats.limit, 7);
  });

  it('starts at most maxRequestsPerSecond calls per second', async () => {
    const scheduler = new RequestScheduler({ maxConcurrency: 50, maxRequestsPerSecond: 20 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 8 }, () => scheduler.run(0, async () => starts.push(Date.now()), () => false)));
    // A bucket of 2 (a tenth of a second's worth), then one every 50 ms: 8 starts span >= 300 ms.
    assert.ok(starts[7] - starts[0] >= 290, `8 starts in ${starts[7] - starts[0]} ms`);
    scheduler.close();
  });
});
