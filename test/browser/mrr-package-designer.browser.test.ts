import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { latest, settled } from '../../src/channel/channel.js';
import { pricingTopic, type PublicPricing } from '../../src/channel/pricing.js';
import { loadState } from '../../src/storage/db.js';
import '../../components/mrr-pricing-table/define.js';
import { breakIndexedDb, q, shadow, text, type, uniqueKey, until, nextEvent } from './helpers.js';

async function designer(attrs = '', key = uniqueKey(), style = ''): Promise<MrrPackageDesigner> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="${style}"><mrr-package-designer storage-key="${key}" ${attrs}></mrr-package-designer></div>`,
  );
  const el = wrapper.querySelector('mrr-package-designer')!;
  await el.persist.restored;
  await el.updateComplete;
  // The value proposition canvas loads on demand: its part is drawn once it is here.
  await until(() => shadow(el).querySelector('.canvas-grid') || !el.inputs.tiers.length);
  return el;
}

/** The economics cell of `figure` for `tier`. */
const fig = (el: HTMLElement, figure: string, tier: string) => text(el, `tr[data-figure="${figure}"] td[data-tier="${tier}"]`);
const issues = (el: HTMLElement, selector: string) =>
  [...shadow(el).querySelectorAll(`${selector} [data-issue]`)].map((li) => li.getAttribute('data-issue'));
const settle = async (el: MrrPackageDesigner) => {
  await el.updateComplete;
  await el.updateComplete;
};

/** Waits until the designer renders in `lang` (it renders once that language's catalogue has loaded). */
const shownIn = async (el: MrrPackageDesigner, lang: string) => {
  await until(() => q(el, '[part="base"]').getAttribute('lang') === lang);
  await settle(el);
};

/** Intercepts downloads: returns the files "saved" while `run` runs. */
async function downloads(run: () => Promise<void> | void): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  };
  const pending: Promise<void>[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) pending.push(blob.text().then((t) => void files.push({ name: this.download, text: t })));
  };
  try {
    await run();
    for (let i = 0; i < 20 && files.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    await Promise.all(pending);
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  return files;
}

/** Chooses `content` as the file of the import picker. */
async function importFile(el: MrrPackageDesigner, name: string, content: string): Promise<void> {
  const report = () => shadow(el).querySelector('[part="import-report"]')?.textContent ?? '';
  const before = report();
  const input = q<HTMLInputElement>(el, '#import-file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  for (let i = 0; i < 40 && report() === before; i++) await new Promise((r) => setTimeout(r, 25));
  await settle(el);
}

describe('<mrr-package-designer>', () => {
  it('shows the worked example of the issue: good / better / best, target 50 %, yearly 15 % off, mix 10/5/2', async () => {
    const el = await designer();
    expect(fig(el, 'listValue', 'better')).to.equal('$450.00');
    expect(fig(el, 'cost', 'better')).to.equal('$150.00');
    expect(fig(el, 'price', 'better')).to.equal('$405.00');
    expect(fig(el, 'marginPct', 'better')).to.equal('62.96%');
    expect(fig(el, 'maxDiscountPct', 'better')).to.equal('33.33%');
    expect(fig(el, 'annualPrice', 'better')).to.equal('$4,131.00');
    expect(fig(el, 'listValue', 'best')).to.equal('$500.00');
    expect(fig(el, 'cost', 'best')).to.equal('$170.00');
    expect(fig(el, 'price', 'best')).to.equal('$480.00');
    expect(fig(el, 'discountPct', 'best')).to.equal('4%');
    expect(fig(el, 'marginPct', 'best')).to.equal('64.58%');
    expect(fig(el, 'maxDiscountPct', 'best')).to.equal('32%');
    expect(fig(el, 'setupFee', 'best')).to.equal('$200.00');
    expect(text(el, '[data-kpi="mix-mrr"]')).to.equal('$4,485.00');
    expect(text(el, '[data-kpi="mix-margin"]')).to.equal('64.55%');
    expect(el.economics!.mix.mrr).to.equal(4485);
    // Starter catalogue: seven products, words in English, numbers marked as examples.
    expect(shadow(el).querySelectorAll('.catalog-table tbody').length).to.equal(7);
    expect(q<HTMLInputElement>(el, '[id="p-reputation--name"]').value).to.equal('Reputation management');
    expect(shadow(el).querySelectorAll('[part="badge"]').length).to.equal(7);
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|undefined/);
  });

  it('recomputes as you edit and explains each problem in words next to its tier or product', async () => {
    const el = await designer();
    await type(el, '[id="better--discountPct"]', '20');
    expect(fig(el, 'price', 'better')).to.equal('$360.00');
    expect(fig(el, 'marginPct', 'better')).to.equal('58.33%');
    expect(issues(el, 'td[data-tier="better"]')).to.deep.equal([]);
    // Best cheaper than better and under the target margin.
    await type(el, '[id="best--price"]', '300');
    expect(issues(el, 'td[data-tier="best"]')).to.have.members(['belowTargetMargin', 'priceOrder']);
    expect(text(el, 'td[data-tier="best"] [data-issue="priceOrder"]')).to.contain('Cheaper than the tier before it');
    expect(text(el, 'td[data-tier="best"] [data-issue="belowTargetMargin"]')).to.contain('below the target of 50%');
    // A retail price under the wholesale cost, said on the product's row.
    await type(el, '[id="p-reputation--retail"]', '40');
    expect(issues(el, '[data-product="p-reputation"]')).to.deep.equal(['belowCost']);
    expect(text(el, '[data-product="p-reputation"] [data-issue="belowCost"]')).to.contain('below the wholesale cost');
    expect(shadow(el).querySelector('[data-product="p-reputation"] [part="badge"]')).to.equal(null);
    // Better leaves out something Good has.
    await type(el, '[id="better--p-reputation"]', '');
    expect(text(el, 'td[data-tier="better"] [data-issue="notSuperset"]')).to.contain('Reputation management');
  });

  it('refuses bad input next to the field, keeps the last valid figures marked stale, and fires no event', async () => {
    const el = await designer();
    let fired = 0;
    el.addEventListener('mrr-package-mix', () => fired++);
    await type(el, '[id="p-automation--retail"]', '3x0');
    await settle(el);
    expect(q(el, '[id="p-automation--retail"]').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '[id="p-automation--retail-error"]')).to.match(/letters/i);
    expect(fig(el, 'price', 'better')).to.equal('$405.00');
    expect(text(el, '.stale')).to.contain('last valid result');
    expect(fired).to.equal(0);
    await type(el, '[id="p-automation--retail"]', '300');
    await settle(el);
    expect(fired).to.equal(1); // the fix is a valid edit
    fired = 0;
    await type(el, '[id="better--discountPct"]', '150');
    await settle(el);
    // The core's limits when it gives them ("between 0 and 100"), else the words without numbers.
    expect(text(el, '[id="better--discountPct-error"]')).to.match(/100|outside the allowed range/);
    await type(el, '[id="mix--good"]', '2.5');
    await settle(el);
    expect(text(el, '[id="mix--good-error"]')).to.contain('whole number');
    expect(fired).to.equal(0);
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity|\{min\}|\{max\}/);
  });

  it('refuses a button link that could run script, and exports nothing until it is fixed', async () => {
    const el = await designer();
    await type(el, '[id="good--ctaHref"]', ' javascript:alert(1)');
    await settle(el);
    expect(text(el, '[id="good--ctaHref-error"]')).to.contain('https://');
    const none = await downloads(() => q<HTMLButtonElement>(el, '#export-design').click());
    expect(none).to.deep.equal([]);
    expect(text(el, '.export-message')).to.contain('Fix the highlighted fields');
    await type(el, '[id="good--ctaHref"]', '/signup?plan=good');
    const files = await downloads(() => q<HTMLButtonElement>(el, '#export-design').click());
    expect((JSON.parse(files[0]!.text) as PublicPricing).tiers[0]?.cta).to.deep.equal({ label: '', href: '/signup?plan=good' });
    // Restored (or set from code) with a bad link: shown refused in its tier's column of the tiers table.
    el.inputs = {
      ...el.inputs,
      tiers: el.inputs.tiers.map((t) => (t.id === 'best' ? { ...t, ctaHref: 'data:text/html,x' } : t)),
    };
    await settle(el);
    expect(text(el, '.tier-table td[data-tier="best"] [id="best--ctaHref-error"]')).to.contain('https://');
  });

  it('fires mrr-package-mix with the what-if MRR and margin on user edits only', async () => {
    const el = await designer();
    let fired = 0;
    el.addEventListener('mrr-package-mix', () => fired++);
    el.applyDesign({ ...el.design!, mix: { good: 1 } });
    await settle(el);
    expect(fired).to.equal(0);
    setTimeout(() => void type(el, '[id="mix--better"]', '4'));
    const event = await nextEvent(el, 'mrr-package-mix');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ mrr: 150 + 4 * 405, marginPct: event.detail.marginPct, clients: 5, currency: 'USD' });
    expect(event.detail.marginPct).to.be.closeTo(((100 + 4 * 255) / (150 + 4 * 405)) * 100, 0.01);
  });

  it('removes a tier and a product, and brings each back with Undo', async () => {
    const el = await designer();
    q<HTMLButtonElement>(el, '[id="best--remove"]').click();
    await settle(el);
    expect(shadow(el).querySelectorAll('thead th[data-tier]').length).to.equal(2);
    expect(text(el, '[part="undo"]')).to.contain('Tier “');
    expect(text(el, '[part="undo"]')).to.contain('Best');
    await new Promise((r) => requestAnimationFrame(r));
    expect(shadow(el).activeElement?.id).to.equal('undo');
    q<HTMLButtonElement>(el, '#undo').click();
    await settle(el);
    expect(shadow(el).querySelectorAll('thead th[data-tier]').length).to.equal(3);
    expect(fig(el, 'price', 'best')).to.equal('$480.00');
    q<HTMLButtonElement>(el, '[id="p-automation--remove"]').click();
    await settle(el);
    expect(shadow(el).querySelector('[data-product="p-automation"]')).to.equal(null);
    expect(fig(el, 'listValue', 'better')).to.equal('$150.00');
    expect(el.inputs.tiers[1]?.quantities['p-automation']).to.equal(undefined);
    q<HTMLButtonElement>(el, '#undo').click();
    await settle(el);
    expect(fig(el, 'listValue', 'better')).to.equal('$450.00');
    expect(el.inputs.tiers[1]?.relievers[1]?.productKeys).to.deep.equal(['p-automation']);
  });

  it('adds tiers up to five', async () => {
    const el = await designer();
    q<HTMLButtonElement>(el, '#add-tier').click();
    await settle(el);
    q<HTMLButtonElement>(el, '#add-tier').click();
    await settle(el);
    expect(shadow(el).querySelectorAll('thead th[data-tier]').length).to.equal(5);
    expect(q<HTMLButtonElement>(el, '#add-tier').disabled).to.equal(true);
    expect(text(el, '.tiers .actions')).to.contain('Five tiers at most');
  });

  it('restores the design after a reload and publishes its public pricing for the pricing table', async () => {
    const key = uniqueKey();
    const el = await designer('', key);
    await type(el, '[id="better--discountPct"]', '20');
    await type(el, '[id="p-seo--name"]', 'Local SEO+');
    await settle(el);
    await el.persist.flush();
    // Better: 150 + 300 = 450 a month, 20 % off = 360.
    const betterPrice = async () => (await latest(pricingTopic, key))?.tiers.find((t) => t.id === 'better')?.month.price;
    for (let i = 0; i < 100 && (await betterPrice()) !== 360; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await betterPrice()).to.equal(360);
    el.parentElement!.remove();
    const again = await designer('', key);
    expect(q<HTMLInputElement>(again, '[id="better--discountPct"]').value).to.equal('20');
    expect(q<HTMLInputElement>(again, '[id="p-seo--name"]').value).to.equal('Local SEO+');
    expect(fig(again, 'price', 'better')).to.equal('$360.00');
  });

  it('after a reload with a refused field: the text comes back with its error, the figures of the last valid inputs marked stale', async () => {
    const key = uniqueKey();
    const el = await designer('', key);
    await type(el, '[id="better--discountPct"]', '20');
    await type(el, '[id="p-automation--retail"]', '30O');
    await settle(el);
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await designer('', key);
    await settle(again);
    expect(q<HTMLInputElement>(again, '[id="p-automation--retail"]').value).to.equal('30O');
    expect(q(again, '[id="p-automation--retail"]').getAttribute('aria-invalid')).to.equal('true');
    expect(fig(again, 'price', 'better')).to.equal('$360.00');
    expect(text(again, '.stale')).to.contain('last valid result');
  });

  it('publishes the starter pricing at once, so a pricing table with the same key has something to show', async () => {
    const key = uniqueKey();
    const el = await designer('', key);
    await settle(el);
    // Published once the saved state is restored and the channel is loaded (on demand).
    let pricing = await latest(pricingTopic, key);
    for (let i = 0; i < 100 && !pricing; i++) {
      await new Promise((r) => setTimeout(r, 20));
      pricing = await latest(pricingTopic, key);
    }
    await settled();
    expect(pricing!.tiers.map((t) => t.id)).to.deep.equal(['good', 'better', 'best']);
    expect(pricing!.currency).to.equal('USD');
    // Kept in storage under the channel's own public key, for a table opened later.
    const stored = await loadState<{ record: { currency: string } }>(`channel:pricing:${key}`);
    expect(stored!.data.record.currency).to.equal('USD');
  });

  it('switching language never changes a value (en → fr → ar → en)', async () => {
    const el = await designer();
    await type(el, '[id="p-automation--retail"]', '1,250.5');
    await settle(el);
    const before = JSON.stringify(el.design);
    const mrr = el.economics!.mix.mrr;
    for (const lang of ['fr', 'ar', 'en']) {
      el.setAttribute('lang', lang);
      await shownIn(el, lang);
      expect(el.economics!.mix.mrr, lang).to.equal(mrr);
      expect(el.errors, lang).to.deep.equal({});
    }
    expect(JSON.stringify(el.design)).to.equal(before);
    el.setAttribute('lang', 'fr');
    await shownIn(el, 'fr');
    expect(q<HTMLInputElement>(el, '[id="p-automation--retail"]').value.replace(/\s/g, ' ')).to.match(/1\s250,5/);
    expect(q<HTMLInputElement>(el, '[id="p-reputation--name"]').value).to.equal('Gestion de la réputation');
  });

  it('exports the catalogue and the design for the pricing table as files', async () => {
    const el = await designer();
    const files = await downloads(() => q<HTMLButtonElement>(el, '#export-design').click());
    expect(files.map((f) => f.name)).to.deep.equal(['pricing-table.json']);
    const pricing = JSON.parse(files[0]!.text) as PublicPricing;
    expect(pricing.v).to.equal(1);
    expect(pricing.currency).to.equal('USD');
    expect(pricing.tiers.map((t) => t.id)).to.deep.equal(['good', 'better', 'best']);
    expect(pricing.tiers[1]?.highlighted).to.equal(true);
    // Better: 150 + 300 = 450 a month, 10 % off = 405; a year 405 × 12 × 0.85 = 4,131.
    expect(pricing.tiers[1]?.month).to.deep.equal({ price: 405, listValue: 450, setupFee: 0 });
    expect(pricing.tiers[1]?.year.price).to.equal(4131);
    expect(pricing.tiers[2]?.month.price).to.equal(480);
    expect(pricing.tiers[2]?.outcomes.length).to.equal(3);
    expect(pricing.tiers[0]?.cta).to.equal(undefined); // the pricing table's own localized label
    const csv = await downloads(() => q<HTMLButtonElement>(el, '#export-csv').click());
    expect(csv[0]?.name).to.equal('catalog.csv');
    expect(csv[0]?.text.split('\n')[0]).to.contain('id,name,wholesale,retail,interval');
    expect(csv[0]?.text).to.contain('reputation,Reputation management,50,150,month');
  });

  it('"Export for the pricing table" writes only what the table shows: no cost, margin, target or mix key', async () => {
    const el = await designer();
    await type(el, '[id="mix--good"]', '7');
    await type(el, '[id="targetMarginPct"]', '55');
    const files = await downloads(() => q<HTMLButtonElement>(el, '#export-design').click());
    const keys: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          keys.push(k.toLowerCase());
          walk(v);
        }
    };
    walk(JSON.parse(files[0]!.text));
    expect(keys).to.include('price');
    expect(
      keys.filter((k) => /wholesale|cost|margin|target|mix|profit|catalog|discountpct$/.test(k) && k !== 'annualdiscountpct'),
    ).to.deep.equal([]);
    // The file is what a page's pricing table renders.
    const table = document.createElement('mrr-pricing-table');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = files[0]!.text;
    table.append(script);
    el.parentElement!.append(table);
    await until(() => table.shadowRoot?.querySelector('[data-tier="better"] [part="price"]'));
    expect(text(table, '[data-tier="better"] [part="price"]')).to.equal('$405 per month');
  });

  it('imports a CSV catalogue: bad rows reported with line and reason, the rest kept; Undo brings the old one back', async () => {
    const el = await designer();
    const csv = [
      'id,name,wholesale,retail,interval',
      'reputation,Reviews,60,160,month',
      'chat,Web chat,abc,90,month',
      'ads,Ads,100,250,constructor',
      'report,Monthly report,10,40,month',
    ].join('\n');
    await importFile(el, 'catalog.csv', csv);
    expect(text(el, '[part="import-report"]')).to.contain('Imported 2 products');
    const lines = [...shadow(el).querySelectorAll('.import-errors li')].map((li) => li.getAttribute('data-line'));
    expect(lines).to.deep.equal(['3', '4']);
    expect(text(el, '.import-errors li[data-line="3"]')).to.contain('Wholesale cost');
    expect(shadow(el).querySelectorAll('.catalog-table tbody').length).to.equal(2);
    // Reputation kept its place in the tiers (same id): Good is now 160.
    expect(fig(el, 'price', 'good')).to.equal('$160.00');
    q<HTMLButtonElement>(el, '#undo').click();
    await settle(el);
    expect(shadow(el).querySelectorAll('.catalog-table tbody').length).to.equal(7);
    expect(fig(el, 'price', 'good')).to.equal('$150.00');
  });

  it('imports the catalogue of a design exported as JSON', async () => {
    const el = await designer();
    const design = { ...el.design!, catalog: [{ id: 'chat', name: 'Web chat', wholesale: 10, retail: 45, interval: 'month' }] };
    await importFile(el, 'pricing-table.json', JSON.stringify(design));
    expect(text(el, '[part="import-report"]')).to.contain('Imported 1 products from');
    expect(q<HTMLInputElement>(el, '[id$="--name"][maxlength="80"]').value).to.equal('Web chat');
    expect(shadow(el).querySelector('.import-errors')).to.equal(null);
  });

  it('says what is wrong with ids and names in words, on the row concerned', async () => {
    const el = await designer();
    await type(el, '[id="p-seo--id"]', '');
    await settle(el);
    expect(text(el, '[id="p-seo--id-error"]')).to.equal('Give the product an id.');
    await type(el, '[id="p-seo--id"]', 'listings');
    await settle(el);
    expect(issues(el, '[data-product="p-seo"]')).to.include('duplicateProduct');
    expect(text(el, '[data-product="p-seo"] [data-issue="duplicateProduct"]')).to.contain('used twice');
    await type(el, '[id="better--name"]', ' ');
    await settle(el);
    expect(text(el, 'td[data-tier="better"] [data-issue="emptyName"]')).to.equal('The name is empty.');
  });

  it('a failed import says why and never touches the saved catalogue', async () => {
    const key = uniqueKey();
    const el = await designer('', key);
    await type(el, '[id="p-seo--retail"]', '777');
    await el.persist.flush();
    await importFile(el, 'broken.json', '{ not json');
    expect(text(el, '[part="import-report"]')).to.contain('Nothing was imported');
    expect(shadow(el).querySelectorAll('.catalog-table tbody').length).to.equal(7);
    await el.persist.flush();
    const record = await loadState<{ inputs: { catalog: { id: string; retail: string }[] } }>(`package-designer:${key}`);
    expect(record!.data.inputs.catalog.find((p) => p.id === 'seo')!.retail).to.equal('777');
    await importFile(el, 'header.csv', 'sku,label\n1,2');
    expect(text(el, '[part="import-report"]')).to.contain('no “Id” column');
  });

  it('shows the canvas fit with what is not answered, per tier', async () => {
    const el = await designer();
    expect(text(el, '[data-kpi="fit"]')).to.contain('100%');
    q<HTMLInputElement>(el, '[id="canvas-tier--best"]').click();
    await settle(el);
    expect(text(el, '[data-kpi="fit"]')).to.contain('100%');
    // Unlink the executive report from its gain: that gain becomes unanswered.
    q<HTMLInputElement>(el, '[id="best--creators--report--a--report"]').click();
    await settle(el);
    expect(text(el, '[data-kpi="fit"]')).not.to.contain('100%');
    expect(text(el, '[data-kpi="unanswered"]')).to.contain('One clear report for the owner');
  });

  it('names: maxlength 80 with a counter; long names never widen the element', async () => {
    const el = await designer('', uniqueKey(), 'width:1280px');
    const input = q<HTMLInputElement>(el, '[id="p-reputation--name"]');
    expect(input.maxLength).to.equal(80);
    await type(el, '[id="p-reputation--name"]', 'W'.repeat(80));
    expect(text(el, '[id="p-reputation--name-count"]')).to.contain('80 of 80 characters');
    await type(el, '[id="good--name"]', '\u202Eevil name'.padEnd(80, 'x'));
    expect(el.scrollWidth).to.be.at.most(1280);
    q<HTMLButtonElement>(el, '[id="good--remove"]').click();
    await settle(el);
    expect(text(el, '[part="undo"]')).to.contain('\u2068\u202Eevil');
  });

  it('fits a 360 px screen: tables scroll inside focusable regions', async () => {
    const el = await designer('', uniqueKey(), 'width:360px');
    expect(el.scrollWidth).to.be.at.most(360);
    // Nothing inside (not even a visually hidden label of a scrolled cell) widens the page.
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    const region = q(el, '.catalog .scroll');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
  });

  it('is right-to-left in Arabic with the starter catalogue in Arabic', async () => {
    const el = await designer('lang="ar"');
    const base = q(el, '[part="base"]');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    expect(text(el, 'h2')).to.equal('مصمم الباقات');
    expect(q<HTMLInputElement>(el, '[id="p-reputation--name"]').value).to.equal('إدارة السمعة');
    expect(el.economics!.mix.mrr).to.equal(4485);
  });

  it('is accessible (axe-core) in English and Arabic', async function () {
    this.timeout(60000);
    await expect(await designer()).to.be.accessible();
    await expect(await designer('lang="ar"')).to.be.accessible();
  });

  it('keeps working and says "not saved" when storage is missing', async () => {
    const restore = await breakIndexedDb('missing');
    try {
      const el = await designer();
      await type(el, '[id="better--discountPct"]', '20');
      await el.persist.flush();
      await settle(el);
      expect(text(el, '[part="notice"]')).to.contain('Not saved');
      expect(fig(el, 'price', 'better')).to.equal('$360.00');
    } finally {
      restore();
    }
  });

  it('works before it is connected: design and applyDesign', () => {
    const el = document.createElement('mrr-package-designer');
    expect(el.design!.tiers.length).to.equal(3);
    el.applyDesign({ ...el.design!, targetMarginPct: 70 });
    expect(el.design!.targetMarginPct).to.equal(70);
  });
});
