import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';

/** The unit economics and revenue motions elements, from the built bundle and on the built site. */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Pillars</title></head><body>
  <mrr-unit-economics id="ue" storage-key=""></mrr-unit-economics>
  <mrr-revenue-motions id="motions" storage-key="" currency="EUR"></mrr-revenue-motions>
  <mrr-unit-economics id="ue-ar" lang="ar" storage-key=""></mrr-unit-economics>
  <script type="module" src="/mrr-kit.js"></script>
</body></html>`;

describe('unit economics and revenue motions (built)', () => {
  it('render with results from the embed bundle, fire mrr-expansion on input, with no console errors', async () => {
    const tab = await e2e.browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.route('**/pillars.html', (route) => route.fulfill({ contentType: 'text/html', body: page }));
    await tab.goto(`${e2e.url}/pillars.html`);

    const ltv = tab.locator('#ue [data-kpi="ltv"]');
    await expect.poll(() => ltv.textContent()).toBe('$18,750');
    expect(await tab.locator('#ue [data-target="ltv-to-cac"] .verdict').textContent()).toContain('Target met');
    expect(await tab.locator('#ue svg path.ltv-line').getAttribute('d')).toMatch(/^M/);
    await tab.locator('#ue input#churnPct').fill('0');
    await expect.poll(() => ltv.textContent()).toBe('Unbounded: no churn');
    expect(await tab.locator('#ue-ar [part="base"]').getAttribute('dir')).toBe('rtl');

    const cost = tab.locator('#motions [data-kpi="cost"]');
    await expect.poll(() => cost.textContent()).toBe('€10,612');
    await tab.evaluate(() => {
      (window as unknown as { expansion: unknown[] }).expansion = [];
      document.addEventListener('mrr-expansion', (e) =>
        (window as unknown as { expansion: unknown[] }).expansion.push((e as CustomEvent).detail),
      );
    });
    await tab.locator('#motions input[id="standard--clients"]').fill('60');
    const events = await tab.evaluate(() => (window as unknown as { expansion: { expansionMrr: number }[] }).expansion);
    expect(events.at(-1)?.expansionMrr).toBe(6260 + 1080);
    expect(await tab.locator('#motions tbody tr').count()).toBe(3);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('appear on the built site', async () => {
    const tab = await e2e.browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${e2e.url}/site/demo.html`);
    await expect.poll(() => tab.locator('#unit-economics mrr-unit-economics [data-kpi="ltv"]').textContent()).toMatch(/\$/);
    await expect.poll(() => tab.locator('#motions mrr-revenue-motions [data-kpi="cost"]').textContent()).toMatch(/\$/);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
