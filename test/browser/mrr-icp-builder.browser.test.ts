import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import type { Icp } from '../../src/core/icp.js';
import { q, shadow, text, type, uniqueKey, until, nextEvent, withShownLabels } from './helpers.js';
import { workedExampleIcp } from '../shared/icp-example.js';

/** The worked example of docs/icp.md: 8.5 of 11 points → 77.27, tier B, coverage 1. */
const WORKED: Icp = workedExampleIcp({ name: 'Worked example', booleansAsLists: true });
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

const reasons = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('[data-reasons] li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());

describe('<mrr-icp-builder>', () => {
  it('starts with the local-business starter profile, a persona and a scored example account', async () => {
    const el = await builder();
    expect(q<HTMLSelectElement>(el, '#profile').selectedOptions[0]?.textContent!.trim()).to.equal('Local businesses');
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
      'Has a website Yes is ideal: 1 of 1 point',
    ]);
  });

  it('editing a weight changes the score at once and fires mrr-icp-change with the ICP', async () => {
    const el = await worked();
    const changed = nextEvent(el, 'mrr-icp-change');
    await type(el, '[id="employees--weight"]', '0');
    const { detail } = await changed;
    expect(detail.icp.criteria.find((c: { id: string }) => c.id === 'employees')!.weight).to.equal(0);
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

  it('opens the tiers when one is refused and says why next to it', async () => {
    const el = await worked();
    const id = el.inputs.activeId;
    const details = q<HTMLDetailsElement>(el, 'details.tiers');
    expect(details.open).to.equal(false);
    await type(el, `[id="${id}--thresholdB"]`, '85');
    expect(q<HTMLDetailsElement>(el, 'details.tiers').open).to.equal(true);
    expect(text(el, `[id="${id}--thresholdB-error"]`)).to.equal('Tiers must go down: A above B above C.');
    await type(el, `[id="${id}--thresholdB"]`, '60');
    expect(shadow(el).querySelector(`[id="${id}--thresholdB-error"]`)).to.equal(null);
    expect(text(el, '[data-kpi="tier"]')).to.equal('B');
  });

  it('says which ranges overlap, next to the range', async () => {
    const el = await worked();
    const c = el.inputs.icps.find((i) => i.id === el.inputs.activeId)!.criteria.find((x) => x.id === 'employees')!;
    const third = c.ranges[2]; // acceptable 50–200; 40–200 overlaps the ideal 10–50
    // Values show a summary until opened.
    expect(text(el, '[data-criterion="employees"] .summary')).to.equal('Ideal: 10–50 · Acceptable: 5–10, 50–200');
    q<HTMLButtonElement>(el, '[id="employees--toggle"]').click();
    await el.updateComplete;
    expect(q(el, '[id="employees--toggle"]').getAttribute('aria-expanded')).to.equal('true');
    await type(el, `[id="employees--${third!.id}--min"]`, '40');
    expect(text(el, `[id="employees--${third?.id}--min-error"]`)).to.contain('overlaps');
    await type(el, `[id="employees--${third!.id}--min"]`, '300');
    expect(text(el, `[id="employees--${third?.id}--min-error"]`)).to.equal('“From” must be below “Up to”.');
  });
});

/** Picks a file in a file input the way a user does (the change event of the picker). */
function pickFile(el: MrrIcpBuilder, selector: string, content: string, name = 'data.csv'): void {
  const input = q<HTMLInputElement>(el, selector);
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** 60 clients (40 learned from, 20 held back): dental clinics pay more and stay; restaurants pay less and leave; `city` is noise. */
function clientsCsv(): string {
  const lines = ['client,industry,city,mrr,start_date,end_date'];
  for (let i = 0; i < 60; i++) {
    const dental = i % 2 === 0;
    const city = i % 4 < 2 ? 'Lyon' : 'Paris';
    const mrr = dental ? 900 + (i % 5) * 10 : 300 + (i % 5) * 10;
    const end = dental ? '' : `2024-0${(i % 9) + 1}-15`;
    lines.push(`C${i},${dental ? 'Dental clinic' : 'Restaurant'},${city},${mrr},2022-01-10,${end}`);
  }
  lines.push('C99,Dental clinic,Lyon,lots,2022-01-10,');
  return lines.join('\n');
}

describe('<mrr-icp-builder> learning from clients', () => {
  it('suggests criteria with their evidence, checks them on held-back clients, and accepts one', async () => {
    const el = await builder();
    pickFile(el, '#clients-file', clientsCsv(), 'clients.csv');
    await until(() => shadow(el).querySelector('#learn-run'));
    expect(q<HTMLSelectElement>(el, '#clients-mrr').value).to.equal('mrr');
    expect(q<HTMLSelectElement>(el, '#clients-start').value).to.equal('start_date');
    expect(q<HTMLSelectElement>(el, '#clients-end').value).to.equal('end_date');
    q<HTMLButtonElement>(el, '#learn-run').click();
    await until(() => shadow(el).querySelector('[data-suggestions]'));
    await el.updateComplete;
    // The unreadable amount is reported with its line.
    expect(text(el, '[data-line-errors]')).to.contain('Line 62: the monthly revenue (mrr) is not an amount');
    expect(text(el, '[data-learn-minimum]')).to.equal(
      'Weights are suggested from 30 clients on: fewer say too little to weigh a field.',
    );
    // Against chance: what a profile picking the same number of clients at random would do.
    expect(text(el, '[data-holdout]')).to.match(
      /^\d+ of \d+ good clients in the held-back part land in tiers A–B\. A random profile would put [\d.]+ there: this profile (separates them|does not separate them yet)\.$/,
    );
    const suggestions = [...shadow(el).querySelectorAll<HTMLElement>('[data-suggestion]')].map((s) => s.dataset.suggestion);
    expect(suggestions[0]).to.equal('industry'); // the field that drives value comes first
    const industry = q(el, '[data-suggestion="industry"]');
    expect(industry.querySelectorAll('svg.lift-chart rect.bar').length).to.equal(2);
    expect(industry.querySelector('tbody')!.textContent).to.contain('Dental clinic');
    expect(industry.textContent).to.contain('Suggested weight');
    // Industry alone separates good clients here: flagged, in words.
    expect(industry.querySelector('[data-suspicious]')!.textContent).to.contain(
      'Suspiciously strong: check that this field is not known only after a client signs',
    );
    expect(shadow(el).querySelector('[data-suggestion="city"] [data-suspicious]')).to.equal(null);
    q<HTMLButtonElement>(el, '[data-accept="industry"]').click();
    await el.updateComplete;
    const active = el.inputs.icps.find((i) => i.id === el.inputs.activeId)!;
    const criterion = active.criteria.find((c) => c.field === 'industry')!;
    expect(criterion.ideal).to.contain('Dental clinic');
    expect(text(el, '[data-suggestion="industry"]')).to.contain('Industry added to “Local businesses”.');
    q<HTMLButtonElement>(el, '[data-reject="city"]').click();
    await el.updateComplete;
    expect(text(el, '[data-suggestion="city"]')).to.contain('Suggestion for city rejected.');
    // "Good" can mean kept rather than high value: every dental clinic stayed, every restaurant left.
    q<HTMLInputElement>(el, 'input[name="learn-target"][value="retention"]').click();
    q<HTMLButtonElement>(el, '#learn-run').click();
    await el.updateComplete;
    const dental = [...q(el, '[data-suggestion="industry"]').querySelectorAll('tbody tr')].find((r) =>
      r.textContent.includes('Dental clinic'),
    )!;
    expect(dental.textContent).to.contain('Ideal');
    expect(text(el, '[data-holdout]')).to.match(
      /^(\d+) of \1 good clients in the held-back part land in tiers A–B\. A random profile would put [\d.]+ there: this profile separates them\.$/,
    );
  });

  it('learns into its own profile, or replaces the shown profile’s criteria (the user’s choice, with Undo)', async () => {
    const el = await builder();
    pickFile(el, '#clients-file', clientsCsv(), 'clients.csv');
    await until(() => shadow(el).querySelector('#learn-run'));
    q<HTMLButtonElement>(el, '#learn-run').click();
    await until(() => shadow(el).querySelector('#learn-replace'));
    const starter = el.inputs.icps.find((i) => i.id === el.inputs.activeId)!;
    expect(starter.criteria.length).to.be.greaterThan(3); // the 11-criterion starter
    // Replace: same profile (id, name), only the learned criteria; no starter criterion left over.
    q<HTMLButtonElement>(el, '#learn-replace').click();
    await el.updateComplete;
    const replaced = el.inputs.icps.find((i) => i.id === el.inputs.activeId)!;
    expect(el.inputs.icps.length).to.equal(1);
    expect([replaced.id, replaced.name]).to.deep.equal([starter.id, starter.name]);
    expect(replaced.criteria.map((c) => c.field)).to.include('industry');
    expect(replaced.criteria.map((c) => c.field)).not.to.include('reviewCount');
    expect(text(el, '.undo')).to.contain('were replaced by the suggestions');
    // Undo brings the starter's criteria back.
    q<HTMLButtonElement>(el, '.undo button').click();
    await el.updateComplete;
    expect(el.inputs.icps.find((i) => i.id === starter.id)!.criteria.length).to.equal(starter.criteria.length);
    // Its own profile: a second profile, the starter untouched.
    q<HTMLButtonElement>(el, '#learn-accept-all').click();
    await el.updateComplete;
    expect(el.inputs.icps.length).to.equal(2);
    expect(el.inputs.icps.find((i) => i.id === el.inputs.activeId)!.name).to.equal('Learned from clients');
    expect(el.inputs.icps.find((i) => i.id === starter.id)!.criteria.length).to.equal(starter.criteria.length);
  });
});

describe('<mrr-icp-builder> words that match the numbers', () => {
  it('with every weight at 0 says there is nothing to score, not that too little is known', async () => {
    const el = await builder();
    el.applyIcp({ ...WORKED, criteria: WORKED.criteria.map((c) => ({ ...c, weight: 0 })) });
    el.applyExample(WORKED_ACCOUNT);
    await el.updateComplete;
    expect(text(el, '[data-kpi="tier"]')).to.equal('Nothing to score');
    expect(text(el, '[data-untiered]')).to.equal(
      'No criterion has a weight above 0: there is nothing to score. Give at least one a weight.',
    );
    expect(text(el, '.fit')).not.to.contain('Less than');
    // One weight back: every value is known, so the tier comes back (industry Dental ideal: 100, A).
    await type(el, '[id="industry--weight"]', '5');
    expect(text(el, '[data-kpi="tier"]')).to.equal('A');
    expect(shadow(el).querySelector('[data-untiered]')).to.equal(null);
  });

  it('with a least coverage of 0 and no weighted value known, says that nothing is known yet', async () => {
    const el = await builder();
    el.applyIcp({ ...WORKED, minCoverage: 0 });
    el.applyExample({});
    await el.updateComplete;
    expect(text(el, '[data-untiered]')).to.equal('No value of a weighted criterion is known: nothing to judge yet.');
  });

  it('still says when too little of the weight is known', async () => {
    const el = await worked();
    el.applyExample({ hasWebsite: 'yes' }); // 1 of 11 known
    await el.updateComplete;
    expect(text(el, '[data-kpi="tier"]')).to.equal('Not enough known');
    expect(text(el, '[data-untiered]')).to.equal('Less than 50% of the weight is known: too little to judge.');
  });

  const TWO_CLIENTS = 'client,website,mrr,start\nA,yes,300,2022-01-01\nB,no,50,2023-01-01\n';

  const learnFrom = async (csv: string): Promise<MrrIcpBuilder> => {
    const el = await builder();
    pickFile(el, '#clients-file', csv, 'clients.csv');
    await until(() => shadow(el).querySelector('#learn-run'));
    q<HTMLButtonElement>(el, '#learn-run').click();
    await until(() => shadow(el).querySelector('[data-suggestions]'));
    await el.updateComplete;
    return el;
  };

  it('from 2 clients suggests no weight and skips the held-back check, saying the minimum', async () => {
    const el = await learnFrom(TWO_CLIENTS);
    expect(text(el, '[data-no-suggestions]')).to.equal(
      'No weights suggested: learning needs at least 30 clients with a readable revenue and start date; 2 could be read.',
    );
    expect(shadow(el).querySelector('[data-suggestion]')).to.equal(null);
    expect(shadow(el).querySelector('#learn-accept-all')).to.equal(null);
    expect(text(el, '[data-holdout]')).to.equal(
      'Held-back check skipped: once a third of the clients is held back, fewer than 30 are left to learn from.',
    );
  });

  it('from 60 identical clients says every client ties as good: no weights, no held-back check', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `C${i},Dental clinic,100,2023-01-01`);
    const el = await learnFrom(['client,industry,mrr,start', ...rows].join('\n'));
    expect(text(el, '[data-no-suggestions]')).to.contain('every client counts as a good client');
    expect(text(el, '[data-holdout]')).to.equal(
      'Held-back check skipped: every client counts as a good client (they tie), so there is no split between good clients and others to check.',
    );
    expect(shadow(el).querySelector('[data-suggestion]')).to.equal(null);
  });

  it('says it in French and Arabic too', async () => {
    const el = await learnFrom(TWO_CLIENTS);
    el.setAttribute('lang', 'fr');
    await until(() => text(el, '[data-no-suggestions]').startsWith('Aucun poids'));
    expect(text(el, '[data-holdout]')).to.contain('il en reste moins de 30');
    el.setAttribute('lang', 'ar');
    await until(() => text(el, '[data-no-suggestions]').startsWith('لا أوزان'));
  });
});

