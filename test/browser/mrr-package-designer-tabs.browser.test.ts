import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { q, shadow, type, uniqueKey, until } from './helpers.js';

async function designer(key: string): Promise<MrrPackageDesigner> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-package-designer storage-key="${key}"></mrr-package-designer></div>`);
  const el = wrapper.querySelector('mrr-package-designer')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

const value = (el: HTMLElement, id: string) => q<HTMLInputElement>(el, `[id="${id}"]`).value;
const products = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('.catalog-table tbody')].map((b) => b.getAttribute('data-product'));
const tiers = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('thead th[data-tier]')].map((th) => th.getAttribute('data-tier'));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two `<mrr-package-designer>` with the same storage key stand for two tabs (one BroadcastChannel, one record). */
describe('mrr-package-designer in two tabs: the catalogue and the tiers merge by id', () => {
  it('edits of two different products are both kept, in a new tab and in each tab', async () => {
    const key = uniqueKey();
    const a = await designer(key);
    const b = await designer(key);
    await type(a, '[id="p-reputation--name"]', 'Reviews A');
    await pause(5);
    await type(b, '[id="p-website--name"]', 'Site B');
    await a.persist.flush();
    await b.persist.flush();
    const c = await designer(key);
    expect(value(c, 'p-reputation--name')).to.equal('Reviews A');
    expect(value(c, 'p-website--name')).to.equal('Site B');
    // Tab A hears of B's edit (BroadcastChannel), merges it and renders it.
    await until(() => value(a, 'p-website--name') === 'Site B');
    await a.updateComplete;
    expect(value(a, 'p-website--name')).to.equal('Site B');
    expect(value(a, 'p-reputation--name')).to.equal('Reviews A');
  });

  it('edits of two different tiers are both kept', async () => {
    const key = uniqueKey();
    const a = await designer(key);
    const b = await designer(key);
    await type(a, '[id="good--name"]', 'Starter A');
    await pause(5);
    await type(b, '[id="best--name"]', 'Premium B');
    await a.persist.flush();
    await b.persist.flush();
    const c = await designer(key);
    expect(value(c, 'good--name')).to.equal('Starter A');
    expect(value(c, 'best--name')).to.equal('Premium B');
  });

  it('a product removed in one tab stays removed when the other tab, later, edits another product; an added one is kept', async () => {
    const key = uniqueKey();
    const a = await designer(key);
    const b = await designer(key);
    q<HTMLButtonElement>(a, '[id="p-seo--remove"]').click();
    await a.updateComplete;
    q<HTMLButtonElement>(a, '#add-product').click();
    await a.updateComplete;
    await pause(5);
    // B has not seen A's change yet: its catalogue still has SEO, and not the new product.
    await type(b, '[id="p-listings--name"]', 'Listings B');
    await a.persist.flush();
    await b.persist.flush();
    const c = await designer(key);
    expect(products(c)).not.to.include('p-seo');
    expect(products(c)).to.have.length(7); // 7 starters − SEO + the new one
    expect(products(c).slice(0, 6)).to.deep.equal([
      'p-reputation',
      'p-automation',
      'p-business-app',
      'p-social-ads',
      'p-listings',
      'p-website',
    ]);
    expect(value(c, 'p-listings--name')).to.equal('Listings B');
    // Both tabs hear of the other's change and show the merged catalogue.
    const same = (el: HTMLElement) =>
      products(el).join() === products(c).join() && value(el, 'p-listings--name') === 'Listings B';
    await until(() => same(a) && same(b));
    await a.updateComplete;
    await b.updateComplete;
    for (const el of [a, b]) {
      expect(products(el)).to.deep.equal(products(c));
      expect(value(el, 'p-listings--name')).to.equal('Listings B');
    }
  });

  it('a tier removed in one tab stays removed when the other edits another tier later', async () => {
    const key = uniqueKey();
    const a = await designer(key);
    const b = await designer(key);
    q<HTMLButtonElement>(a, '[id="better--remove"]').click();
    await a.updateComplete;
    await pause(5);
    await type(b, '[id="good--name"]', 'Starter B');
    await a.persist.flush();
    await b.persist.flush();
    const c = await designer(key);
    expect(tiers(c)).to.deep.equal(['good', 'best']);
    expect(value(c, 'good--name')).to.equal('Starter B');
  });
});
