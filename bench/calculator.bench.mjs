// Calculator benchmark: bundle sizes (gzip), time from script load to first render, and
// input-to-updated-chart latency over 100 edits at a 120-month horizon, in headless Chromium.
// Measured on what ships: dist/mrr-calculator.js (the per-element CDN file) and dist/mrr-kit.js.
// Run through `npm run bench` (it builds dist/ first).
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

import { gzipBytes, kB as kb, measureSizes } from './lib/sizes.mjs';

const measured = Object.fromEntries(measureSizes('dist').map((r) => [r.name, r]));
const langGzip = (row, lang) =>
  row.onDemand.filter((f) => f.includes(`.${lang}-`)).reduce((s, f) => s + gzipBytes(`dist/${f}`), 0);
const calc = measured['mrr-calculator'];
const sizes = {
  embedRaw: measured['all-in-one'].raw,
  embedGzip: measured['all-in-one'].gzip,
  calculatorRaw: calc.raw,
  // What an English page loads (the entry and what it imports statically); a French or Arabic
  // page adds that language's chunks, opening the table adds its chunk.
  calculatorGzip: calc.gzip,
  calculatorFiles: calc.files,
  frenchChunksGzip: langGzip(calc, 'fr'),
  arabicChunksGzip: langGzip(calc, 'ar'),
  coreGzip: measured.core.gzip,
};

// warmIntl: the host page has already used Intl (ICU initialised), as most real pages have by then.
const page = (
  script,
  warmIntl = false,
  horizon = 120,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
<mrr-calculator storage-key="" horizon="${horizon}"></mrr-calculator>
<script type="module">
  ${warmIntl ? "new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(1);" : ''}
  const t0 = performance.now();
  await import('${script}');
  const el = document.querySelector('mrr-calculator');
  await el.updateComplete;
  el.shadowRoot.querySelector('svg').getBoundingClientRect();
  const t1 = performance.now();
  const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('${script}'));
  window.__firstRender = { sinceScriptLoaded: t1 - entry.responseEnd, sinceImportCall: t1 - t0 };
</script></body></html>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x) => Math.round(x * 100) / 100;

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: '.' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

async function firstRenderRuns(warmIntl, horizon = 120) {
  const runs = [];
  for (let i = 0; i < 8; i++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.route('**/bench-page.html', (r) =>
      r.fulfill({ contentType: 'text/html', body: page('/dist/mrr-calculator.js', warmIntl, horizon) }),
    );
    await p.goto(`${url}bench-page.html`);
    await p.waitForFunction(() => window.__firstRender);
    runs.push(await p.evaluate(() => window.__firstRender));
    await context.close();
  }
  return runs.slice(3); // the first runs warm up the browser's caches
}
const warm = await firstRenderRuns(false);
const warmIcu = await firstRenderRuns(true);
const defaultHorizon = await firstRenderRuns(false, 24);

const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await p.route('**/bench-page.html', (r) => r.fulfill({ contentType: 'text/html', body: page('/dist/mrr-calculator.js') }));
await p.goto(`${url}bench-page.html`);
await p.waitForFunction(() => window.__firstRender);
const latencies = await p.evaluate(async () => {
  const el = document.querySelector('mrr-calculator');
  const input = el.shadowRoot.querySelector('#churnPct');
  const out = [];
  for (let i = 0; i < 110; i++) {
    const before = el.shadowRoot.querySelector('path.mrr-line').getAttribute('d');
    const t0 = performance.now();
    input.value = String(1 + (i % 20) / 4);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    el.shadowRoot.querySelector('svg').getBoundingClientRect(); // style + layout included
    const t1 = performance.now();
    const after = el.shadowRoot.querySelector('path.mrr-line').getAttribute('d');
    if (i >= 10) out.push({ ms: t1 - t0, changed: before !== after || i % 20 === 0 });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return out;
});
await browser.close();
await new Promise((r) => server.httpServer.close(r));

const ms = latencies.map((l) => l.ms);
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, chromium: chromiumPath() },
  sizes: {
    ...sizes,
    embedGzipKb: kb(sizes.embedGzip),
    calculatorGzipKb: kb(sizes.calculatorGzip),
    coreGzipKb: kb(sizes.coreGzip),
  },
  firstRenderMs: {
    medianSinceScriptLoaded: round(median(warm.map((f) => f.sinceScriptLoaded))),
    medianSinceImportCall: round(median(warm.map((f) => f.sinceImportCall))),
    medianSinceScriptLoadedIntlWarm: round(median(warmIcu.map((f) => f.sinceScriptLoaded))),
    medianSinceScriptLoadedDefaultHorizon: round(median(defaultHorizon.map((f) => f.sinceScriptLoaded))),
    runs: warm.length,
  },
  inputToRenderMs: {
    median: round(median(ms)),
    p95: round(p95(ms)),
    max: round(Math.max(...ms)),
    edits: ms.length,
    horizonMonths: 120,
    chartUpdated: latencies.every((l) => l.changed),
  },
  targets: { calculatorGzipKb: 25, firstRenderMs: 50, inputToRenderP95Ms: 16 },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/calculator.json', JSON.stringify(result, null, 2) + '\n');
const met = (v, t) => (v <= t ? 'met' : 'NOT met');
console.log(`| measure | result | target | |
|---|---|---|---|
| dist/mrr-kit.js (all elements), gzip | ${kb(sizes.embedGzip)} kB | — | |
| calculator alone (Lit + d3 parts, idb, English), gzip | ${kb(sizes.calculatorGzip)} kB | ≤ 25 kB | ${met(kb(sizes.calculatorGzip), 25)} |
| + French catalogue chunks (loaded only in French), gzip | ${kb(sizes.frenchChunksGzip)} kB | | |
| + Arabic catalogue chunks (loaded only in Arabic), gzip | ${kb(sizes.arabicChunksGzip)} kB | | |
| dist/core.js, gzip | ${kb(sizes.coreGzip)} kB | — | |
| script loaded → first render, default 24-month horizon | ${result.firstRenderMs.medianSinceScriptLoadedDefaultHorizon} ms | ≤ 50 ms | ${met(result.firstRenderMs.medianSinceScriptLoadedDefaultHorizon, 50)} |
| script loaded → first render, 120 months (median of ${warm.length}) | ${result.firstRenderMs.medianSinceScriptLoaded} ms | ≤ 50 ms | ${met(result.firstRenderMs.medianSinceScriptLoaded, 50)} |
| same, on a page that already used Intl (ICU initialised) | ${result.firstRenderMs.medianSinceScriptLoadedIntlWarm} ms | ≤ 50 ms | ${met(result.firstRenderMs.medianSinceScriptLoadedIntlWarm, 50)} |
| input → updated chart, 120 months, median | ${result.inputToRenderMs.median} ms | | |
| input → updated chart, 120 months, p95 (${ms.length} edits) | ${result.inputToRenderMs.p95} ms | ≤ 16 ms | ${met(result.inputToRenderMs.p95, 16)} |`);
