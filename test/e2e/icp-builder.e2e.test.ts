import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';
import { workedExampleIcp } from '../shared/icp-example.js';

/** `<mrr-icp-builder>` from the built embed bundle and on the built site. */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>ICP</title></head><body>
  <mrr-icp-builder id="icp" storage-key=""></mrr-icp-builder>
  <script type="module" src="/mrr-kit.js"></script>
</body></html>`;

const WORKED = workedExampleIcp({ name: 'Worked example', booleansAsLists: true });

/** `rows` prospects; every 50th has an unreadable employee count, every 97th a formula for a name. */
function prospects(rows: number): string {
  const industries = ['Dental', 'Legal', 'Restaurant', 'Gambling', 'Retail'];
  const out = ['Name,Industry,Employees,Review count,Has website'];
  for (let i = 0; i < rows; i++) {
    const name = i % 97 === 0 ? `=cmd|'/c calc'!A${i}` : `Prospect ${i}`;
    const employees = i % 50 === 0 ? 'many' : String((i * 7) % 120);
    out.push(`${name},${industries[i % 5]},${employees},${(i * 13) % 150},${i % 3 ? 'yes' : 'no'}`);
  }
  return out.join('\n');
}

describe('<mrr-icp-builder> (built)', () => {
  it('shows the worked example, scores 20,000 prospects without freezing the page, and exports them safely', async () => {
    const tab = await e2e.browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.route('**/icp.html', (route) => route.fulfill({ contentType: 'text/html', body: page }));
    await tab.goto(`${e2e.url}/icp.html`);
    await tab.waitForFunction(() => customElements.get('mrr-icp-builder'));
    await tab.evaluate((icp) => {
      const el = document.querySelector('mrr-icp-builder') as HTMLElement & {
        applyIcp(icp: unknown): void;
        applyExample(a: unknown): void;
      };
      el.applyIcp(icp);
      el.applyExample({ industry: 'Dental', employees: 7, reviewCount: 30, hasWebsite: 'yes' });
    }, WORKED);
    await expect.poll(() => tab.locator('#icp [data-kpi="score"]').textContent()).toBe('77.27');
    expect(await tab.locator('#icp [data-kpi="tier"]').textContent()).toBe('B');
    // Editing a weight by typing changes the score.
    await tab.locator('#icp input[id="employees--weight"]').fill('0');
    await expect.poll(() => tab.locator('#icp [data-kpi="score"]').textContent()).toBe('87.5');
    await tab.locator('#icp input[id="employees--weight"]').fill('3');

    // Long tasks on the page while the file is read and scored.
    await tab.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: 'longtask',
      });
    });
    const csv = prospects(20_000);
    const started = Date.now();
    await tab
      .locator('#icp #prospects-file')
      .setInputFiles({ name: 'prospects.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await tab.locator('#icp #prospects-score').click({ timeout: 20_000 });
    await tab.locator('#icp [data-prospects]').waitFor({ timeout: 30_000 });
    const seconds = (Date.now() - started) / 1000;
    const longTasks = await tab.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(
      `icp e2e: 20,000 prospects read and scored in ${seconds.toFixed(2)} s (incl. clicks); long tasks: ${longTasks.map((d) => Math.round(d)).join(', ') || 'none'}`,
    );
    expect(await tab.locator('#icp [data-showing]').textContent()).toBe('Showing 100 of 20,000 prospects.');
    expect(await tab.locator('#icp [data-prospects] tbody tr').count()).toBe(100);
    expect(await tab.locator('#icp [data-prospects] [data-line-errors]').textContent()).toContain(
      'Line 2: Employees “many” is not a number',
    );

    const [download] = await Promise.all([tab.waitForEvent('download'), tab.locator('#icp #prospects-export').click()]);
    const exported = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = exported.trim().split('\r\n');
    expect(lines[0]).toBe('Name,Industry,Employees,Review count,Has website,icp_score,icp_tier,icp_coverage_pct,icp_reasons');
    expect(lines.length).toBe(20_001);
    // The formula is made text (a leading ') and, changed, written quoted: src/core/csv.ts.
    expect(lines[1]?.startsWith(`"'=cmd|'/c calc'!A0",Dental,many,0,no,`)).toBe(true);
    expect(exported).not.toMatch(/(^|,)[=+@]/m);
    expect(errors).toEqual([]);
    await tab.close();
  });

  for (const [lang, width] of [
    ['en', 1280],
    ['ar', 360],
  ] as const) {
    it(`appears on the built site (${lang}, ${width} px) without widening the page`, async () => {
      const tab = await e2e.browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(`${e2e.url}/site/demo.html?lang=${lang}`);
      await tab.locator('a[href="#icp"]').click();
      const tier = tab.locator('#icp mrr-icp-builder [data-kpi="tier"]');
      await expect.poll(() => tier.textContent(), { timeout: 15_000 }).toMatch(/^[ABCD]$/);
      const base = tab.locator('#icp mrr-icp-builder [part="base"]');
      expect(await base.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(await tab.locator('a[href="#icp"]').textContent()).toBe(lang === 'ar' ? 'العملاء المثاليون' : 'Ideal clients');
      const [scrollWidth, clientWidth] = await tab.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      if (process.env.ICP_SHOTS)
        await tab.locator('#icp').screenshot({ path: `${process.env.ICP_SHOTS}/site-${lang}-${width}.png` });
      expect(errors).toEqual([]);
      await tab.close();
    });
  }
});
