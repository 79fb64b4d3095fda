import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './server.js';

/**
 * A hostile trial (every number right or visibly refused, whatever the user or the host page does) of `<mrr-unit-economics>`, `<mrr-revenue-motions>` and
 * `<mrr-pricing-table>` on the built files, each on a plain host page by script tag: reload right
 * after typing, two tabs, language switched mid-edit, 10,000 characters and right-to-left overrides
 * in every text field, invalid attributes and configurations, 320 px with 200 % text, keyboard only,
 * axe. Every number is right or visibly refused; nothing widens the page. Runs after `npm run build`.
 */
let e2e: E2E;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const hostPage = (body: string, lang = 'en', scripts = ['mrr-unit-economics', 'mrr-revenue-motions', 'mrr-pricing-table']) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Host</title>${scripts.map((s) => `<script type="module" src="/${s}.js"></script>`).join('')}</head>
<body><main><h1>Host page</h1>${body}</main></body></html>`;

/** Opens `body` as /<name>.html of the built site's origin; collects page errors. */
async function open(page: Page, name: string, body: string, lang = 'en'): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route(`${e2e.url}/${name}.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(body, lang) }),
  );
  await page.goto(`${e2e.url}/${name}.html`);
  return errors;
}

/** The visible text of an element's shadow root. */
const shadowText = (page: Page, tag: string) =>
  page.evaluate((t) => (document.querySelector(t)!.shadowRoot!.querySelector('[part="base"]') as HTMLElement).innerText, tag);

const kpi = (page: Page, name: string) =>
  page.evaluate(
    // '' until the figure is drawn (the figures render a frame or more after the form): poll it.
    (n) => document.querySelector('mrr-unit-economics')!.shadowRoot!.querySelector(`[data-kpi="${n}"]`)?.textContent.trim() ?? '',
    name,
  );

/** No NaN, Infinity, "undefined", "null" or a negative zero in what a user reads. */
const BAD = /NaN|Infinity|∞|undefined|\bnull\b|[-−]\s?[$€¥£]?\s?0(?:[.,]0+)?(?![\d.,])/;

const widths = (page: Page) => page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));

