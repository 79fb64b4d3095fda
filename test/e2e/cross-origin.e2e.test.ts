import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startE2E, type E2E } from './server.js';

/**
 * An agency page embeds dist/mrr-kit.js from a CDN on another origin. Browsers do not start a
 * worker from another origin, so the CSV import must fall back to the page's thread and still work.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const CDN = 'https://cdn.mrr-kit.test';

describe('the embed served from another origin', () => {
  it('renders the elements and imports a CSV without its worker', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const body = `<!doctype html><html lang="en"><body>
      <mrr-calculator storage-key=""></mrr-calculator>
      <mrr-movements storage-key=""></mrr-movements>
      <script type="module" src="${CDN}/mrr-kit.js"></script></body></html>`;
    await page.route('**/agency.html', (route) => route.fulfill({ contentType: 'text/html', body }));
    // The "CDN": the built bundle, served with CORS as CDNs do; any other file from it (the worker) too.
    await page.route(`${CDN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      return route.fulfill({
        contentType: 'text/javascript',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(`dist${path}`),
      });
    });
    await page.goto(`${e2e.url}/agency.html`);
    await page.locator('mrr-calculator [data-kpi="mrr-now"]').waitFor();
    expect(new URL(page.url()).origin).not.toBe(CDN);
    const el = page.locator('mrr-movements');
    await el.locator('#file').setInputFiles('test/fixtures/dbt-subscription-periods.csv');
    await el.locator('#start-import').click();
    await el.locator('#import-report').waitFor();
    expect(await el.locator('[data-report="periods"]').textContent()).toBe('121');
    expect(errors).toEqual([]);
    await page.close();
  });
});
