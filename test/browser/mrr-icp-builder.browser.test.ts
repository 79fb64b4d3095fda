import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import type { Icp } from '../../src/core/icp.js';
import { q, shadow, text, type, uniqueKey } from './helpers.js';

/** The worked example of issue 10: 8.5 of 11 points → 77.27, tier B, coverage 1. */
const WORKED: Icp = {
  name: 'Worked example',
  criteria: [
    { id: 'industry', field: 'industry', weight: 5, type: 'category', ideal: ['Dental', 'Legal'], acceptable: ['Restaurant'], disqualify: ['Gambling'] },
    { id: 'employees', field: 'employees', weight: 3, type: 'number', ideal: [{ min: 10, max: 50 }], acceptable: [{ min: 5, max: 10 }, { min: 50, max: 200 }] },
    { id: 'reviews', field: 'reviewCount', weight: 2, type: 'number', ideal: [{ min: 0, max: 20 }], acceptable: [{ min: 20, max: 100 }] },
    { id: 'website', field: 'hasWebsite', weight: 1, type: 'boolean', ideal: [true], acceptable: [false] },
  ],
};
const WORKED_ACCOUNT = { industry: 'Dental', employees: 7, reviewCount: 30, hasWebsite: 'yes' };

async function builder(attrs = '', key = uniqueKey(), style = ''): Promise<MrrIcpBuilder> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="${style}"><mrr-icp-builder storage-key="${key}" ${attrs}></mrr-icp-builder></div>`,
  );
  const el = wrapper.querySelector('mrr-icp-builder')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}

async function worked(attrs = '', key = uniqueKey()): Promise<MrrIcpBuilder> {
  const el = await builder(attrs, key);
  el.applyIcp(WORKED);
  el.applyExample(WORKED_ACCOUNT);
  await el.updateComplete;
  return el;
}

const reasons = (el: HTMLElement) => [...shadow(el).querySelectorAll('[data-reasons] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<mrr-icp-builder>', () => {
  it('starts with the local-business starter profile, a persona and a scored example account', async () => {
    const el = await builder();
    expect(q<HTMLSelectElement>(el, '#profile').selectedOptions[0].textContent!.trim()).to.equal('Local businesses');
    expect(shadow(el).querySelectorAll('fieldset.criterion').length).to.equal(10);
    expect(shadow(el).querySelectorAll('fieldset.persona').length).to.equal(1);
    expect(text(el, '[data-kpi="tier"]')).to.match(/^[ABCD]$/);
    expect(reasons(el)[0]).to.equal('Industry Dental clinic is ideal: 5 of 5 points');
  });

  it('shows the worked example: 77.27, tier B, coverage 100 %, reasons in words', async () => {
    const el = await worked();
    expect(text(el, '[data-kpi="score"]')).to.equal('77.27');
    expect(text(el, '[data-kpi="tier"]')).to.equal('B');
    expect(text(el, '[data-kpi="coverage"]')).to.equal('100%');
    expect(reasons(el)).to.deep.equal([
      'Industry Dental is ideal: 5 of 5 points',
      'Employees 7 is acceptable: 1.5 of 3 points',
      'Online reviews 30 is acceptable: 1 of 2 points',
      'Has a website Yes is ideal: 1 of 1 points',
    ]);
  });

  it('editing a weight changes the score at once and fires mrr-icp-change with the ICP', async () => {
    const el = await worked();
    const changed = oneEvent(el, 'mrr-icp-change');
    await type(el, '[id="employees--weight"]', '0');
    const { detail } = await changed;
    expect(detail.icp.criteria.find((c) => c.id === 'employees')!.weight).to.equal(0);
    // 7 of 8 points → 87.5, tier A
    expect(text(el, '[data-kpi="score"]')).to.equal('87.5');
    expect(text(el, '[data-kpi="tier"]')).to.equal('A');
  });

  it('a disqualifying value gives tier D and says why', async () => {
    const el = await worked();
    await type(el, '[id="example--industry"]', 'gambling ');
    expect(text(el, '[data-kpi="tier"]')).to.equal('D');
    expect(reasons(el)[0]).to.equal('Industry gambling disqualifies the account');
  });

  it('refuses a weight above 5 next to the field, keeps the last valid fit marked stale', async () => {
    const el = await worked();
    await type(el, '[id="industry--weight"]', '7');
    expect(q(el, '[id="industry--weight"]').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '[id="industry--weight-error"]')).to.contain('between 0 and 5');
    expect(text(el, '[data-kpi="score"]')).to.equal('77.27');
    expect(shadow(el).querySelector('.fit[data-stale]')).not.to.equal(null);
  });

  it('says which ranges overlap, next to the range', async () => {
    const el = await worked();
    const c = el.inputs.icps.find((i) => i.id === el.inputs.activeId)!.criteria.find((x) => x.id === 'employees')!;
    const third = c.ranges[2]; // acceptable 50–200; 40–200 overlaps the ideal 10–50
    await type(el, `[id="employees--${third.id}--min"]`, '40');
    expect(text(el, `[id="employees--${third.id}--min-error"]`)).to.contain('overlaps');
    await type(el, `[id="employees--${third.id}--min"]`, '300');
    expect(text(el, `[id="employees--${third.id}--min-error"]`)).to.equal('“From” must be below “Up to”.');
  });
});
