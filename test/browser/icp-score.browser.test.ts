import { expect } from '@open-wc/testing';
import { STARTER_ICP, type Icp } from '../../src/core/icp.js';
import { parseCsvRecords } from '../../src/import/records.js';
import {
  scoreAll,
  scoreOf,
  scoreProspects,
  scoreProspectsFile,
  toScoredCsv,
  type ProspectTable,
} from '../../src/icp/score-prospects.js';

const icp = structuredClone(STARTER_ICP) as Icp;
const HEADERS = [
  'Name',
  'Industry',
  'Monthly marketing budget',
  'Employees',
  'Annual revenue',
  'Years in business',
  'Review count',
  'Rating',
  'Has website',
  'Runs ads',
  'Sells online',
];
const SAMPLE = [
  ['Smile', 'Dental clinic', '1,500', '12', '900000', '8', '23', '4.1', 'yes', 'yes', 'no'],
  ['=cmd', 'Gambling', '5000', '20', '', '', '', '', 'yes', '', ''],
  ['Joe', 'Plumbing', '400', 'twelve', '150000', '2', '80', '4.8', 'no', 'no', 'maybe'],
  ['Bistro', 'restaurant', '', '', '', '', '', '', '', '', ''],
];
const table = (count: number): ProspectTable => ({
  headers: HEADERS,
  rows: Array.from({ length: count }, (_, i) => SAMPLE[i % SAMPLE.length]!),
});

interface Scheduler {
  postTask(task: () => void, options: { priority: 'user-blocking'; delay: number }): Promise<void>;
}

/**
 * While `run` is awaited: how many times the page got a turn (a user-blocking task posted 1 ms
 * ahead, re-posting itself: it runs between slices of work, as a click would; a page blocked by
 * one long task gets none) and the longest task seen (informative only: on a loaded machine the
 * OS can stretch any task, so timings are measured in bench/, not asserted).
 */
async function pageTurns<T>(run: () => Promise<T>): Promise<{ result: T; turns: number; longest: number }> {
  const scheduler = (globalThis as unknown as { scheduler: Scheduler }).scheduler;
  let longest = 0;
  let turns = 0;
  let running = true;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  const tick = (): void => {
    if (!running) return;
    turns += 1;
    void scheduler.postTask(tick, { priority: 'user-blocking', delay: 1 });
  };
  void scheduler.postTask(tick, { priority: 'user-blocking', delay: 1 });
  const result = await run();
  running = false;
  observer.disconnect();
  return { result, turns, longest };
}

