import { startWorker } from '../workers.js';

/**
 * The first `Intl.NumberFormat` of a page builds the engine's table of available locales: one
 * unbroken piece of work, on a phone a long task on its own (bench/README.md, "Embedding on a
 * phone", has the figures). That table is shared by the whole process, so building it in a worker
 * first takes it off the page's thread, and the page's first format is then cheap.
 *
 * `warmIntl()` starts that worker (`intl-warmup-worker.ts`, a file next to the module: a strict
 * Content-Security-Policy's `'self'` allows it, no `blob:` needed) once per page and resolves when
 * it is done, when it cannot start without a security policy violation or error (src/workers.ts:
 * the module on another origin, no Worker, a refused Trusted Types policy), when it fails, or after
 * `timeoutMs`: waiting for it never blocks a render for long, and nothing breaks without it
 * (formatting then pays the cost on the page's thread).
 */
/**
 * The warm-up is once per page, not per copy of this module: the calculator's and the pricing
 * table's files each carry their own copy, and the table it builds is the process's anyway.
 */
const WARM = Symbol.for('mrr-kit.intl-warmup');
type WarmHolder = { [WARM]?: Promise<void> };

export function warmIntl(timeoutMs = 1000): Promise<void> {
  const holder = globalThis as WarmHolder;
  return (holder[WARM] ??= new Promise<void>((resolve) => {
    const worker = startWorker((Worker) => new Worker(new URL('./intl-warmup-worker.ts', import.meta.url), { type: 'module' }));
    if (!worker) return resolve();
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    worker.onmessage = worker.onerror = done;
  }));
}
