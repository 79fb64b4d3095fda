import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';

/**
 * Issue 16, item 2, on the built demo site: its sections start from one example agency, and
 * "Use these figures" says where the figures went, with a link there, and each receiver says it.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('the demo site agrees with itself', () => {
  it('calculator, unit economics and the movements example start from the same agency', async () => {
    const tab = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${e2e.url}/site/demo.html?lang=en`);
    const movements = tab.locator('mrr-movements');
    await expect.poll(() => movements.locator('[data-kpi="arpa"] dd').textContent()).toContain('$132.94');
    expect(await tab.locator('mrr-calculator #clients').inputValue()).toBe('311');
    expect(await tab.locator('mrr-calculator #price').inputValue()).toBe('132.94');
    expect(await tab.locator('mrr-unit-economics #arpa').inputValue()).toBe('132.94');
    // Each receives churn in its own meaning: revenue churn for the calculator, client churn for unit economics.
    expect(await tab.locator('mrr-calculator #churnPct').inputValue()).toBe('2.99');
    expect(await tab.locator('mrr-unit-economics #churnPct').inputValue()).toBe('2.9');
    expect((await movements.locator('[data-kpi="logo-churn"] dd').textContent())?.trim()).toBe('2.9%');
    // The calculator's MRR now is the movements' MRR.
    expect(await movements.locator('[data-kpi="mrr"] dd').textContent()).toContain('$41,344');

    await movements.locator('#use-figures').click();
    await tab.locator('mrr-calculator #figures-notice').waitFor();
    expect(await tab.locator('mrr-calculator #figures-notice').textContent()).toContain(
      'Figures from your data, January 2024 to December 2024.',
    );
    await tab.locator('mrr-unit-economics #figures-notice').waitFor();
    // Beside the button, where they went, with a link there.
    const link = movements.locator('#figures-sent a[href="#calculator"]');
    expect(await link.textContent()).toBe('Go to the calculator');
    await link.click();
    await expect.poll(() => tab.evaluate(() => location.hash)).toBe('#calculator');
    expect(errors).toEqual([]);
    await tab.close();
  });
  it('a calculator edit reaches unit economics as client churn, and unit economics says where it came from', async () => {
    const tab = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(`${e2e.url}/site/demo.html?lang=en`);
    await tab.locator('mrr-unit-economics #churnPct').waitFor();
    // The calculator's revenue churn, converted by its own model (clients who leave pay the
    // average, so the share of clients lost is the share of MRR lost), reaches the client churn field.
    await tab.locator('mrr-calculator #churnPct').fill('4.5');
    await expect.poll(() => tab.locator('mrr-unit-economics #churnPct').inputValue()).toBe('4.5');
    expect(await tab.locator('mrr-unit-economics #figures-notice').textContent()).toContain('Figures from the calculator.');
    await tab.locator('mrr-unit-economics #figures-undo').click();
    await expect.poll(() => tab.locator('mrr-unit-economics #churnPct').inputValue()).toBe('2.9');
    await tab.close();
  });
});
