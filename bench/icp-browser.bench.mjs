#!/usr/bin/env node
// Scoring a 100,000-row prospects CSV in the real <mrr-icp-builder> (issue 10 item 4: "a 100,000-row
// CSV imported and scored ≤ 5 s in Chromium with no main-thread task over 50 ms"). Headless
// Chromium (playwright-core, no CPU throttling) on the built files in dist/ (served by vite preview);
// a host page with only `<mrr-icp-builder storage-key="">` (dist/mrr-icp-builder.js). Each run, in
// a fresh page: the generated CSV is put on the prospects panel's file input (setInputFiles) and
// read (phase `read`), "Score" clicked until the table shows (`score`), the table scrolled into
// view and within (until two frames are drawn), then every action on the 100k table: sort by name, by name again (descending), by score, by tier, filter tier A, filter
// all tiers, search a name, and download the scored CSV (until its Blob is made). Per phase: wall
// time, every long task (PerformanceObserver 'longtask', > 50 ms) that started in it, and the longest
// gap between the turns of a 1 ms interval (the page's longest wait, tasks under 50 ms included;
// only with ICP_GAPS=1: the interval itself loads the page, and on a loaded machine a gap also
// counts the time the OS gave the core to another process).
// Memory: the JS heap of the page's main thread and of each worker it starts (CDP
// `Runtime.getHeapUsage`, used bytes, sampled every 100 ms from Node: a peak between two samples
// can be missed), and the peak resident memory of the launched Chromium's renderer processes
// (/proc, Linux; the file's and the export's Blob data count there, not in a JS heap).
// Medians over the runs. Target: read + score ≤ 5 s, every phase's longest task < 50 ms; for the
// big file (issue 15 item 9: 1.16 M rows) also the page's peak heap ≤ 256 MB.
//   node bench/icp-browser.bench.mjs [runs=3] [rows=100000]
//   node bench/icp-browser.bench.mjs 3 big        (1,160,000 rows, the big file; same generator)
//   ICP_DIST=bench/tmp/icp-dist-before node bench/icp-browser.bench.mjs   (another build, e.g. the old code)
//   ICP_LABEL=before                                                      (label in the results; the
//   results of other labels already in bench/results/icp-browser.json are kept)
// Run `npm run build` first (npm run bench does). Writes bench/results/icp-browser.json.
import os from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { INDUSTRIES, prng } from './lib/prospects.mjs';

const RUNS = Number(process.argv[2] ?? 3);
/** The big case of issue 15 item 9 (a 50 MB prospects export had 1.16 M rows; this generator writes longer rows). */
const BIG_ROWS = 1_160_000;
const ROWS = process.argv[3] === 'big' ? BIG_ROWS : Number(process.argv[3] ?? 100_000);
const HEAP_LIMIT = 256e6;
const DIST = process.env.ICP_DIST ?? 'dist';
const LABEL = process.env.ICP_LABEL ?? (DIST === 'dist' ? 'current' : DIST);
const RESULTS = 'bench/results/icp-browser.json';
mkdirSync('bench/tmp', { recursive: true });
mkdirSync('bench/results', { recursive: true });
if (!existsSync(`${DIST}/mrr-icp-builder.js`))
  throw new Error(`${DIST}/mrr-icp-builder.js is missing: run \`npm run build\` first.`);

