import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { saveState } from '../../src/storage/db.js';
import { q, shadow, text, uniqueKey } from './helpers.js';

/** Second file of the designer's tests: the ICP link and what a hostile trial tried. */
async function designer(attrs = '', key = uniqueKey(), style = ''): Promise<MrrPackageDesigner> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="${style}"><mrr-package-designer storage-key="${key}" ${attrs}></mrr-package-designer></div>`,
  );
  const el = wrapper.querySelector('mrr-package-designer')!;
  await el.persist.restored;
  await el.updateComplete;
  return el;
}
const settle = async (el: MrrPackageDesigner) => {
  await el.updateComplete;
  await el.updateComplete;
};
const until = async (check: () => boolean, ms = 2000) => {
  for (let i = 0; i < ms / 20 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

/** What `<mrr-icp-builder>` saves (`SavedForm<IcpBuilderInputs>`), with a `pains` criterion and a persona. */
function icpState(name: string, painsIdeal: string, frustrations: string, goals: string) {
  return {
    v: 2,
    locale: 'en',
    stamps: {},
    inputs: {
      activeId: 'icp1',
      icps: [
        {
          id: 'other',
          name: 'Other',
          criteria: [{ id: 'c0', field: 'pains', type: 'category', ideal: 'Not me', acceptable: '' }],
        },
        {
          id: 'icp1',
          name,
          criteria: [
            { id: 'c1', field: 'industry', type: 'category', ideal: 'Dental clinic', acceptable: '', disqualify: '' },
            { id: 'c2', field: 'pains', type: 'category', ideal: painsIdeal, acceptable: 'Slow website', disqualify: 'Happy' },
          ],
          thresholdA: '80',
          thresholdB: '60',
          thresholdC: '40',
          minCoveragePct: '50',
        },
      ],
      personas: [
        { id: 'p1', icpId: 'icp1', role: 'Owner', goals, frustrations, channels: '', objections: '' },
        {
          id: 'p2',
          icpId: 'other',
          role: 'Other',
          goals: 'Not mine either',
          frustrations: 'Not mine',
          channels: '',
          objections: '',
        },
      ],
      example: {},
    },
  };
}

const listTexts = (el: MrrPackageDesigner, tier: string, kind: string) =>
  [...shadow(el).querySelectorAll<HTMLInputElement>(`[data-list="${kind}"] input[id^="${tier}--${kind}--"]`)].map((i) => i.value);

describe('<mrr-package-designer> pulls pains from the saved ICP', () => {
  it('says in words when no ICP is saved, and changes nothing', async () => {
    const el = await designer();
    const before = JSON.stringify(el.inputs);
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]') !== '');
    await settle(el);
    expect(text(el, '[data-icp-message]')).to.contain('No ICP is saved yet');
    expect(JSON.stringify(el.inputs)).to.equal(before);
  });

  it('adds the active profile’s pains and its personas’ frustrations and goals, without duplicates; Undo takes them out', async () => {
    const key = uniqueKey();
    await saveState(
      `icp-builder:${key}`,
      icpState(
        'Local \u202Ebusinesses',
        'Bad reviews nobody answers, Missed calls, missed calls',
        'No time for marketing; agencies that report clicks.',
        'More booked calls; More five-star reviews',
      ),
      1,
    );
    const el = await designer('', key);
    q<HTMLInputElement>(el, '[id="canvas-tier--better"]').click();
    await settle(el);
    const painsBefore = listTexts(el, 'better', 'pains');
    q<HTMLButtonElement>(el, '[id="better--pull-icp"]').click();
    await until(() => listTexts(el, 'better', 'pains').length > painsBefore.length);
    await settle(el);
    // "Bad reviews nobody answers" is the starter's pain already: not repeated; "missed calls" once.
    expect(listTexts(el, 'better', 'pains')).to.deep.equal([
      ...painsBefore,
      'Missed calls',
      'Slow website',
      'No time for marketing',
      'agencies that report clicks',
    ]);
    expect(listTexts(el, 'better', 'gains')).to.include.members(['More booked calls']);
    expect(listTexts(el, 'better', 'gains').filter((g) => g === 'More five-star reviews').length).to.equal(1);
    expect(el.inputs.tiers[1].pains.at(-1)!.severity).to.equal('severe');
    expect(text(el, '[data-icp-message]')).to.contain('Added 4 pains and 1 gain from the ICP');
    // The profile's name is isolated: its override cannot reorder the sentence.
    expect(text(el, '[data-icp-message]')).to.contain('\u2068Local \u202Ebusinesses\u2069');
    // Unanswered new pains show in the fit.
    expect(text(el, '[data-kpi="unanswered"]')).to.contain('Missed calls');
    // Pulling again adds nothing and says so.
    q<HTMLButtonElement>(el, '[id="better--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]').includes('already'));
    expect(listTexts(el, 'better', 'pains').length).to.equal(painsBefore.length + 4);
  });

  it('Undo takes the pulled entries out again; the icp-key attribute names another saved ICP', async () => {
    const key = uniqueKey();
    await saveState(`icp-builder:${key}`, icpState('Clinics', 'Empty chairs', '', 'Full diary'), 1);
    const el = await designer(`icp-key="${key}"`);
    const pains = listTexts(el, 'good', 'pains');
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => listTexts(el, 'good', 'pains').length > pains.length);
    await settle(el);
    expect(listTexts(el, 'good', 'pains')).to.deep.equal([...pains, 'Empty chairs', 'Slow website']);
    expect(text(el, '[part="undo"]')).to.contain('Added 2 pains and 1 gain');
    q<HTMLButtonElement>(el, '#undo').click();
    await settle(el);
    expect(listTexts(el, 'good', 'pains')).to.deep.equal(pains);
    expect(listTexts(el, 'good', 'gains')).not.to.include('Full diary');
  });

  it('an ICP with nothing to pull, or a saved record of the wrong shape, is said in words', async () => {
    const key = uniqueKey();
    await saveState(`icp-builder:${key}`, icpState('', '', '', ''), 1);
    const el = await designer('', key);
    const before = JSON.stringify(el.inputs);
    // The saved state has "Slow website" as acceptable: remove it with a saved state of its own.
    await saveState(`icp-builder:${key}`, { v: 2, inputs: { icps: [{ id: 'a', name: '', criteria: 'x' }], personas: {} } }, 1);
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]') !== '');
    expect(text(el, '[data-icp-message]')).to.contain('has no pains, frustrations or goals');
    expect(text(el, '[data-icp-message]')).to.contain('without a name');
    await saveState(`icp-builder:${key}`, { v: 2, inputs: { icps: '__proto__' } }, 1);
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]').includes('No ICP'));
    expect(text(el, '[data-icp-message]')).to.contain('No ICP is saved yet');
    expect(JSON.stringify(el.inputs)).to.equal(before);
  });
});
