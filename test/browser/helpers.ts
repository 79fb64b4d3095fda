import type { Icp } from '../../src/core/icp.js';
/** Test harness helpers for MRR Kit elements (shadow DOM access in one place). */
import { oneEvent } from '@open-wc/testing';
import { configureStorage, DB_NAME } from '../../src/storage/db.js';
import { until } from '../until.js';

export function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.tagName} has no shadow root`);
  return el.shadowRoot;
}

export function q<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${el.tagName}`);
  return found;
}

/** Types into an input the way a user does (value + input event). */
export async function type(el: HTMLElement, selector: string, text: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

export function text(el: HTMLElement, selector: string): string {
  return (q(el, selector).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A unique storage key, so tests don't see each other's saved state. */
export function uniqueKey(): string {
  return `test-${Math.random().toString(36).slice(2)}`;
}

function openRaw(name: string, version: number, onUpgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => onUpgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`indexedDB.open(${name}) failed`));
  });
}

/**
 * Makes IndexedDB fail the way browsers do, until the returned function is called:
 * missing (no `indexedDB`), openFails (a newer version exists: VersionError), hangs (another tab
 * holds an old version open and never lets go: the open is blocked forever), quota (writes throw).
 */
export async function breakIndexedDb(mode: 'missing' | 'openFails' | 'hangs' | 'quota'): Promise<() => void> {
  const factory = window.indexedDB;
  const restore: Array<() => void> = [];
  const dbName = `mrr-kit-broken-${Math.random().toString(36).slice(2)}`;
  if (mode === 'missing') {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    restore.push(() => Object.defineProperty(window, 'indexedDB', { value: factory, configurable: true }));
    configureStorage({ dbName });
  } else if (mode === 'openFails') {
    (await openRaw(dbName, 99)).close();
    configureStorage({ dbName });
  } else if (mode === 'hangs') {
    const blocker = await openRaw(dbName, 1, (db) => db.createObjectStore('state', { keyPath: 'key' }));
    restore.push(() => blocker.close());
    configureStorage({ dbName });
  } else {
    configureStorage({ dbName });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    restore.push(() => {
      IDBObjectStore.prototype.put = put;
    });
  }
  return () => {
    restore.forEach((r) => r());
    configureStorage({ dbName: DB_NAME, timeoutMs: 3000 });
  };
}

export { until } from '../until.js';

/** Waits until `find` gives something once `el` has rendered (an import runs in a worker, then renders). */
export const untilRendered = <T>(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  find: () => T | null | undefined | false,
  timeoutMs = 15000,
  describe?: () => string,
): Promise<T> => until(find, { timeoutMs, before: () => el.updateComplete, describe });

/** The next `type` event on `target`, typed by the elements' event map (HTMLElementEventMap). */
export const nextEvent = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): Promise<HTMLElementEventMap[K]> =>
  oneEvent<HTMLElementEventMap[K]>(target, type);

/**
 * An ICP with each criterion's English shown name as its label ("Industry", not `industry`): what
 * `<mrr-icp-builder>` hands its scored CSV, so an export can be compared with `toScoredCsv`.
 */
export async function withShownLabels(icp: Icp): Promise<Icp> {
  const { messages } = await import('../../components/mrr-icp-builder/messages.js');
  const english = messages.en as Record<string, string>;
  return { ...icp, criteria: icp.criteria.map((c) => ({ ...c, label: c.label ?? english[`f.${c.field}`] ?? c.field })) };
}
