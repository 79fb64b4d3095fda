/** The one polling wait of the tests (unit, browser): no DOM, so Node and the browser share it. */
export interface UntilOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** Runs before each look (e.g. an element's `updateComplete`). */
  before?: () => unknown;
  /** Said in the timeout error (the state the wait was stuck in). */
  describe?: () => string;
}

/** Polls `fn` every 20 ms until it gives a truthy value (returned), or throws after the timeout. */
export async function until<T>(fn: () => T | null | undefined | false, options: number | UntilOptions = {}): Promise<T> {
  const { timeoutMs = 15000, before, describe } = typeof options === 'number' ? { timeoutMs: options } : options;
  const start = Date.now();
  for (;;) {
    await before?.();
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out${describe ? `: ${describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
