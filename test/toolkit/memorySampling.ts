// Memory samples of the extension host for the memory benchmarks (test/bench/memory.ts,
// test/bench/dataMemory.ts): process.memoryUsage() once the host is idle, after full garbage
// collections where gc() can be exposed at run time, else the least of several idle samples.
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vm from 'vm';

export interface MemorySample {
  stage: string;
  heapUsed: number;
  heapTotal: number;
  rss: number;
  /**
   * The anonymous part of rss (Linux /proc: RssAnon), i.e. without file-backed pages such as the
   * node binary's code and ICU data paged in on first use; undefined where /proc is unavailable.
   */
  anonymousRss?: number;
  external: number;
  arrayBuffers: number;
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * `gc()`, exposed at run time: the extension host is not started with --expose-gc, but V8 accepts
 * the flag late and a new context then sees the function.
 */
export function exposedGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Memory once the host is idle: after full collections, or else the least of several idle samples. */
export async function sampleMemory(stage: string, gc: (() => void) | undefined): Promise<MemorySample> {
  await pause(500);
  let usage: NodeJS.MemoryUsage;
  if (gc) {
    for (let round = 0; round < 3; round += 1) {
      gc();
      await pause(100);
    }
    usage = process.memoryUsage();
  } else {
    const samples: NodeJS.MemoryUsage[] = [];
    for (let round = 0; round < 6; round += 1) {
      await pause(500);
      samples.push(process.memoryUsage());
    }
    usage = samples.reduce((least, next) => (next.heapUsed < least.heapUsed ? next : least));
  }
  return { stage, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, rss: usage.rss, anonymousRss: anonymousRss(), external: usage.external, arrayBuffers: usage.arrayBuffers };
}

function anonymousRss(): number | undefined {
  try {
    const kilobytes = /^RssAnon:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}
