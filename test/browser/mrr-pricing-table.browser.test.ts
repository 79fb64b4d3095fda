import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/mrr-pricing-table/define.js';
import type { MrrPricingTable, PricingCtaDetail } from '../../components/mrr-pricing-table/mrr-pricing-table.js';
import { packageEconomics, type PackageDesign } from '../../src/core/packages.js';
import { BROADCAST_NAME, publish } from '../../src/channel/channel.js';
import { pricingOf, pricingTopic } from '../../src/channel/pricing.js';
import { q, shadow, text, uniqueKey, until } from './helpers.js';

/** The worked package design of the unit tests (test/unit/packages.test.ts), with what the pricing table shows. */
const design: PackageDesign = {
  currency: 'USD',
  catalog: [
    { id: 'rep', name: 'Reputation management', wholesale: 50, retail: 150, interval: 'month' },
    { id: 'auto', name: 'Marketing automation', wholesale: 100, retail: 300, interval: 'month' },
    { id: 'app', name: 'Business app', wholesale: 240, retail: 600, interval: 'year', setupFee: 200 },
  ],
  tiers: [
    {
      id: 'good',
      name: 'Good',
      items: [{ productId: 'rep', quantity: 1 }],
      outcomes: ['Answer every review'],
      cta: { label: 'Start Good' },
    },
    {
      id: 'better',
      name: 'Better',
      items: [
        { productId: 'rep', quantity: 1 },
        { productId: 'auto', quantity: 1 },
      ],
      discountPct: 10,
      highlighted: true,
      outcomes: ['Answer every review', 'Win back lapsed clients'],
      cta: { label: 'Talk to us', href: '#contact' },
    },
    {
      id: 'best',
      name: 'Best',
      items: [
        { productId: 'rep', quantity: 1 },
        { productId: 'auto', quantity: 1 },
        { productId: 'app', quantity: 1 },
      ],
      price: 480,
    },
  ],
  targetMarginPct: 50,
  annualDiscountPct: 15,
};

