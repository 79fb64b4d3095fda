/**
 * <mrr-movements>: honest metrics, words and contained user text.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { analyzeSubscriptions, type SubscriptionPeriod } from '../../src/core/movements.js';
import { deleteDataset, saveDataset } from '../../src/storage/datasets.js';
import { formatBytes } from '../../components/mrr-movements/format.js';
import { breakIndexedDb, q, shadow, text, uniqueKey, until, untilRendered } from './helpers.js';

async function movements(attrs = '', width = ''): Promise<MrrMovements> {
  const style = width ? ` style="width:${width}"` : '';
  const wrapper = await fixture<HTMLDivElement>(
    `<div${style}><mrr-movements storage-key="${uniqueKey()}" ${attrs}></mrr-movements></div>`,
  );
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const $ = (el: MrrMovements, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const month = (i: number) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

/** 36 months of data: customers join every month, some leave, some expand. */
function threeYears(): SubscriptionPeriod[] {
  const periods: SubscriptionPeriod[] = [];
  for (let i = 0; i < 36; i++) {
    periods.push({ customerId: `c${i}`, start: month(i), end: i % 3 === 0 && i + 6 < 36 ? month(i + 6) : null, amount: 100 });
    if (i % 4 === 0 && i + 2 < 36) periods.push({ customerId: `c${i}`, start: month(i + 2), amount: 20 });
  }
  return periods;
}

