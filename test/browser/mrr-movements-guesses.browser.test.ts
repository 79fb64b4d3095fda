/**
 * <mrr-movements> asks instead of guessing: a file's number format, cent
 * amounts, a cancellation column; rows with too many or too few cells say so in words.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-movements/define.js';
import type { MrrMovements } from '../../components/mrr-movements/mrr-movements.js';
import { columnsToPeriods, type PeriodColumns } from '../../src/core/period-columns.js';
import { q, shadow, text, uniqueKey, untilRendered } from './helpers.js';

async function movements(attrs = ''): Promise<MrrMovements> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-movements storage-key="${uniqueKey()}" ${attrs}></mrr-movements></div>`,
  );
  const el = wrapper.querySelector('mrr-movements')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

const $ = (el: MrrMovements, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
const amounts = (el: MrrMovements) => columnsToPeriods(el.periods as PeriodColumns).map((p) => p.amount);

async function pickFixture(el: MrrMovements, name: string): Promise<void> {
  const blob = await (await fetch(`/test/fixtures/${name}`)).blob();
  const input = q<HTMLInputElement>(el, '#file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([blob], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await untilRendered(el, () => $(el, '#start-import'));
}

async function choose(el: MrrMovements, selector: string): Promise<void> {
  const radio = q<HTMLInputElement>(el, selector);
  radio.click();
  await el.updateComplete;
}

describe('<mrr-movements> asks instead of guessing', () => {
  it('asks how a file writes decimals when 12.000 reads two ways, and imports what the user chose', async () => {
    const el = await movements();
    await pickFixture(el, 'two-way-amounts.csv');
    expect(text(el, '#number-format-hint')).to.contain('12.000');
    q(el, '#start-import').click();
    await el.updateComplete;
    expect(el.importer.step.kind).to.equal('mapping');
    expect(text(el, '#number-format-error')).to.equal('Choose how this file writes decimals.');
    await choose(el, '#number-format input[value="comma"]');
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    expect(amounts(el)).to.deep.equal([12000, 1500, 40]);
  });

  it('reads the number format of a semicolon file from its content (1.234,56 and "2.000,00")', async () => {
    const el = await movements();
    await pickFixture(el, 'semicolon-comma-decimals.csv');
    expect(q<HTMLInputElement>(el, '#number-format input[value="comma"]').checked).to.equal(true);
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    expect(amounts(el)).to.deep.equal([1234.56, 2000, 12000]);
  });

  it('asks "are these cents?" for whole cent-sized amounts instead of reading dollars', async () => {
    const el = await movements();
    await pickFixture(el, 'stripe-cents.csv');
    expect(text(el, '#minor-units legend')).to.equal('Are these amounts in cents?');
    q(el, '#start-import').click();
    await el.updateComplete;
    expect($(el, '#minor-units-error')).to.not.equal(null);
    await choose(el, '#minor-units input[value="true"]');
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    expect(amounts(el)).to.deep.equal([29, 99, 24.17]);
  });

  it('asks before using a "Canceled At" column as the end date; "no" imports running subscriptions', async () => {
    const el = await movements();
    await pickFixture(el, 'canceled-only.csv');
    expect(q<HTMLSelectElement>(el, '#map-end').value).to.equal('');
    expect(text(el, '#cancel-as-end legend')).to.contain('Canceled At');
    await choose(el, '#cancel-as-end input[value="false"]');
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    expect(columnsToPeriods(el.periods as PeriodColumns).map((p) => p.end)).to.deep.equal([null, null]);
  });

  it('maps a Stripe export end to "Ended At" even when only scheduled cancellations have values', async () => {
    const el = await movements();
    await pickFixture(el, 'stripe-scheduled-cancel.csv');
    expect(q<HTMLSelectElement>(el, '#map-end').value).to.equal('Ended At (UTC)');
    expect($(el, '#cancel-as-end')).to.equal(null);
  });

  it('says in words that a row has too few or too many cells', async () => {
    const el = await movements();
    await pickFixture(el, 'bad-rows.csv');
    q(el, '#start-import').click();
    await untilRendered(el, () => $(el, '#import-report'));
    const reason = $(el, '#errors-table tr[data-line="13"] .reason')!.textContent.trim();
    expect(reason).to.equal(
      'Cells in this row: 2; in the header: 5. A cell is missing: a delimiter too few, or a line cut in two.',
    );
  });

  it('is accessible with the questions shown, in Arabic too', async () => {
    for (const lang of ['en', 'ar']) {
      const el = await movements(`lang="${lang}"`);
      await pickFixture(el, 'stripe-cents.csv');
      q(el, '#start-import').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });
});
