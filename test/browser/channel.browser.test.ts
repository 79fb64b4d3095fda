import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-pricing-table/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import type { MrrPricingTable } from '../../components/mrr-pricing-table/mrr-pricing-table.js';
import { latest, resetChannel, settled } from '../../src/channel/channel.js';
import { pricingTopic } from '../../src/channel/pricing.js';
import { loadState } from '../../src/storage/db.js';
import { shadow, text, type, uniqueKey, until } from './helpers.js';

/** Elements joined by the channel (src/channel): each publishes or reads public records only. */

const price = (el: HTMLElement, tier: string) => text(el, `[data-tier="${tier}"] [part="price"]`);

async function designer(key: string, host: HTMLElement): Promise<MrrPackageDesigner> {
  const el = document.createElement('mrr-package-designer');
  el.storageKey = key;
  host.append(el);
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

function table(key: string, host: HTMLElement): MrrPricingTable {
  const el = document.createElement('mrr-pricing-table');
  el.storageKey = key;
  host.append(el);
  return el;
}

/** Every key of a JSON value, at any depth, lower case. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k.toLowerCase(), ...keysOf(v)]);
  }
  return [];
}

const SECRET = /wholesale|cost|margin|target|mix|profit|catalog/;

describe('the channel between elements', () => {
  it('a designer and a pricing table on one page stay in sync', async () => {
    const key = uniqueKey();
    const host = await fixture<HTMLDivElement>('<div></div>');
    const d = await designer(key, host);
    const t = table(key, host);
    await until(() => shadow(t).querySelector('[data-tier="better"]'));
    // Better: reputation 150 + automation 300 = 450 a month, 10 % off = 405.
    expect(price(t, 'better')).to.equal('$405 per month');
    await type(d, '[id="better--discountPct"]', '20');
    // 450 × 0.8 = 360.
    await until(() => price(t, 'better') === '$360 per month');
    await type(d, '[id="good--name"]', 'Starter');
    await until(() => text(t, '[data-tier="good"] h2') === 'Starter');
  });

  it('a table opened after the designer still gets the prices (same page, and a page opened later)', async () => {
    const key = uniqueKey();
    const host = await fixture<HTMLDivElement>('<div></div>');
    const d = await designer(key, host);
    await type(d, '[id="better--discountPct"]', '50');
    await d.updateComplete;
    // 450 × 0.5 = 225.
    const later = table(key, host);
    await until(() => shadow(later).querySelector('[data-tier="better"]'));
    expect(price(later, 'better')).to.equal('$225 per month');
    d.remove();
    later.remove();
    await settled();
    // A page opened afterwards holds nothing in memory: the table reads the last record stored.
    resetChannel();
    const fresh = table(key, host);
    await until(() => shadow(fresh).querySelector('[data-tier="better"]'));
    expect(price(fresh, 'better')).to.equal('$225 per month');
  });

  it('the published record holds no cost, margin, target or mix key (in memory and in storage)', async () => {
    const key = uniqueKey();
    const host = await fixture<HTMLDivElement>('<div></div>');
    await designer(key, host);
    // Published once the designer's saved state is restored and the channel is loaded.
    let record: unknown;
    for (let i = 0; i < 100 && !record; i++) {
      record = await latest(pricingTopic, key);
      if (!record) await new Promise((r) => setTimeout(r, 20));
    }
    await settled();
    const stored = await loadState(`channel:pricing:${key}`);
    for (const value of [record, stored!.data]) {
      const keys = keysOf(value);
      expect(keys).to.include('price');
      expect(keys.filter((k) => SECRET.test(k))).to.deep.equal([]);
    }
  });

  it('the designer keeps no copy of its design for others in its own saved record', async () => {
    const key = uniqueKey();
    const host = await fixture<HTMLDivElement>('<div></div>');
    const d = await designer(key, host);
    await type(d, '[id="better--discountPct"]', '20');
    await d.persist.flush();
    const saved = await loadState<Record<string, unknown>>(`package-designer:${key}`);
    expect(Object.keys(saved!.data)).not.to.include('design');
  });

  it('a duplicate product id: the table keeps the last valid prices until the id is fixed', async () => {
    const key = uniqueKey();
    const host = await fixture<HTMLDivElement>('<div></div>');
    const d = await designer(key, host);
    const t = table(key, host);
    await until(() => shadow(t).querySelector('[data-tier="better"]'));
    expect(price(t, 'better')).to.equal('$405 per month');
    // Automation takes reputation's id: Better would be priced with reputation twice (150 + 150, 10 % off = 270).
    await type(d, '[id="p-automation--id"]', 'reputation');
    await d.updateComplete;
    expect(d.economics!.issues.some((i) => i.code === 'duplicateProduct')).to.equal(true);
    await type(d, '[id="better--discountPct"]', '20');
    // The designer publishes in its update, synchronously: had it published, the table would have it now.
    await d.updateComplete;
    await t.updateComplete;
    expect(price(t, 'better')).to.equal('$405 per month');
    // Fixed: the table follows again. 450 × 0.8 = 360.
    await type(d, '[id="p-automation--id"]', 'automation');
    await until(() => price(t, 'better') === '$360 per month');
  });

  it('the designer pulls what an ICP builder on the page shows (typed, not yet saved) through the channel', async () => {
    const key = uniqueKey();
    const host = await fixture<HTMLDivElement>('<div></div>');
    const builder = document.createElement('mrr-icp-builder');
    builder.storageKey = key;
    host.append(builder);
    await builder.persist.restored;
    await builder.updateComplete;
    builder.inputs = {
      ...builder.inputs,
      personas: builder.inputs.personas.map((p) => ({ ...p, frustrations: 'Empty chairs on Mondays' })),
    };
    await builder.updateComplete;
    const d = await designer(key, host);
    await d.pullFromIcp('good');
    await d.updateComplete;
    expect(d.inputs.tiers[0]?.pains.map((p) => p.text)).to.include('Empty chairs on Mondays');
  });
});