const PROSPECTS = [
  'Business name,Industry,Employees,Monthly marketing budget,Has website',
  'Smile Dental,Dental clinic,12,1500,yes',
  'Lucky Casino,Gambling,40,5000,yes',
  'Big Corp,Law firm,lots,2000,no',
  'Short row,Cafe',
  '=HYPERLINK("http://evil"),Plumbing,8,400,no',
  'Corner Cafe,Cafe,3,200,no',
].join('\n');

describe('<mrr-icp-builder> scoring prospects', () => {
  it('guesses the columns, scores every row, reports unreadable lines, sorts, filters and exports safely', async () => {
    const el = await builder();
    pickFile(el, '#prospects-file', PROSPECTS, 'prospects.csv');
    await until(() => shadow(el).querySelector('#prospects-score'));
    expect(q<HTMLSelectElement>(el, '#prospects-name').value).to.equal('Business name');
    expect(q<HTMLSelectElement>(el, '[id="map-employees"]').value).to.equal('Employees');
    expect(q<HTMLSelectElement>(el, '[id="map-monthlyMarketingBudget"]').value).to.equal('Monthly marketing budget');
    expect(text(el, '[data-line-errors]')).to.contain('Line 5: too few cells for the header');
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('[data-prospects]'));
    await el.updateComplete;
    const rows = () => [...shadow(el).querySelectorAll<HTMLTableRowElement>('[data-prospects] tbody tr')];
    expect(rows().length).to.equal(5);
    expect(text(el, '[data-prospects] [data-line-errors]')).to.contain('Line 4: Employees “lots” is not a number');
    // Best first: the dental clinic leads, the casino (disqualified) is D.
    expect(rows()[0]?.querySelector('th')!.textContent!.trim()).to.equal('Smile Dental');
    const casino = rows().find((r) => r.textContent.includes('Lucky Casino'))!;
    expect(casino.dataset.tier).to.equal('D');
    expect(casino.querySelector('.reasons-cell')!.textContent).to.contain('Industry Gambling disqualifies the account');
    // Formula text is shown as text, never run.
    expect(rows().some((r) => r.querySelector('th')!.textContent.includes('=HYPERLINK'))).to.equal(true);
    // Sort by score ascending, then filter tier D.
    q<HTMLButtonElement>(el, '[data-sort="score"]').click();
    await el.updateComplete;
    expect(q(el, '[data-sort="score"]').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(rows()[0]?.querySelector('th')!.textContent!.trim()).not.to.equal('Smile Dental');
    const shownScores = rows()
      .map((r) => Number(r.querySelector('[data-score]')!.textContent))
      .filter((x) => !Number.isNaN(x));
    expect(shownScores).to.deep.equal([...shownScores].sort((a, b) => a - b));
    q<HTMLButtonElement>(el, '[data-sort="tier"]').click();
    await el.updateComplete;
    expect(rows().map((r) => r.dataset.tier)).to.deep.equal([...rows().map((r) => r.dataset.tier!)].sort());
    const tier = q<HTMLSelectElement>(el, '#prospects-tier');
    tier.value = 'D';
    tier.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rows().every((r) => r.dataset.tier === 'D')).to.equal(true);
    const csv = (await el.scoredCsv())!;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.equal(
      'Business name,Industry,Employees,Monthly marketing budget,Has website,icp_score,icp_tier,icp_coverage_pct,icp_reasons',
    );
    expect(lines.length).to.equal(6);
    // Reasons name criteria as the builder shows them ("Industry"), not by field or id.
    expect(csv).to.contain('Industry: ');
    expect(csv).not.to.match(/(^|; |,)industry: /m);
    expect(csv).to.contain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.to.match(/(^|,)=HYPERLINK/m);
  });

  it('exports a file of several thousand rows written in slices, equal to one export of the whole', async () => {
    const el = await builder();
    const lines = ['Name,Industry,Employees'];
    for (let i = 0; i < 4500; i++) lines.push(`P${i},${i % 2 ? 'Dental clinic' : 'Cafe'},${i % 80}`);
    pickFile(el, '#prospects-file', lines.join('\n'));
    await until(() => shadow(el).querySelector('#prospects-score'));
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('[data-prospects]'));
    const csv = (await el.scoredCsv())!;
    const { scoreAll, toScoredCsv } = await import('../../src/icp/score-prospects.js');
    const table = { headers: ['Name', 'Industry', 'Employees'], rows: lines.slice(1).map((l) => l.split(',')) };
    expect(csv).to.equal(toScoredCsv(table, scoreAll(await withShownLabels(el.icp!), table)));
    expect(csv.trim().split('\r\n').length).to.equal(4501);
  });
});

