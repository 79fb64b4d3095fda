/**
 * One configuration, larger data (issue 17, item 2): `config.defaults` holds an element's lists and
 * designs in the core's shape — the revenue motions' `segments`, the package designer's `catalog`
 * and `tiers` — read by the shared reader (src/config/settings.ts) through the form's
 * `largerDefaults`, the way scalar defaults are: the `config` property and a child JSON script give
 * the same inputs; an invalid entry is refused with one localized message and one console warning
 * naming it, the element's own default kept; and what the user saved is never overwritten.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-revenue-motions/define.js';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-icp-builder/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import type { MrrRevenueMotions } from '../../components/mrr-revenue-motions/mrr-revenue-motions.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { shadow, type, uniqueKey, until } from './helpers.js';

type El = (MrrRevenueMotions | MrrPackageDesigner | MrrIcpBuilder) & { config?: unknown };

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();
const notices = (el: HTMLElement) => [...shadow(el).querySelectorAll('.mrr-config p')].map((p) => plain(p.textContent));

/** Mounts `tag` with `config` as a child JSON script (`how: 'script'`) or the `config` property, and waits for it. */
async function mount<T extends El>(
  tag: string,
  config: unknown,
  how: 'script' | 'property' | 'none',
  key = uniqueKey(),
): Promise<T> {
  const inner = how === 'script' ? `<script type="application/json">${JSON.stringify(config)}</script>` : '';
  const wrapper = await fixture<HTMLDivElement>(`<div><${tag} storage-key="${key}">${inner}</${tag}></div>`);
  const el = wrapper.querySelector(tag) as T;
  if (how === 'property') el.config = config;
  await el.persist.restored;
  await el.updateComplete;
  await until(() => shadow(el).childElementCount > 0);
  await el.updateComplete;
  return el;
}

/** Console warnings while `fn` runs. */
async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  const warn = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = warn;
  }
  return seen;
}

const SEGMENTS = [
  {
    id: 'smb',
    name: 'Small shops',
    clients: 12,
    mrrPerClient: 300,
    grossMarginPct: 70,
    motions: [{ id: 'call', kind: 'call', frequency: 'monthly', minutesPerTouch: 20, hourlyCost: 40, toolCostPerClient: 5 }],
    offers: [{ id: 'ads', name: 'Ads', kind: 'upsell', mrr: 150, monthlyTakeRatePct: 2.5 }],
  },
];

const CATALOG = [
  { id: 'seo', name: 'SEO', wholesale: 100, retail: 400, interval: 'month' },
  { id: 'site', name: 'Website', wholesale: 20, retail: 90, interval: 'month', setupFee: 500 },
];
const TIERS = [
  { id: 'basic', name: 'Basic', items: [{ productId: 'site', quantity: 1 }] },
  {
    id: 'plus',
    name: 'Plus',
    items: [
      { productId: 'site', quantity: 1 },
      { productId: 'seo', quantity: 1 },
    ],
    highlighted: true,
  },
];

