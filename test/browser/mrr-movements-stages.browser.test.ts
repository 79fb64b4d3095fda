import { expect } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { growing, watchFirstRender } from './stages.js';
import { saveDataset } from '../../src/storage/datasets.js';
import { saveState } from '../../src/storage/db.js';
import { uniqueKey } from './helpers.js';

const probe = (r: ShadowRoot) => ({
  empty: !!r.querySelector('#empty-title'),
  kpis: !!r.querySelector('[part=kpis]'),
  chart: !!r.querySelector('svg path'),
  table: !!r.querySelector('#movements-table'),
  cohorts: !!r.querySelector('[part=cohorts]'),
  sources: !!r.querySelector('[part=import]'),
});

describe('<mrr-movements> first render in steps (an agency’s page never blocks long)', () => {
  it('with `example`, draws the example’s figures first (never the empty state), then the chart, table, cohorts and import; updateComplete waits for all', async () => {
    let kpisTop = 0;
    const { el, seen } = await watchFirstRender<MrrMovements, ReturnType<typeof probe>>(
      'mrr-movements',
      'storage-key="" example',
      probe,
      (el) => (kpisTop = el.shadowRoot!.querySelector('[part=kpis]')?.getBoundingClientRect().top ?? -1),
    );
    expect(
      seen.some((s) => s.empty),
      'the empty state is never drawn',
    ).to.equal(false);
    const first = seen[0]!;
    expect(first.kpis, 'the key figures in the first step').to.equal(true);
    expect(first.loading).to.equal(true);
    expect(first.chart || first.table || first.cohorts || first.sources, 'nothing else in the first step').to.equal(false);
    const order = ['chart', 'table', 'cohorts', 'sources'] as const;
    const firstAt = order.map((k) => seen.findIndex((s) => s[k]));
    for (const [i, at] of firstAt.entries()) {
      expect(at, `${order[i]} drawn`).to.be.greaterThan(0);
      if (i > 0) expect(at, `${order[i]} after ${order[i - 1]}`).to.be.greaterThan(firstAt[i - 1]!);
      expect(growing(seen.map((s) => Number(s[order[i]!])))).to.equal(true);
    }
    expect(seen.at(-1)).to.deep.include({ kpis: true, chart: true, table: true, cohorts: true, sources: true });
    expect(el.matches(':state(loading)')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=kpis]')!.getBoundingClientRect().top, 'the key figures did not move').to.equal(
      kpisTop,
    );
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
