#!/usr/bin/env node
// CSV import in the browser, end to end: headless Chromium (playwright-core) on the built site,
// a generated CSV (1M rows by default) put on <mrr-movements>'s file input, mapping confirmed,
// import in the worker, report and analysis shown, then saved to IndexedDB. Records the time of
// each phase (and of opening the saved dataset after a reload) and the main thread's long tasks (PerformanceObserver 'longtask', > 50 ms each).
// Target: import ≤ 15 s, no task over 50 ms. Run `npm run build` first (npm run bench does).
// Usage: node bench/import-browser.bench.mjs [rows]. Writes bench/results/import-browser.json.
import os from 'node:os';
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { prng } from './lib/generate-periods.mjs';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const MB = 1024 * 1024;
mkdirSync('bench/tmp', { recursive: true });
mkdirSync('bench/results', { recursive: true });
if (!existsSync('dist/site/index.html')) throw new Error('dist/site is missing: run `npm run build` first.');

/** A plain export: 100k customers, about ten periods each, a 60/40 mix of ended and running. */
async function generate(path, rows) {
  const random = prng(11);
  const out = createWriteStream(path);
  let buffer = 'customer_id,start_date,end_date,monthly_amount\n';
  for (let i = 0; i < rows; i++) {
    const y = 2019 + Math.floor(random() * 5);
    const m = 1 + Math.floor(random() * 12);
    const mm = m < 10 ? `0${m}` : `${m}`;
    const start = `${y}-${mm}-${10 + Math.floor(random() * 18)}`;
    const end = random() < 0.6 ? `${y + 1}-${mm}-01` : '';
    buffer += `cus_${i % 100_000},${start},${end},${[19, 29, 49, 99.5, 149, 299][Math.floor(random() * 6)]}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const csv = `bench/tmp/import-browser-${ROWS}.csv`;
if (!existsSync(csv)) await generate(csv, ROWS);
const bytes = statSync(csv).size;

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: 'dist/site' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) =>
  m.type() === 'error' || m.type() === 'warning' ? errors.push(`console ${m.type()}: ${m.text()}`) : undefined,
);
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});
// The site root is the app shell; demo.html is the page of every element on example data.
await page.goto(`${url}demo.html?lang=en`);
const el = page.locator('mrr-movements');
await el.locator('#source').waitFor();
// The demo page holds every element: their first renders are done before the import starts, so
// that their long tasks (if any) are not counted as the import's.
await page.evaluate(async () => {
  const tags = [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((t) => t.startsWith('mrr-')))];
  await Promise.all(tags.map((t) => customElements.whenDefined(t)));
  await Promise.all([...document.querySelectorAll(tags.join(','))].map((e) => e.updateComplete));
  await new Promise((r) => setTimeout(r, 1000));
});

const now = () => page.evaluate(() => performance.now());
const tasksBetween = (from, to) =>
  page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [from, to]);
const summary = (tasks) => ({
  count: tasks.length,
  longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
  totalMs: Math.round(tasks.reduce((s, t) => s + t.duration, 0)),
});

const t0 = await now();
await el.locator('#file').setInputFiles(csv);
await el.locator('#start-import').waitFor();
const t1 = await now();
await el.locator('#start-import').click();
await el.locator('#import-report').waitFor({ timeout: 600_000 });
await el.locator('#source').waitFor();
const t2 = await now();
const periods = Number((await el.locator('[data-report="periods"]').textContent()).replace(/\D/g, ''));
// An import is saved by itself now (the button shows "Saving…", disabled); a "Save" button that
// can be pressed means it was not, and is pressed.
const settled = el.locator('#saved-message, #not-saved, #save-dataset.primary:not([disabled])').first();
await settled.waitFor({ timeout: 600_000 });
if ((await el.locator('#save-dataset.primary:not([disabled])').count()) > 0) await el.locator('#save-dataset').click();
await el.locator('#saved-message, #not-saved').first().waitFor({ timeout: 600_000 });
const t3 = await now();
const saved = (await el.locator('#saved-message').count()) > 0;

const importTasks = await tasksBetween(t1, t2);
const importSummary = summary(importTasks);
const saveSummary = summary(await tasksBetween(t2, t3));
const sniffSummary = summary(await tasksBetween(t0, t1));

// Open the saved dataset again (columns from IndexedDB, analysed in the worker), from the example
// data in the same page: `openDataset` until the analysis is rendered.
let openMs = null;
let openTasks = [];
let reloadMs = null;
let reloadTasks = [];
if (saved) {
  const [o0, o1] = await page.evaluate(async () => {
    const m = document.querySelector('mrr-movements');
    const id = m.datasets.all[0].id;
    m.loadExample();
    await m.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    const start = performance.now();
    await m.openDataset(id);
    await m.updateComplete;
    return [start, performance.now()];
  });
  openMs = Math.round(o1 - o0);
  openTasks = await tasksBetween(o0, o1 + 50);
  // A reload restores the last opened dataset: timed to the analysis shown. Its long tasks include
  // the site's own page load (parsing and first render of all four elements).
  await page.evaluate(() => document.querySelector('mrr-movements').persist.flush());
  const r0 = Date.now();
  await page.reload();
  try {
    await el.locator('#source', { hasText: 'import-browser' }).waitFor({ timeout: 120_000 });
    await el.locator('#use-figures').waitFor({ timeout: 120_000 });
    reloadMs = Date.now() - r0;
  } catch (e) {
    // Recorded, not thrown: the other phases' figures stand, and the page is kept to look at.
    errors.push(`reload: the saved dataset was not shown again within 120 s (${e.message.split('\n')[0]})`);
    await page.screenshot({ path: 'bench/tmp/import-browser-reload.png', fullPage: true });
  }
  reloadTasks = await page.evaluate(() => window.__longTasks);
}
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  rows: ROWS,
  fileMB: Math.round((bytes / MB) * 10) / 10,
  periodsImported: periods,
  sniffMs: Math.round(t1 - t0),
  importMs: Math.round(t2 - t1),
  rowsPerSecond: Math.round(ROWS / ((t2 - t1) / 1000)),
  saveMs: Math.round(t3 - t2),
  saved,
  openMs,
  reloadMs,
  longTasks: {
    sniff: sniffSummary,
    import: importSummary,
    save: saveSummary,
    open: summary(openTasks),
    reloadWithPageLoad: summary(reloadTasks),
  },
  longestImportTasks: importTasks
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 5)
    .map((t) => Math.round(t.duration)),
  target: { importMs: 15_000, longestTaskMs: 50 },
  errors,
};
result.meetsTarget =
  result.importMs <= 15_000 && [importSummary, saveSummary, summary(openTasks)].every((t) => t.longestMs <= 50);
writeFileSync('bench/results/import-browser.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
await browser.close();
await new Promise((r) => server.httpServer.close(r));
