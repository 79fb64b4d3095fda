// What embedding costs a phone, for every element side by side: a plain host page (heading, text,
// the element, more text below) with one element's own CDN file alone (`dist/<tag>.js`, every
// element of src/elements.json), plus the all-in-one `dist/mrr-kit.js` with the calculator, loaded
// in headless Chromium at a phone's viewport (412 × 823) with the CPU slowed 4× (CDP
// Emulation.setCPUThrottlingRate, as Lighthouse's mobile run). Total blocking time from long tasks
// (PerformanceObserver 'longtask', TBT = Σ (duration − 50 ms)) from navigation until the element's
// main content is drawn (`ready` below, and no update pending) and the page has been quiet for
// 1.5 s; cumulative layout shift from 'layout-shift' entries. Five fresh browser contexts per
// variant, interleaved; medians, against the same page without any embed. Targets (issue 17): ≤ 50
// ms added for what a prospect meets (calculator, unit economics, revenue motions, pricing table, the
// all-in-one), ≤ 100 ms for the agency's tools (movements, package designer, ICP builder); CLS 0.
// Measures dist/ as shipped (run `npm run build` first; `npm run bench` does). `EMBED_RUNS=n` (5),
// `EMBED_ONLY=mrr-pricing-table,mrr-kit` (tags; `mrr-kit` = the all-in-one), `EMBED_RESERVE=0`.
// `EMBED_DIST=dir` measures another build (a before/after comparison). Writes bench/results/embed.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { hostPage, SETUPS } from './lib/embed-host.mjs';

