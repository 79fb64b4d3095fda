import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './server.js';

/**
 * The embed builder on the built site (dist/site/embed.html): the snippet it gives, pasted into a
 * plain page of its own, makes a working element there.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('embed builder', () => {
  it('gives a snippet that works when pasted into a plain page', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.url}/site/embed.html`);
    const builder = page.locator('mrr-embed-builder');
    await builder.locator('#tag').selectOption('mrr-calculator');
    await builder.locator('#lang').selectOption('fr');
    await builder.locator('#brand-name').fill('Acme Growth');
    await builder.locator('#currency').fill('EUR');
    // The live preview shows the element with those settings.
    await builder.locator('.preview mrr-calculator[lang="fr"][brand-name="Acme Growth"]').waitFor();
    const snippet = await builder.locator('#snippet').inputValue();
    expect(snippet).toContain(`src="${e2e.url}/mrr-calculator.js"`);

    const plain = await e2e.browser.newPage();
    plain.on('pageerror', (e) => errors.push(e.message));
    await plain.route('**/agency-page.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body><h1>Agency</h1>\n${snippet}</body></html>`,
      }),
    );
    await plain.goto(`${e2e.url}/agency-page.html`);
    const el = plain.locator('mrr-calculator');
    await el.locator('[data-kpi="mrr-now"]').waitFor();
    expect(await el.locator('[data-kpi="mrr-now"]').innerText()).toContain('€');
    expect(await plain.getByText('Acme Growth').count()).toBeGreaterThan(0);
    const before = await el.locator('[data-kpi="mrr-now"]').innerText();
    await el.locator('#clients').fill('77');
    await expect.poll(() => el.locator('[data-kpi="mrr-now"]').innerText()).not.toBe(before);
    expect(errors).toEqual([]);
    await plain.close();
    await page.close();
  });
});
