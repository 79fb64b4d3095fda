// Where an element's long tasks go, for the embed bench's host page (a diagnosis tool, not a bench:
// it records nothing). `node bench/trace-embed.mjs mrr-movements [runs]` loads dist/<tag>.js alone
// as embed.bench.mjs does (phone viewport, CPU 4× slower), records a Chromium trace and a CPU
// profile, and prints every main-thread task over 50 ms: its duration, what the browser did in it
// (style, layout, paint, script compile…) and the JavaScript functions with the most self time.
// `TRACE_DIST=dir` traces another build. Run `npm run build` first.
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { hostPage, SETUPS } from './lib/embed-host.mjs';

const tag = process.argv[2] ?? 'mrr-movements';
const runs = Number(process.argv[3] ?? 1);
const QUIET = process.env.QUIET === '1';
// Without throttling (TRACE_THROTTLE=1) the thread time is the real CPU time; × 4 it is a 4× slower phone's.
const THROTTLE_FOR_CPU = 4 / Number(process.env.TRACE_THROTTLE ?? 4);
const RESULTS = [];
/** What the browser's work is summed as, over the whole load. */
const TOTALLED = [
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'ParseHTML',
  'FunctionCall',
  'v8.evaluateModule',
  'MinorGC',
  'MajorGC',
  'TimerFire',
  'FireAnimationFrame',
];
const DIST = process.env.TRACE_DIST ?? 'dist';
if (!SETUPS[tag]) throw new Error(`no setup for ${tag}`);

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: DIST },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.TRACE_THROTTLE ?? 4) });
  await page.route('**/host.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage({ tag, script: `/${tag}.js` }) }));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    // Not 'v8' or 'blink': they slow every task several times.
    categories: ['devtools.timeline', 'toplevel', 'blink.user_timing'],
  });
  await page.goto(`${url}host.html`, { waitUntil: 'load' });
  const value = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  for (const end = Date.now() + 60_000; Date.now() < end;) {
    const ok = await value(
      `(() => { const el = document.querySelector('${tag}'); const r = el?.shadowRoot; return !!(r && el.isUpdatePending === false && (${SETUPS[tag].ready})); })()`,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  report(trace.traceEvents, profile);
}
await browser.close();
await server.httpServer.close();
RESULTS.sort((a, b) => a - b);
console.log(
  `est. quiet TBT per run: ${RESULTS.map((r) => r.toFixed(0)).join(', ')}; median ${RESULTS[Math.floor(RESULTS.length / 2)]?.toFixed(0)}`,
);

function report(events, profile) {
  // The renderer's main thread: the one with the most RunTask time among CrRendererMain threads.
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') names.set(`${e.pid}:${e.tid}`, true);
  const byThread = new Map();
  for (const e of events) {
    if (!names.has(`${e.pid}:${e.tid}`) || e.ph !== 'X') continue;
    if (!byThread.has(`${e.pid}:${e.tid}`)) byThread.set(`${e.pid}:${e.tid}`, []);
    byThread.get(`${e.pid}:${e.tid}`).push(e);
  }
  let main = [];
  for (const list of byThread.values()) if (list.length > main.length) main = list;
  main.sort((a, b) => a.ts - b.ts);
  // Top-level tasks only (a RunTask may nest another).
  const tasks = [];
  for (const e of main) {
    if (!(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')) continue;
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + last.dur) continue;
    tasks.push(e);
  }
  // A task's length on the 4× slower phone: its length, or 4 × its CPU time when traced unthrottled.
  const phoneMs = (e) => (THROTTLE_FOR_CPU === 1 ? e.dur : THROTTLE_FOR_CPU * (e.tdur ?? e.dur)) / 1000;
  for (let k = tasks.length - 1; k >= 0; k--) if (phoneMs(tasks[k]) <= 50) tasks.splice(k, 1);
  // Profile samples as (time, node id).
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = [];
  let t = profile.startTime;
  for (let k = 0; k < profile.samples.length; k++) {
    t += profile.timeDeltas[k];
    samples.push([t, profile.samples[k]]);
  }
  let total = 0;
  for (const task of tasks) {
    total += phoneMs(task) - 50;
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const kinds = new Map();
    for (const e of inside) {
      if (
        ![
          'UpdateLayoutTree',
          'Layout',
          'Paint',
          'PrePaint',
          'Layerize',
          'ParseHTML',
          'v8.compile',
          'v8.compileModule',
          'EvaluateScript',
          'v8.evaluateModule',
          'FunctionCall',
          'TimerFire',
          'FireAnimationFrame',
          'RecalculateStyles',
          'MajorGC',
          'MinorGC',
          'V8.GC_MC_BACKGROUND_MARKING',
          'BlinkGC.AtomicPhase',
          'ParseAuthorStyleSheet',
          'HitTest',
          'IntersectionObserverController::computeIntersections',
          'UpdateLayer',
          'CommitLoad',
        ].includes(e.name)
      )
        continue;
      let label = e.name;
      if (e.name === 'FunctionCall')
        label = `FunctionCall ${e.args?.data?.functionName || ''} ${String(e.args?.data?.url ?? '')
          .split('/')
          .pop()}:${e.args?.data?.lineNumber ?? ''}`;
      if (e.name === 'v8.compileModule' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule')
        label = `${e.name} ${String(e.args?.data?.url ?? e.args?.fileName ?? '')
          .split('/')
          .pop()}`;
      kinds.set(label, (kinds.get(label) ?? 0) + phoneMs(e));
    }
    const self = new Map();
    for (const [ts, id] of samples) {
      if (ts < task.ts || ts > task.ts + task.dur) continue;
      const n = nodes.get(id);
      const f = n.callFrame;
      const label = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(label, (self.get(label) ?? 0) + 0.2);
    }
    const marks = events
      .filter((e) => e.cat?.includes('user_timing') && e.ts >= task.ts && e.ts <= task.ts + task.dur)
      .map((e) => `${e.name}@${((e.ts - task.ts) / 1000).toFixed(0)}`);
    if (QUIET) continue;
    console.log(
      `\n== task ${phoneMs(task).toFixed(0)} ms at ${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms ${[...new Set(marks)].join(' ')}`,
    );
    if (QUIET) continue;
    for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`   ${v.toFixed(1).padStart(7)}  ${k}`);
    if (QUIET) continue;
    console.log('   -- JS self time (sampled):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`   ${v.toFixed(1).padStart(7)}  ${k}`);
  }
  // Totals over every task: what the browser did (wall time, and thread CPU time: whatever else
  // ran on the machine), whatever the tasks' lengths.
  const sumBy = (time) => {
    const sums = new Map();
    for (const e of main) if (TOTALLED.includes(e.name)) sums.set(e.name, (sums.get(e.name) ?? 0) + time(e) / 1000);
    return sums;
  };
  const totals = sumBy((e) => e.dur);
  let busy = 0;
  for (const e of main) if (e.name === 'ThreadControllerImpl::RunTask') busy += e.dur / 1000;
  console.log(`\ntotals: busy ${busy.toFixed(0)} ms; ` + [...totals].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  // With the CPU slowed 4×, a task's length is about 4 × its CPU time: an estimate of the blocking
  // time on a quiet machine (Σ max(0, 4 × cpu − 50)) that other processes do not disturb.
  const cpuTasks = [];
  for (const e of main) {
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const last = cpuTasks.at(-1);
    if (last && e.ts < last.ts + last.dur) continue;
    cpuTasks.push(e);
  }
  const cpu = cpuTasks.map((e) => (e.tdur ?? 0) / 1000);
  const estTbt = cpu.reduce((sum, c) => sum + Math.max(0, THROTTLE_FOR_CPU * c - 50), 0);
  const cpuTotals = sumBy((e) => e.tdur ?? 0);
  console.log(
    `cpu: total ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms; est. quiet TBT ${estTbt.toFixed(0)} ms; longest ${Math.max(...cpu).toFixed(1)} ms cpu; ` +
      [...cpuTotals].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '),
  );
  RESULTS.push(estTbt);
  console.log(`\nTBT of these tasks: ${total.toFixed(0)} ms (${tasks.length} tasks)`);
}
