import { expect } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { STARTER_CATALOG } from '../../src/core/packages.js';
import { q, shadow, uniqueKey } from './helpers.js';
import { growing, steps, watchFirstRender } from './stages.js';

const probe = (r: ShadowRoot) => ({
  head: !!r.querySelector('#targetMarginPct'),
  catalog: !!r.querySelector('[part=catalog]'),
  products: r.querySelectorAll('.catalog-table tbody[data-product]').length,
  addProduct: !!r.querySelector('#add-product'),
  tiers: !!r.querySelector('[part=tiers]'),
  pricing: !!r.querySelector('.tier-table tr.pricing'),
  card: !!r.querySelector('[part=card]'),
  cta: !!r.querySelector('[part=card] tr[data-card=ctaLabel]'),
  economics: !!r.querySelector('[part=economics]'),
  canvas: !!r.querySelector('[part=canvas]:not([aria-busy])'),
  profile: !!r.querySelector('[part=canvas] .profile'),
  whatIf: !!r.querySelector('[part=what-if]'),
  export: !!r.querySelector('[part=export]'),
});

describe('<mrr-package-designer> first render in steps (an agency’s page never blocks long)', () => {
  it('draws its head first, then the catalogue a row at a time, the tiers a few rows at a time, the canvas, what-if and export; updateComplete waits for all', async () => {
    let headTop = 0;
    const { el, seen } = await watchFirstRender<MrrPackageDesigner, ReturnType<typeof probe>>(
      'mrr-package-designer',
      'storage-key=""',
      probe,
      (el) => (headTop = el.getBoundingClientRect().top),
    );
    const first = seen.find((s) => s.head)!;
    expect(first, 'the head is drawn').to.not.equal(undefined);
    expect(first.loading, 'still loading when the head is drawn').to.equal(true);
    expect(
      Number(first.catalog) + first.products + Number(first.tiers) + Number(first.economics) + Number(first.whatIf),
      'nothing else in the first step',
    ).to.equal(0);
    // The catalogue's head alone, then a row at a time (the starter's seven rows), then its actions.
    expect(seen.some((s) => s.catalog && s.products === 0)).to.equal(true);
    expect(steps(seen.map((s) => s.products))).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(STARTER_CATALOG.length).to.equal(7);
    expect(seen.some((s) => s.products === STARTER_CATALOG.length && !s.addProduct)).to.equal(true);
    // Each part after the one above it, and each stays once drawn.
    const order = ['tiers', 'pricing', 'card', 'cta', 'economics', 'canvas', 'profile', 'whatIf', 'export'] as const;
    const firstAt = order.map((k) => seen.findIndex((s) => s[k]));
    for (const [i, at] of firstAt.entries()) {
      expect(at, `${order[i]} drawn`).to.be.greaterThan(0);
      if (i > 0) expect(at, `${order[i]} after ${order[i - 1]}`).to.be.greaterThan(firstAt[i - 1]!);
      expect(growing(seen.map((s) => Number(s[order[i]!])))).to.equal(true);
    }
    expect(
      seen.findIndex((s) => s.tiers),
      'the tiers after the whole catalogue',
    ).to.be.greaterThan(seen.findIndex((s) => s.products === STARTER_CATALOG.length));
    // updateComplete resolved with everything drawn and the loading state gone.
    const last = seen.at(-1)!;
    expect(last).to.deep.include({
      products: STARTER_CATALOG.length,
      addProduct: true,
      economics: true,
      canvas: true,
      profile: true,
      whatIf: true,
      export: true,
    });
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.getBoundingClientRect().top, 'nothing above it moved').to.equal(headTop);
  });

  it('keeps what is typed in the head while the rest is still coming, and reports it once', async () => {
    const mixes: number[] = [];
    let typedEarly = false;
    const { el } = await watchFirstRender<MrrPackageDesigner, { head: boolean }>(
      'mrr-package-designer',
      `storage-key=""`,
      (r) => {
        const input = r.querySelector<HTMLInputElement>('#targetMarginPct');
        if (input && !typedEarly) {
          typedEarly = !r.querySelector('[part=economics]');
          input.value = '35';
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
        return { head: !!input };
      },
      (el) => el.addEventListener('mrr-package-mix', (e) => mixes.push(e.detail.mrr)),
    );
    expect(typedEarly, 'typed before the economics were drawn').to.equal(true);
    expect(q<HTMLInputElement>(el, '#targetMarginPct').value).to.equal('35');
    expect(el.inputs.targetMarginPct).to.equal('35');
    expect(mixes.length).to.equal(1);
    expect(shadow(el).querySelector('[part=economics]')).to.not.equal(null);
  });

  it('shows a saved design in its first step, never the starter replaced by it', async () => {
    const key = uniqueKey();
    const { el: saved } = await watchFirstRender<MrrPackageDesigner, object>(
      'mrr-package-designer',
      `storage-key="${key}"`,
      () => ({}),
    );
    saved.inputs = { ...saved.inputs, targetMarginPct: '42' };
    await saved.persist.flush();
    saved.remove();
    const { seen } = await watchFirstRender<MrrPackageDesigner, { margin?: string }>(
      'mrr-package-designer',
      `storage-key="${key}"`,
      (r) => ({ margin: r.querySelector<HTMLInputElement>('#targetMarginPct')?.value }),
    );
    const shown = seen.filter((s) => s.margin !== undefined).map((s) => s.margin);
    expect(shown.length).to.be.greaterThan(0);
    expect(new Set(shown)).to.deep.equal(new Set(['42']));
  });
});