describe('<mrr-icp-builder> editing, undo and saving', () => {
  it('removes a criterion and brings it back with Undo, focus on the Undo button', async () => {
    const el = await worked();
    const count = () => shadow(el).querySelectorAll('fieldset.criterion').length;
    expect(count()).to.equal(4);
    q<HTMLButtonElement>(el, '[data-remove-criterion="employees"]').click();
    await el.updateComplete;
    expect(count()).to.equal(3);
    expect(text(el, '[part="undo"]')).to.contain('Criterion “\u2068Employees\u2069” removed.');
    // Without employees: 7 of 8 points.
    expect(text(el, '[data-kpi="score"]')).to.equal('87.5');
    await new Promise((r) => requestAnimationFrame(r));
    expect(shadow(el).activeElement?.id).to.equal('undo');
    q<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    expect(count()).to.equal(4);
    expect(text(el, '[data-kpi="score"]')).to.equal('77.27');
  });

  it('removes a profile and a persona, each undoable; personas stay linked to a profile', async () => {
    const el = await worked();
    expect(el.inputs.icps.length).to.equal(2);
    q<HTMLButtonElement>(el, '#remove-profile').click();
    await el.updateComplete;
    expect(el.inputs.icps.length).to.equal(1);
    expect(text(el, '[part="undo"]')).to.contain('Profile “\u2068Worked example\u2069” removed.');
    q<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    expect(el.inputs.icps.map((i) => i.name)).to.deep.equal(['Local businesses', 'Worked example']);
    q<HTMLButtonElement>(el, '[data-remove-persona="owner"]').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('fieldset.persona').length).to.equal(0);
    q<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('fieldset.persona').length).to.equal(1);
    expect(q<HTMLSelectElement>(el, '[id="owner--icp"]').value).to.equal('starter');
  });

  it('keeps several profiles apart: switching shows each one its own criteria and fit', async () => {
    const el = await worked();
    const profile = q<HTMLSelectElement>(el, '#profile');
    profile.value = 'starter';
    profile.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('fieldset.criterion').length).to.equal(10);
    profile.value = el.inputs.icps[1]!.id;
    profile.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('fieldset.criterion').length).to.equal(4);
    expect(text(el, '[data-kpi="score"]')).to.equal('77.27');
  });

  it('restores profiles, personas and the example after a reload', async () => {
    const key = uniqueKey();
    const el = await worked('', key);
    await type(el, `[id="${el.inputs.activeId}--name"]`, 'Clinics');
    await type(el, '[id="owner--role"]', 'Practice manager');
    await type(el, '[id="example--employees"]', '20');
    await el.persist.flush();
    el.parentElement!.remove();
    const again = await builder('', key);
    expect(q<HTMLSelectElement>(again, '#profile').selectedOptions[0]?.textContent!.trim()).to.equal('Clinics');
    expect(q<HTMLInputElement>(again, '[id="owner--role"]').value).to.equal('Practice manager');
    // employees 20 is ideal: 10 of 11 → 90.91, tier A
    expect(text(again, '[data-kpi="score"]')).to.equal('90.91');
    expect(text(again, '[data-kpi="tier"]')).to.equal('A');
  });

  it('limits names to 80 characters with a counter, and a long name does not widen the page', async () => {
    const el = await builder('', uniqueKey(), 'width:360px');
    const name = q<HTMLInputElement>(el, '[id="starter--name"]');
    expect(name.maxLength).to.equal(80);
    await type(el, '[id="starter--name"]', 'W'.repeat(80));
    expect(text(el, '[id="starter--name-count"]')).to.contain('80 of 80 characters');
    await type(el, '[id="owner--role"]', 'x'.repeat(80));
    expect(el.scrollWidth).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('shows right-to-left user text isolated (the sentence keeps its order)', async () => {
    const el = await builder();
    await type(el, '[id="owner--role"]', 'مدير acme');
    q<HTMLButtonElement>(el, '[data-remove-persona="owner"]').click();
    await el.updateComplete;
    const message = text(el, '[part="undo"] span');
    expect(message).to.equal('Persona “\u2068مدير acme\u2069” removed.');
  });

  it('is usable by keyboard alone: add a criterion, choose its field and weight', async () => {
    const el = await builder();
    const add = q<HTMLButtonElement>(el, '#add-criterion');
    add.focus();
    add.click(); // Enter or Space on a focused button
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const focused = shadow(el).activeElement as HTMLSelectElement;
    expect(focused.tagName).to.equal('SELECT');
    expect(focused.id).to.match(/--field$/);
    expect(focused.value).to.equal('location');
  });
});

