/**
 * Gives the page a turn: resolves in a new task, so what runs after it is not part of the current
 * long task. `scheduler.yield()` where it exists (the continuation comes before other queued
 * tasks), else `nextMessageTask()`.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return nextMessageTask();
}

/**
 * A new task behind the ones already queued (input, scroll, rendering come first): a
 * message-channel task, not clamped like nested timeouts nor throttled in background tabs like
 * timers; a timeout where there is no MessageChannel.
 */
export function nextMessageTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** What each element's next update waits for (src/ui/mrr-element.ts), by element. */
const holds = new WeakMap<object, Promise<unknown>>();

/**
 * Makes `host`'s next update wait for `loading` (a part a controller loads on demand), so no render
 * shows what that part has not processed yet; a failed load releases it too.
 */
export function holdUpdate(host: { requestUpdate(): void }, loading: Promise<unknown>): void {
  const held: Promise<unknown> = Promise.all([holds.get(host), loading.catch(() => undefined)]).then(() => {
    if (holds.get(host) === held) holds.delete(host);
  });
  holds.set(host, held);
  host.requestUpdate();
}

/** What `host`'s update waits for now (see `holdUpdate`), or undefined. */
export const heldBy = (host: object): Promise<unknown> | undefined => holds.get(host);
