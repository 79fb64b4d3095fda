import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './server.js';

/** The package designer on the built site, beside the pricing table that shows its saved design. */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const designer = '#packages mrr-package-designer';
const figure = (tab: Page, name: string, tier: string) =>
  tab.locator(`${designer} tr[data-figure="${name}"] td[data-tier="${tier}"]`).textContent();

/**
 * The designer's saved record as JSON text (read from IndexedDB in the page: database `mrr-kit`,
 * store `state`, key `package-designer:site`), '' while there is none: what a reload will restore.
 */
const saved = (tab: Page) =>
  tab.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('mrr-kit');
        request.onerror = () => resolve('');
        request.onsuccess = () => {
          const db = request.result;
          try {
            const get = db.transaction('state').objectStore('state').get('package-designer:site');
            get.onsuccess = () => resolve(JSON.stringify((get.result as { data?: unknown } | undefined)?.data ?? ''));
            get.onerror = () => resolve('');
          } catch {
            resolve('');
          } finally {
            db.close();
          }
        };
      }),
  );

async function open(tab: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(`${e2e.url}/site/demo.html${query}#packages`);
  await expect.poll(() => figure(tab, 'price', 'better'), { timeout: 15000 }).toBe('$405.00');
  return errors;
}

describe('<mrr-package-designer> on the built site', () => {
  it('shows the worked example, feeds the pricing table and the calculator, and keeps edits after a reload', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const errors = await open(tab);
    expect(await figure(tab, 'marginPct', 'best')).toBe('64.58%');
    expect(await tab.locator(`${designer} [data-kpi="mix-mrr"]`).textContent()).toBe('$4,485.00');

    // The pricing table beside it shows the saved design: prices, never costs or margins.
    const table = tab.locator('#packages mrr-pricing-table');
    await expect.poll(() => table.locator('[data-tier="better"] .amount').textContent(), { timeout: 10000 }).toMatch(/405/);

    await tab.locator(`${designer} input[id="better--discountPct"]`).fill('20');
    expect(await figure(tab, 'price', 'better')).toBe('$360.00');
    await expect.poll(() => table.locator('[data-tier="better"] .amount').textContent(), { timeout: 10000 }).toMatch(/360/);
    const tableText = (await table.evaluate((el) => el.shadowRoot!.textContent)) ?? '';
    expect(tableText).not.toMatch(/margin|wholesale|\$150\.00 cost/i);

    // The what-if mix fills the calculator: 17 clients at the mix's average price.
    await tab.locator(`${designer} input[id="mix--good"]`).fill('20');
    const clients = tab.locator('mrr-calculator input#clients');
    await expect.poll(() => clients.inputValue()).toBe('27');

    // The debounced save has written both edits.
    await expect
      .poll(async () => /"discountPct":"20"/.test(await saved(tab)) && /"good":"20"/.test(await saved(tab)), { timeout: 10000 })
      .toBe(true);
    await tab.reload();
    await expect.poll(() => figure(tab, 'price', 'better'), { timeout: 15000 }).toBe('$360.00');
    expect(await tab.locator(`${designer} input[id="better--discountPct"]`).inputValue()).toBe('20');
    expect(await tab.locator(`${designer} input[id="mix--good"]`).inputValue()).toBe('20');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switching the site to Arabic or French changes the words, never a value', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await open(tab);
    await tab.locator(`${designer} input[id="p-automation--retail"]`).fill('1,250.5');
    await expect.poll(() => figure(tab, 'listValue', 'better')).toBe('$1,400.50');
    const mrr = () =>
      tab.locator(designer).evaluate((el) => (el as HTMLElement & { economics: { mix: { mrr: number } } }).economics.mix.mrr);
    const before = await mrr();
    for (const lang of ['fr', 'ar', 'en']) {
      await tab.selectOption('#lang', lang);
      // The designer renders in a language once its catalogue has loaded.
      await expect.poll(() => tab.locator(`${designer} [part="base"]`).getAttribute('lang'), { timeout: 10000 }).toBe(lang);
      expect(await mrr(), lang).toBe(before);
    }
    await tab.selectOption('#lang', 'ar');
    await expect.poll(() => tab.locator(`${designer} [part="base"]`).getAttribute('dir')).toBe('rtl');
    expect(await tab.locator(`${designer} [id="p-reputation--name"]`).inputValue()).toBe('إدارة السمعة');
    await tab.selectOption('#lang', 'fr');
    await expect.poll(() => tab.locator(`${designer} input[id="p-automation--retail"]`).inputValue()).toMatch(/^1\s250,5$/);
    await context.close();
  });

  it('works by keyboard alone: remove a tier with Enter, Undo takes focus, Enter brings it back', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 800 } });
    const tab = await context.newPage();
    await open(tab);
    await tab.locator(`${designer} button[id="best--remove"]`).focus();
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.locator(`${designer} thead th[data-tier]`).count()).toBe(2);
    await expect.poll(() => tab.locator(designer).evaluate((el) => el.shadowRoot!.activeElement?.id)).toBe('undo');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.locator(`${designer} thead th[data-tier]`).count()).toBe(3);
    // Tab moves through the targets in reading order.
    await tab.locator(`${designer} input#targetMarginPct`).focus();
    await tab.keyboard.press('Tab');
    expect(await tab.locator(designer).evaluate((el) => el.shadowRoot!.activeElement?.id)).toBe('annualDiscountPct');
    // The page never scrolls sideways on a phone.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
  it('nothing typed is lost: a reload right after typing, and two tabs editing the tiers and the catalogue', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const errors = await open(tab);
    await tab.locator(`${designer} input[id="better--discountPct"]`).fill('25');
    await tab.reload(); // no wait for the debounced save
    await expect.poll(() => figure(tab, 'price', 'better'), { timeout: 15000 }).toBe('$337.50');
    const other = await context.newPage();
    await other.goto(`${e2e.url}/site/demo.html#packages`);
    await expect.poll(() => figure(other, 'price', 'better'), { timeout: 15000 }).toBe('$337.50');
    await tab.locator(`${designer} input[id="best--price"]`).fill('490');
    await other.locator(`${designer} input[id="p-seo--retail"]`).fill('800');
    // Both tabs' saves have landed, merged into one record.
    await expect
      .poll(async () => /"price":"490"/.test(await saved(tab)) && /"retail":"800"/.test(await saved(tab)), { timeout: 10000 })
      .toBe(true);
    await tab.reload();
    await expect.poll(() => figure(tab, 'price', 'best'), { timeout: 15000 }).toBe('$490.00');
    expect(await tab.locator(`${designer} input[id="p-seo--retail"]`).inputValue()).toBe('800');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('pulls the pains of the ICP builder on the same page into a tier’s canvas, and Undo takes them out', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 900 } });
    const tab = await context.newPage();
    const errors = await open(tab);
    const pains = tab.locator(`${designer} [data-list="pains"] input[id^="good--pains--"]`);
    // The canvas (pains and gains) loads on demand after the first render: wait for it.
    await expect.poll(() => pains.count()).toBe(1);
    await tab.locator(`${designer} button[id="good--pull-icp"]`).click();
    await expect.poll(() => pains.count()).toBe(3);
    expect(await pains.nth(1).inputValue()).toBe('No time for marketing');
    expect(await tab.locator(`${designer} [data-icp-message]`).textContent()).toMatch(/Added 2 pains and 2 gains/);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tab.locator(`${designer} #undo`).click();
    await expect.poll(() => pains.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
