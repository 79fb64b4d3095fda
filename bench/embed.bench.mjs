// What embedding costs a phone (target: ≤ 50 ms of blocking time, no layout shift): a plain host page (heading, text, the element,
// more text below) with only the calculator, loaded in headless Chromium at a phone's viewport
// (412 × 823) with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate, as Lighthouse's mobile
// run). Total blocking time from long tasks (PerformanceObserver 'longtask', TBT = Σ (duration −
// 50 ms)) from navigation until the element's chart is drawn and the page has been quiet for 1.5 s;
// cumulative layout shift from 'layout-shift' entries. Five fresh browser contexts per variant,
// interleaved; medians. Variants: the page without the embed, with dist/mrr-calculator.js (the
// per-element file), with dist/mrr-kit.js (the all-in-one), each as shipped in dist/ (run
// `npm run build` first; `npm run bench` does). Writes bench/results/embed.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const RUNS = Number(process.env.EMBED_RUNS ?? 5);
/**
 * The host-page rule the README's embed section recommends: until the element is defined it takes
 * the space it will take (a phone's screen), so the text below it does not jump when it renders.
 * `EMBED_RESERVE=0` measures a page without it.
 */
const RESERVE =
  process.env.EMBED_RESERVE === '0'
    ? ''
    : 'mrr-calculator:not(:defined) { display: block; min-block-size: 100vh; }\n' +
      'mrr-calculator:state(loading) { display: block; min-block-size: 100vh; }';
const THROTTLE = 4;
const VIEWPORT = { width: 412, height: 823 };

/** The host page. `script` is the embed's file or null for the same page without it. */
const hostPage = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agency</title>
<script>
  window.__longTasks = []; window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __shifts.push({ start: e.startTime, value: e.value, nodes: e.sources.map((s) => s.node?.id || s.node?.nodeName || '?') }); })
    .observe({ type: 'layout-shift', buffered: true });
</script>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; }</style>
${script ? `<style>${RESERVE}</style>` : ''}
${script ? `<script type="module" src="${script}"></script>` : ''}
</head><body>
<h1>Grow your agency's recurring revenue</h1>
<p>We help agencies turn projects into retainers. Try the numbers for your own client base below.</p>
${script ? '<mrr-calculator storage-key="" clients="40" price="1200"></mrr-calculator>' : ''}
<p id="below">Questions? Write to us: we answer within a day. Our retainers start at three months.</p>
</body></html>`;

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: 'dist' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

async function run(variant, script) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.route('**/host.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage(script) }));
  const t0 = Date.now();
  await page.goto(`${url}host.html`, { waitUntil: 'load' });
  // Waits poll with plain CDP Runtime.evaluate of a small expression: Playwright's waitForFunction and
  // page.evaluate would first compile Playwright's injected script in the page (a long task of its
  // own at 4× CPU) and count it against the embed.
  const value = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const until = async (expression, every) => {
    for (const end = Date.now() + 60_000; !(await value(expression));) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, every));
    }
  };
  if (script) await until(`!!document.querySelector('mrr-calculator')?.shadowRoot?.querySelector('svg path')`, 50);
  const renderedMs = Date.now() - t0;
  // Quiet for 1.5 s: no long task in the last 1.5 s (work split into later tasks is counted).
  await until(
    `(() => { const last = window.__longTasks.at(-1); return performance.now() - (last ? last.start + last.duration : 0) > 1500; })()`,
    250,
  );
  const m = await value(`({
    longTasks: window.__longTasks,
    shifts: window.__shifts,
    tasks: window.__longTasks.map((t) => [Math.round(t.start), Math.round(t.duration)]),
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    elementHeight: document.querySelector('mrr-calculator')?.getBoundingClientRect().height ?? 0,
  })`);
  await context.close();
  const blocking = (tasks) => tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  return {
    variant,
    tbtMs: blocking(m.longTasks),
    tbtAfterFcpMs: blocking(m.longTasks.filter((t) => m.fcp === null || t.start >= m.fcp)),
    longestTaskMs: Math.max(0, ...m.longTasks.map((t) => t.duration)),
    longTasks: m.longTasks.length,
    cls: m.shifts.reduce((s, e) => s + e.value, 0),
    fcpMs: m.fcp,
    renderedWallMs: renderedMs,
    shifts: m.shifts,
    tasks: m.tasks,
    elementHeight: m.elementHeight,
  };
}

const variants = [
  ['without the embed', null],
  ['calculator file (dist/mrr-calculator.js)', '/mrr-calculator.js'],
  ['all-in-one (dist/mrr-kit.js)', '/mrr-kit.js'],
];
await run('warm-up', '/mrr-calculator.js'); // the browser's own first-start costs
const runs = [];
for (let i = 0; i < RUNS; i++) for (const [name, script] of variants) runs.push(await run(name, script));
await browser.close();
await new Promise((r) => server.httpServer.close(r));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;
const summary = variants.map(([name]) => {
  const rs = runs.filter((r) => r.variant === name);
  return {
    variant: name,
    tbtMs: r1(median(rs.map((r) => r.tbtMs))),
    tbtAfterFcpMs: r1(median(rs.map((r) => r.tbtAfterFcpMs))),
    longestTaskMs: r1(median(rs.map((r) => r.longestTaskMs))),
    cls: Math.max(...rs.map((r) => r.cls)),
    runsTbtMs: rs.map((r) => r1(r.tbtMs)),
  };
});
const base = summary[0];
for (const s of summary) s.addedTbtMs = r1(s.tbtMs - base.tbtMs);
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, load1: os.loadavg()[0], node: process.version, chromium: chromiumPath() },
  setup: {
    cpuThrottlingRate: THROTTLE,
    viewport: VIEWPORT,
    runs: RUNS,
    measure:
      'TBT = Σ (longtask duration − 50 ms), navigation → chart drawn + 1.5 s quiet; CLS = Σ layout-shift values without recent input',
  },
  target: { addedTbtMs: 50, cls: 0 },
  summary,
  runs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/embed.json', JSON.stringify(result, null, 2) + '\n');
console.log(`CPU ${THROTTLE}× slower, ${VIEWPORT.width}×${VIEWPORT.height}, median of ${RUNS} (load average ${r1(os.loadavg()[0])})
| host page | TBT | added by the embed | TBT after FCP | longest task | CLS (worst run) | |
|---|---:|---:|---:|---:|---:|---|`);
for (const s of summary) {
  const verdict = s === base ? '' : s.addedTbtMs <= 50 && s.cls === 0 ? 'met' : '**NOT met**';
  console.log(
    `| ${s.variant} | ${s.tbtMs} ms | ${s === base ? '—' : `${s.addedTbtMs} ms`} | ${s.tbtAfterFcpMs} ms | ${s.longestTaskMs} ms | ${r1(s.cls * 1000) / 1000} | ${verdict} |`,
  );
}