// Names in several scripts, with accents, duplicates and blanks (the name sort uses the locale's collation).
const FIRST = [
  'Élan',
  'elan',
  'Zoë',
  'Ångström',
  'Bistro',
  'مطعم',
  'عيادة',
  'Café',
  'cafe',
  'Œuvre',
  '  ',
  'Dr. Smile',
  '10 Downing',
  '9 Lives',
];
const cell = (c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

function generate(rows) {
  const r = prng(7);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const num = (max, digits = 0) => (r() < 0.08 ? '' : (r() * max).toFixed(digits));
  const lines = [
    'Business name,Industry,Monthly marketing budget,Employees,Annual revenue,Years in business,Review count,Rating,Has website,Runs ads,Sells online,City',
  ];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const name = first.trim() === '' ? '' : `${first} ${Math.floor(r() * 5000)}`;
    lines.push(
      [
        name,
        pick(INDUSTRIES),
        r() < 0.1 ? `${Math.floor(r() * 9)},${String(Math.floor(r() * 1000)).padStart(3, '0')}` : num(3000),
        r() < 0.02 ? 'lots' : num(300),
        num(8e6),
        num(40),
        num(600),
        num(5, 1),
        pick(['yes', 'no', 'YES', 'No', 'true', '']),
        pick(['yes', 'no', 'maybe']),
        pick(['yes', 'no']),
        pick(['Lyon', 'Paris', 'Nantes', 'الرياض']),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const csvPath = `bench/tmp/icp-prospects-${ROWS}.csv`;
if (!existsSync(csvPath)) writeFileSync(csvPath, generate(ROWS));
const bytes = statSync(csvPath).size;

const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>ICP bench</title>
<script>
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  // Gaps over 20 ms between the turns of a 1 ms interval: how long the page could not answer,
  // short tasks included (the long task API only reports those over 50 ms).
  window.__gaps = [];
  if (${process.env.ICP_GAPS === '1'}) {
    let last = performance.now();
    setInterval(() => { const n = performance.now(); if (n - last > 20) __gaps.push({ start: last, duration: n - last }); last = n; }, 1);
  }
  window.__blobs = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = function (blob) { __blobs.push({ at: performance.now(), size: blob.size ?? 0 }); return create.call(URL, blob); };
</script>
<script type="module" src="/mrr-icp-builder.js"></script>
</head><body><mrr-icp-builder storage-key=""></mrr-icp-builder></body></html>`;

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: DIST },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

/** In the page: the element's shadow root. */
const inPage = {
  /** Clicks `selector` in the element's shadow root; resolves when `done()` (a string of JS) holds; returns [t0, t1]. */
  act: ([action, done]) =>
    new Promise((resolve, reject) => {
      const root = document.querySelector('mrr-icp-builder').shadowRoot;
      const $ = (s) => root.querySelector(s);
      const $$ = (s) => [...root.querySelectorAll(s)];
      const check = new Function('$', '$$', `return (${done});`);
      // The action runs in a task of the page's own (a script run by DevTools is not reported as a long task).
      // t0 is taken before: a long task's startTime is its task's start, a little before its callback runs.
      const t0 = performance.now();
      let started = 0;
      setTimeout(() => {
        new Function('$', '$$', action)($, $$);
        started = performance.now();
        setTimeout(poll, 0);
      }, 0);
      const poll = () => {
        let ok;
        try {
          ok = check($, $$);
        } catch {
          ok = false;
        }
        if (ok) resolve([t0, performance.now()]);
        else if (performance.now() - started > 120_000) reject(new Error(`timed out: ${done}`));
        else setTimeout(poll, 2);
      };
    }),
};

const busy = `$('[data-prospects] [aria-busy="true"]')`;

/** Whether process `pid` descends from this Node process (the Chromium it launched), per /proc. */
function ours(pid) {
  for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
    if (p === process.pid) return true;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

/** Resident bytes of the renderer processes of the Chromium this bench launched (Linux /proc; 0 elsewhere). */
function rendererRss() {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let cmd;
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.includes('--type=renderer') || cmd.includes('--extension-process') || !ours(Number(pid))) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
    }
  } catch {
    return 0;
  }
  return total;
}

/**
 * Samples the JS heap of the page's main thread and of its workers (CDP, through the page's session:
 * workers attached with `Target.setAutoAttach`, asked with `Target.sendMessageToTarget`) every
 * `everyMs`; `mark(name)` starts a phase, `stop()` returns the peaks (overall and per phase).
 */
async function heapSampler(context, page, everyMs = 100) {
  const cdp = await context.newCDPSession(page);
  const workers = new Map();
  let nextId = 1;
  const waiting = new Map();
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.set(sessionId, targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = (sessionId) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, (result) => resolve(result?.usedSize ?? 0));
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) })
        .catch(() => resolve(0));
      setTimeout(() => resolve(0), 1000);
    });
  const peak = { page: 0, workers: 0, sum: 0, rss: 0 };
  const phases = {};
  let phase = 'load';
  let stopped = false;
  const sample = async () => {
    const [main, ...inWorkers] = await Promise.all([
      cdp.send('Runtime.getHeapUsage').then(
        (r) => r.usedSize,
        () => 0,
      ),
      ...[...workers.keys()].map(workerHeap),
    ]);
    const w = inWorkers.reduce((a, b) => a + b, 0);
    const rss = rendererRss();
    for (const target of [peak, (phases[phase] ??= { page: 0, workers: 0, sum: 0, rss: 0 })]) {
      target.page = Math.max(target.page, main);
      target.workers = Math.max(target.workers, w);
      target.sum = Math.max(target.sum, main + w);
      target.rss = Math.max(target.rss, rss);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await sample().catch(() => {});
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  const mb = (x) => Math.round(x / 1e5) / 10;
  const inMb = (p) => ({ pageMB: mb(p.page), workersMB: mb(p.workers), sumMB: mb(p.sum), rendererRssMB: mb(p.rss) });
  return {
    mark(name) {
      phase = name;
    },
    async stop() {
      stopped = true;
      await loop;
      await cdp.detach().catch(() => {});
      return { ...inMb(peak), phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, inMb(v)])) };
    },
  };
}

async function run(index) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/host.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage }));
  await page.goto(`${url}host.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('mrr-icp-builder')?.shadowRoot?.querySelector('#prospects-file'));
  await page.waitForTimeout(1000);
  const heap = await heapSampler(context, page);
  const phases = {};
  const tasksIn = (a, b, list = '__longTasks') =>
    page.evaluate(([from, to, name]) => window[name].filter((t) => t.start >= from && t.start < to), [a, b, list]);
  const record = async (name, [t0, t1]) => {
    // Let tasks that started in the phase finish and be reported.
    await page.waitForTimeout(300);
    const tasks = await tasksIn(t0, t1 + 1);
    const gaps = await tasksIn(t0, t1 + 1, '__gaps');
    phases[name] = {
      longestGapMs: Math.round(Math.max(0, ...gaps.map((t) => t.duration))),
      ms: Math.round(t1 - t0),
      longTasks: tasks.length,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      tasksMs: tasks.map((t) => Math.round(t.duration)),
    };
  };

  // read: the file put on the input until the mapping (Score button) shows.
  heap.mark('read');
  const r0 = await page.evaluate(() => performance.now());
  await page.locator('mrr-icp-builder #prospects-file').setInputFiles(csvPath);
  const [, r1] = await page.evaluate(inPage.act, ['', `$('#prospects-score') && !$('#prospects-cancel')`]);
  await record('read', [r0, r1]);
  const rowsText = await page.evaluate(
    () => document.querySelector('mrr-icp-builder').shadowRoot.querySelector('.prospects p')?.textContent,
  );

  const step = async (name, action, done) => {
    heap.mark(name);
    return record(name, await page.evaluate(inPage.act, [action, done]));
  };
  await step('score', `$('#prospects-score').click()`, `$('[data-prospects] tbody tr') && !${busy}`);
  // A user sees the table before sorting it: scrolled into view (then within it), until two frames are drawn.
  const framed = (flag) => `requestAnimationFrame(() => requestAnimationFrame(() => (window.${flag} = true)));`;
  await step(
    'scrollToTable',
    `$('[data-prospects] .table-scroll').scrollIntoView({ block: 'center' }); ${framed('__scrolled')}`,
    'window.__scrolled',
  );
  await step(
    'scrollInTable',
    `$('[data-prospects] .table-scroll').scrollTop = 1500; ${framed('__scrolledIn')}`,
    'window.__scrolledIn',
  );
  const names = () =>
    page.evaluate(() =>
      [...document.querySelector('mrr-icp-builder').shadowRoot.querySelectorAll('[data-prospects] tbody tr .name')]
        .slice(0, 3)
        .map((n) => n.textContent),
    );
  await step(
    'sortName',
    `$('button.sort[data-sort="name"]').click()`,
    `$('button.sort[data-sort="name"]').closest('th').getAttribute('aria-sort') === 'ascending' && !${busy}`,
  );
  const ascending = await names();
  await step(
    'sortNameDescending',
    `$('button.sort[data-sort="name"]').click()`,
    `$('button.sort[data-sort="name"]').closest('th').getAttribute('aria-sort') === 'descending' && !${busy}`,
  );
  await step(
    'sortScore',
    `$('button.sort[data-sort="score"]').click()`,
    `$('button.sort[data-sort="score"]').closest('th').getAttribute('aria-sort') === 'descending' && !${busy}`,
  );
  await step(
    'sortTier',
    `$('button.sort[data-sort="tier"]').click()`,
    `$('button.sort[data-sort="tier"]').closest('th').getAttribute('aria-sort') === 'descending' && !${busy}`,
  );
  await step(
    'filterTierA',
    `const s = $('#prospects-tier'); s.value = 'A'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    `$$('[data-prospects] tbody tr').length > 0 && $$('[data-prospects] tbody tr').every((tr) => tr.dataset.tier === 'A') && !${busy}`,
  );
  const showingA = await page.evaluate(() =>
    document.querySelector('mrr-icp-builder').shadowRoot.querySelector('[data-showing]')?.textContent?.trim(),
  );
  await step(
    'filterAll',
    `const s = $('#prospects-tier'); s.value = 'all'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    `$('[data-showing]').textContent.includes('of ${ROWS.toLocaleString('en')}') && !${busy}`,
  );
  await step(
    'search',
    `const s = $('#prospects-search'); s.value = 'zoë 12'; s.dispatchEvent(new Event('input', { bubbles: true }));`,
    `$$('[data-prospects] tbody tr').length > 0 && $$('[data-prospects] tbody tr .name').every((n) => n.textContent.toLowerCase().includes('zoë 12')) && !${busy}`,
  );
  await step(
    'clearSearch',
    `const s = $('#prospects-search'); s.value = ''; s.dispatchEvent(new Event('input', { bubbles: true }));`,
    `$$('[data-prospects] tbody tr').length === 100 && !${busy}`,
  );
  heap.mark('export');
  const blobsBefore = await page.evaluate(() => window.__blobs.length);
  const [t0, t1] = await page.evaluate(inPage.act, [`$('#prospects-export').click()`, `window.__blobs.length > ${blobsBefore}`]);
  const exported = await page.evaluate(() => window.__blobs.at(-1));
  await record('export', [t0, exported.at ?? t1]);
  const memory = await heap.stop();
  await context.close();
  return {
    run: index,
    rowsText,
    showingA,
    ascending,
    exportBytes: exported.size,
    readPlusScoreMs: phases.read.ms + phases.score.ms,
    longestTaskMs: Math.max(...Object.values(phases).map((p) => p.longestTaskMs)),
    memory,
    phases,
    errors,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await run(i));
  const m = runs.at(-1).memory;
  console.log(
    `run ${i + 1}/${RUNS}: read + score ${runs.at(-1).readPlusScoreMs} ms, longest task ${runs.at(-1).longestTaskMs} ms, ` +
      `peak heap: page ${m.pageMB} MB, workers ${m.workersMB} MB, renderer RSS ${m.rendererRssMB} MB`,
  );
}
await browser.close();
await new Promise((r) => server.httpServer.close(r));

const phaseNames = Object.keys(runs[0].phases);
const medians = Object.fromEntries(
  phaseNames.map((p) => [
    p,
    {
      ms: median(runs.map((r) => r.phases[p].ms)),
      longestTaskMs: median(runs.map((r) => r.phases[p].longestTaskMs)),
      worstLongestTaskMs: Math.max(...runs.map((r) => r.phases[p].longestTaskMs)),
      longTasks: median(runs.map((r) => r.phases[p].longTasks)),
      longestGapMs: median(runs.map((r) => r.phases[p].longestGapMs)),
    },
  ]),
);
const readPlusScoreMs = median(runs.map((r) => r.readPlusScoreMs));
const memory = Object.fromEntries(
  ['pageMB', 'workersMB', 'sumMB', 'rendererRssMB'].map((k) => [k, median(runs.map((r) => r.memory[k]))]),
);
const longestTaskMs = median(runs.map((r) => r.longestTaskMs));
const entry = {
  date: new Date().toISOString(),
  dist: DIST,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model?.trim(), node: process.version },
  loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  rows: ROWS,
  fileMB: Math.round((bytes / 1e6) * 10) / 10,
  runs: RUNS,
  target: { readPlusScoreMs: 5000, longestTaskMs: 50, ...(ROWS >= BIG_ROWS ? { pageHeapMB: HEAP_LIMIT / 1e6 } : {}) },
  readPlusScoreMs,
  longestTaskMs,
  memory,
  medians,
  met:
    (ROWS >= BIG_ROWS ? memory.pageMB * 1e6 <= HEAP_LIMIT : readPlusScoreMs <= 5000) &&
    phaseNames.every((p) => medians[p].longestTaskMs < 50),
  each: runs,
};
let all;
try {
  all = JSON.parse(readFileSync(RESULTS, 'utf8'));
} catch {
  all = {};
}
all[ROWS === 100_000 ? LABEL : `${LABEL}-${ROWS}`] = entry;
writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);