async function importCsv(el: MrrMovements, csv: string, name = 'data.csv'): Promise<void> {
  const input = q<HTMLInputElement>(el, '#file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await untilRendered(el, () => $(el, '#start-import'));
  q(el, '#start-import').click();
  await untilRendered(el, () => $(el, '#import-report'));
}

describe('<mrr-movements> metrics', () => {
  it('"All months" of 36 months shows NRR and GRR, over the months that start with MRR', async () => {
    const el = await movements('asof=""');
    el.periods = threeYears();
    await el.updateComplete;
    q<HTMLInputElement>(el, 'input[name="period-preset"][value="all"]').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('#movements-table tbody tr').length).to.equal(36);
    expect(text(el, '[data-kpi="nrr"] dd')).to.match(/^\d[\d,.]*% /);
    expect(text(el, '[data-kpi="grr"] dd')).to.match(/^\d[\d,.]*% /);
    expect(text(el, '[data-kpi="nrr"] dt')).to.equal('NRR over 35 months');
    // The 36 months selected are not the 35 it compounds: the tile says which and why.
    expect(text(el, '[data-kpi="nrr"] .why')).to.equal(
      'February 2021 to December 2023, compounded month by month: before February 2021 there was no MRR to retain.',
    );
  });

  it('a one-month window explains logo churn consistently with the customers tile', async () => {
    const el = await movements();
    el.periods = threeYears();
    await el.updateComplete;
    const select = async (id: string, value: string) => {
      const s = q<HTMLSelectElement>(el, id);
      s.value = value;
      s.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    // The first month: customers at its end, none at its start.
    await select('#period-to', '2021-01');
    await select('#period-from', '2021-01');
    expect(text(el, '[data-kpi="customers"] dd')).to.equal('1');
    expect(text(el, '[data-kpi="logo-churn"] dd')).to.contain('No customer at the start of the period');
    expect(text(el, '[data-kpi="logo-churn"] dd')).not.to.contain('No customers in the period');
    expect(text(el, '[data-kpi="nrr"] dt')).to.equal('NRR over 1 month');
    // A later month: the churn says of how many customers at the start.
    await select('#period-to', '2021-07');
    await select('#period-from', '2021-07');
    const july = analyzeSubscriptions(threeYears()).movements.find((r) => r.month === '2021-07')!;
    const atStart = july.customers - july.newCustomers - july.reactivatedCustomers + july.churnedCustomers;
    expect(text(el, '[data-kpi="customers"] dd')).to.equal(String(july.customers));
    expect(text(el, '[data-kpi="logo-churn"] dd')).to.contain(
      `${july.churnedCustomers} of the ${atStart} customers at the start of July 2021 left.`,
    );
  });
});

describe('<mrr-movements> words', () => {
  it('says "1 period" and "1 byte"/"466 bytes" with the plural rules of each language', async () => {
    const el = await movements();
    await importCsv(el, 'customer_id,start_date,monthly_amount\na,2024-01-01,10\n');
    expect(text(el, '#announcer')).to.equal('Import finished: 1 period.');
    expect(formatBytes(466, 'en')).to.equal('466 bytes');
    expect(formatBytes(1, 'en')).to.equal('1 byte');
    expect(formatBytes(466, 'fr')).to.match(/^466\s?octets$/);
    const ar = await movements('lang="ar"');
    await importCsv(ar, 'customer_id,start_date,monthly_amount\na,2024-01-01,10\nb,2024-01-01,10\nc,2024-01-01,10\n');
    expect(text(ar, '#announcer')).to.contain('فترات');
  });
});

describe('<mrr-movements> user text', () => {
  it('name inputs have an 80-character limit with a counter', async () => {
    const el = await movements();
    await importCsv(el, 'customer_id,start_date,monthly_amount\na,2024-01-01,10\n', 'x'.repeat(120) + '.csv');
    const input = q<HTMLInputElement>(el, '#dataset-name');
    expect(input.maxLength).to.equal(80);
    expect(input.value.length).to.equal(80);
    expect(text(el, '#dataset-name-counter')).to.equal('80 of 80 characters');
    expect(input.getAttribute('aria-describedby')).to.contain('dataset-name-counter');
  });

  it('a 10,000-character dataset name never widens the page, is cut with its full text in a tooltip', async () => {
    const long = 'W'.repeat(10_000);
    const record = await saveDataset({
      name: long,
      currency: 'USD',
      periods: [{ customerId: 'a', start: '2024-01-01', amount: 5 }],
    });
    expect(record.name).to.have.length(80); // storage keeps at most 80 characters
    const el = await movements('', '360px');
    el.periods = [{ customerId: 'a', start: '2024-01-01', amount: 5 }];
    await untilRendered(el, () => $(el, `li[data-id="${record.id}"]`));
    q<HTMLElement>(el, `li[data-id="${record.id}"] .open`).click();
    await untilRendered(el, () => $(el, '#source')?.textContent?.includes('WWW'));
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(361);
    const source = $(el, '#source')!;
    expect(source.scrollWidth).to.be.at.most(source.clientWidth + 1);
    expect(source.querySelector('bdi')!.getAttribute('title')).to.equal(record.name);
    const name = $(el, `li[data-id="${record.id}"] .dataset-name`);
    expect(name?.getAttribute('title')).to.equal(record.name);
    await deleteDataset(record.id);
  });

  it('isolates names with <bdi> so a right-to-left override cannot reorder the sentence', async () => {
    const name = `Acme \u202Eremoved\u202C ${uniqueKey()}`;
    const record = await saveDataset({ name, currency: 'USD', periods: [{ customerId: 'a', start: '2024-01-01', amount: 5 }] });
    const el = await movements();
    await untilRendered(el, () => $(el, `li[data-id="${record.id}"]`));
    q<HTMLElement>(el, `li[data-id="${record.id}"] .delete`).click();
    await el.updateComplete;
    const undo = $(el, '.undo')!;
    expect(undo.querySelector('bdi')!.textContent).to.equal(name);
    expect(undo.textContent.trim()).to.match(/^“/);
    q<HTMLElement>(el, '#undo-delete').click();
    await deleteDataset(record.id);
  });
});

describe('<mrr-movements> small ones', () => {
  it('moves focus to the confirmation after "Save the dataset" (once the automatic save was undone)', async () => {
    const el = await movements();
    await importCsv(el, 'customer_id,start_date,monthly_amount\na,2024-01-01,10\n');
    await untilRendered(el, () => $(el, '#undo-save'));
    q(el, '#undo-save').click();
    await untilRendered(el, () => shadow(el).activeElement?.id === 'save-dataset');
    q(el, '#save-dataset').click();
    await untilRendered(el, () => $(el, '#saved-message'));
    await untilRendered(el, () => shadow(el).activeElement?.id === 'saved-message');
    const id = (el.importer.step as { record?: { id: string } }).record?.id;
    if (id) await deleteDataset(id);
  });

  it('shows the "Not saved" notice once when storage fails', async () => {
    const restore = await breakIndexedDb('openFails');
    try {
      const el = await movements();
      await importCsv(el, 'customer_id,start_date,monthly_amount\na,2024-01-01,10\n');
      q(el, '#save-dataset').click();
      await untilRendered(el, () => $(el, '#not-saved'));
      const notices = [...shadow(el).querySelectorAll('.notice')].filter((n) => /Not saved/.test(n.textContent ?? ''));
      expect(notices.length).to.equal(1);
    } finally {
      restore();
    }
  });
});

describe('<mrr-movements> layout', () => {
  it('draws the chart at the width of its container, measured by a ResizeObserver, and follows it', async () => {
    const el = await movements('example', '520px');
    const svgWidth = () => Number($(el, 'figure.chart svg')!.getAttribute('width'));
    const content = () => {
      const base = $(el, '[part="base"]')!;
      const style = getComputedStyle(base);
      return Math.floor(base.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    // The observer reports after a layout, a frame or more after the step that drew the chart (more
    // on a busy machine): wait for the chart to take the width, then for it to follow a change.
    const wait = { before: () => el.updateComplete, describe: () => `svg ${svgWidth()} vs content ${content()}` };
    await until(() => svgWidth() === content(), wait);
    expect(content()).to.be.below(520);
    el.parentElement!.style.width = '760px';
    await until(() => svgWidth() === content() && content() > 520, wait);
  });
});
