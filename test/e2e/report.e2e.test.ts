import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startE2E, type E2E } from './server.js';

/**
 * The executive report (`#/report`) printed to PDF by Chromium ("Save as PDF"): the PDF is read
 * back with PDF.js in a page of its own (its text, its page count, a picture of page 1).
 */
let e2e: E2E;
const pdfjsBuild = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.min.mjs'));

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

type AppHandle = {
  mrrApp: {
    loaded: boolean;
    store: { ws: { clients: { id: string }[] } };
    newScenario(clientId: string): Promise<void>;
  };
};

const inApp = (page: Page, selector: string) => page.locator(`mrr-app ${selector}`);

async function typeClients(page: Page, clients: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/calculator'));
  const input = inApp(page, 'mrr-calculator input#clients');
  await input.waitFor();
  await input.fill(clients);
  await input.press('Tab');
  // Saved before the next scenario opens: the report reads saved records.
  await expect
    .poll(() =>
      page.evaluate(async (value) => {
        const calc = document.querySelector('mrr-app')!.shadowRoot!.querySelector('mrr-calculator') as unknown as {
          form: { persist: { flush(): Promise<void> } };
          shadowRoot: ShadowRoot;
        };
        await calc.form.persist.flush();
        return calc.shadowRoot.querySelector<HTMLInputElement>('input#clients')!.value === value;
      }, clients),
    )
    .toBe(true);
}

interface ReadPdf {
  pages: number;
  text: string;
  /** Page 1 as a PNG data URL, and the share of its pixels that are not white. */
  picture: string;
  inked: number;
}

