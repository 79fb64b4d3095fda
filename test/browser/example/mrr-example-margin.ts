/**
 * The smallest form element, written as docs/architecture.md's "Add an element" walkthrough says
 * (the closing note of the fields-described-once work counts its lines). It is not shipped: the
 * tests use it to prove the recipe, and it goes through the contract every element keeps
 * (test/browser/example-element.browser.test.ts defines it, as a `define.ts` would).
 */
import { html } from 'lit';
import { FormController, type FormContext, type FormReading } from '../../../src/controllers/form-controller.js';
import { LocaleController } from '../../../src/controllers/locale-controller.js';
import { field, issueError, parseInputs } from '../../../src/forms/fields.js';
import { defineCatalog } from '../../../src/i18n/locale.js';
import { numberField, storageNotice } from '../../../src/ui/fields.js';
import { MrrElement } from '../../../src/ui/mrr-element.js';

// state.ts: the declaration, the defaults and one read() that calls the core.
const FIELDS = { price: field.money(), cost: field.money() };
type Inputs = { price: string; cost: string };
const defaults = (fmt: (n: number) => string): Inputs => ({ price: fmt(500), cost: fmt(200) });
function read(inputs: Inputs, ctx: FormContext): FormReading<{ marginPct: number }> {
  const { values, errors } = parseInputs(FIELDS, inputs, ctx);
  if (values.price === 0) errors.price ??= issueError({ code: 'outOfRange', params: { min: 0.01 } });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    result: { marginPct: (((values.price as number) - (values.cost as number)) / (values.price as number)) * 100 },
  };
}

// messages.ts (French and Arabic would be loaders of their own modules).
const messages = defineCatalog({
  en: { price: 'Price', cost: 'Cost', margin: 'Margin' },
  fr: { price: 'Prix', cost: 'Coût', margin: 'Marge' },
  ar: { price: 'السعر', cost: 'التكلفة', margin: 'الهامش' },
});

// mrr-example-margin.ts: rendering only.
export class MrrExampleMargin extends MrrElement {
  protected readonly i18n = new LocaleController(this, messages);
  readonly form: FormController<Inputs, { marginPct: number }> = new FormController(this, {
    component: 'example-margin',
    i18n: this.i18n,
    fields: FIELDS,
    defaults,
    read,
  });
  get persist() {
    return this.form.persist!;
  }
  override render() {
    const input = (id: keyof Inputs) =>
      numberField(this.i18n, {
        id,
        label: this.i18n.t(id),
        value: this.form.inputs[id],
        error: this.form.errors[id],
        suffix: this.currency,
        onInput: (v) => this.form.edit({ [id]: v }, id),
      });
    const margin = this.form.result?.marginPct;
    return html`<div part="base" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      ${this.renderConfigIssue()} ${input('price')} ${input('cost')}
      <p>${this.i18n.t('margin')}: <output>${margin === undefined ? '' : this.i18n.percent(margin, 1)}</output></p>
      ${this.form.renderStatus({ stale: this.i18n.c('common.stale') })} ${storageNotice(this.i18n, this.persist)}
    </div>`;
  }
}