async function fromScript(json: string, attrs = ''): Promise<MrrPricingTable> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-pricing-table ${attrs}></mrr-pricing-table></div>`);
  const el = wrapper.querySelector('mrr-pricing-table')!;
  // Like a page's markup: the script is a child written as text, never executed.
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  el.append(script);
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
  return el;
}

async function fromConfig(config: unknown, attrs = ''): Promise<MrrPricingTable> {
  const el = await fixture<MrrPricingTable>(`<mrr-pricing-table ${attrs}></mrr-pricing-table>`);
  el.config = config as PackageDesign;
  await el.updateComplete;
  return el;
}

const tier = (el: HTMLElement, id: string) => q(el, `[data-tier="${id}"]`);
const tierText = (el: HTMLElement, id: string) => (tier(el, id).textContent ?? '').replace(/\s+/g, ' ').trim();
const price = (el: HTMLElement, id: string) => text(el, `[data-tier="${id}"] [part="price"]`);

async function chooseYearly(el: MrrPricingTable): Promise<void> {
  q<HTMLInputElement>(el, 'input[type="radio"][value="year"]').click();
  await el.updateComplete;
}

describe('<mrr-pricing-table>', () => {
  it('renders a design from a child <script type="application/json">: a list of tiers with headings', async () => {
    const el = await fromScript(JSON.stringify(design));
    const list = q(el, 'ul.tiers');
    expect(list.getAttribute('role')).to.equal('list');
    expect(list.getAttribute('aria-label')).to.equal('Plans');
    const items = shadow(el).querySelectorAll('ul.tiers > li[part="tier"]');
    expect(items.length).to.equal(3);
    expect([...items].map((li) => li.querySelector('h2')!.textContent)).to.deep.equal(['Good', 'Better', 'Best']);
    expect(price(el, 'good')).to.equal('$150 per month');
    expect(price(el, 'better')).to.equal('$405 per month');
    expect(price(el, 'best')).to.equal('$480 per month');
    expect(tierText(el, 'better')).to.contain('Worth $450 a month bought separately');
    expect(tierText(el, 'best')).to.contain('Plus a one-time setup fee of $200');
  });

  it('shows the highlighted tier, outcomes as a list, and a CTA per tier (link with href, else button)', async () => {
    const el = await fromConfig(design);
    expect(tier(el, 'better').hasAttribute('data-highlighted')).to.equal(true);
    expect(tier(el, 'good').hasAttribute('data-highlighted')).to.equal(false);
    expect(text(el, '[data-tier="better"] .badge')).to.equal('Recommended');
    const outcomes = shadow(el).querySelectorAll('[data-tier="better"] [part="outcomes"] li');
    expect([...outcomes].map((li) => li.textContent)).to.deep.equal(['Answer every review', 'Win back lapsed clients']);
    const link = q<HTMLAnchorElement>(el, '[data-tier="better"] a[part="cta"]');
    expect(link.getAttribute('href')).to.equal('#contact');
    expect(link.textContent.trim()).to.equal('Talk to us');
    expect(q(el, '[data-tier="good"] button[part="cta"]').textContent.trim()).to.equal('Start Good');
    expect(q(el, '[data-tier="best"] button[part="cta"]').textContent.trim()).to.equal('Get started');
    // The CTA's description names its tier for screen readers ("Get started, Best").
    const best = q(el, '[data-tier="best"] [part="cta"]');
    expect(shadow(el).getElementById(best.getAttribute('aria-describedby')!)!.textContent).to.equal('Best');
  });

  it('renders the pricing published under storage-key, and follows what another tab publishes', async () => {
    const key = uniqueKey();
    publish(pricingTopic, key, pricingOf(design, packageEconomics(design)));
    const el = await fixture<MrrPricingTable>(`<mrr-pricing-table storage-key="${key}"></mrr-pricing-table>`);
    await until(() => shadow(el).querySelector('[data-tier]'));
    await el.updateComplete;
    expect(price(el, 'better')).to.equal('$405 per month');
    // A designer in another tab publishes new prices: they come over the BroadcastChannel.
    const newer = pricingOf(design, packageEconomics({ ...design, tiers: design.tiers.map((t) => ({ ...t, price: 999 })) }));
    const channel = new BroadcastChannel(BROADCAST_NAME);
    channel.postMessage({ topic: 'pricing', key, at: Date.now() + 1000, record: newer });
    channel.close();
    // 999 a month is 10,189.80 a year: a price with cents, so every amount is written with them.
    await until(() => price(el, 'better') === '$999.00 per month');
    const none = await fixture<MrrPricingTable>(`<mrr-pricing-table storage-key="${uniqueKey()}"></mrr-pricing-table>`);
    await until(() => shadow(none).querySelector('.message')?.textContent === 'No plans to show yet.');
  });

  it('switches between monthly and yearly with a radio group, and shows the yearly savings', async () => {
    const el = await fromConfig(design);
    const fieldset = q(el, 'fieldset[part="toggle"]');
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Billing');
    const radios = shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"][name="billing"]');
    expect([...radios].map((r) => [r.value, r.checked])).to.deep.equal([
      ['month', true],
      ['year', false],
    ]);
    expect(text(el, 'fieldset label:last-of-type')).to.equal('Yearly, save 15%');
    await chooseYearly(el);
    expect(price(el, 'better')).to.equal('$4,131 per year');
    expect(tierText(el, 'better')).to.contain('$344.25 a month, billed yearly');
    expect(tierText(el, 'better')).to.contain('You save $729 a year');
    expect(price(el, 'best')).to.equal('$4,896 per year');
    expect(text(el, '[role="status"]')).to.equal('Yearly prices shown.');
    q<HTMLInputElement>(el, 'input[value="month"]').click();
    await el.updateComplete;
    expect(price(el, 'better')).to.equal('$405 per month');
  });

  it('computes savings in the design currency (euros, French)', async () => {
    const el = await fromConfig({ ...design, currency: 'EUR' }, 'lang="fr" interval="year"');
    expect(price(el, 'better')).to.equal('4 131 € par an');
    expect(tierText(el, 'better')).to.contain('Vous économisez 729 € par an');
  });

  it('fires mrr-cta (bubbling, composed) with tier, price, interval and currency shown', async () => {
    const el = await fromConfig(design);
    const button = q<HTMLButtonElement>(el, '[data-tier="best"] button[part="cta"]');
    setTimeout(() => button.click());
    const monthly = await oneEvent(document, 'mrr-cta');
    expect(monthly.bubbles && monthly.composed).to.equal(true);
    expect((monthly as CustomEvent<PricingCtaDetail>).detail).to.deep.equal({
      tierId: 'best',
      price: 480,
      interval: 'month',
      currency: 'USD',
    });
    await chooseYearly(el);
    const link = q<HTMLAnchorElement>(el, '[data-tier="better"] a[part="cta"]');
    // The test page must not follow the link (a navigation ends the test run).
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const yearly = await oneEvent(el, 'mrr-cta');
    expect((yearly as CustomEvent<PricingCtaDetail>).detail).to.deep.equal({
      tierId: 'better',
      price: 4131,
      interval: 'year',
      currency: 'USD',
    });
  });

  it('works by keyboard alone: Tab to the billing choice, arrows to switch, Tab to a CTA, Enter', async () => {
    const el = await fromConfig(design);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(q(el, 'input[value="month"]'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(price(el, 'good')).to.equal('$1,530 per year');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(q(el, '[data-tier="good"] [part="cta"]'));
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent<CustomEvent<PricingCtaDetail>>(el, 'mrr-cta');
    expect(event.detail).to.deep.equal({ tierId: 'good', price: 1530, interval: 'year', currency: 'USD' });
    before.remove();
  });

  it('never renders wholesale cost, margin or profit, whatever the config holds', async () => {
    const secret: PackageDesign = {
      ...design,
      catalog: design.catalog.map((p, i) => ({ ...p, wholesale: [41.17, 93.29, 311.11][i]!, description: 'internal' })),
      // Extra keys a careless export might carry.
      ...({ costs: 'cost', margin: 'margin', profit: 'profit' } as object),
    };
    for (const interval of ['month', 'year']) {
      const el = await fromConfig(secret, `interval="${interval}"`);
      const html = shadow(el).innerHTML;
      const secretFigures = packageEconomics(secret).tiers.flatMap((t) => [
        t.cost,
        t.grossProfit,
        t.marginPct,
        t.maxDiscountPct,
        t.targetPrice,
      ]);
      for (const figure of ['41.17', '93.29', '311.11', ...secretFigures.map((x) => String(x))]) {
        expect(html, figure).not.to.contain(figure);
      }
      expect(html.toLowerCase()).not.to.match(/wholesale|margin|profit|cost|internal/);
    }
  });

  it('is right-to-left in Arabic, with Arabic labels', async () => {
    const el = await fromConfig(design, 'lang="ar"');
    expect(q(el, '[part="base"]').getAttribute('dir')).to.equal('rtl');
    expect(text(el, 'legend')).to.equal('الفوترة');
    expect(text(el, '[data-tier="best"] button[part="cta"]')).to.equal('ابدأ الآن');
  });

  it('is accessible (axe-core) in English and Arabic, monthly and yearly', async () => {
    const el = await fromConfig(design);
    await expect(el).to.be.accessible();
    await chooseYearly(el);
    await expect(el).to.be.accessible();
    await expect(await fromConfig(design, 'lang="ar"')).to.be.accessible();
  });

  it('says the configuration is not valid JSON instead of throwing (the shared reader, src/config/settings.ts)', async () => {
    const el = await fromScript('{ "currency": "USD", tiers: [ }');
    expect(q(el, '.config').getAttribute('role')).to.equal('alert');
    expect(text(el, '.config')).to.equal('The configuration is not valid JSON, so it is not used.');
    expect(shadow(el).querySelector('[data-tier]')).to.equal(null);
    const fr = await fromScript('nope', 'lang="fr"');
    expect(text(fr, '.config')).to.contain('n’est pas du JSON valide');
  });

  it('lists invalid fields of a design, and refuses a script link', async () => {
    const bad = {
      ...design,
      tiers: [
        { ...design.tiers[0], price: -3, cta: { label: 'x', href: 'javascript:alert(1)' } },
        { ...design.tiers[1], id: 'good' },
      ],
    };
    const el = await fromScript(JSON.stringify(bad));
    const items = [...shadow(el).querySelectorAll('.config li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['tiers.0.price Must be zero or more.', 'tiers.0.cta.href This value is not valid here.']);
    expect(shadow(el).querySelector('a')).to.equal(null);
  });

  it('renders user text as text, never as markup', async () => {
    const el = await fromConfig({
      ...design,
      tiers: [{ ...design.tiers[0], name: '<img src=x onerror=alert(1)>', outcomes: ['<b>bold</b>'] }],
    });
    expect(shadow(el).querySelector('img, b')).to.equal(null);
    expect(text(el, 'h2')).to.equal('<img src=x onerror=alert(1)>');
  });

  it('follows a script the page replaces, and config wins over the script', async () => {
    const el = await fromScript(JSON.stringify(design));
    el.querySelector('script')!.textContent = JSON.stringify({ ...design, tiers: design.tiers.slice(0, 1) });
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[data-tier]').length).to.equal(1);
    el.config = design;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[data-tier]').length).to.equal(3);
  });

  // Hostile input: every number is right or visibly refused, never silently wrong.
  it('prices a yearly or weekly product at its catalog price per year, not 12 × a rounded month', async () => {
    const el = await fromConfig(
      {
        currency: 'USD',
        annualDiscountPct: 15,
        catalog: [
          { id: 'app', name: 'App', wholesale: 100, retail: 1000, interval: 'year' },
          { id: 'ads', name: 'Ads', wholesale: 1, retail: 10, interval: 'week' },
        ],
        tiers: [
          { id: 'app', name: 'App', items: [{ productId: 'app', quantity: 1 }] },
          { id: 'ads', name: 'Ads', items: [{ productId: 'ads', quantity: 1 }] },
        ],
      },
      'interval="year"',
    );
    // $1,000 a year with 15 % off for paying yearly is $850, and it saves $150 (not $849.97 and $149.96).
    // One rounding rule a table: the monthly prices ($83.33, $43.33) have cents, so every amount does.
    expect(price(el, 'app')).to.equal('$850.00 per year');
    expect(tierText(el, 'app')).to.contain('You save $150.00 a year');
    // $10 a week is $520 a year; 15 % off: $442, saving $78.
    expect(price(el, 'ads')).to.equal('$442.00 per year');
    expect(tierText(el, 'ads')).to.contain('You save $78.00 a year');
  });

  it('refuses amounts too large to compute exactly, on the field that makes them, instead of showing rounded figures', async () => {
    const base = {
      currency: 'USD',
      annualDiscountPct: 15,
      catalog: [{ id: 'a', name: 'A', wholesale: 1, retail: 999_999_999_999.99, interval: 'month' }],
      tiers: [{ id: 'x', name: 'X', items: [{ productId: 'a', quantity: 999_999 }] }],
    };
    const huge = await fromConfig(base);
    expect(shadow(huge).querySelectorAll('[data-tier]').length).to.equal(0);
    // One unit is already over the tier limit: the price is at fault, whatever the quantity.
    expect(text(huge, '.config li')).to.equal('catalog.0.retail Must be 10,000,000,000 or less.');
    const fixed = await fromConfig({ ...base, tiers: [{ id: 'x', name: 'X', items: [], price: 1e12 }] });
    expect(text(fixed, '.config li')).to.equal('tiers.0.price Must be 10,000,000,000 or less.');
    // The largest accepted price computes to the cent, monthly and yearly.
    const max = await fromConfig(
      { ...base, tiers: [{ id: 'x', name: 'X', items: [], price: 9_999_999_999.99 }] },
      'interval="year"',
    );
    expect(price(max, 'x')).to.equal('$101,999,999,999.90 per year');
    expect(tierText(max, 'x')).to.contain('You save $17,999,999,999.98 a year');
  });

  it('refuses a currency that is not ISO 4217 (XYZ) and says so', async () => {
    const el = await fromConfig({ ...design, currency: 'XYZ' });
    expect(shadow(el).querySelectorAll('[data-tier]').length).to.equal(0);
    expect(text(el, '.config li')).to.equal('currency This is not a currency code (ISO 4217, such as USD or EUR).');
  });

  it('never claims "save 0%": a small yearly discount the cards show is said with its own decimals', async () => {
    // Good: 150 × 12 = 1,800 a year × 0.0001 = $0.18 saved, which its card says.
    const el = await fromConfig({ ...design, annualDiscountPct: 0.01 }, 'interval="year"');
    expect(tierText(el, 'good')).to.contain('You save $0.18 a year');
    expect(text(el, 'fieldset label:last-of-type')).to.equal('Yearly, save 0.01%');
  });

  it('keeps huge names and 500 outcomes to a readable card: names and outcomes clamped, full text in a tooltip', async () => {
    const long = 'Verylongname'.repeat(900);
    const wrapper = await fixture<HTMLDivElement>(`<div style="width: 320px"><mrr-pricing-table></mrr-pricing-table></div>`);
    const el = wrapper.querySelector('mrr-pricing-table')!;
    el.config = {
      ...design,
      tiers: [
        {
          ...design.tiers[0]!,
          name: long,
          outcomes: Array.from({ length: 500 }, (_, i) => `${i} ${long.slice(0, 300)}`),
          cta: { label: long },
        },
      ],
    };
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    const card = tier(el, 'good');
    // A card of a few screens at most, not 160,000 px.
    expect(card.getBoundingClientRect().height).to.be.below(4000);
    expect(q(el, 'h2').getAttribute('title')).to.equal(long);
    expect(q(el, 'h2').textContent).to.equal(long);
    // The first ten outcomes show; the others wait behind "Show 490 more" (closed).
    expect(shadow(el).querySelectorAll('[part="outcomes"] li').length).to.equal(10);
    const more = q<HTMLDetailsElement>(el, 'details.more');
    expect(more.open).to.equal(false);
    expect(text(el, 'details.more summary')).to.equal('Show 490 more');
    const items = shadow(el).querySelectorAll('ul.outcomes li');
    expect(items.length).to.equal(500);
    expect(items[0]?.getAttribute('title')).to.equal(`0 ${long.slice(0, 300)}`);
  });

  it('isolates a tier name inside sentences read by screen readers (a right-to-left override cannot reorder them)', async () => {
    const el = await fromConfig({ ...design, tiers: [{ ...design.tiers[0], name: '\u202Eevil' }] });
    expect(q(el, '[part="outcomes"]').getAttribute('aria-label')).to.equal('What you get with \u2068\u202Eevil\u2069');
  });

  it('fits a 320 px wide page in one column without widening it', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      `<div style="width: 320px"><mrr-pricing-table lang="ar"></mrr-pricing-table></div>`,
    );
    const el = wrapper.querySelector('mrr-pricing-table')!;
    el.config = { ...design, tiers: design.tiers.map((t) => ({ ...t, name: `${t.name} ${'Verylongunbrokenword'.repeat(4)}` })) };
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    const tops = [...shadow(el).querySelectorAll('[data-tier]')].map((li) => li.getBoundingClientRect().top);
    expect(new Set(tops).size).to.equal(3);
  });
});