const RUNS = Number(process.env.EMBED_RUNS ?? 5);
const ONLY = (process.env.EMBED_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const THROTTLE = 4;
const VIEWPORT = { width: 412, height: 823 };
/** Elements a prospect meets on an agency's site; the others are the agency's own tools. */
const PROSPECT_FACING = new Set(['mrr-calculator', 'mrr-unit-economics', 'mrr-revenue-motions', 'mrr-pricing-table']);
const targetOf = (tag) => (PROSPECT_FACING.has(tag) ? 50 : 100);

const elements = JSON.parse(readFileSync('src/elements.json', 'utf8'));
for (const { tag } of elements) if (!SETUPS[tag]) throw new Error(`embed bench: no setup for ${tag}`);
const all = [
  { name: 'without the embed', tag: null, script: null },
  ...elements.map(({ tag }) => ({ name: `dist/${tag}.js`, tag, script: `/${tag}.js`, target: targetOf(tag) })),
  { name: 'all-in-one dist/mrr-kit.js (calculator)', tag: 'mrr-calculator', script: '/mrr-kit.js', target: 50, key: 'mrr-kit' },
];
const variants = all.filter((v) => !v.tag || !ONLY.length || ONLY.includes(v.key ?? v.tag));

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: process.env.EMBED_DIST ?? 'dist' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

async function run(v) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.route('**/host.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage(v) }));
  const t0 = Date.now();
  await page.goto(`${url}host.html`, { waitUntil: 'load' });
  // Waits poll with plain CDP Runtime.evaluate of a small expression: Playwright's waitForFunction and
  // page.evaluate would first compile Playwright's injected script in the page (a long task of its
  // own at 4× CPU) and count it against the embed.
  const value = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const until = async (expression, every) => {
    for (const end = Date.now() + 60_000; !(await value(expression));) {
      if (Date.now() > end) throw new Error(`${v.name}: timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, every));
    }
  };
  if (v.tag) {
    const el = `document.querySelector('${v.tag}')`;
    // Drawn: the element's main content is in its shadow root and no update is pending.
    await until(
      `(() => { const el = ${el}; const r = el?.shadowRoot; if (!r || el.isUpdatePending !== false || !(${SETUPS[v.tag].ready})) return false; window.__marks.ready ??= performance.now(); return true; })()`,
      50,
    );
  }
  const renderedMs = Date.now() - t0;
  // Quiet for 1.5 s: no long task in the last 1.5 s (work split into later tasks is counted).
  await until(
    `(() => { const last = window.__longTasks.at(-1); return performance.now() - (last ? last.start + last.duration : 0) > 1500; })()`,
    250,
  );
  const m = await value(`({
    longTasks: window.__longTasks,
    shifts: window.__shifts,
    marks: window.__marks,
    scripts: performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
      .map((e) => [e.name.replace(location.origin, ''), Math.round(e.responseEnd)]),
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    elementHeight: ${v.tag ? `document.querySelector('${v.tag}')?.getBoundingClientRect().height ?? 0` : 0},
  })`);
  await context.close();
  const blocking = (tasks) => tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  return {
    variant: v.name,
    tbtMs: blocking(m.longTasks),
    tbtAfterFcpMs: blocking(m.longTasks.filter((t) => m.fcp === null || t.start >= m.fcp)),
    longestTaskMs: Math.max(0, ...m.longTasks.map((t) => t.duration)),
    longTasks: m.longTasks.length,
    cls: m.shifts.reduce((s, e) => s + e.value, 0),
    fcpMs: m.fcp,
    definedMs: m.marks.defined === undefined ? null : Math.round(m.marks.defined),
    readyMs: m.marks.ready === undefined ? null : Math.round(m.marks.ready),
    renderedWallMs: renderedMs,
    shifts: m.shifts,
    tasks: m.longTasks.map((t) => [Math.round(t.start), Math.round(t.duration)]),
    scripts: m.scripts,
    elementHeight: m.elementHeight,
  };
}

const started = Date.now();
const load = [os.loadavg()[0]];
// The browser's own first-start costs, and each file read once from disk.
for (const v of variants) if (v.script) await run(v);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  for (const v of variants) runs.push(await run(v));
  load.push(os.loadavg()[0]);
}
await browser.close();
await new Promise((r) => server.httpServer.close(r));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;
const summary = variants.map((v) => {
  const rs = runs.filter((r) => r.variant === v.name);
  return {
    variant: v.name,
    tag: v.tag,
    file: v.script && `dist${v.script}`,
    setup: v.tag ? SETUPS[v.tag].content : 'the host page alone',
    tbtMs: r1(median(rs.map((r) => r.tbtMs))),
    tbtAfterFcpMs: r1(median(rs.map((r) => r.tbtAfterFcpMs))),
    longestTaskMs: r1(median(rs.map((r) => r.longestTaskMs))),
    cls: Math.max(...rs.map((r) => r.cls)),
    readyMs: v.tag ? median(rs.map((r) => r.readyMs)) : null,
    runsTbtMs: rs.map((r) => r1(r.tbtMs)),
  };
});
const base = summary.find((s) => !s.tag);
for (const s of summary) {
  s.addedTbtMs = r1(s.tbtMs - base.tbtMs);
  if (!s.tag) continue;
  s.target = { addedTbtMs: variants.find((v) => v.name === s.variant).target, cls: 0 };
  s.met = s.addedTbtMs <= s.target.addedTbtMs && s.cls === 0;
}
const result = {
  date: new Date().toISOString(),
  durationS: Math.round((Date.now() - started) / 1000),
  machine: {
    cpus: os.cpus().length,
    load1: r1(load.reduce((a, b) => a + b, 0) / load.length),
    load1Range: [r1(Math.min(...load)), r1(Math.max(...load))],
    node: process.version,
    chromium: chromiumPath(),
  },
  setup: {
    cpuThrottlingRate: THROTTLE,
    viewport: VIEWPORT,
    runs: RUNS,
    reserve:
      process.env.EMBED_RESERVE === '0'
        ? 'none'
        : '<tag>:not(:defined), <tag>:state(loading) { display: block; min-block-size: 100vh }',
    elements: Object.fromEntries(Object.entries(SETUPS).map(([tag, s]) => [tag, { markup: s.markup, shown: s.content }])),
    measure:
      'TBT = Σ (longtask duration − 50 ms), navigation → main content drawn (no update pending) + 1.5 s quiet; addedTbtMs = median − the median of the page without the embed; longestTaskMs = median of each run’s longest; CLS = worst run’s Σ layout-shift values without recent input; readyMs = median time the poll (every 50 ms) first saw the content drawn',
  },
  target: { prospectFacingAddedTbtMs: 50, agencyToolsAddedTbtMs: 100, cls: 0, prospectFacing: [...PROSPECT_FACING] },
  summary,
  runs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/embed.json', JSON.stringify(result, null, 2) + '\n');
console.log(`CPU ${THROTTLE}× slower, ${VIEWPORT.width}×${VIEWPORT.height}, median of ${RUNS} (load average ${result.machine.load1Range.join('–')})
| host page | TBT | added by the embed | target | longest task | CLS (worst run) | drawn at | |
|---|---:|---:|---:|---:|---:|---:|---|`);
for (const s of summary) {
  const verdict = s.tag ? (s.met ? 'met' : '**NOT met**') : '';
  console.log(
    `| ${s.variant} | ${s.tbtMs} ms | ${s.tag ? `${s.addedTbtMs} ms` : '—'} | ${s.tag ? `≤ ${s.target.addedTbtMs} ms` : ''} | ${s.longestTaskMs} ms | ${r1(s.cls * 1000) / 1000} | ${s.readyMs ?? '—'} ms | ${verdict} |`,
  );
}
