import { expect } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { growing, steps, watchFirstRender } from './stages.js';
import { saveDataset } from '../../src/storage/datasets.js';
import { saveState } from '../../src/storage/db.js';
import { uniqueKey, until } from './helpers.js';

const probe = (r: ShadowRoot) => ({
  empty: !!r.querySelector('#empty-title'),
  period: !!r.querySelector('[part=period]'),
  kpis: !!r.querySelector('[part=kpis]'),
  kpisTop: r.querySelector('[part=kpis]')?.getBoundingClientRect().top ?? null,
  chart: !!r.querySelector('svg path'),
  table: !!r.querySelector('#movements-table'),
  cohorts: !!r.querySelector('[part=cohorts]'),
  cohortRows: r.querySelectorAll('#cohort-table tbody tr').length,
  cohortColumns: r.querySelectorAll('#cohort-table thead th').length,
  sources: !!r.querySelector('[part=import]'),
});

describe('<mrr-movements> first render in steps (an agency’s page never blocks long)', () => {
  it('with `example`, draws the example’s period first (never the empty state), then its key figures, chart, table, cohorts and import; updateComplete waits for all', async () => {
    let periodTop = 0;
    const { el, seen } = await watchFirstRender<MrrMovements, ReturnType<typeof probe>>(
      'mrr-movements',
      'storage-key="" example',
      probe,
      (el) => (periodTop = el.shadowRoot!.querySelector('[part=period]')?.getBoundingClientRect().top ?? -1),
    );
    expect(
      seen.some((s) => s.empty),
      'the empty state is never drawn',
    ).to.equal(false);
    const first = seen[0]!;
    expect(first.period, 'the example’s period in the first step').to.equal(true);
    expect(first.loading).to.equal(true);
    expect(first.kpis || first.chart || first.table || first.cohorts || first.sources, 'nothing else in the first step').to.equal(
      false,
    );
    const order = ['kpis', 'chart', 'table', 'cohorts', 'sources'] as const;
    const firstAt = order.map((k) => seen.findIndex((s) => s[k]));
    for (const [i, at] of firstAt.entries()) {
      expect(at, `${order[i]} drawn`).to.be.greaterThan(0);
      if (i > 0) expect(at, `${order[i]} after ${order[i - 1]}`).to.be.greaterThan(firstAt[i - 1]!);
      expect(growing(seen.map((s) => Number(s[order[i]!])))).to.equal(true);
    }
    expect(seen.at(-1)).to.deep.include({ kpis: true, chart: true, table: true, cohorts: true, sources: true });
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=period]')!.getBoundingClientRect().top, 'the period did not move').to.equal(
      periodTop,
    );
    // The cohorts come in two steps: the first rows, then the others; the columns are all there from the first.
    const rows = steps(seen.map((s) => s.cohortRows)).filter((n) => n > 0);
    const inRange = el.analysis!.cohorts.cohorts.filter(
      (c) => c.cohort >= el.rows[0]!.month && c.cohort <= el.rows.at(-1)!.month,
    );
    expect(rows.at(-1), 'every cohort of the period drawn').to.equal(inRange.length);
    expect(rows.length, 'the cohort rows come in two steps').to.equal(2);
    expect(new Set(seen.map((s) => s.cohortColumns).filter((n) => n > 0)).size, 'the columns never change').to.equal(1);
    const kpisTops = new Set(seen.map((s) => s.kpisTop).filter((top) => top !== null));
    expect([...kpisTops], 'the key figures did not move once drawn').to.have.length(1);
    expect(el.shadowRoot!.querySelector('.chart .month'), 'the chart’s month bands are drawn').to.not.equal(null);
    await el.ready;
  });

  it('without data, draws the empty state first and the import panel after it', async () => {
    const { seen } = await watchFirstRender<MrrMovements, ReturnType<typeof probe>>('mrr-movements', 'storage-key=""', probe);
    expect(seen[0]).to.deep.include({ empty: true, kpis: false, sources: false, loading: true });
    expect(seen.at(-1)).to.deep.include({ empty: true, sources: true, loading: false });
  });

  it('with a saved dataset and `example`, opens the saved dataset from the first step (the example never shows)', async () => {
    const key = uniqueKey();
    const name = `Saved ${key}`;
    const record = await saveDataset({
      name,
      currency: 'USD',
      periods: [
        { customerId: 'a', start: '2024-01-01', amount: 120 },
        { customerId: 'b', start: '2024-02-01', amount: 80 },
      ],
    });
    await saveState(`movements:${key}`, { datasetId: record.id });
    const { el, seen } = await watchFirstRender<MrrMovements, { source: string }>(
      'mrr-movements',
      `storage-key="${key}" example`,
      (r) => ({
        source: r.querySelector('#source')?.textContent?.trim() ?? '',
      }),
    );
    await el.ready;
    const shown = seen.map((s) => s.source).filter(Boolean);
    expect(shown.length, 'the source line is drawn').to.be.greaterThan(0);
    expect(
      shown.every((s) => s === `Showing: ${name}`),
      shown.join(' | '),
    ).to.equal(true);
    expect(el.shadowRoot!.querySelector('#source')!.textContent.trim()).to.equal(`Showing: ${name}`);
  });
});

describe('<mrr-movements> after an import (a large file never renders in one long task)', () => {
  it('draws the imported data’s key figures first, then what to send, the chart, the table and the cohorts, a frame apart', async () => {
    const { el } = await watchFirstRender<MrrMovements, ReturnType<typeof probe>>(
      'mrr-movements',
      `storage-key="${uniqueKey()}"`,
      probe,
    );
    const root = el.shadowRoot!;
    const blob = await (await fetch('/test/fixtures/dbt-subscription-periods.csv')).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'dbt.csv', { type: 'text/csv' }));
    const input = root.querySelector<HTMLInputElement>('#file')!;
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => root.querySelector<HTMLButtonElement>('#start-import'), { before: () => el.updateComplete });
    const seen: ReturnType<typeof probe>[] = [];
    const frames: number[] = [];
    let frame = 0;
    const count = () => {
      frame += 1;
      if (seen.length === 0 || !seen.at(-1)!.cohorts) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const observer = new MutationObserver(() => {
      seen.push(probe(root));
      frames.push(frame);
    });
    observer.observe(root, { childList: true, subtree: true });
    root.querySelector<HTMLButtonElement>('#start-import')!.click();
    await until(() => el.analysis && root.querySelector('#cohort-table'), { before: () => el.updateComplete });
    await el.updateComplete;
    observer.disconnect();
    const order = ['kpis', 'chart', 'table', 'cohorts'] as const;
    const firstAt = order.map((k) => seen.findIndex((s) => s[k]));
    expect(seen[firstAt[0]!], 'the key figures drawn alone').to.deep.include({ chart: false, table: false, cohorts: false });
    for (let i = 1; i < order.length; i++) {
      expect(firstAt[i], `${order[i]} after ${order[i - 1]}`).to.be.greaterThan(firstAt[i - 1]!);
      expect(frames[firstAt[i]!], `${order[i]} a frame after ${order[i - 1]}`).to.be.greaterThan(frames[firstAt[i - 1]!]!);
    }
    expect(probe(root)).to.deep.include({ kpis: true, chart: true, table: true, cohorts: true, sources: true });
  });
});
