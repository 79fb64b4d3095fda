import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { q, uniqueKey, until } from './helpers.js';

/** Records the calculator's `mrr-change` and `mrr-settled` events as a host page would. */
async function calculator(): Promise<{
  el: MrrCalculator;
  changes: unknown[];
  settled: Array<{ summary: { endingMrr: number } }>;
}> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-calculator storage-key="${uniqueKey()}"></mrr-calculator><button id="elsewhere">x</button></div>`,
  );
  const el = wrapper.querySelector('mrr-calculator')!;
  await el.persist.restored;
  await el.updateComplete;
  const changes: unknown[] = [];
  const settled: Array<{ summary: { endingMrr: number } }> = [];
  wrapper.addEventListener('mrr-change', (e) => changes.push((e as CustomEvent).detail));
  wrapper.addEventListener('mrr-settled', (e) => settled.push((e as CustomEvent<{ summary: { endingMrr: number } }>).detail));
  return { el, changes, settled };
}

/** Types `text` key by key, as a person does: one input event per character. */
async function typeKeys(el: MrrCalculator, selector: string, text: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  input.focus();
  input.value = '';
  for (const ch of text) {
    input.value += ch;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

describe('mrr-settled: one event per value the user commits', () => {
  it('typing 3 digits fires mrr-change on each, mrr-settled once when the field is left', async () => {
    const { el, changes, settled } = await calculator();
    await typeKeys(el, '#clients', '321');
    expect(changes.length).to.equal(3);
    expect(settled.length).to.equal(0);
    q<HTMLInputElement>(el, '#clients').blur();
    await until(() => settled.length === 1, { describe: () => 'mrr-settled after blur' });
    expect(settled[0]).to.deep.equal(changes[2]);
    // Leaving again without a new value sends nothing new.
    q<HTMLInputElement>(el, '#clients').focus();
    q<HTMLInputElement>(el, '#clients').blur();
    await el.updateComplete;
    expect(settled.length).to.equal(1);
  });

  it('Enter commits the value', async () => {
    const { el, settled } = await calculator();
    await typeKeys(el, '#clients', '44');
    q<HTMLInputElement>(el, '#clients').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    await until(() => settled.length === 1, { describe: () => 'mrr-settled after Enter' });
  });

  it('a pause in typing commits the value, once', async () => {
    const { el, changes, settled } = await calculator();
    await typeKeys(el, '#clients', '12');
    await until(() => settled.length === 1, { timeoutMs: 4000, describe: () => 'mrr-settled after a pause' });
    expect(settled[0]).to.deep.equal(changes[changes.length - 1]);
    q<HTMLInputElement>(el, '#clients').blur();
    await el.updateComplete;
    expect(settled.length).to.equal(1);
  });

  it('an invalid value is never settled', async () => {
    const { el, settled } = await calculator();
    await typeKeys(el, '#clients', 'abc');
    q<HTMLInputElement>(el, '#clients').blur();
    await el.updateComplete;
    expect(settled.length).to.equal(0);
  });
});
