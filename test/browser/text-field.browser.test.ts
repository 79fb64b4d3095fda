import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { Messages } from '../../src/i18n/locale.js';
import { textField, type TextFieldOptions } from '../../src/ui/text-field.js';
import '../../components/mrr-package-designer/define.js';
import '../../components/mrr-revenue-motions/define.js';
import '../../components/mrr-icp-builder/define.js';
import { q, shadow, uniqueKey } from './helpers.js';

/** What the field asks of the element's LocaleController: numbers in its locale. */
const fr = { number: (n: number) => new Intl.NumberFormat('fr').format(n) } as unknown as LocaleController<Messages>;

const mounted: HTMLElement[] = [];
/** What `onInput` received, per mounted field. */
const typedIn = new WeakMap<HTMLElement, string[]>();

function mount(o: Partial<TextFieldOptions> = {}): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  mounted.push(host);
  const typed: string[] = [];
  render(
    textField(fr, {
      id: 'x',
      label: 'Nom',
      value: 'abc',
      max: 80,
      counter: (n, max) => `${n} caractères sur ${max}`,
      onInput: (v) => typed.push(v),
      ...o,
    }),
    host,
  );
  typedIn.set(host, typed);
  return host;
}

describe('textField (src/ui/fields.ts): the one name/text input with maxlength and counter', () => {
  afterEach(() => mounted.splice(0).forEach((d) => d.remove()));

  it('labels the input, limits it, counts in the locale and says the count in the element’s words', () => {
    const host = mount({ value: 'a'.repeat(1234 % 80) });
    const input = host.querySelector<HTMLInputElement>('input#x')!;
    expect(host.querySelector('label')!.getAttribute('for')).to.equal('x');
    expect(input.maxLength).to.equal(80);
    expect(input.getAttribute('dir')).to.equal('auto');
    expect(input.getAttribute('aria-describedby')).to.equal('x-count');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(host.querySelector('#x-count [aria-hidden]')!.textContent).to.equal('34/80');
    expect(host.querySelector('#x-count .visually-hidden')!.textContent).to.equal('34 caractères sur 80');
  });

  it('counts characters as a person does (an emoji is one), marks the counter full, keeps markup as text', () => {
    const host = mount({ value: '<b>👍</b>', max: 8 });
    expect(host.querySelector('input')!.value).to.equal('<b>👍</b>');
    expect(host.querySelector('b')).to.equal(null);
    expect(host.querySelector('#x-count [aria-hidden]')!.textContent).to.equal('8/8');
    expect(host.querySelector('#x-count')!.hasAttribute('data-full')).to.equal(true);
  });

  it('marks the counter near the limit from 80 % of it', () => {
    expect(
      mount({ value: 'a'.repeat(63) })
        .querySelector('.counter')!
        .hasAttribute('data-near'),
    ).to.equal(false);
    expect(
      mount({ value: 'a'.repeat(64) })
        .querySelector('.counter')!
        .hasAttribute('data-near'),
    ).to.equal(true);
  });

  it('a wrapping field is a one-row textarea that types no line break', () => {
    const host = mount({ wrap: true });
    const area = host.querySelector<HTMLTextAreaElement>('textarea#x')!;
    expect(area.getAttribute('rows')).to.equal('1');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    area.dispatchEvent(enter);
    expect(enter.defaultPrevented).to.equal(true);
    area.value = 'Gestion\nde la réputation';
    area.dispatchEvent(new Event('input'));
    expect(typedIn.get(host)).to.deep.equal(['Gestion de la réputation']);
  });

  it('wires the error and the hint (error first), and reports what is typed', () => {
    const host = mount({ error: 'Le nom est vide.', hint: 'Comme vos clients le disent.' });
    const input = host.querySelector<HTMLInputElement>('input')!;
    expect(input.getAttribute('aria-describedby')).to.equal('x-error x-hint x-count');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(host.querySelector('#x-error')!.textContent).to.equal('Le nom est vide.');
    expect(host.querySelector('.field')!.hasAttribute('data-invalid')).to.equal(true);
    input.value = 'Dentistes';
    input.dispatchEvent(new Event('input'));
    expect(typedIn.get(host)).to.deep.equal(['Dentistes']);
  });

  it('puts the counter after the input, on the label’s line, or in the input’s box', () => {
    const end = mount({ className: 'text', hideLabel: true });
    expect(end.querySelector('.field.text > input + .counter')).to.not.equal(null);
    expect(end.querySelector('label')!.className).to.equal('visually-hidden');
    const label = mount({ counterAt: 'label' });
    expect(label.querySelector('.label-row > label + .counter')).to.not.equal(null);
    expect(label.querySelector('.input-wrap > input')).to.not.equal(null);
    const inBox = mount({ counterAt: 'input', className: 'name-field' });
    expect(inBox.querySelector('.field.name-field > .input-wrap > input + .affix.counter')).to.not.equal(null);
    const area = mount({ multiline: true, rows: 1, placeholder: 'https://' });
    const textarea = area.querySelector('textarea#x')!;
    expect(textarea.getAttribute('rows')).to.equal('1');
    expect(textarea.getAttribute('maxlength')).to.equal('80');
    expect(textarea.getAttribute('placeholder')).to.equal('https://');
  });

  it('the three elements use it for their names: maxlength 80, the counter in the element’s language', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div lang="fr">
      <mrr-package-designer storage-key="${uniqueKey()}"></mrr-package-designer>
      <mrr-icp-builder storage-key="${uniqueKey()}"></mrr-icp-builder>
      <mrr-revenue-motions storage-key="${uniqueKey()}"></mrr-revenue-motions></div>`);
    const cases: [string, string, RegExp][] = [
      ['mrr-package-designer', 'p-reputation--name', /^\d+ caractères sur 80$/],
      ['mrr-icp-builder', 'starter--name', /^\d+ caractères sur 80$/],
      ['mrr-revenue-motions', 'standard--name', /^\d+ caractères sur 80 utilisés\.$/],
    ];
    for (const [tag, id, sentence] of cases) {
      const el = wrapper.querySelector(tag) as HTMLElement & {
        updateComplete: Promise<unknown>;
        persist: { restored: Promise<void> };
      };
      await el.persist.restored;
      await el.updateComplete;
      const said = () => shadow(el).querySelector(`[id="${id}-count"] .visually-hidden`)?.textContent ?? '';
      for (let i = 0; i < 100 && !sentence.test(said()); i++) {
        await new Promise((r) => setTimeout(r, 20));
        await el.updateComplete;
      }
      const input = q<HTMLInputElement>(el, `[id="${id}"]`);
      expect(input.maxLength, tag).to.equal(80);
      expect(input.getAttribute('aria-describedby'), tag).to.contain(`${id}-count`);
      expect(q(el, `label[for="${id}"]`).textContent.trim(), tag).to.not.equal('');
      expect(q(el, `[id="${id}-count"] .visually-hidden`).textContent, tag).to.match(sentence);
      expect(q(el, `[id="${id}-count"] [aria-hidden]`).textContent, tag).to.match(/^\d+\/80$/);
    }
  });
});
