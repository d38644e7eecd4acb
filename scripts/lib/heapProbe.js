// Preloaded (`node --expose-gc -r scripts/lib/heapProbe.js dist/cli.js …`) by bench:export's heap
// step, never by the product: every HEAP_PROBE_INTERVAL_MS a forced full GC, then the heap still
// in use and the RSS; the samples go to the JSON file HEAP_PROBE_FILE when the process exits.
// Heap used after a full GC is what the export really holds, whatever V8 leaves uncollected and
// however loaded the machine is; RSS is what the budget measures (without this probe).
const fs = require('fs');

const file = process.env.HEAP_PROBE_FILE;
const interval = Number(process.env.HEAP_PROBE_INTERVAL_MS || 500);
const started = Date.now();
const samples = [];

if (file && typeof global.gc === 'function') {
  const timer = setInterval(() => {
    global.gc();
    const { heapUsed, rss } = process.memoryUsage();
    samples.push({ ms: Date.now() - started, heapUsed, rss });
  }, interval);
  timer.unref();
  process.on('exit', () => fs.writeFileSync(file, JSON.stringify(samples)));
}
