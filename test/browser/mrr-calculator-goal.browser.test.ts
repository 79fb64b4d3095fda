import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-calculator/define.js';
import type { MrrCalculator } from '../../components/mrr-calculator/mrr-calculator.js';
import { q, shadow, text, type, uniqueKey, until } from './helpers.js';

async function calculator(attrs = ''): Promise<MrrCalculator> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><mrr-calculator storage-key="${uniqueKey()}" ${attrs}></mrr-calculator></div>`,
  );
  const el = wrapper.querySelector('mrr-calculator')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

/** MRR 10,000 (100 clients at 100), 1 new client a month, nothing else, over 12 months: ends at 11,200. */
const BASE = 'clients="100" price="100" new-clients="1" churn="0" expansion="0" contraction="0" horizon="12"';

/** Opens "Reach a target" and waits for its part (loaded on demand) to draw. */
async function openGoal(el: MrrCalculator): Promise<void> {
  q<HTMLElement>(el, 'details.goal > summary').click();
  await until(() => !!shadow(el).querySelector('#goal-target'), { describe: () => 'the goal part loads' });
  await el.updateComplete;
}

async function chooseLever(el: MrrCalculator, lever: string): Promise<void> {
  q<HTMLInputElement>(el, `input[name="goal-lever"][value="${lever}"]`).click();
  await el.updateComplete;
}

const answer = (el: MrrCalculator) => text(el, '[data-goal="answer"]');

describe('<mrr-calculator> Reach a target', () => {
  it('loads its part only when opened', async () => {
    const el = await calculator(BASE);
    const loaded = () => performance.getEntriesByType('resource').some((r) => /\/goal(\.messages)?\.ts/.test(r.name));
    expect(q<HTMLDetailsElement>(el, 'details.goal').open).to.equal(false);
    expect(text(el, 'details.goal > summary')).to.equal('Reach a target');
    expect(shadow(el).querySelector('#goal-target')).to.equal(null);
    expect(loaded()).to.equal(false);
    await openGoal(el);
    expect(loaded()).to.equal(true);
  });

  it('new clients: 1,200 of MRR a year each, so 20,000 needs 9 a month; the button sets them, firing mrr-change once', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '20,000');
    // 10,000 + 12 × 100 × n ≥ 20,000 → n ≥ 8.33.
    expect(answer(el)).to.equal('You need 9 new clients a month instead of 1.');
    let changes = 0;
    el.addEventListener('mrr-change', () => changes++);
    const button = q<HTMLButtonElement>(el, '.goal-apply');
    expect(text(el, '.goal-apply')).to.equal('Set “New clients per month” to 9');
    button.click();
    await el.updateComplete;
    await until(() => text(el, '[data-kpi="mrr-end"]') === '$20,800', { describe: () => 'the figures follow' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(changes).to.equal(1);
    expect(q<HTMLInputElement>(el, '#newClients').value).to.equal('9');
    expect(shadow(el).activeElement?.id).to.equal('newClients');
    // Now today's value: the answer says so and the button is gone.
    expect(answer(el)).to.equal('Already within reach: 9 new clients a month would do (today 9).');
    expect(shadow(el).querySelector('.goal-apply')).to.equal(null);
  });

  it('price: with clients × price every client pays it, so 20,000 needs 178.58 (178.57 ends at 19,999.84)', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '20000');
    await chooseLever(el, 'price');
    // 100 p + 12 × 1 × p = 112 p ≥ 20,000.
    expect(answer(el)).to.equal('You need an average price of $178.58 a month instead of $100.00.');
    q<HTMLButtonElement>(el, '.goal-apply').click();
    await until(() => text(el, '[data-kpi="mrr-now"]') === '$17,858', { describe: () => 'the price is set' });
    expect(q<HTMLInputElement>(el, '#price').value).to.equal('178.58');
    expect(text(el, '[data-kpi="mrr-end"]')).to.equal('$20,001');
  });

  it('expansion to 0.01 points: 10,000 grows to 11,000 in 12 months at 0.8 % (0.79 % ends at 10,990)', async () => {
    const el = await calculator(BASE.replace('new-clients="1"', 'new-clients="0"'));
    await openGoal(el);
    await type(el, '#goal-target', '11000');
    await chooseLever(el, 'expansion');
    expect(answer(el)).to.equal('You need monthly expansion of 0.8% instead of 0%.');
  });

  it('churn: the most that still reaches; 100 new MRR a month holds 10,000 up to 1 %', async () => {
    const el = await calculator(BASE.replace('churn="0"', 'churn="5"'));
    await openGoal(el);
    await type(el, '#goal-target', '10000');
    await chooseLever(el, 'churn');
    // 1 %: 10,000 − 100 + 100 every month; 1.01 % loses a dollar a month.
    expect(answer(el)).to.equal('You need monthly churn of at most 1% instead of 5%.');
    expect(text(el, '.goal-apply')).to.equal('Set “Monthly revenue churn” to 1%');
  });

  it('a target already reached gives the least that does, next to today', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '5000');
    expect(answer(el)).to.equal('Already within reach: 0 new clients a month would do (today 1).');
    await chooseLever(el, 'churn');
    expect(answer(el)).to.match(/^Already within reach: monthly churn could rise to [\d.]+% \(today 0%\)\.$/);
  });

  it('says when nothing within the limits reaches the target', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '1,000,000');
    await chooseLever(el, 'churn');
    expect(answer(el)).to.equal('No churn rate, not even 0%, reaches $1,000,000 within 12 months.');
    expect(shadow(el).querySelector('.goal-apply')).to.equal(null);
    await type(el, '#horizon', '1');
    await type(el, '#goal-target', '1,000,000,000');
    await chooseLever(el, 'clients');
    // At most 1,000,000 new clients a month, at 100 each: 100,000,000 in a month.
    expect(answer(el)).to.equal('No number of new clients a month reaches $1,000,000,000 within 1 month.');
  });

  it('explains a target it cannot read next to the field', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '12abc');
    expect(q(el, '#goal-target').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelector('[data-goal="answer"]')).to.equal(null);
    await type(el, '#goal-target', '-5');
    expect(q(el, '#goal-target').getAttribute('aria-invalid')).to.equal('true');
  });

  it('offers no price to solve for with a plan list (new clients pay the plans’ mean price)', async () => {
    const el = await calculator(BASE);
    q<HTMLInputElement>(el, 'input[name="mode"][value="plans"]').click();
    await until(() => !!shadow(el).querySelector('fieldset.plan'), { describe: () => 'the plan list shows' });
    await openGoal(el);
    const levers = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="goal-lever"]')].map((i) => i.value);
    expect(levers).to.deep.equal(['clients', 'expansion', 'churn']);
  });

  it('speaks French and Arabic', async () => {
    const fr = await calculator(`${BASE} lang="fr"`);
    expect(text(fr, 'details.goal > summary')).to.equal('Atteindre un objectif');
    await openGoal(fr);
    await type(fr, '#goal-target', '20 000');
    expect(answer(fr)).to.equal('Il vous faut 9 nouveaux clients par mois au lieu de 1.');
    const ar = await calculator(`${BASE} lang="ar"`);
    expect(text(ar, 'details.goal > summary')).to.equal('بلوغ هدف');
    await openGoal(ar);
    await type(ar, '#goal-target', '20000');
    expect(answer(ar)).to.match(/^تحتاج إلى [9٩] من العملاء الجدد شهريًا بدلًا من [1١]\.$/);
    await expect(ar).to.be.accessible();
  });

  it('re-writes the target in the new language, and its words follow', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '20,000.5');
    el.setAttribute('lang', 'fr');
    await until(() => text(el, 'details.goal > summary') === 'Atteindre un objectif', { describe: () => 'French' });
    await until(() => answer(el).startsWith('Il vous faut'), { describe: () => 'the answer in French' });
    expect(q<HTMLInputElement>(el, '#goal-target').value.replace(/\s/g, ' ')).to.equal('20 000,5');
  });

  it('is accessible open, in English', async () => {
    const el = await calculator(BASE);
    await openGoal(el);
    await type(el, '#goal-target', '20000');
    await expect(el).to.be.accessible();
  });
});
