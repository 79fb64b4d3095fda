import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';
import { measureSizes } from '../../bench/lib/sizes.mjs';

/**
 * `<mrr-pricing-table>` as an agency's public site uses it: alone on a plain page, by script tag,
 * under a strict Content Security Policy (`default-src 'self'`: no inline script or style), from the
 * built dist/. Runs after `npm run build`.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const design = {
  currency: 'EUR',
  annualDiscountPct: 15,
  catalog: [
    { id: 'rep', name: 'Reputation', wholesale: 50, retail: 150, interval: 'month' },
    { id: 'auto', name: 'Automation', wholesale: 100, retail: 300, interval: 'month' },
  ],
  tiers: [
    { id: 'good', name: 'Good', items: [{ productId: 'rep', quantity: 1 }], outcomes: ['Every review answered'] },
    {
      id: 'better',
      name: 'Better',
      items: [
        { productId: 'rep', quantity: 1 },
        { productId: 'auto', quantity: 1 },
      ],
      discountPct: 10,
      highlighted: true,
      cta: { label: 'Talk to us', href: '#contact' },
    },
  ],
};

const page = (lang: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Pricing</title>
<script type="module" src="/mrr-pricing-table.js"></script></head>
<body><h1>Pricing</h1>
<mrr-pricing-table><script type="application/json">${JSON.stringify(design)}</script></mrr-pricing-table>
</body></html>`;

describe('<mrr-pricing-table> alone on a page with a strict CSP', () => {
  for (const lang of ['en', 'ar']) {
    it(`renders, switches to yearly and fires mrr-cta with no CSP violation (${lang})`, async () => {
      const tab = await e2e.browser.newPage({ viewport: { width: 360, height: 800 } });
      const problems: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      tab.on('pageerror', (e) => problems.push(String(e)));
      await tab.addInitScript(() => {
        const w = window as unknown as { violations: string[]; ctas: unknown[] };
        w.violations = [];
        w.ctas = [];
        document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        document.addEventListener('mrr-cta', (e) => w.ctas.push((e as CustomEvent).detail));
      });
      await tab.route(`${e2e.url}/strict-csp.html`, (route) =>
        route.fulfill({
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'" },
          body: page(lang),
        }),
      );
      await tab.goto(`${e2e.url}/strict-csp.html`);
      const table = tab.locator('mrr-pricing-table');
      await table.locator('[data-tier="better"]').waitFor();
      expect(await table.locator('[part="base"]').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      const monthly = await table.locator('[data-tier="better"] [part="price"]').innerText();
      await table.locator('input[value="year"]').check();
      await expect.poll(() => table.locator('[data-tier="better"] [part="price"]').innerText()).not.toBe(monthly);
      await table.locator('[data-tier="good"] [part="cta"]').click();
      const state = await tab.evaluate(() => {
        const w = window as unknown as { violations: string[]; ctas: unknown[] };
        return { violations: w.violations, ctas: w.ctas };
      });
      expect(state.ctas).toEqual([{ tierId: 'good', price: 1530, interval: 'year', currency: 'EUR' }]);
      expect(state.violations).toEqual([]);
      // Shadow styles are adopted style sheets, not <style> elements a CSP would block.
      expect(await table.evaluate((el) => el.shadowRoot!.adoptedStyleSheets.length)).toBeGreaterThan(0);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      expect(problems).toEqual([]);
      await tab.close();
    });
  }

  it('costs a page that uses only it at most 25 kB gzip (its budget)', () => {
    const row = (measureSizes('dist') as Array<{ name: string; gzip: number; files: string[] }>).find(
      (r) => r.name === 'mrr-pricing-table',
    )!;
    expect(row, 'dist/mrr-pricing-table.js').toBeTruthy();
    expect(row.gzip, row.files.join(' ')).toBeLessThanOrEqual(25_000);
  });
});
