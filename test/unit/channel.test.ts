import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { until } from '../until.js';
import { BROADCAST_NAME, latest, publish, resetChannel, settled, storageKeyOf, subscribe } from '../../src/channel/channel.js';
import { figuresTopic } from '../../src/channel/figures.js';
import { icpProfileOf, icpTopic } from '../../src/channel/icp.js';
import { type PublicPricing, pricingTopic } from '../../src/channel/pricing.js';
import { configureStorage, loadState, resetStorage, saveState } from '../../src/storage/db.js';

const realFactory = globalThis.indexedDB;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  configureStorage({ dbName: 'mrr-kit-channel-test', timeoutMs: 3000 });
  resetChannel();
});
afterEach(async () => {
  await settled();
  resetChannel();
  vi.restoreAllMocks();
  globalThis.indexedDB = realFactory;
  resetStorage();
});

const pricing = (price = 150): PublicPricing => ({
  v: 1,
  currency: 'USD',
  annualDiscountPct: 15,
  tiers: [
    {
      id: 'good',
      name: 'Good',
      highlighted: false,
      outcomes: ['Answer every review'],
      cta: { label: 'Start' },
      month: { price, listValue: 150, setupFee: 0 },
      year: { price: 1530, perMonth: 127.5, savings: 270 },
    },
  ],
});

/** Lets queued microtasks and message events run. */
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('channel: same page', () => {
  it('delivers a published record to a subscriber at once', () => {
    const got: PublicPricing[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r));
    publish(pricingTopic, 'shop', pricing());
    expect(got).toEqual([pricing()]);
  });

  it('gives a subscriber that comes later the last record, asynchronously', async () => {
    publish(pricingTopic, 'shop', pricing(100));
    publish(pricingTopic, 'shop', pricing(200));
    const got: number[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r.tiers[0]!.month.price));
    expect(got).toEqual([]);
    await tick();
    expect(got).toEqual([200]);
  });

  it('keeps topics and keys apart, and stops delivering after unsubscribe', () => {
    const got: string[] = [];
    const stop = subscribe(pricingTopic, 'a', () => got.push('a'));
    subscribe(pricingTopic, 'b', () => got.push('b'));
    subscribe(figuresTopic, 'a', () => got.push('figures'));
    publish(pricingTopic, 'a', pricing(1));
    stop();
    publish(pricingTopic, 'a', pricing(2));
    expect(got).toEqual(['a']);
  });

  it('does not send the same record twice', () => {
    const got: unknown[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r));
    publish(pricingTopic, 'shop', pricing());
    publish(pricingTopic, 'shop', pricing());
    expect(got).toHaveLength(1);
  });

  it('publishes only what the schema declares: a cost or margin key never leaves the producer', async () => {
    const got: unknown[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r));
    const leaky = {
      ...pricing(),
      targetMarginPct: 50,
      mix: { good: 3 },
      tiers: pricing().tiers.map((t) => ({ ...t, cost: 50, marginPct: 66.67, wholesale: 50 })),
    };
    publish(pricingTopic, 'shop', leaky as PublicPricing);
    expect(got).toEqual([pricing()]);
    await settled();
    const stored = JSON.stringify((await loadState(storageKeyOf('pricing', 'shop')))?.data);
    for (const secret of ['cost', 'margin', 'wholesale', 'target', 'mix']) expect(stored.toLowerCase()).not.toContain(secret);
  });

  it('refuses to publish a record of the wrong shape, with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got: unknown[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r));
    publish(pricingTopic, 'shop', { ...pricing(), currency: 'nope' });
    publish(pricingTopic, 'shop', { ...pricing(), currency: 'nope!' });
    expect(got).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('one subscriber that throws does not keep the record from the others', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const got: unknown[] = [];
    subscribe(pricingTopic, 'shop', () => {
      throw new Error('boom');
    });
    subscribe(pricingTopic, 'shop', (r) => got.push(r));
    publish(pricingTopic, 'shop', pricing());
    expect(got).toHaveLength(1);
  });
});

describe('channel: kept in storage for a consumer opened later', () => {
  it('a page opened after the publisher gets the last record from IndexedDB, under its own public key', async () => {
    publish(pricingTopic, 'shop', pricing(100));
    publish(pricingTopic, 'shop', pricing(300));
    await settled();
    resetChannel(); // a new page: nothing in memory
    const got: number[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r.tiers[0]!.month.price));
    await until(() => got[0]);
    expect(got).toEqual([300]);
    const saved = await loadState<{ record: PublicPricing }>('channel:pricing:shop');
    expect(saved?.data.record.tiers[0]?.month.price).toBe(300);
    expect(saved?.schema).toBe(1);
    expect(await latest(pricingTopic, 'shop')).toEqual(pricing(300));
  });

  it('a stored record of another version or shape is ignored with one console warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await saveState('channel:pricing:old', { at: 1, record: { ...pricing(), v: 2 } }, 2);
    expect(await latest(pricingTopic, 'old')).toBeUndefined();
    await saveState('channel:icp:odd', { at: 1, record: { v: 1, id: 'x', name: 3 } });
    expect(await latest(icpTopic, 'odd')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toContain('"pricing" record for "old"');
  });

  it('a record stored earlier never replaces one published since', async () => {
    await saveState('channel:pricing:shop', { at: 1, record: pricing(1) });
    const got: number[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r.tiers[0]!.month.price));
    publish(pricingTopic, 'shop', pricing(2));
    // The stored record has been read (the one load the subscription started) and did not win.
    await latest(pricingTopic, 'shop');
    expect(got).toEqual([2]);
    await settled();
    expect((await loadState<{ record: PublicPricing }>('channel:pricing:shop'))?.data.record.tiers[0]?.month.price).toBe(2);
  });

  it('works in memory when IndexedDB is missing', async () => {
    globalThis.indexedDB = undefined as unknown as IDBFactory;
    resetStorage();
    const got: unknown[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r));
    publish(pricingTopic, 'shop', pricing());
    await settled();
    expect(got).toHaveLength(1);
  });
});

