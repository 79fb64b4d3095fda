import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';

/**
 * White-label, as docs/theming.md shows it: three agencies' brands side by side on one page, each a
 * `<mrr-pricing-table>` from the built dist/ with its own name, logo, `--mrr-*` tokens (colours, font,
 * size, radius, spacing: read back from the rendered card) and theme.
 * Writes the screenshots the page shows (docs/theming-brands.png, docs/theming-brands-ar.png).
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const pricing = {
  v: 1,
  currency: 'EUR',
  annualDiscountPct: 15,
  tiers: [
    {
      id: 'starter',
      name: 'Starter',
      outcomes: ['Every review answered', 'Monthly report'],
      highlighted: false,
      month: { price: 290, listValue: 340, setupFee: 0 },
      year: { price: 2958, perMonth: 246.5, savings: 522 },
    },
    {
      id: 'growth',
      name: 'Growth',
      outcomes: ['Every review answered', 'Automations', 'Weekly call'],
      highlighted: true,
      cta: { label: 'Book a call' },
      month: { price: 690, listValue: 820, setupFee: 0 },
      year: { price: 7038, perMonth: 586.5, savings: 1242 },
    },
  ],
};

/** A logo as an SVG data URL: a rounded square of `color` with a letter. */
const logo = (color: string, letter: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" rx="10" fill="${color}"/><text x="20" y="27" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`,
  )}`;

const BRANDS = [
  {
    name: 'Northwind Studio',
    attrs: 'theme="light"',
    style: '--mrr-accent:#0a6e4f;--mrr-radius:2px;--mrr-font:Georgia,serif;--mrr-space:28px',
    logo: logo('#0a6e4f', 'N'),
  },
  {
    name: 'Pixel & Co',
    attrs: 'theme="light"',
    style:
      '--mrr-accent:#8a2be2;--mrr-surface-alt:#f6f0ff;--mrr-radius:18px;--mrr-font:system-ui,sans-serif;--mrr-font-size:17px',
    logo: logo('#8a2be2', 'P'),
  },
  { name: 'Nightshift Digital', attrs: 'theme="dark" credit', style: '--mrr-radius:10px', logo: logo('#2f3b52', 'D') },
];

const page = (lang: string) => `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>Three brands</title>
<script type="module" src="/mrr-pricing-table.js"></script>
<style>
  body { margin: 0; padding: 24px; font-family: system-ui, sans-serif; background: #eef0f4; }
  .row { display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; align-items: start; }
  .cell { padding: 12px; border-radius: 12px; }
  .cell.dark { background: #0c0e12; }
</style></head>
<body><h1>Three brands</h1><div class="row">
${BRANDS.map(
  (
    b,
  ) => `<div class="cell ${b.attrs.includes('dark') ? 'dark' : ''}"><mrr-pricing-table brand-name="${b.name}" ${b.attrs} style="${b.style}">
  <img slot="logo" alt="" width="40" height="40" src="${b.logo}">
  <script type="application/json">${JSON.stringify(pricing)}</script>
</mrr-pricing-table></div>`,
).join('\n')}
</div></body></html>`;

describe('white-label: three brands side by side (docs/theming.md)', () => {
  for (const lang of ['en', 'ar']) {
    it(`each shows its own name, logo, tokens and theme, and only the one that opts in says MRR Kit (${lang})`, async () => {
      const tab = await e2e.browser.newPage({ viewport: { width: 1280, height: 760 } });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.route(`${e2e.url}/brands.html`, (route) =>
        route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: page(lang) }),
      );
      await tab.goto(`${e2e.url}/brands.html`);
      const tables = tab.locator('mrr-pricing-table');
      await expect.poll(() => tables.locator('[data-tier="growth"]').count()).toBe(3);
      const seen = await tables.evaluateAll((els) =>
        els.map((el) => ({
          brand: el.shadowRoot!.querySelector('[part="brand-name"]')?.textContent?.trim(),
          logo: el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="logo"]')?.assignedElements().length,
          accent: getComputedStyle(el).getPropertyValue('--_accent').trim(),
          surface: getComputedStyle(el.shadowRoot!.querySelector('[part="tier"]')!).backgroundColor,
          // Font, size, radius and spacing tokens, as the rendered card and its price draw them.
          font: getComputedStyle(el.shadowRoot!.querySelector('[part="tier"]')!).fontFamily,
          fontSize: getComputedStyle(el.shadowRoot!.querySelector('[part="tier"]')!).fontSize,
          radius: getComputedStyle(el.shadowRoot!.querySelector('[part="tier"]')!).borderTopLeftRadius,
          padding: getComputedStyle(el.shadowRoot!.querySelector('[part="tier"]')!).paddingTop,
          says: el.shadowRoot!.textContent.includes('MRR Kit'),
        })),
      );
      expect(seen.map((s) => s.brand)).toEqual(BRANDS.map((b) => b.name));
      expect(seen.map((s) => s.logo)).toEqual([1, 1, 1]);
      expect(seen.map((s) => s.accent)).toEqual(['#0a6e4f', '#8a2be2', '#8ea2ff']);
      expect(seen.map((s) => s.surface)).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)', 'rgb(22, 25, 31)']);
      expect(seen.map((s) => s.says)).toEqual([false, false, true]);
      expect(seen.map((s) => s.font)).toEqual([
        'Georgia, serif',
        'system-ui, sans-serif',
        expect.stringMatching(/^system-ui, -apple-system/),
      ]);
      expect(seen.map((s) => s.fontSize)).toEqual(['15px', '17px', '15px']);
      expect(seen.map((s) => s.radius)).toEqual(['2px', '18px', '10px']);
      expect(seen.map((s) => s.padding)).toEqual(['28px', '20px', '20px']);
      expect(errors).toEqual([]);
      await tab.screenshot({ path: `docs/theming-brands${lang === 'en' ? '' : `-${lang}`}.png`, fullPage: true });
      await tab.close();
    });
  }
});
