/**
 * Issue 16, item 4: an import is kept (saved as a dataset at once, with Undo); "All months" says
 * the period its NRR compounds and why; the chart has one axis per meaning, a tooltip per month
 * reachable by keyboard, and its last label fits at 360 px.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { getDataset, listDatasets } from '../../src/storage/datasets.js';
import { q, shadow, text, uniqueKey, untilRendered, nextEvent } from './helpers.js';

async function movements(attrs = '', key = uniqueKey(), width = ''): Promise<MrrMovements> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="${width ? `width:${width}` : ''}"><mrr-movements storage-key="${key}" ${attrs}></mrr-movements></div>`,
  );
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const $ = (el: MrrMovements, selector: string) => shadow(el).querySelector<HTMLElement>(selector);

async function importCsv(el: MrrMovements, csv: string, name: string): Promise<void> {
  const input = q<HTMLInputElement>(el, '#file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await untilRendered(el, () => $(el, '#start-import'));
  q(el, '#start-import').click();
  await untilRendered(el, () => $(el, '#import-report'));
}

const CSV = 'customer_id,start_date,monthly_amount\na,2024-01-01,10\nb,2024-02-01,20\n';

describe('<mrr-movements> keeps what it imports', () => {
  it('saves an import as a dataset at once, without pressing anything, and it is there after a reload', async () => {
    const key = uniqueKey();
    const el = await movements('', key);
    const name = `kept-${uniqueKey()}`;
    const saved = nextEvent(el, 'mrr-dataset-saved');
    await importCsv(el, CSV, `${name}.csv`);
    const event = await saved;
    expect(event.detail.name).to.equal(name);
    await untilRendered(el, () => $(el, '#saved-message'));
    expect(text(el, '#saved-message')).to.equal(`“${name}” saved on this device.`);
    expect(text(el, '#source')).to.equal(`Showing: ${name}`);
    expect(text(el, '#source')).not.to.contain('not saved');
    expect((await getDataset(event.detail.id))?.name).to.equal(name);
    await el.persist.flush();

    const again = await movements('', key);
    await untilRendered(again, () => $(again, '#movements-table'));
    expect(text(again, '#source')).to.equal(`Showing: ${name}`);
  });

  it('Undo takes the automatic save back: the dataset is deleted, the data stays shown as not saved', async () => {
    const el = await movements();
    const name = `undone-${uniqueKey()}`;
    await importCsv(el, CSV, `${name}.csv`);
    await untilRendered(el, () => $(el, '#undo-save'));
    const id = (el.importer.step as { record?: { id: string } }).record!.id;
    q(el, '#undo-save').click();
    await untilRendered(el, () => $(el, '#save-undone'));
    expect(text(el, '#save-undone')).to.contain('Not kept');
    await untilRendered(el, () => text(el, '#source').endsWith('(not saved)'));
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.be.greaterThan(0);
    // The delete is one storage transaction away: ask storage until it has run (no timer).
    for (let tries = 0; tries < 100 && (await getDataset(id)); tries++) await el.updateComplete;
    expect(await getDataset(id)).to.equal(undefined);
    expect((await listDatasets()).map((d) => d.id)).not.to.include(id);
    // Saving again is one button away, and it has focus.
    await untilRendered(el, () => shadow(el).activeElement?.id === 'save-dataset');
  });
});

describe('<mrr-movements> "All months" says what its NRR covers', () => {
  it('the example data starts with a month without MRR: NRR over 35 months, from February 2022, and why', async () => {
    const el = await movements('example');
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="all"]').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(36);
    expect(text(el, '[data-kpi="nrr"] dt')).to.equal('NRR over 35 months');
    expect(text(el, '[data-kpi="nrr"] .why')).to.equal(
      'February 2022 to December 2024, compounded month by month: before February 2022 there was no MRR to retain.',
    );
    expect(text(el, '[data-kpi="grr"] .why')).to.contain('February 2022 to December 2024');
    // The last 12 months all start with MRR: the label is the period, nothing to explain.
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="last12"]').click();
    await el.updateComplete;
    expect(text(el, '[data-kpi="nrr"] dt')).to.equal('NRR over 12 months');
    expect($(el, '[data-kpi="nrr"] .why')).to.equal(null);
  });
});
