/**
 * The first `Intl.NumberFormat` of a page builds the engine's table of available locales: one
 * unbroken piece of work, on a phone a long task on its own (bench/README.md, "Embedding on a
 * phone", has the figures). That table is shared by the whole process, so building it in a worker
 * first takes it off the page's thread, and the page's first format is then cheap.
 *
 * `warmIntl()` starts that worker once per page and resolves when it is done, when it cannot run
 * (no Worker, a Content-Security-Policy without `worker-src blob:`) or after `timeoutMs`: waiting
 * for it never blocks a render for long, and nothing breaks when it fails (formatting then pays
 * the cost on the page's thread, as without it).
 */
const SOURCE =
  "new Intl.NumberFormat('en',{style:'currency',currency:'USD'}).format(1);new Intl.PluralRules('en').select(1);postMessage(0)";

let warm: Promise<void> | undefined;

export function warmIntl(timeoutMs = 1000): Promise<void> {
  return (warm ??= new Promise<void>((resolve) => {
    try {
      const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
      const worker = new Worker(url);
      const done = () => {
        clearTimeout(timer);
        worker.terminate();
        URL.revokeObjectURL(url);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      worker.onmessage = worker.onerror = done;
    } catch {
      resolve(); // no Worker, Blob or object URLs here: formatting warms up on the page's thread
    }
  }));
}