console.log(
  `\n${LABEL} (${DIST}): ${ROWS.toLocaleString('en')} rows, ${entry.fileMB} MB, ${RUNS} runs, load average ${entry.loadAverage.join(' ')}`,
);
console.log(
  '| phase | wall ms (median) | longest task ms (median; 0 = none over 50) | worst run | long tasks (median) | longest gap ms (median) |\n|---|---|---|---|---|---|',
);
for (const p of phaseNames) {
  const m = medians[p];
  console.log(`| ${p} | ${m.ms} | ${m.longestTaskMs} | ${m.worstLongestTaskMs} | ${m.longTasks} | ${m.longestGapMs} |`);
}
console.log(
  `peak JS heap (median): page ${memory.pageMB} MB, workers ${memory.workersMB} MB, page + workers ${memory.sumMB} MB; ` +
    `renderer processes' RSS ${memory.rendererRssMB} MB`,
);
console.log(
  `read + score ${readPlusScoreMs} ms (target ≤ 5,000${ROWS >= BIG_ROWS ? ', not for the big file' : ''}); ` +
    `longest task ${longestTaskMs} ms; ${ROWS >= BIG_ROWS ? 'page heap ≤ 256 MB and ' : ''}` +
    `every phase's longest task < 50 ms: ${entry.met ? 'met' : 'NOT met'}`,
);
if (runs.some((r) => r.errors.length))
  console.log(
    'page errors:',
    runs.flatMap((r) => r.errors),
  );
process.exit(entry.met ? 0 : 1);