describe('prospect scoring in the browser', () => {
  it('scores in a module worker and returns the same results as scoring on the page', async () => {
    const input = table(20000);
    const progress: number[] = [];
    const handle = scoreProspects(icp, input, { onProgress: (n) => progress.push(n), batchRows: 2000 });
    expect(handle.thread).to.equal('worker');
    const scores = await handle.done;
    expect(handle.thread).to.equal('worker');
    expect(scores.count).to.equal(20000);
    expect(progress[progress.length - 1]).to.equal(20000);
    const here = scoreAll(icp, input);
    expect(Array.from(scores.scores)).to.deep.equal(Array.from(here.scores));
    expect(Array.from(scores.tiers)).to.deep.equal(Array.from(here.tiers));
    expect(Array.from(scores.matches)).to.deep.equal(Array.from(here.matches));
    expect(scores.unreadableRows).to.equal(5000);
    expect(scoreOf(scores, 0)).to.deep.equal({ score: 98, tier: 'A', coverage: 1 });
    expect(scoreOf(scores, 1).tier).to.equal('D');
    // A formula-like cell is neutralised (and quoted) by the one CSV writer, src/core/csv.ts.
    expect(toScoredCsv(input, scores).split('\r\n')[2]?.slice(0, 22)).to.equal(`"'=cmd",Gambling,5000,`);
  });

  it('follows the chosen mapping in the worker (a column left out, a column chosen by hand)', async () => {
    const input = table(3000);
    const mapping = { employees: null, runsAds: 'Has website' };
    const scores = await scoreProspects(icp, input, { mapping }).done;
    const here = scoreAll(icp, input, mapping);
    expect(Array.from(scores.matches)).to.deep.equal(Array.from(here.matches));
    expect(Array.from(scores.scores)).to.deep.equal(Array.from(here.scores));
    expect(Array.from(scores.scores)).not.to.deep.equal(Array.from(scoreAll(icp, input).scores));
  });

  it('scores object rows in the worker too', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      Object.fromEntries(icp.criteria.map((c, j) => [c.field, SAMPLE[i % 4]![j + 1]])),
    );
    const handle = scoreProspects(icp, rows, { batchRows: 700 });
    const scores = await handle.done;
    expect(handle.thread).to.equal('worker');
    expect(Array.from(scores.scores)).to.deep.equal(Array.from(scoreAll(icp, rows).scores));
  });

  it('in the worker, coverage is exact: weights 0.1, 0.2, 0.3 with only 0.3 known → 0.5 and tier A', async () => {
    const tenths: Icp = {
      criteria: [
        { id: 'a', field: 'a', weight: 0.1, type: 'boolean', ideal: [true] },
        { id: 'b', field: 'b', weight: 0.2, type: 'boolean', ideal: [true] },
        { id: 'c', field: 'c', weight: 0.3, type: 'boolean', ideal: [true] },
      ],
    };
    const handle = scoreProspects(tenths, { headers: ['A', 'B', 'C'], rows: [['', '', 'yes']] });
    const scores = await handle.done;
    expect(handle.thread).to.equal('worker');
    expect(scoreOf(scores, 0)).to.deep.equal({ score: 100, tier: 'A', coverage: 0.5 });
  });

  it('scores a parsed CSV file (parseCsvRecords: rows keyed by header) in the worker', async () => {
    const csv = [HEADERS, ...Array.from({ length: 5000 }, (_, i) => SAMPLE[i % 4])]
      .map((r) => r!.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','))
      .join('\r\n');
    const records = await parseCsvRecords(new Blob([csv], { type: 'text/csv' }));
    const handle = scoreProspects(icp, records);
    const scores = await handle.done;
    expect(handle.thread).to.equal('worker');
    expect(Array.from(scores.scores)).to.deep.equal(Array.from(scoreAll(icp, table(5000)).scores));
  });

  it('scoreProspectsFile reads and scores a CSV file in the worker; the page gets the rows back', async () => {
    const csv = [HEADERS, ...Array.from({ length: 5000 }, (_, i) => SAMPLE[i % 4])]
      .map((r) => r!.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n');
    const file = new Blob([csv], { type: 'text/csv' });
    const progress: number[] = [];
    const handle = scoreProspectsFile(icp, file, { onReadProgress: (p) => progress.push(p.fraction) });
    const { records, scores } = await handle.done;
    expect(handle.thread).to.equal('worker');
    expect(records.rows.length).to.equal(5000);
    expect(records.rows[1]?.['Name']).to.equal('=cmd');
    expect(records.lines[4999]).to.equal(5001);
    expect(progress[progress.length - 1]).to.equal(1);
    const here = await scoreProspectsFile(icp, file, { mainThread: true }).done;
    expect(Array.from(scores!.scores)).to.deep.equal(Array.from(here.scores!.scores));
    expect(Array.from(scores!.matches)).to.deep.equal(Array.from(scoreAll(icp, table(5000)).matches));
  });

  it('cancel stops the worker and rejects with an AbortError', async () => {
    const handle = scoreProspects(icp, table(100000));
    handle.cancel();
    let error: unknown;
    try {
      await handle.done;
    } catch (e) {
      error = e;
    }
    expect((error as Error)?.name).to.equal('AbortError');
  });

  it('on the main thread, 100,000 rows are scored in slices: the page gets turns all along', async function () {
    this.timeout(60000);
    const input = table(100000);
    const t0 = performance.now();
    const { result, turns, longest } = await pageTurns(() => scoreProspects(icp, input, { mainThread: true }).done);
    const ms = performance.now() - t0;
    console.log(`main thread: 100,000 rows in ${Math.round(ms)} ms, ${turns} page turns, longest task ${Math.round(longest)} ms`);
    expect(result.count).to.equal(100000);
    // Slices of ~8 ms: a turn every few ms; one blocking task would give none until the end.
    expect(turns).to.be.at.least(Math.max(3, Math.floor(ms / 40)));
  });

  it('with a worker, 100,000 rows are scored while the page keeps getting turns', async function () {
    this.timeout(60000);
    const input = table(100000);
    const t0 = performance.now();
    const { result, turns, longest } = await pageTurns(() => scoreProspects(icp, input).done);
    const ms = performance.now() - t0;
    console.log(`worker: 100,000 rows in ${Math.round(ms)} ms, ${turns} page turns, longest task ${Math.round(longest)} ms`);
    expect(result.count).to.equal(100000);
    expect(turns).to.be.at.least(Math.max(3, Math.floor(ms / 40)));
  });
});
