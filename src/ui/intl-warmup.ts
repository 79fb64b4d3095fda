/**
 * The first `Intl.NumberFormat` of a page builds the engine's table of available locales: one
 * unbroken piece of about 40 ms on a desktop and 120–180 ms on a phone (Chromium, 4× CPU), which
 * alone is a long task. That table is shared by the whole process, so building it in a worker
 * first takes it off the page's thread: the page's first format then costs about 1 ms.
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
  warm ??= new Promise<void>((resolve) => {
    let url: string | undefined;
    let worker: Worker | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
      resolve();
    };
    try {
      if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL?.createObjectURL !== 'function') {
        return resolve();
      }
      url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
      worker = new Worker(url);
      worker.onmessage = done;
      worker.onerror = done;
      timer = setTimeout(done, timeoutMs);
    } catch {
      done();
    }
  });
  return warm;
}