describe('config.defaults: larger data, read the same way', () => {
  it('<mrr-revenue-motions>: `segments` from the config property and from a child script give the same inputs', async () => {
    const config = { defaults: { segments: SEGMENTS, hoursPerManagerPerMonth: 100 } };
    const a = await mount<MrrRevenueMotions>('mrr-revenue-motions', config, 'script');
    const b = await mount<MrrRevenueMotions>('mrr-revenue-motions', config, 'property');
    await until(() => b.inputs.segments.length === 1, { describe: () => 'the property applied' });
    expect(a.inputs).to.deep.equal(b.inputs);
    expect(
      a.inputs.segments.map((s) => [s.id, s.name, s.clients, s.motions.length, s.offers[0]?.monthlyTakeRatePct]),
    ).to.deep.equal([['smb', 'Small shops', '12', 1, '2.5']]);
    await until(() => shadow(a).querySelector<HTMLInputElement>('[id="smb--clients"]')?.value === '12');
    expect(a.plan?.segments.map((s) => s.segmentId)).to.deep.equal(['smb']);
    expect(notices(a)).to.deep.equal([]);
  });

  it('<mrr-revenue-motions>: invalid `segments` are refused (one message, one warning naming them), its own segments kept', async () => {
    const own = (await mount<MrrRevenueMotions>('mrr-revenue-motions', undefined, 'none')).inputs.segments.map((s) => s.id);
    let el!: MrrRevenueMotions;
    const bad = [{ ...SEGMENTS[0], clients: -5 }];
    const warned = await warningsDuring(async () => {
      el = await mount<MrrRevenueMotions>(
        'mrr-revenue-motions',
        { defaults: { segments: bad, hoursPerManagerPerMonth: 100 } },
        'script',
      );
    });
    expect(notices(el)).to.deep.equal(['The setting defaults.segments is not valid: its default is used.']);
    expect(warned.filter((w) => w.includes('"defaults.segments"'))).to.have.length(1);
    expect(el.inputs.segments.map((s) => s.id)).to.deep.equal(own);
    expect(el.inputs.hoursPerManagerPerMonth).to.equal('100');
    el.lang = 'fr';
    await until(() => notices(el)[0]?.startsWith('Le réglage defaults.segments'), { describe: () => 'the message in French' });
  });

  it('<mrr-revenue-motions>: what the user saved is not overwritten by the configuration', async () => {
    const key = uniqueKey();
    const first = await mount<MrrRevenueMotions>('mrr-revenue-motions', undefined, 'none', key);
    await type(first, '[id="high-touch--clients"]', '16');
    await first.persist.flush();
    first.parentElement!.remove();
    const again = await mount<MrrRevenueMotions>('mrr-revenue-motions', { defaults: { segments: SEGMENTS } }, 'script', key);
    await again.updateComplete;
    expect(again.inputs.segments.find((s) => s.id === 'high-touch')?.clients).to.equal('16');
    expect(again.inputs.segments.some((s) => s.id === 'smb')).to.equal(false);
    // A new visitor (another key) gets the configuration's segments.
    const fresh = await mount<MrrRevenueMotions>('mrr-revenue-motions', { defaults: { segments: SEGMENTS } }, 'script');
    expect(fresh.inputs.segments.map((s) => s.id)).to.deep.equal(['smb']);
  });

  it('<mrr-package-designer>: `catalog` and `tiers` from the config property and from a child script give the same design', async () => {
    const config = { defaults: { catalog: CATALOG, tiers: TIERS } };
    const a = await mount<MrrPackageDesigner>('mrr-package-designer', config, 'script');
    const b = await mount<MrrPackageDesigner>('mrr-package-designer', config, 'property');
    await until(() => b.design?.tiers.length === 2, { describe: () => 'the property applied' });
    expect(a.design).to.deep.equal(b.design);
    expect(a.design!.catalog.map((p) => [p.id, p.name, p.retail])).to.deep.equal([
      ['seo', 'SEO', 400],
      ['site', 'Website', 90],
    ]);
    expect(a.design!.tiers.map((t) => [t.name, t.items.map((i) => i.productId)])).to.deep.equal([
      ['Basic', ['site']],
      ['Plus', ['seo', 'site']],
    ]);
    expect(notices(a)).to.deep.equal([]);
  });

  it('<mrr-package-designer>: an invalid catalogue is refused with its tiers (messages, warnings), the starter design kept', async () => {
    const own = (await mount<MrrPackageDesigner>('mrr-package-designer', undefined, 'none')).design!;
    let el!: MrrPackageDesigner;
    const warned = await warningsDuring(async () => {
      el = await mount<MrrPackageDesigner>(
        'mrr-package-designer',
        { defaults: { catalog: [{ ...CATALOG[0], retail: 'lots' }, CATALOG[1]], tiers: TIERS } },
        'script',
      );
    });
    expect(notices(el)).to.have.members([
      'The setting defaults.catalog is not valid: its default is used.',
      'The setting defaults.tiers is not valid: its default is used.',
    ]);
    expect(warned.filter((w) => w.includes('"defaults.catalog"'))).to.have.length(1);
    expect(warned.filter((w) => w.includes('"defaults.tiers"'))).to.have.length(1);
    expect(el.design!.catalog.map((p) => p.id)).to.deep.equal(own.catalog.map((p) => p.id));
    expect(el.design!.tiers.map((t) => t.id)).to.deep.equal(own.tiers.map((t) => t.id));
    // Tiers naming a product the catalogue lacks: the tiers alone are refused, the catalogue used.
    const half = await warningsDuring(async () => {
      el = await mount<MrrPackageDesigner>(
        'mrr-package-designer',
        { defaults: { catalog: CATALOG, tiers: [{ id: 'x', name: 'X', items: [{ productId: 'nope', quantity: 1 }] }] } },
        'property',
      );
      await until(() => notices(el).length === 1);
    });
    expect(notices(el)).to.deep.equal(['The setting defaults.tiers is not valid: its default is used.']);
    expect(half.filter((w) => w.includes('"defaults.tiers"'))).to.have.length(1);
    expect(el.design!.catalog.map((p) => p.id)).to.deep.equal(['seo', 'site']);
  });

  it('<mrr-package-designer>: what the user saved is not overwritten by the configuration', async () => {
    const key = uniqueKey();
    const first = await mount<MrrPackageDesigner>('mrr-package-designer', undefined, 'none', key);
    const own = first.design!;
    await until(() => shadow(first).querySelector('[id="p-reputation--retail"]'));
    await type(first, '[id="p-reputation--retail"]', '160');
    await first.persist.flush();
    first.parentElement!.remove();
    const again = await mount<MrrPackageDesigner>(
      'mrr-package-designer',
      { defaults: { catalog: CATALOG, tiers: TIERS } },
      'script',
      key,
    );
    await again.updateComplete;
    expect(again.design!.catalog.map((p) => p.id)).to.deep.equal(own.catalog.map((p) => p.id));
    expect(again.design!.catalog.find((p) => p.id === 'reputation')?.retail).to.equal(160);
    // Its tiers stay the ones that name its products (the configured ones name other products).
    expect(again.design!.tiers.map((t) => t.id)).to.deep.equal(own.tiers.map((t) => t.id));
    expect(notices(again)).to.deep.equal([]);
  });

  const CRITERIA = [
    { id: 'budget', field: 'monthlyBudget', type: 'number', weight: 3, ideal: [{ min: 1000 }], disqualify: [{ max: 200 }] },
    { id: 'sector', field: 'sector', type: 'category', weight: 2, ideal: ['Legal'], acceptable: ['Accounting'] },
    { id: 'site', field: 'hasSite', type: 'boolean', weight: 1, ideal: true },
  ];

  it('<mrr-icp-builder>: a `profile` from the config property and from a child script give the same profile', async () => {
    const config = { defaults: { profile: { name: 'Law firms', criteria: CRITERIA, thresholds: { A: 85, B: 60, C: 30 } } } };
    const a = await mount<MrrIcpBuilder>('mrr-icp-builder', config, 'script');
    const b = await mount<MrrIcpBuilder>('mrr-icp-builder', config, 'property');
    await until(() => b.icp?.criteria.length === 3, { describe: () => 'the property applied' });
    expect(a.icp).to.deep.equal(b.icp);
    expect(a.icp!.criteria.map((c) => [c.id, c.field, c.weight])).to.deep.equal([
      ['budget', 'monthlyBudget', 3],
      ['sector', 'sector', 2],
      ['site', 'hasSite', 1],
    ]);
    expect(a.icp!.thresholds).to.deep.equal({ A: 85, B: 60, C: 30 });
    expect(a.inputs.icps.map((i) => i.name)).to.deep.equal(['Law firms']);
    expect(notices(a)).to.deep.equal([]);
    // `criteria` alone: the same criteria in the starter's name.
    const c = await mount<MrrIcpBuilder>('mrr-icp-builder', { defaults: { criteria: CRITERIA } }, 'script');
    expect(c.icp!.criteria.map((x) => x.id)).to.deep.equal(['budget', 'sector', 'site']);
  });

  it('<mrr-icp-builder>: invalid criteria are refused (one message, one warning naming them), the starter profile kept', async () => {
    const own = (await mount<MrrIcpBuilder>('mrr-icp-builder', undefined, 'none')).icp!;
    let el!: MrrIcpBuilder;
    const warned = await warningsDuring(async () => {
      el = await mount<MrrIcpBuilder>('mrr-icp-builder', { defaults: { criteria: [{ ...CRITERIA[0], weight: 9 }] } }, 'script');
    });
    expect(notices(el)).to.deep.equal(['The setting defaults.criteria is not valid: its default is used.']);
    expect(warned.filter((w) => w.includes('"defaults.criteria"'))).to.have.length(1);
    expect(el.icp!.criteria.map((c) => c.id)).to.deep.equal(own.criteria.map((c) => c.id));
  });

  it('<mrr-icp-builder>: what the user saved is not overwritten by the configuration', async () => {
    const key = uniqueKey();
    const first = await mount<MrrIcpBuilder>('mrr-icp-builder', undefined, 'none', key);
    const own = first.icp!.criteria.map((c) => c.id);
    await until(() => shadow(first).querySelector('[id="industry--weight"]'));
    await type(first, '[id="industry--weight"]', '4');
    await first.persist.flush();
    first.parentElement!.remove();
    const again = await mount<MrrIcpBuilder>('mrr-icp-builder', { defaults: { criteria: CRITERIA } }, 'script', key);
    await again.updateComplete;
    expect(again.icp!.criteria.map((c) => c.id)).to.deep.equal(own);
    expect(again.icp!.criteria.find((c) => c.id === 'industry')?.weight).to.equal(4);
  });
});