describe('channel: other tabs', () => {
  it('takes a record posted by another tab, and ignores one of another version with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got: number[] = [];
    subscribe(pricingTopic, 'shop', (r) => got.push(r.tiers[0]!.month.price));
    const other = new BroadcastChannel(BROADCAST_NAME);
    other.postMessage({ topic: 'pricing', key: 'shop', at: Date.now() + 1000, record: pricing(42) });
    await until(() => got[0]);
    other.postMessage({ topic: 'pricing', key: 'shop', at: Date.now() + 2000, record: { ...pricing(43), v: 9 } });
    other.postMessage({ topic: 'pricing', key: 'shop', at: Date.now() + 3000, record: { ...pricing(44), v: 9 } });
    // Messages of one sender arrive in order: once a valid one posted after them is taken, both
    // records of version 9 have been read (and ignored).
    other.postMessage({ topic: 'pricing', key: 'shop', at: Date.now() + 4000, record: pricing(45) });
    await until(() => got[1]);
    other.close();
    expect(got).toEqual([42, 45]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('posts what it publishes to other tabs', async () => {
    const other = new BroadcastChannel(BROADCAST_NAME);
    const received: unknown[] = [];
    other.onmessage = (e) => received.push(e.data);
    publish(pricingTopic, 'shop', pricing(7));
    await until(() => received[0]);
    other.close();
    expect(received[0]).toMatchObject({ topic: 'pricing', key: 'shop', record: pricing(7) });
  });
});

describe('channel: no BroadcastChannel left open', () => {
  it('closes it once nothing on the page listens (elements removed), and opens it again for the next subscriber, who reads what another tab stored meanwhile', async () => {
    const open = new Set<BroadcastChannel>();
    const Native = globalThis.BroadcastChannel;
    globalThis.BroadcastChannel = class extends Native {
      constructor(name: string) {
        super(name);
        open.add(this);
      }
      override close() {
        open.delete(this);
        super.close();
      }
    };
    try {
      const seen: number[] = [];
      const stopPricing = subscribe(pricingTopic, 'shop', (r) => seen.push(r.tiers[0]!.month.price));
      const stopFigures = subscribe(icpTopic, 'shop', () => {});
      expect(open.size).toBe(1);
      publish(pricingTopic, 'shop', pricing(10));
      stopPricing();
      expect(open.size).toBe(1);
      stopFigures();
      expect(open.size).toBe(0);
      // A producer alone opens it to post, and closes it again.
      publish(pricingTopic, 'shop', pricing(11));
      expect(open.size).toBe(0);
      await settled();
      // Meanwhile another tab stored a newer record (nobody here heard it).
      await saveState(storageKeyOf('pricing', 'shop'), { at: Date.now() + 60_000, record: pricing(12) }, 1);
      const got: number[] = [];
      const stop = subscribe(pricingTopic, 'shop', (r) => got.push(r.tiers[0]!.month.price));
      expect(open.size).toBe(1);
      await until(() => got.includes(12));
      stop();
      expect(open.size).toBe(0);
      expect(seen).toEqual([10]);
    } finally {
      globalThis.BroadcastChannel = Native;
    }
  });
});

describe('the ICP profile record', () => {
  it("holds the active profile's pains (criterion values, then personas' frustrations) and gains (goals)", () => {
    const record = icpProfileOf(
      {
        id: 'icp1',
        name: ' Dental clinics ',
        criteria: [
          { field: 'industry', type: 'category', ideal: ['Dental'] },
          { field: 'pains', type: 'category', ideal: ['Few reviews.', 'No website'], acceptable: ['few reviews'] },
        ],
      },
      [
        { icpId: 'icp1', goals: 'more patients; a full diary', frustrations: 'no-shows\nfew reviews' },
        { icpId: 'other', goals: 'not this one', frustrations: 'nor this' },
      ],
    );
    expect(record).toEqual({
      v: 1,
      id: 'icp1',
      name: 'Dental clinics',
      pains: ['Few reviews', 'No website', 'No-shows'],
      gains: ['More patients', 'A full diary'],
    });
    publish(icpTopic, 'k', record);
  });
});

describe('the channel module', () => {
  it('is Lit-free and DOM-free (no lit import, no document)', () => {
    for (const file of readdirSync('src/channel')) {
      const source = readFileSync(`src/channel/${file}`, 'utf8');
      expect(source).not.toMatch(/from ['"]lit/);
      expect(source).not.toMatch(/\bdocument\./);
    }
  });
});

describe('elements talk through the channel only', () => {
  const elements = JSON.parse(readFileSync('src/elements.json', 'utf8')) as { name: string; tag: string }[];
  it("no element reads another's saved record or looks another up in the page", () => {
    for (const own of elements) {
      const dir = `components/${own.tag}`;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(`${dir}/${file}`, 'utf8');
        for (const other of elements.filter((e) => e !== own)) {
          // A record key of another element (`package-designer:<key>`), or a search for its tag.
          expect(source, `${dir}/${file} reads ${other.name}`).not.toContain(`${other.name}:`);
          expect(source, `${dir}/${file} looks up ${other.tag}`).not.toMatch(
            new RegExp(`querySelector(All)?\\(\\s*['"\`][^'"\`]*${other.tag}`),
          );
        }
      }
    }
  });
});