describe('<mrr-icp-builder> languages and accessibility', () => {
  it('is accessible (axe-core) in English and Arabic, with the imports open', async function () {
    this.timeout(40000);
    const el = await worked();
    pickFile(el, '#prospects-file', PROSPECTS, 'prospects.csv');
    await until(() => shadow(el).querySelector('#prospects-score'));
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('[data-prospects]'));
    pickFile(el, '#clients-file', clientsCsv(), 'clients.csv');
    await until(() => shadow(el).querySelector('#learn-run'));
    q<HTMLButtonElement>(el, '#learn-run').click();
    await until(() => shadow(el).querySelector('[data-suggestions]'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await expect(await builder('lang="ar"')).to.be.accessible();
  });

  it('speaks Arabic right to left, starter profile and reasons translated, numbers kept when switching', async () => {
    const el = await builder('lang="ar"');
    const base = q(el, '[part="base"]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(q<HTMLSelectElement>(el, '#profile').selectedOptions[0]?.textContent!.trim()).to.equal('الأنشطة المحلية');
    expect(reasons(el)[0]).to.equal('القطاع عيادة أسنان مثالي: 5 من 5 نقاط');
    const budget = () => q<HTMLInputElement>(el, '[id="example--annualRevenue"]').value;
    const arBudget = budget();
    el.setAttribute('lang', 'fr');
    // The French catalogue loads, then the numbers are re-formatted in French.
    await until(() => budget() === '600\u202f000');
    expect(text(el, '[data-kpi="tier"]')).to.match(/^[ABCD]$/);
    el.setAttribute('lang', 'ar');
    await until(() => budget() === arBudget);
  });

  it('keeps the starter values an English file holds beside their translation', async () => {
    const el = await builder('lang="fr"');
    const industry = el.inputs.icps[0]!.criteria[0];
    expect(industry?.ideal.startsWith('Cabinet dentaire, Dental clinic, Cabinet médical, Medical clinic')).to.equal(true);
    expect(industry?.disqualify).to.equal('Jeux d’argent, Gambling, Adulte, Adult');
    el.applyExample({ industry: 'gambling' });
    await el.updateComplete;
    expect(text(el, '[data-kpi="tier"]')).to.equal('D');
  });

  it('has every message in French and Arabic with the same placeholders', async () => {
    const { messages } = await import('../../components/mrr-icp-builder/messages.js');
    const { loadTable } = await import('../../src/i18n/locale.js');
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of ['fr', 'ar'] as const) {
      const table = await loadTable(messages, lang);
      expect(Object.keys(table).sort()).to.deep.equal(Object.keys(messages.en).sort());
      for (const [key, english] of Object.entries(messages.en)) {
        expect(holes(table[key]!), `${lang} ${key}`).to.deep.equal(holes(english));
        if (english.length > 24) expect(table[key], `${lang} ${key}`).not.to.equal(english);
      }
    }
  });
});

describe('<mrr-icp-builder> files it cannot read', () => {
  it('says why a file is refused; an unclosed quote costs its line only', async () => {
    const el = await builder();
    pickFile(el, '#prospects-file', '', 'empty.csv');
    await until(() => shadow(el).querySelector('.prospects .errors[role="alert"]'));
    expect(text(el, '.prospects .errors[role="alert"]')).to.equal('The file is empty.');
    pickFile(el, '#clients-file', 'client,industry,mrr,start\nA,"Dental,10,2024-01-01\nB,Cafe,5,2024-01-01\n', 'q.csv');
    await until(() => shadow(el).querySelector('.learn [data-line-errors]'));
    expect(text(el, '.learn [data-line-errors] li')).to.equal('Line 2: a quote is not closed');
    expect(shadow(el).querySelector('.learn .errors[role="alert"]')).to.equal(null);
  });
});

describe('<mrr-icp-builder> long imports', () => {
  it('shows progress while a large file is read and stops at Cancel, keeping nothing', async () => {
    const el = await builder();
    const lines = ['Name,Industry,Employees'];
    for (let i = 0; i < 150_000; i++) lines.push(`Prospect ${i},Dental clinic,${i % 90}`);
    pickFile(el, '#prospects-file', lines.join('\n'));
    const cancel = await until(() => shadow(el).querySelector<HTMLButtonElement>('#prospects-cancel'));
    expect(shadow(el).querySelector('.prospects progress')).not.to.equal(null);
    cancel.click();
    await until(() => !shadow(el).querySelector('#prospects-cancel'));
    await el.updateComplete;
    expect(shadow(el).querySelector('#prospects-score')).to.equal(null);
    expect(shadow(el).querySelector('[data-prospects]')).to.equal(null);
    expect(text(el, '[role="status"][aria-live="polite"]')).to.equal('Cancelled.');
  });
});

describe('<mrr-icp-builder> public API', () => {
  it('works before the element is connected or rendered', () => {
    const el = document.createElement('mrr-icp-builder');
    el.storageKey = '';
    el.applyIcp(WORKED);
    el.applyExample(WORKED_ACCOUNT);
    expect(el.fit!.score).to.equal(77.27);
    expect(el.fit!.tier).to.equal('B');
    expect(el.icp!.name).to.equal('Worked example');
    expect(el.inputs.icps.length).to.equal(2);
  });
});
