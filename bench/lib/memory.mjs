// Peak resident memory of a synchronous computation: a worker thread samples the process RSS every
// millisecond while the main thread is busy (process.resourceUsage().maxRSS cannot be reset, so it
// would report an earlier peak, such as generating the input).
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData.buffer);
const flag = new Int32Array(workerData.flag);
while (Atomics.load(flag, 0) === 0) {
  const rss = process.memoryUsage.rss();
  if (rss > peak[0]) peak[0] = rss;
  Atomics.wait(flag, 0, 0, 1);
}
`;

/** Starts sampling; `stop()` resolves to the highest RSS seen (bytes). */
export async function startRssSampler() {
  const buffer = new SharedArrayBuffer(8);
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { buffer, flag } });
  await new Promise((resolve) => worker.once('online', resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    peek: () => new Float64Array(buffer)[0],
    async stop() {
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
      await worker.terminate();
      return new Float64Array(buffer)[0];
    },
  };
}
