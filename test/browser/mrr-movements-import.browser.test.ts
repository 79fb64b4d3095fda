import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { deleteDataset, getDataset, listDatasets, loadDatasetColumns, saveDataset } from '../../src/storage/datasets.js';
import type { DatasetRecord } from '../../src/storage/db.js';
import { breakIndexedDb, q, shadow, text, uniqueKey, untilRendered } from './helpers.js';
import { analyzeSubscriptions, periodsToColumns, type SubscriptionPeriod } from '../../src/core/movements.js';
import { columnsToPeriods, type PeriodColumns } from '../../src/core/period-columns.js';

/** The periods the element shows, as objects (after an import it holds columns). */
const shownPeriods = (el: MrrMovements): SubscriptionPeriod[] => columnsToPeriods(el.periods as PeriodColumns);

async function movements(attrs = '', key = uniqueKey()): Promise<MrrMovements> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-movements storage-key="${key}" ${attrs}></mrr-movements></div>`);
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const $ = (el: MrrMovements, selector: string) => shadow(el).querySelector<HTMLElement>(selector);

/** Puts `file` on the element's file input the way a browser does, and fires change. */
function pick(el: MrrMovements, file: File): void {
  const input = q<HTMLInputElement>(el, '#file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function fixtureFile(name: string, as = name): Promise<File> {
  const blob = await (await fetch(`/test/fixtures/${name}`)).blob();
  return new File([blob], as, { type: 'text/csv' });
}

async function typeInto(el: MrrMovements, selector: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function importToReport(el: MrrMovements, file: File): Promise<void> {
  pick(el, file);
  await untilRendered(el, () => $(el, '#start-import'));
  q(el, '#start-import').click();
  await untilRendered(el, () => $(el, '#import-report'));
}

describe('<mrr-movements> import', () => {
  it('imports a CSV through mapping, progress and report, saves it, and finds it again after a reload', async () => {
    const key = uniqueKey();
    const el = await movements('', key);
    const name = `dbt ${uniqueKey()}`;
    pick(el, await fixtureFile('dbt-subscription-periods.csv'));
    await untilRendered(el, () => $(el, '#start-import'));
    expect(q<HTMLSelectElement>(el, '#map-customerId').value).to.equal('customer_id');
    expect(q<HTMLSelectElement>(el, '#map-start').value).to.equal('start_date');
    expect(q<HTMLSelectElement>(el, '#map-amount').value).to.equal('monthly_amount');
    q(el, '#start-import').click();
    await el.updateComplete;
    await untilRendered(el, () => $(el, '#import-report'));
    expect(text(el, '[data-report="periods"]')).to.equal('121');
    expect(text(el, '[data-report="customers"]')).to.equal('55');
    // Kept at once under the file's name, with Undo: never "(not saved)" until a button is pressed.
    await untilRendered(el, () => $(el, '#saved-message'));
    expect(text(el, '#source')).to.equal('Showing: dbt-subscription-periods');
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.be.greaterThan(0);

    // The name can still be changed: an empty one is refused, another renames the saved dataset.
    await typeInto(el, '#dataset-name', '');
    q(el, '#save-dataset').click();
    await el.updateComplete;
    expect(text(el, '#dataset-name-error')).to.equal('Enter a name for the dataset.');
    await typeInto(el, '#dataset-name', name);
    q(el, '#save-dataset').click();
    await untilRendered(el, () => text(el, '#saved-message').includes(name));
    expect([...shadow(el).querySelectorAll('.dataset-name')].map((n) => n.textContent)).to.include(name);
    await el.persist.flush();

    const again = await movements('', key);
    await untilRendered(again, () => $(again, '#movements-table'));
    expect(text(again, '#source')).to.equal(`Showing: ${name}`);
    expect(shadow(again).querySelector('.dataset[data-current] .dataset-name')!.textContent).to.equal(name);
  });

  it('asks how dates are written when they can be read both ways, with an example from the file', async () => {
    const el = await movements();
    const csv = 'customer,start,end,amount\na,03/04/2024,05/06/2024,10\nb,01/02/2024,,20\n';
    pick(el, new File([csv], 'dates.csv', { type: 'text/csv' }));
    await untilRendered(el, () => $(el, '#date-format'));
    expect(text(el, '#date-format')).to.contain('03/04/2024');
    expect(text(el, '#date-format')).to.contain('is April 3, 2024').and.to.contain('is March 4, 2024');
    q(el, '#start-import').click();
    await el.updateComplete;
    expect(text(el, '#date-format-error')).to.equal('Choose how the dates are written.');
    q<HTMLInputElement>(el, 'input[name="date-format"][value="dmy"]').click();
    await el.updateComplete;
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    expect(shownPeriods(el)[0]?.start).to.equal('2024-04-03');
  });

  it('validates required fields next to their select', async () => {
    const el = await movements();
    pick(el, new File(['who,when,price\na,2024-01-01,10\n'], 'odd.csv', { type: 'text/csv' }));
    await untilRendered(el, () => $(el, '#start-import'));
    const select = q<HTMLSelectElement>(el, '#map-customerId');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#map-customerId-error')).to.equal('Choose the column that holds this field.');
    select.value = 'who';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '#map-customerId-error')).to.equal(null);
  });

  it('lists unreadable rows with their line number and a localized reason', async () => {
    const el = await movements('lang="fr"');
    await importToReport(el, await fixtureFile('bad-rows.csv'));
    const row = (line: number) => q(el, `#errors-table tr[data-line="${line}"]`);
    expect(row(3).querySelector('.reason')!.textContent.trim()).to.equal('La date de fin précède la date de début.');
    expect(row(4).dataset.code).to.equal('missingCustomer');
    expect(row(5).dataset.code).to.equal('badDate');
    expect(row(13).dataset.code).to.equal('tooFewColumns');
    expect(text(el, '#errors-title')).to.match(/^Lignes illisibles/);
    expect($(el, '#download-errors')).to.not.equal(null);
    expect(text(el, '[data-skip="zeroAmount"]')).to.contain('1');
    // Its save ends here, not during the next test.
    await untilRendered(el, () => $(el, '#saved-message'));
  });

  for (const [file, message] of [
    ['binary.csv', 'This is not a text CSV file'],
    ['empty.csv', 'This file is empty'],
  ]) {
    it(`refuses ${file} with a clear message and leaves saved datasets untouched`, async () => {
      const kept = await saveDataset({
        name: `kept ${uniqueKey()}`,
        currency: 'USD',
        periods: [{ customerId: 'a', start: '2024-01-01', amount: 5 }],
      });
      const before = (await listDatasets()).map((d) => d.id).sort();
      const el = await movements();
      pick(el, await fixtureFile(file!));
      await untilRendered(el, () => $(el, '#import-error'));
      expect(text(el, '#import-error')).to.contain(message).and.to.contain('Your saved datasets are unchanged.');
      const after = await listDatasets();
      // None removed, none made from the refused file (an earlier import may still be saving its own).
      expect(before.filter((id) => !after.some((d) => d.id === id))).to.deep.equal([]);
      expect(after.filter((d) => !before.includes(d.id)).map((d) => d.meta?.fileName)).to.not.include(file);
      expect((await getDataset(kept.id))!.periodCount).to.equal(1);
      await deleteDataset(kept.id);
    });
  }

  it('asks for conversion rates when a file mixes currencies', async () => {
    const el = await movements();
    const csv = 'customer,start,amount,currency\na,2024-01-01,100,USD\nb,2024-01-01,100,EUR\n';
    pick(el, new File([csv], 'fx.csv', { type: 'text/csv' }));
    await untilRendered(el, () => $(el, '#start-import'));
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-error'));
    expect(text(el, '#import-error')).to.contain('EUR, USD');
    const target = q<HTMLSelectElement>(el, '#target-currency');
    // Rates are asked only for the currencies other than the one imported in, which is named.
    expect($(el, '#rate-EUR')).to.equal(null);
    expect(text(el, 'label[for="rate-USD"]')).to.equal('Value of 1 USD in EUR');
    target.value = 'USD';
    target.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '#rate-USD')).to.equal(null);
    expect(text(el, 'label[for="rate-EUR"]')).to.equal('Value of 1 EUR in USD');
    expect(text(el, '#rates-hint')).to.contain('converted into USD');
    q<HTMLInputElement>(el, '#rate-EUR').value = 'abc';
    q(el, 'form.rates button[type="submit"]').click();
    await el.updateComplete;
    expect(q(el, '#rate-EUR').getAttribute('aria-invalid')).to.equal('true');
    q<HTMLInputElement>(el, '#rate-EUR').value = '1.1';
    q(el, 'form.rates button[type="submit"]').click();
    await untilRendered(el, () => $(el, '#import-report'));
    expect(text(el, '[data-report="currency"]')).to.equal('USD');
    expect(
      shownPeriods(el)
        .map((p) => p.amount)
        .sort(),
    ).to.deep.equal([100, 110]);
  });

  it('cancels a large import: nothing is shown or saved', async () => {
    const lines = ['customer_id,start_date,end_date,monthly_amount'];
    for (let i = 0; i < 200_000; i++)
      lines.push(`c${i % 5000},2023-${String((i % 12) + 1).padStart(2, '0')}-01,,${(i % 90) + 10}`);
    // A name of its own: other test files save datasets in the same database meanwhile.
    const name = `big-${Math.random().toString(36).slice(2)}`;
    const file = new File([lines.join('\n')], `${name}.csv`, { type: 'text/csv' });
    const el = await movements();
    pick(el, file);
    await untilRendered(el, () => $(el, '#start-import'));
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#cancel-import'));
    expect($(el, '#import-progress')!.localName).to.equal('progress');
    q(el, '#cancel-import').click();
    await untilRendered(el, () => $(el, '#import-cancelled'));
    // Cancelling terminates the worker at once (src/import/importer.ts): nothing can arrive later,
    // so one task (for a message already queued) is all there is to wait for.
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.importer.step.kind).to.equal('cancelled');
    expect($(el, '#import-report')).to.equal(null);
    expect(el.periods).to.equal(null);
    expect((await listDatasets()).filter((d) => d.name.includes(name))).to.deep.equal([]);
  });

  it('keeps the progress line from the start: the first count moves nothing below it (no repaint of the page)', async () => {
    const lines = ['customer_id,start_date,end_date,monthly_amount'];
    for (let i = 0; i < 150_000; i++)
      lines.push(`c${i % 5000},2023-${String((i % 12) + 1).padStart(2, '0')}-01,,${(i % 90) + 10}`);
    const el = await movements();
    pick(el, new File([lines.join('\n')], `progress-${Math.random().toString(36).slice(2)}.csv`, { type: 'text/csv' }));
    await untilRendered(el, () => $(el, '#start-import'));
    q(el, '#start-import').click();
    // Rendered in the click's task: no message of the worker can have come yet.
    await el.updateComplete;
    const step = el.importer.step;
    expect(step.kind === 'importing' && step.progress === null).to.equal(true);
    // The progress block's height (in a narrow layout the panel is stacked above the figures).
    const height = () => q(el, '.progress').getBoundingClientRect().height;
    const before = height();
    await untilRendered(el, () => (el.importer.step.kind === 'importing' && el.importer.step.progress ? el : null));
    expect(q(el, '#progress-text').textContent.trim()).to.not.equal('');
    expect(height()).to.equal(before);
    q(el, '#cancel-import').click();
    await untilRendered(el, () => $(el, '#import-cancelled'));
  });

  it('opens a large saved dataset with the analysis done in the worker', async () => {
    const periods: SubscriptionPeriod[] = [];
    for (let i = 0; i < 60_000; i++) {
      periods.push({
        customerId: `c${Math.floor(i / 6)}`,
        start: `202${i % 4}-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
        end: i % 3 ? null : '2024-06-01',
        amount: (i % 50) + 5,
      });
    }
    const { columns } = periodsToColumns(periods);
    const expected = analyzeSubscriptions(columns);
    const name = `big ${uniqueKey()}`;
    const record = await saveDataset({ name, currency: 'USD', columns });
    const el = await movements();
    await el.openDataset(record.id);
    await el.updateComplete;
    expect(text(el, '#source')).to.contain(name);
    expect(el.analysis).to.deep.equal(expected);
    expect((el.periods as PeriodColumns).length).to.equal(60_000);
    expect($(el, '#use-figures')).to.not.equal(null);
    await deleteDataset(record.id);
  });

  it('saves an import from its worker: the page itself writes none of its periods', async () => {
    const el = await movements();
    const put = IDBObjectStore.prototype.put;
    const pagePuts: string[] = [];
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      pagePuts.push(this.name);
      return put.apply(this, args);
    };
    let saved: DatasetRecord | undefined;
    try {
      await importToReport(el, await fixtureFile('dbt-subscription-periods.csv'));
      await untilRendered(el, () => $(el, '#saved-message'));
      saved = (await listDatasets()).find((d) => d.name === 'dbt-subscription-periods' && d.periodCount === 121);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(pagePuts.filter((store) => store.startsWith('dataset'))).to.deep.equal([]);
    if (!saved) throw new Error('the import was not saved under its file name');
    expect(saved.meta).to.deep.include({ fileName: 'dbt-subscription-periods.csv', rowsRead: 121 });
    expect(saved.customerCount).to.equal(55);
    const stored = await loadDatasetColumns(saved.id);
    if (!stored) throw new Error('the saved dataset has no columns');
    expect(shownPeriods(el)).to.deep.equal(columnsToPeriods(stored));
    await deleteDataset(saved.id);
  });

  it('opens a large saved dataset from a worker: the page reads none of its periods, the figures are the same', async () => {
    const periods: SubscriptionPeriod[] = [];
    for (let i = 0; i < 60_000; i++) {
      const month = 1 + (i % 12);
      periods.push({
        customerId: `c${i % 7000}`,
        start: `2023-${month < 10 ? '0' : ''}${month}-${1 + (i % 27)}`.replace(/-(\d)$/, '-0$1'),
        end: i % 3 === 0 ? '2024-06-01' : null,
        amount: 10 + (i % 90) + (i % 7) / 100,
      });
    }
    const record = await saveDataset({ name: `large ${uniqueKey()}`, currency: 'USD', periods });
    const el = await movements('example');
    const get = IDBObjectStore.prototype.get;
    const pageGets: string[] = [];
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      pageGets.push(this.name);
      return get.apply(this, args);
    };
    try {
      await el.openDataset(record.id);
      await el.updateComplete;
    } finally {
      IDBObjectStore.prototype.get = get;
    }
    expect(pageGets, 'the page read the record only').to.not.include('datasetChunks');
    expect(text(el, '#source')).to.contain(record.name);
    const expected = analyzeSubscriptions(periodsToColumns(periods, { currency: 'USD' }).columns);
    expect(el.analysis!.movements).to.deep.equal(expected.movements);
    expect(shownPeriods(el)).to.deep.equal(columnsToPeriods(periodsToColumns(periods, { currency: 'USD' }).columns));
    await deleteDataset(record.id);
  });

  it('keeps the imported data on screen with a "not saved" notice when the save fails', async () => {
    const el = await movements();
    const file = await fixtureFile('dbt-subscription-periods.csv');
    // A database this version of MRR Kit cannot open: the worker's automatic save fails, and so
    // does Save on the page.
    const restore = await breakIndexedDb('openFails');
    try {
      await importToReport(el, file);
      await untilRendered(el, () => $(el, '#not-saved'));
      expect(text(el, '#not-saved')).to.contain('Not saved');
      q(el, '#save-dataset').click();
      await untilRendered(el, () => $(el, '#not-saved'));
    } finally {
      restore();
    }
    expect(text(el, '#not-saved')).to.contain('Not saved');
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.be.greaterThan(0);
  });

  it('says the storage is full when Save fails for quota, and keeps the data shown', async () => {
    const el = await movements();
    await importToReport(el, await fixtureFile('dbt-subscription-periods.csv'));
    await untilRendered(el, () => $(el, '#undo-save'));
    q(el, '#undo-save').click();
    await untilRendered(el, () => $(el, '#save-undone'));
    const restore = await breakIndexedDb('quota');
    try {
      q(el, '#save-dataset').click();
      await untilRendered(el, () => $(el, '#not-saved'));
    } finally {
      restore();
    }
    expect(text(el, '#not-saved')).to.contain('full');
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.be.greaterThan(0);
  });

  it('renames a dataset (not to an empty name), deletes it with Undo', async () => {
    const name = `ds ${uniqueKey()}`;
    const record = await saveDataset({ name, currency: 'USD', periods: [{ customerId: 'a', start: '2024-01-01', amount: 5 }] });
    const el = await movements();
    const item = () => $(el, `li[data-id="${record.id}"]`);
    await untilRendered(el, () => item());
    (item()!.querySelector('.rename-button') as HTMLElement).click();
    await el.updateComplete;
    const input = item()!.querySelector<HTMLInputElement>('.rename-input')!;
    expect(shadow(el).activeElement).to.equal(input);
    await typeInto(el, '.rename-input', '  ');
    (item()!.querySelector('form.rename') as HTMLFormElement).requestSubmit();
    await el.updateComplete;
    expect(item()!.querySelector('.error')!.textContent).to.equal('Enter a name.');
    await typeInto(el, '.rename-input', `${name} renamed`);
    (item()!.querySelector('form.rename') as HTMLFormElement).requestSubmit();
    await untilRendered(el, () => item()?.querySelector('.dataset-name'));
    expect(item()!.querySelector('.dataset-name')!.textContent).to.equal(`${name} renamed`);
    expect((await getDataset(record.id))!.name).to.equal(`${name} renamed`);

    (item()!.querySelector('.delete') as HTMLElement).click();
    await el.updateComplete;
    expect(item()).to.equal(null);
    expect(text(el, '.undo')).to.contain(`${name} renamed`);
    q(el, '#undo-delete').click();
    await el.updateComplete;
    expect(item()).to.not.equal(null);
    expect(await getDataset(record.id)).to.not.equal(undefined);

    (item()!.querySelector('.delete') as HTMLElement).click();
    await el.updateComplete;
    await el.datasets.commitDelete();
    expect(await getDataset(record.id)).to.equal(undefined);
  });

  it('is accessible at each step, in Arabic too', async () => {
    const el = await movements('lang="ar"');
    pick(el, await fixtureFile('dbt-subscription-periods.csv'));
    await untilRendered(el, () => $(el, '#start-import'));
    await expect(el).to.be.accessible();
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    await expect(el).to.be.accessible();
    const bad = await movements();
    await importToReport(bad, await fixtureFile('bad-rows.csv'));
    await expect(bad).to.be.accessible();
  });
});

describe('parseCsvRecordsInBackground (the import worker, for other elements)', () => {
  it('reads records in the worker with progress, rows keyed by header with a null prototype', async () => {
    const { parseCsvRecordsInBackground } = await import('../../src/import/importer.js');
    const csv =
      '__proto__;Company;Seats\n' + Array.from({ length: 20_000 }, (_, i) => `x${i};"Acme ${i}";${i}`).join('\n') + '\n1;2\n';
    let progressed = false;
    const r = await parseCsvRecordsInBackground(new File([csv], 'prospects.csv'), { onProgress: () => (progressed = true) });
    expect(r.headers).to.deep.equal(['__proto__', 'Company', 'Seats']);
    expect(r.rows.length).to.equal(20_000);
    expect(Object.getPrototypeOf(r.rows[0])).to.equal(null);
    expect(r.rows[0]?.['__proto__']).to.equal('x0');
    expect(r.rows[19_999]?.Company).to.equal('Acme 19999');
    expect(r.errors).to.deep.equal([{ line: 20_002, code: 'tooFewColumns', cells: 2, expected: 3 }]);
    expect(progressed).to.equal(true);
  });

  it('stops on abort', async () => {
    const { parseCsvRecordsInBackground } = await import('../../src/import/importer.js');
    const controller = new AbortController();
    const csv = 'a,b\n' + '1,2\n'.repeat(300_000);
    const pending = parseCsvRecordsInBackground(new Blob([csv]), { signal: controller.signal });
    controller.abort();
    let name = '';
    await pending.catch((e: Error) => (name = e.name));
    expect(name).to.equal('AbortError');
  });
});
