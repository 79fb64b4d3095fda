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
 * timers (every browser, worker and Node ≥ 15 has MessageChannel).
 */
export function nextMessageTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Waits for the page's next frame, then gives it a turn: resolves in a task after that frame is
 * drawn (`requestAnimationFrame`, then `nextMessageTask()`), so what runs after it shares a task
 * neither with the work before it nor with that work's style and layout. A hidden tab draws no
 * frames: after a second without one it goes on anyway (the timer left behind resolves nothing;
 * a hidden tab's timers run at most once a second anyway). A busy page's slow frame is waited
 * for: a 100 ms timer drew two stages in one frame on a loaded machine.
 */
export const nextFrame = (): Promise<void> =>
  new Promise((frame) => {
    requestAnimationFrame(frame);
    setTimeout(frame, 1e3);
  }).then(nextMessageTask);

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