/** Reads `pdf` with PDF.js in a page of `browser`: its pages, its text, a picture of page 1. */
async function readPdf(browser: Browser, pdf: Buffer): Promise<ReadPdf> {
  const page = await browser.newPage();
  try {
    await page.route('http://pdf.test/**', (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '')
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>PDF</title><script type="module">
            import * as pdfjs from '/pdf.min.mjs';
            pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';
            window.pdfjsLib = pdfjs;
          </script>`,
        });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(pdfjsBuild, name)) });
    });
    await page.goto('http://pdf.test/');
    await page.waitForFunction(() => 'pdfjsLib' in window);
    return await page.evaluate(async (base64) => {
      const pdfjs = (window as unknown as { pdfjsLib: typeof import('pdfjs-dist') }).pdfjsLib;
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const doc = await pdfjs.getDocument({ data }).promise;
      const texts: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      }
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: 1 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const context = canvas.getContext('2d')!;
      await first.render({ canvas, canvasContext: context, viewport }).promise;
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let p = 0; p < pixels.length; p += 4) if (pixels[p]! < 230 || pixels[p + 1]! < 230 || pixels[p + 2]! < 230) inked++;
      return {
        pages: doc.numPages,
        text: texts.join('\n'),
        picture: canvas.toDataURL('image/png'),
        inked: inked / (pixels.length / 4),
      };
    }, pdf.toString('base64'));
  } finally {
    await page.close();
  }
}

const squeeze = (s: string) => s.replace(/[\s\u2066-\u2069]+/g, ''); // bidi isolates around names are invisible

describe('the executive report, printed', () => {
  it('prints to PDF with the KPIs, the agency and the client, no editor controls, on few pages; page 1 pictured', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.url}/site/#/workspace`);
    await expect.poll(() => page.evaluate(() => (window as unknown as AppHandle).mrrApp?.loaded ?? false)).toBe(true);
    // Last month's scenario, then this month's.
    await typeClients(page, '30');
    const clientId = await page.evaluate(() => (window as unknown as AppHandle).mrrApp.store.ws.clients[0]!.id);
    await page.evaluate((id) => (window as unknown as AppHandle).mrrApp.newScenario(id), clientId);
    await typeClients(page, '45');

    await page.evaluate(() => (location.hash = '#/report'));
    await inApp(page, '#report .kpi').first().waitFor();
    await inApp(page, '#report-agency').fill('Northwind Digital');
    await inApp(page, '#report-agency').press('Enter');
    await inApp(page, '#report-agency').blur();
    await expect.poll(() => inApp(page, '.report-agency').textContent()).toBe('Northwind Digital');
    const ending = (await inApp(page, '.kpi[data-kpi="endingMrr"] .kpi-value').textContent())!.trim();
    const delta = (await inApp(page, '.kpi[data-kpi="endingMrr"] .kpi-delta').textContent())!.trim();
    expect(ending).toMatch(/^\$[\d,]+$/);
    expect(delta).toMatch(/^\+\$[\d,]+ vs /);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
    const read = await readPdf(e2e.browser, pdf);
    mkdirSync('.wtr-reports', { recursive: true });
    writeFileSync('.wtr-reports/report.pdf', pdf);
    writeFileSync('.wtr-reports/report-page-1.png', Buffer.from(read.picture.split(',')[1]!, 'base64'));

    const text = squeeze(read.text);
    expect(text).toContain(squeeze('Northwind Digital'));
    expect(text).toContain(squeeze('Executive report'));
    expect(text).toContain(squeeze('Prepared for My first client'));
    expect(text).toContain(squeeze(ending));
    expect(text).toContain(squeeze(delta.split(' vs ')[0]!));
    expect(text).toContain(squeeze('Recommendations'));
    // No editor controls and no app chrome in print.
    for (const control of ['Report settings', 'Print or save as PDF', 'Skip to the view', 'Workspace'])
      expect(text).not.toContain(squeeze(control));
    // All six sections fit on a few pages; page 1 is a page of report, not blank and not a dark screen.
    expect(read.pages).toBeGreaterThanOrEqual(1);
    expect(read.pages).toBeLessThanOrEqual(3);
    expect(read.inked).toBeGreaterThan(0.01);
    expect(read.inked).toBeLessThan(0.5);

    // The key figures alone fit on one page.
    await page.emulateMedia({ media: 'screen' });
    for (const section of ['chart', 'packages', 'economics', 'motions', 'recommendations'])
      await inApp(page, `#show-${section}`).uncheck();
    await expect.poll(() => inApp(page, '#report .report-section').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const short = await readPdf(e2e.browser, await page.pdf({ format: 'A4', printBackground: true }));
    expect(short.pages).toBe(1);
    expect(squeeze(short.text)).toContain(squeeze(ending));
    expect(squeeze(short.text)).not.toContain(squeeze('Recommendations'));
    expect(errors).toEqual([]);
    await context.close();
  });
  it('fits a 360 px phone in Arabic: nothing widens the page, wide tables scroll in their own box', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${e2e.url}/site/?lang=ar#/report`);
    await inApp(page, '#report .kpi').first().waitFor();
    await inApp(page, '#report-motions').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await inApp(page, '.report-head').textContent()).toContain('التقرير التنفيذي');
    await page.close();
  });
  it("repeats a long table's header rows on every printed page it spans", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/site/#/workspace`);
    await expect.poll(() => page.evaluate(() => (window as unknown as AppHandle).mrrApp?.loaded ?? false)).toBe(true);
    // 40 packages, through the app's own file import (a workspace exported, one record added).
    const imported = await page.evaluate(async () => {
      const app = (
        window as unknown as {
          mrrApp: {
            exportWorkspace(): Promise<Blob>;
            importWorkspace(b: Blob, o: { mode: 'replace' }): Promise<{ ok: boolean }>;
          };
        }
      ).mrrApp;
      const file = JSON.parse(await (await app.exportWorkspace()).text()) as {
        workspace: { scenarios: { id: string }[] };
        records: Record<string, { name: string; data: unknown; schema: number }[]>;
      };
      const id = file.workspace.scenarios[0]!.id;
      const tiers = Array.from({ length: 40 }, (_, i) => ({
        id: `t${i}`,
        name: `Package ${i + 1}`,
        highlighted: i === 1,
        outcomes: ['More five-star reviews', 'A monthly report', 'Ads that pay for themselves'],
        month: { price: 100 + i, listValue: 150 + i, setupFee: 0 },
        year: { price: (100 + i) * 10.8, perMonth: (100 + i) * 0.9, savings: (100 + i) * 1.2 },
      }));
      file.records[id] = [
        ...(file.records[id] ?? []),
        {
          name: 'channel:pricing',
          schema: 1,
          data: { at: Date.now(), record: { v: 1, currency: 'USD', annualDiscountPct: 10, tiers } },
        },
      ];
      return (await app.importWorkspace(new Blob([JSON.stringify(file)]), { mode: 'replace' })).ok;
    });
    expect(imported).toBe(true);
    await page.evaluate(() => (location.hash = '#/report'));
    await inApp(page, '#report-packages').waitFor();
    expect(await inApp(page, '#report-packages tbody tr').count()).toBe(40);
    await page.emulateMedia({ media: 'print' });
    const read = await readPdf(e2e.browser, await page.pdf({ format: 'A4', printBackground: true }));
    const pages = read.text.split('\n');
    const withRows = pages.filter((p) => /Package \d+/.test(p));
    // The table runs over several pages, and each of them starts it with its header row.
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const p of withRows) expect(squeeze(p)).toContain(squeeze('Paid yearly, per month'));
    await context.close();
  });
});
