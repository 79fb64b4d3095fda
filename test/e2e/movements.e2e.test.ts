import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startE2E, type E2E } from './server.js';

/** `<mrr-movements>` on the built site: the dbt mrr-playbook fixture through the real file input. */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const expected = readFileSync('test/fixtures/dbt-expected-movements.csv', 'utf8').trim().split(/\r?\n/);
const header = expected[0]!.split(',');
const lastExpected: Record<string, string> = Object.fromEntries(
  expected
    .at(-1)!
    .split(',')
    .map((v, i): [string, string] => [header[i] ?? '', v]),
);

describe('<mrr-movements> on the built site', () => {
  it('imports the dbt mrr-playbook CSV, saves it, and its last month matches expected_movements.csv', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.url}/site/demo.html?lang=en`);
    const el = page.locator('mrr-movements');
    // The site shows the built-in example until something is imported.
    await expect.poll(() => el.locator('#source').textContent()).toContain('Example agency');

    await el.locator('#file').setInputFiles('test/fixtures/dbt-subscription-periods.csv');
    await el.locator('#start-import').click();
    await el.locator('#import-report').waitFor();
    expect(await el.locator('[data-report="periods"]').textContent()).toBe('121');
    const name = `dbt playbook ${Date.now()}`;
    // Kept at once under the file's name; a new name is saved with its button.
    await expect.poll(() => el.locator('#saved-message').textContent()).toContain('dbt-subscription-periods');
    await el.locator('#dataset-name').fill(name);
    await el.locator('#save-dataset').click();
    await expect.poll(() => el.locator('#saved-message').textContent()).toContain(name);

    const last = el.locator('#movements-table tbody tr').last();
    const cells = await last.locator('td').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    const [startingMrr, newMrr, expansion, reactivation, contraction, churn, endingMrr, customers] = cells;
    expect(await last.getAttribute('data-month')).toBe(lastExpected.month);
    expect({ startingMrr, newMrr, expansion, reactivation, contraction, churn, endingMrr, customers }).toEqual({
      startingMrr: Number(lastExpected.starting_mrr),
      newMrr: Number(lastExpected.new),
      expansion: Number(lastExpected.expansion),
      reactivation: Number(lastExpected.reactivation),
      contraction: Number(lastExpected.contraction),
      churn: Number(lastExpected.churn),
      endingMrr: Number(lastExpected.ending_mrr),
      customers: Number(lastExpected.customers),
    });

    // After a reload the saved dataset is listed and opened again (storage-key="site").
    await page.reload();
    await expect.poll(() => el.locator('#source').textContent()).toBe(`Showing: ${name}`);
    expect(await el.locator('.dataset[data-current] .dataset-name').textContent()).toBe(name);
    expect(await el.locator('#movements-table tbody tr').last().getAttribute('data-month')).toBe(lastExpected.month);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks before reading 12.000, and a huge dataset name never widens a phone-sized page (en and ar)', async () => {
    for (const lang of ['en', 'ar']) {
      const page = await e2e.browser.newPage({ viewport: { width: 360, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${e2e.url}/site/demo.html?lang=${lang}`);
      const el = page.locator('mrr-movements');
      await el.locator('#file').setInputFiles('test/fixtures/two-way-amounts.csv');
      await el.locator('#start-import').click();
      // Nothing is read until the user says how the file writes decimals.
      await el.locator('#number-format-error').waitFor();
      await el.locator('#number-format input[value="comma"]').check();
      await el.locator('#start-import').click();
      await el.locator('#import-report').waitFor();
      await el.locator('#dataset-name').evaluate((input: HTMLInputElement) => {
        // What a script (not the keyboard) could put there: the element still keeps 80 characters.
        input.value = `Acme \u202Eevil\u202C ${'W'.repeat(10_000)}`;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await el.locator('#save-dataset').click();
      await expect.poll(() => el.locator('#saved-message').textContent()).toContain('WWW');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, lang).toBeLessThanOrEqual(360);
      const saved = await el.locator('.dataset[data-current] .dataset-name').getAttribute('title');
      expect([...(saved ?? '')].length).toBeLessThanOrEqual(80);
      expect(await el.locator('#source bdi').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
