import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-unit-economics/define.js';
import type { MrrUnitEconomics } from '../../components/mrr-unit-economics/mrr-unit-economics.js';
import { q, type, uniqueKey, until } from './helpers.js';

async function economics(key: string): Promise<MrrUnitEconomics> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-unit-economics storage-key="${key}"></mrr-unit-economics></div>`);
  const el = wrapper.querySelector('mrr-unit-economics')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

describe('saving on a busy machine', () => {
  it('keeps a value whose save was still being written when the page went away', async () => {
    const key = uniqueKey();
    const el = await economics(key);
    // The next IndexedDB write never lands (the page is torn down before it commits): its request
    // is one that never succeeds (an upgrade blocked by a connection that never closes).
    const name = `blocker-${uniqueKey()}`;
    const blocker = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(name, 1);
      open.onsuccess = () => resolve(open.result);
    });
    const put = IDBObjectStore.prototype.put;
    let stalled = false;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (stalled) return put.apply(this, args);
      stalled = true;
      return indexedDB.open(name, 2) as unknown as IDBRequest<IDBValidKey>;
    };
    try {
      await type(el, '#arpa', '2345');
      void el.persist.flush(); // the debounced save starts…
      await until(() => stalled);
      window.dispatchEvent(new PageTransitionEvent('pagehide')); // …and the user reloads
      el.remove();
      const again = await economics(key);
      await until(() => q<HTMLInputElement>(again, '#arpa').value.replace(/\D/g, '') === '2345', 5000);
    } finally {
      IDBObjectStore.prototype.put = put;
      blocker.close();
    }
  });
});

describe('a save made as the element leaves the page', () => {
  /** The keys announced on the state channel (as the app's comparison hears them) from now on. */
  function announced(): { keys: string[]; close(): void } {
    const keys: string[] = [];
    const channel = new BroadcastChannel('mrr-kit-state');
    channel.onmessage = (e: MessageEvent<{ key?: string }>) => {
      if (typeof e.data?.key === 'string') keys.push(e.data.key);
    };
    return { keys, close: () => channel.close() };
  }

  /**
   * Types `value` into a fresh element's field, runs `leave` (which removes the element), and
   * resolves once the element's save was announced; the element's storage key.
   */
  async function announcedAfter(value: string, leave: (el: MrrUnitEconomics) => void): Promise<string> {
    const key = uniqueKey();
    const el = await economics(key);
    const heard = announced();
    try {
      await type(el, '#arpa', value);
      leave(el);
      await until(() => heard.keys.some((k) => k.endsWith(`:${key}`)), 5000);
      return key;
    } finally {
      heard.close();
    }
  }

  it('is announced: an edit, then the element removed at once (before the save was due)', async () => {
    // A route change: the edit is written as the element goes, and said.
    const key = await announcedAfter('2345', (el) => el.remove());
    const again = await economics(key);
    expect(q<HTMLInputElement>(again, '#arpa').value.replace(/\D/g, '')).to.equal('2345');
  });

  it('is announced when its write was already under way as the element left', async () => {
    await announcedAfter('3456', (el) => {
      void el.persist.flush(); // the save is being written…
      el.remove(); // …when the element goes: nothing is left to flush, the write still lands and is said
    });
  });
});
