import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { FormController, type FormReading } from '../../src/controllers/form-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { InvalidInputError } from '../../src/core/validation.js';
import { defineCatalog } from '../../src/i18n/locale.js';
import { loadState } from '../../src/storage/db.js';
import { field, parseInputs } from '../../src/forms/fields.js';
import { numberField } from '../../src/ui/fields.js';
import { MrrElement } from '../../src/ui/mrr-element.js';
import { uniqueKey, until } from './helpers.js';

/** A two-field form: total = price × clients; the "core" refuses a total over 1,000,000. */
interface Inputs {
  price: string;
  clients: string;
}
interface Result {
  total: number;
}

const messages = defineCatalog({ en: { title: 'Test' }, fr: { title: 'Test' }, ar: { title: 'اختبار' } });

/** The inputs, declared once: reading, re-formatting on a language switch and cleaning come from it. */
const FIELDS = { price: field.money(), clients: field.amount() };

function read(inputs: Inputs, ctx: { locale: string; currency: string }): FormReading<Result> {
  const { values, errors } = parseInputs(FIELDS, inputs, ctx);
  if (Object.keys(errors).length) return { errors };
  const total = (values.price as number) * (values.clients as number);
  // An unmapped refusal: the form must show it rather than swallow it.
  if (total > 1e9) throw new Error('overflow');
  if (total > 1e6) throw new InvalidInputError([{ field: 'price', code: 'tooLarge', params: { max: 1e6 } }]);
  return { errors: {}, result: { total } };
}

class TestForm extends MrrElement {
  protected readonly i18n = new LocaleController(this, messages);
  readonly form: FormController<Inputs, Result> = new FormController<Inputs, Result>(this, {
    component: 'test-form',
    i18n: this.i18n,
    defaults: (fmt) => ({ price: fmt(1500), clients: fmt(10) }),
    fields: FIELDS,
    read,
    changeEvent: (r) => new CustomEvent('test-change', { detail: r, bubbles: true, composed: true }),
  });
  override render() {
    const field = (id: keyof Inputs) =>
      numberField(this.i18n, {
        id,
        label: id,
        value: this.form.inputs[id],
        error: this.form.errors[id],
        onInput: (v) => this.form.edit({ [id]: v }, id),
      });
    return litHtml`${this.renderConfigIssue()} ${field('price')} ${field('clients')}
      <output>${this.form.result?.total ?? ''}</output>${this.form.renderStatus({ stale: 'stale', form: 'refused' })}`;
  }
}
customElements.define('test-form', TestForm);