describe('hostile trial on the built files, plain host page', () => {
  it('unit economics: a value typed just before a reload is kept; a language switch mid-edit never changes a value', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    const errors = await open(page, 'ue-reload', '<mrr-unit-economics storage-key="hostile-reload"></mrr-unit-economics>');
    const el = page.locator('mrr-unit-economics');
    await el.locator('#arpa').waitFor();
    await expect.poll(() => el.locator('#arpa').inputValue()).toBe('1,500');
    await el.locator('#churnPct').fill('3.5');
    await page.reload(); // at once: no wait for the save delay
    await el.locator('#churnPct').waitFor();
    await expect.poll(() => el.locator('#churnPct').inputValue()).toBe('3.5');
    const ltv = '$21,429';
    await expect.poll(() => kpi(page, 'ltv')).toBe(ltv);
    // Mid-edit (an unfinished decimal), switch to French then Arabic: the same value, re-formatted.
    await el.locator('#arpa').fill('1,234.5');
    // The figures follow the edit a frame or more later (staged render, a busy machine).
    await expect.poll(() => kpi(page, 'ltv')).not.toBe(ltv);
    const before = await kpi(page, 'ltv');
    await page.evaluate(() => document.querySelector('mrr-unit-economics')!.setAttribute('lang', 'fr'));
    await expect.poll(() => el.locator('#arpa').inputValue()).toMatch(/^1\s234,5$/);
    await expect
      .poll(async () => (await kpi(page, 'ltv')).replace(/\s/g, ' '))
      .toBe(before.replace('$', '').replace(',', ' ') + ' $US');
    await page.evaluate(() => document.querySelector('mrr-unit-economics')!.setAttribute('lang', 'en'));
    await expect.poll(() => el.locator('#arpa').inputValue()).toBe('1,234.5');
    await expect.poll(() => kpi(page, 'ltv')).toBe(before);
    expect(await shadowText(page, 'mrr-unit-economics')).not.toMatch(BAD);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unit economics in two tabs: edits of different fields are both kept, and each tab shows the other’s', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const tab of [a, b]) {
      await open(tab, 'ue-tabs', '<mrr-unit-economics storage-key="hostile-tabs"></mrr-unit-economics>');
      await expect.poll(() => tab.locator('mrr-unit-economics #arpa').inputValue()).toBe('1,500');
    }
    await a.locator('mrr-unit-economics #arpa').fill('2000');
    await b.locator('mrr-unit-economics #churnPct').fill('5');
    for (const tab of [a, b]) {
      await expect.poll(() => tab.locator('mrr-unit-economics #churnPct').inputValue(), { timeout: 5000 }).toBe('5');
      await expect.poll(() => tab.locator('mrr-unit-economics #arpa').inputValue(), { timeout: 5000 }).toBe('2000');
      await expect.poll(() => kpi(tab, 'ltv')).toBe('$20,000');
    }
    await context.close();
  });

  it('revenue motions in two tabs: edits of two different segments are both kept', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const tab of [a, b]) {
      await open(tab, 'motions-tabs', '<mrr-revenue-motions storage-key="hostile-tabs"></mrr-revenue-motions>');
      await tab.locator('mrr-revenue-motions [id="standard--clients"]').waitFor();
    }
    await a.locator('mrr-revenue-motions [id="high-touch--clients"]').fill('11');
    await b.locator('mrr-revenue-motions [id="standard--clients"]').fill('22');
    for (const tab of [a, b]) {
      await expect
        .poll(() => tab.locator('mrr-revenue-motions [id="standard--clients"]').inputValue(), { timeout: 3000 })
        .toBe('22');
      await expect
        .poll(() => tab.locator('mrr-revenue-motions [id="high-touch--clients"]').inputValue(), { timeout: 3000 })
        .toBe('11');
    }
    await context.close();
  });

  it('revenue motions: 10,000 characters and a right-to-left override in every text field stay text, never widen a 320 px page', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 800 } });
    const errors = await open(page, 'motions-long', '<mrr-revenue-motions storage-key="hostile-long"></mrr-revenue-motions>');
    const el = page.locator('mrr-revenue-motions');
    await el.locator('input[id$="--name"]').first().waitFor();
    const ids = await page.evaluate(() =>
      [...document.querySelector('mrr-revenue-motions')!.shadowRoot!.querySelectorAll('input[type="text"]')].map((i) => i.id),
    );
    const long = '\u202Eemocer <b>Acme</b> ' + 'W'.repeat(10_000);
    // Names by a real paste (the input's maxlength applies); number fields in one go (as a script would).
    for (const id of ids.filter((i) => i.endsWith('--name'))) {
      const input = el.locator(`[id="${id}"]`);
      await input.fill('');
      await input.focus();
      await page.keyboard.insertText(long);
    }
    await page.evaluate((text) => {
      const root = document.querySelector('mrr-revenue-motions')!.shadowRoot!;
      for (const input of root.querySelectorAll<HTMLInputElement>('input[type="text"]:not([id$="--name"])')) {
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      }
    }, long);
    const names = await page.evaluate(() =>
      [
        ...document.querySelector('mrr-revenue-motions')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[id$="--name"]'),
      ].map((i) => i.value.length),
    );
    expect(Math.max(...names)).toBeLessThanOrEqual(80);
    expect(await widths(page)).toEqual({ page: 320, view: 320 });
    expect(await page.evaluate(() => !!document.querySelector('mrr-revenue-motions')!.shadowRoot!.querySelector('b'))).toBe(
      false,
    );
    // Every number field refuses the text in words; the figures shown are the last valid ones, marked stale.
    const text = await shadowText(page, 'mrr-revenue-motions');
    expect(text).toContain('This is not a number.');
    expect(text).not.toMatch(BAD);
    // The undo message isolates the name: the override cannot reorder the sentence around it.
    await el.locator('.remove-segment').first().click();
    const undo = await el.locator('[part="undo"]').innerText();
    expect(undo).toMatch(/^Segment “\u2068\u202Eemocer <b>Acme<\/b> W+…\u2069” removed\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('invalid attributes: currency garbage!/XYZ say so and fall back, locale en_US and odd storage keys do not throw', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = await open(
      page,
      'attrs',
      `<mrr-unit-economics currency="garbage!" locale="en_US" storage-key="../\u0000&quot;'&lt;x&gt;${'k'.repeat(2000)}"></mrr-unit-economics>
       <mrr-revenue-motions currency="XYZ" locale="en_US" storage-key="a b/c?d#e"></mrr-revenue-motions>`,
    );
    for (const [tag, code] of [
      ['mrr-unit-economics', 'garbage!'],
      ['mrr-revenue-motions', 'XYZ'],
    ]) {
      const notice = page.locator(`${tag} .config`);
      await expect.poll(() => notice.innerText()).toBe(`Unknown currency “${code}”: amounts are shown in USD.`);
      expect(await shadowText(page, tag!)).not.toMatch(BAD);
    }
    // A valid code after an invalid one: the message goes and the amounts are in yen.
    await page.evaluate(() => document.querySelector('mrr-unit-economics')!.setAttribute('currency', 'jpy'));
    await expect.poll(() => page.locator('mrr-unit-economics .config').count()).toBe(0);
    await expect.poll(() => kpi(page, 'ltv')).toBe('¥18,750');
    expect(await widths(page)).toEqual({ page: 360, view: 360 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pricing table: hostile configurations are shown right or refused in words, never as a script link or a wrong number', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 800 } });
    const errors = await open(page, 'pricing-hostile', '<mrr-pricing-table></mrr-pricing-table>');
    await page.locator('mrr-pricing-table [part="base"]').waitFor({ state: 'attached' });
    const product = { id: 'a', name: 'A', wholesale: 1, retail: 10, interval: 'month' };
    const tier = { id: 'x', name: 'X', items: [{ productId: 'a', quantity: 1 }] };
    const base = { currency: 'USD', annualDiscountPct: 15, catalog: [product], tiers: [tier] };
    const cases: Array<[string, unknown, RegExp]> = [
      ['negative price', { ...base, tiers: [{ ...tier, price: -5 }] }, /tiers\.0\.price Must be zero or more\./],
      ['huge price', { ...base, tiers: [{ ...tier, price: 1e12 }] }, /tiers\.0\.price Must be 10,000,000,000 or less\./],
      [
        'huge quantity',
        {
          ...base,
          catalog: [{ ...product, retail: 999_999_999_999.99 }],
          tiers: [{ ...tier, items: [{ productId: 'a', quantity: 999_999 }] }],
        },
        // One unit alone is over the tier limit: the product's price is at fault, not the quantity.
        /catalog\.0\.retail Must be 10,000,000,000 or less\./,
      ],
      ['unknown currency', { ...base, currency: 'XYZ' }, /currency This is not a currency code/],
      ['no tiers', { ...base, tiers: [] }, /No plans to show yet\./],
      [
        'script link',
        { ...base, tiers: [{ ...tier, cta: { label: 'Go', href: ' jaVa\tscript:alert(1)' } }] },
        /tiers\.0\.cta\.href/,
      ],
      ['a yearly product', { ...base, catalog: [{ ...product, retail: 1000, interval: 'year' }] }, /\$850\.00\nper year/],
      ['a weekly product', { ...base, catalog: [{ ...product, retail: 10, interval: 'week' }] }, /\$442\.00\nper year/],
      ['zero', { ...base, tiers: [{ ...tier, price: -0 }] }, /\$0\nper year/],
    ];
    for (const [name, config, expected] of cases) {
      await page.evaluate((c) => {
        const table = document.querySelector('mrr-pricing-table')!;
        table.config = c as never;
        table.interval = 'year';
      }, config);
      await page.evaluate(() => document.querySelector('mrr-pricing-table')!.updateComplete);
      const text = await shadowText(page, 'mrr-pricing-table');
      expect(text, name).toMatch(expected);
      expect(text, name).not.toMatch(BAD);
      expect(
        await page.evaluate(
          () => document.querySelector('mrr-pricing-table')!.shadowRoot!.querySelectorAll('a[href^="java" i]').length,
        ),
      ).toBe(0);
    }
    // NaN and Infinity can't come from JSON, but a `config` property can hold them.
    for (const bad of ['NaN', 'Infinity']) {
      await page.evaluate((b) => {
        const table = document.querySelector('mrr-pricing-table')!;
        table.config = { ...(table.config as object), tiers: [{ id: 'x', name: 'X', items: [], price: Number(b) }] };
      }, bad);
      await page.evaluate(() => document.querySelector('mrr-pricing-table')!.updateComplete);
      expect(await shadowText(page, 'mrr-pricing-table')).toMatch(/tiers\.0\.price This is not a number\./);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pricing table: 12 tiers, 500 outcomes, 10,000-character names and HTML at 320 px and 200 % text stay text and fit', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 800 } });
    const errors = await open(page, 'pricing-long', '<mrr-pricing-table></mrr-pricing-table>');
    await page.locator('mrr-pricing-table [part="base"]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const long = 'Verylongname'.repeat(850);
      const tiers = Array.from({ length: 12 }, (_, i) => ({
        id: `t${i}`,
        name: i === 0 ? long : i === 1 ? '\u202Eevil' : i === 2 ? '<img src=x onerror=alert(1)>' : `Tier ${i}`,
        items: [{ productId: 'a', quantity: i + 1 }],
        highlighted: i === 3,
        outcomes: i === 4 ? Array.from({ length: 500 }, (_, j) => `Outcome ${j} ${long.slice(0, 100)}`) : [long],
        cta: { label: i === 5 ? long : 'Buy', href: i === 6 ? `https://example.com/${long}` : undefined },
      }));
      document.querySelector('mrr-pricing-table')!.config = {
        currency: 'EUR',
        annualDiscountPct: 10,
        catalog: [{ id: 'a', name: 'A', wholesale: 1, retail: 10, interval: 'month' }],
        tiers,
      };
      document.documentElement.style.fontSize = '200%';
    });
    await page.locator('mrr-pricing-table [data-tier="t11"]').waitFor();
    expect(await widths(page)).toEqual({ page: 320, view: 320 });
    const shape = await page.evaluate(() => {
      const root = document.querySelector('mrr-pricing-table')!.shadowRoot!;
      return {
        tiers: root.querySelectorAll('[data-tier]').length,
        markup: root.querySelectorAll('img, b').length,
        tallest: Math.max(...[...root.querySelectorAll('[data-tier]')].map((li) => li.getBoundingClientRect().height)),
      };
    });
    expect(shape.tiers).toBe(12);
    expect(shape.markup).toBe(0);
    // Clamped names and outcomes: the tallest card is a few screens, not 150,000 px.
    expect(shape.tallest).toBeLessThan(6000);
    expect(await shadowText(page, 'mrr-pricing-table')).not.toMatch(BAD);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('properties set before the elements are defined are kept; zero inputs and no segments show reasons, not NaN or −0', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Early</title></head><body>
<mrr-unit-economics storage-key=""></mrr-unit-economics><mrr-revenue-motions storage-key=""></mrr-revenue-motions><mrr-pricing-table></mrr-pricing-table>
<script src="/early.js"></script>
<script type="module" src="/mrr-unit-economics.js"></script><script type="module" src="/mrr-revenue-motions.js"></script>
<script type="module" src="/mrr-pricing-table.js"></script></body></html>`;
    // Plain (not module) script: runs before any element is defined.
    const early = `
document.querySelector('mrr-unit-economics').inputs = { cacMode: 'direct', arpa: '0', grossMarginPct: '0', churnPct: '100', cac: '0',
  salesSpend: '0', marketingSpend: '0', newCustomers: '0', retentionSpendPerClient: '', minLtvToCac: '0', maxPaybackMonths: '0' };
document.querySelector('mrr-revenue-motions').inputs = { hoursPerManagerPerMonth: '100', segments: [] };
const table = document.querySelector('mrr-pricing-table');
table.config = { currency: 'EUR', catalog: [{ id: 'a', name: 'A', wholesale: 1, retail: 10, interval: 'month' }],
  tiers: [{ id: 'x', name: 'Early', items: [{ productId: 'a', quantity: 1 }] }] };
table.interval = 'year';`;
    await page.route(`${e2e.url}/early.html`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.route(`${e2e.url}/early.js`, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: early }));
    await page.goto(`${e2e.url}/early.html`);
    await page.locator('mrr-pricing-table [data-tier="x"]').waitFor();
    await expect.poll(() => page.locator('mrr-unit-economics #churnPct').inputValue()).toBe('100');
    // The figures come in a later stage of the first render (one a frame) than the fields.
    await page.evaluate(
      () => (document.querySelector('mrr-unit-economics') as unknown as { updateComplete: Promise<unknown> }).updateComplete,
    );
    await expect.poll(() => kpi(page, 'ltv')).toBe('$0');
    await expect.poll(() => kpi(page, 'ltv-to-cac')).toBe('No acquisition cost to compare with');
    await expect
      .poll(() => page.locator('mrr-revenue-motions [data-kpi="expansion-pct"]').innerText())
      .toBe('No MRR to compare with');
    expect(await page.locator('mrr-pricing-table [data-tier="x"] [part="price"]').innerText()).toMatch(/€120\s+per year/);
    for (const tag of ['mrr-unit-economics', 'mrr-revenue-motions', 'mrr-pricing-table'])
      expect(await shadowText(page, tag)).not.toMatch(BAD);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'ar']) {
    it(`all three in a refused state at 320 px are axe clean and usable by keyboard alone (${lang})`, async () => {
      const page = await e2e.browser.newPage({ viewport: { width: 320, height: 800 } });
      const design = {
        currency: 'EUR',
        annualDiscountPct: 10,
        catalog: [{ id: 'a', name: 'A', wholesale: 1, retail: 10, interval: 'month' }],
        tiers: [
          { id: 'x', name: '\u202Eevil', items: [{ productId: 'a', quantity: 1 }], outcomes: ['<b>x</b>'], highlighted: true },
          { id: 'y', name: 'Y', items: [{ productId: 'a', quantity: 2 }], cta: { label: 'Go', href: '#contact' } },
        ],
      };
      const errors = await open(
        page,
        `axe-${lang}`,
        `<mrr-unit-economics storage-key="hostile-axe" currency="garbage!"></mrr-unit-economics>
         <mrr-revenue-motions storage-key="hostile-axe" currency="XYZ"></mrr-revenue-motions>
         <mrr-pricing-table><script type="application/json">${JSON.stringify(design)}</script></mrr-pricing-table>`,
        lang,
      );
      for (const tag of ['mrr-unit-economics', 'mrr-revenue-motions']) await page.locator(`${tag} input`).first().waitFor();
      await page.locator('mrr-pricing-table [data-tier="y"]').waitFor();
      await page.locator('mrr-unit-economics #churnPct').fill('abc');
      await page.locator('mrr-revenue-motions input[id$="--clients"]').first().fill('-3');
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      expect(await widths(page)).toEqual({ page: 320, view: 320 });
      // Tab from the top reaches every element's controls, each visible, and comes back round.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const stops: string[] = [];
      for (let i = 0; i < 150; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          let a = document.activeElement;
          const host = a?.tagName.toLowerCase() ?? '';
          while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
          const r = a!.getBoundingClientRect();
          return `${host}:${r.width > 0 && r.height > 0 ? 'visible' : 'hidden'}`;
        });
        stops.push(stop);
      }
      const hosts = new Set(stops.map((s) => s.split(':')[0]));
      expect([...hosts]).toEqual(expect.arrayContaining(['mrr-unit-economics', 'mrr-revenue-motions']));
      expect(stops.filter((s) => s.endsWith('hidden'))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