async function typeInto(el: TestForm, id: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const out = (el: TestForm) => el.shadowRoot!.querySelector('output')!.textContent;

describe('FormController (the one form recipe)', () => {
  it('is usable before the element is connected: inputs, result, apply', () => {
    const el = document.createElement('test-form') as TestForm;
    expect(el.form.inputs.price).to.equal('1,500');
    expect(el.form.result?.total).to.equal(15000);
    el.form.apply({ clients: '2' });
    expect(el.form.result?.total).to.equal(3000);
  });

  it('fires the change event once per user edit, with the result shown, and never on apply()', async () => {
    const el = await fixture<TestForm>(html`<test-form storage-key=""></test-form>`);
    const seen: number[] = [];
    el.addEventListener('test-change', (e) => seen.push((e as CustomEvent<Result>).detail.total));
    await typeInto(el, 'price', '2000');
    expect(seen).to.deep.equal([20000]);
    expect(out(el)).to.equal('20000');
    el.form.apply({ clients: '3' });
    await el.updateComplete;
    expect(seen).to.deep.equal([20000]);
  });

  it('keeps the last valid result, marked stale, and shows a core refusal on its field', async () => {
    const el = await fixture<TestForm>(html`<test-form storage-key=""></test-form>`);
    let events = 0;
    el.addEventListener('test-change', () => events++);
    await typeInto(el, 'clients', '1000');
    expect(out(el)).to.equal('15000'); // the last valid result stays
    // 1,500 × 1000 = 1.5M: refused by the "core" on price (tooLarge, max 1,000,000).
    expect(el.form.errors.price?.code).to.equal('tooLarge');
    expect(el.shadowRoot!.querySelector('#price-error')?.textContent).to.contain('1,000,000');
    expect(el.shadowRoot!.textContent).to.contain('stale');
    expect(events).to.equal(0);
  });

  it('shows a refusal it cannot place on a field instead of swallowing it', async () => {
    const el = await fixture<TestForm>(html`<test-form storage-key=""></test-form>`);
    await typeInto(el, 'clients', '10000000');
    expect(el.form.errors.form?.code).to.equal('invalid');
    expect(el.shadowRoot!.textContent).to.contain('refused');
    await typeInto(el, 'clients', '4');
    expect(out(el)).to.equal('6000');
    expect(el.form.stale).to.equal(false);
  });

  it('re-formats numbers when the language changes and never re-reads them', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><test-form storage-key=""></test-form></div>`);
    const el = wrap.querySelector('test-form') as TestForm;
    await el.updateComplete;
    await typeInto(el, 'price', '2,500');
    expect(el.form.result?.total).to.equal(25000);
    wrap.lang = 'fr';
    // Once the French catalogue is there, the text is re-formatted (from the value, not re-read).
    await until(() => el.form.inputs.price.replace(/\s/g, ' ') === '2 500');
    await el.updateComplete;
    expect(el.form.inputs.price.replace(/\s/g, ' ')).to.equal('2 500');
    expect(el.form.result?.total).to.equal(25000);
    wrap.lang = 'en';
    await until(() => el.form.inputs.price === '2,500');
    await el.updateComplete;
    expect(el.form.inputs.price).to.equal('2,500');
    expect(el.form.result?.total).to.equal(25000);
  });

  it('after a reload with refused inputs shows those inputs and the result of the last valid ones, stale', async () => {
    const key = uniqueKey();
    const first = await fixture<TestForm>(html`<test-form storage-key=${key}></test-form>`);
    await first.form.persist!.restored;
    await typeInto(first, 'clients', '7');
    await typeInto(first, 'price', 'abc');
    await first.form.persist!.flush();
    first.remove();
    const second = await fixture<TestForm>(html`<test-form storage-key=${key}></test-form>`);
    await second.form.persist!.restored;
    await second.updateComplete;
    expect(second.form.inputs.price).to.equal('abc');
    expect(second.form.inputs.clients).to.equal('7');
    expect(second.form.stale).to.equal(true);
    expect(second.form.result?.total).to.equal(1500 * 7);
  });

  it('merges two tabs field by field: an edit in each survives, and each sees the other', async () => {
    const key = uniqueKey();
    const a = await fixture<TestForm>(html`<test-form storage-key=${key}></test-form>`);
    const b = await fixture<TestForm>(html`<test-form storage-key=${key}></test-form>`);
    await Promise.all([a.form.persist!.restored, b.form.persist!.restored]);
    await typeInto(a, 'price', '100');
    await typeInto(b, 'clients', '3');
    await a.form.persist!.flush();
    await b.form.persist!.flush();
    const saved = await loadState<{ inputs: Inputs }>(`test-form:${key}`);
    expect(saved?.data.inputs).to.deep.equal({ price: '100', clients: '3' });
    // BroadcastChannel does not deliver to the same instance: A pulls when B's save is announced.
    await until(() => a.form.inputs.clients === '3');
    await a.updateComplete;
    expect(a.form.inputs.clients).to.equal('3');
    expect(a.form.result?.total).to.equal(300);
  });

  it('refuses a currency that is not ISO 4217 with a message, and keeps working in USD', async () => {
    const el = await fixture<TestForm>(html`<test-form storage-key="" currency="XYZ"></test-form>`);
    expect(el.currency).to.equal('USD');
    expect(el.currencyIssue).to.equal('XYZ');
    el.currency = 'garbage!';
    await el.updateComplete;
    expect(el.currencyIssue).to.equal('garbage!');
    // Both codes read as USD: the message must still follow the code that was set.
    expect(el.shadowRoot!.textContent).to.contain('garbage!');
    expect(el.shadowRoot!.textContent).not.to.contain('XYZ');
    el.currency = 'USD';
    await el.updateComplete;
    expect(el.currencyIssue).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Unknown currency');
    el.currency = 'eur';
    await el.updateComplete;
    expect(el.currency).to.equal('EUR');
    expect(el.currencyIssue).to.equal(null);
  });
});
