import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-package-designer/define.js';
import type { MrrPackageDesigner } from '../../components/mrr-package-designer/mrr-package-designer.js';
import { publish } from '../../src/channel/channel.js';
import { type IcpProfileRecord, icpTopic } from '../../src/channel/icp.js';
import { saveState } from '../../src/storage/db.js';
import { q, shadow, text, type, uniqueKey, until } from './helpers.js';

/** Second file of the designer's tests: the ICP link and what a hostile trial tried. */
async function designer(attrs = '', key = uniqueKey(), style = ''): Promise<MrrPackageDesigner> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div style="${style}"><mrr-package-designer storage-key="${key}" ${attrs}></mrr-package-designer></div>`,
  );
  const el = wrapper.querySelector('mrr-package-designer')!;
  await el.persist.restored;
  await el.updateComplete;
  // The value proposition canvas loads on demand: its part is drawn once it is here.
  await until(() => shadow(el).querySelector('.canvas-grid') || !el.inputs.tiers.length);
  return el;
}
const settle = async (el: MrrPackageDesigner) => {
  await el.updateComplete;
  await el.updateComplete;
};

/** An ICP profile as `<mrr-icp-builder>` publishes it on the channel (topic `icp`). */
const icpRecord = (name: string, pains: string[], gains: string[]): IcpProfileRecord => ({
  v: 1,
  id: 'icp1',
  name,
  pains,
  gains,
});

const listTexts = (el: MrrPackageDesigner, tier: string, kind: string) =>
  [...shadow(el).querySelectorAll<HTMLInputElement>(`[data-list="${kind}"] input[id^="${tier}--${kind}--"]`)].map((i) => i.value);

describe('<mrr-package-designer> pulls pains from the published ICP', () => {
  it('says in words when no ICP is published, and changes nothing', async () => {
    const el = await designer();
    const before = JSON.stringify(el.inputs);
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]') !== '');
    await settle(el);
    expect(text(el, '[data-icp-message]')).to.contain('No ICP is saved yet');
    expect(JSON.stringify(el.inputs)).to.equal(before);
  });

  it('adds the profile’s pains and gains, without duplicates; pulling again adds nothing', async () => {
    const key = uniqueKey();
    publish(
      icpTopic,
      key,
      icpRecord(
        'Local \u202Ebusinesses',
        ['Bad reviews nobody answers', 'Missed calls', 'Slow website', 'No time for marketing', 'Agencies that report clicks'],
        ['More booked calls', 'More five-star reviews'],
      ),
    );
    const el = await designer('', key);
    q<HTMLInputElement>(el, '[id="canvas-tier--better"]').click();
    await settle(el);
    const painsBefore = listTexts(el, 'better', 'pains');
    q<HTMLButtonElement>(el, '[id="better--pull-icp"]').click();
    await until(() => listTexts(el, 'better', 'pains').length > painsBefore.length);
    await settle(el);
    // "Bad reviews nobody answers" is the starter's pain already: not repeated.
    expect(listTexts(el, 'better', 'pains')).to.deep.equal([
      ...painsBefore,
      'Missed calls',
      'Slow website',
      'No time for marketing',
      'Agencies that report clicks',
    ]);
    expect(listTexts(el, 'better', 'gains')).to.include.members(['More booked calls']);
    expect(listTexts(el, 'better', 'gains').filter((g) => g === 'More five-star reviews').length).to.equal(1);
    expect(el.inputs.tiers[1]?.pains.at(-1)!.severity).to.equal('severe');
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

  it('Undo takes the pulled entries out again; the icp-key attribute names another key; a profile kept in storage is read', async () => {
    const key = uniqueKey();
    // Published earlier (another visit): kept in IndexedDB under the channel's public key.
    await saveState(
      `channel:icp:${key}`,
      { at: 1, record: icpRecord('Clinics', ['Empty chairs', 'Slow website'], ['Full diary']) },
      1,
    );
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

  it('an ICP with nothing to pull, many entries, or a stored record of another version, is said in words', async () => {
    const key = uniqueKey();
    publish(icpTopic, key, icpRecord('', [], []));
    const el = await designer('', key);
    // What the user sees (Undo stamps the tier it puts back with the time, for merging with another tab).
    const typed = () => JSON.stringify(el.inputs, (k, v: unknown) => (k === 'editedAt' ? undefined : v));
    const before = typed();
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]') !== '');
    expect(text(el, '[data-icp-message]')).to.contain('has no pains, frustrations or goals');
    expect(text(el, '[data-icp-message]')).to.contain('without a name');
    // A profile with a hundred pains: one pull adds at most 20.
    publish(
      icpTopic,
      key,
      icpRecord(
        'Many',
        Array.from({ length: 100 }, (_, i) => `Pain ${i}`),
        [],
      ),
    );
    const count = el.inputs.tiers[0]!.pains.length;
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => el.inputs.tiers[0]!.pains.length > count);
    expect(el.inputs.tiers[0]?.pains.length).to.equal(count + 20);
    q<HTMLButtonElement>(el, '#undo').click();
    await settle(el);
    expect(typed()).to.equal(before);
    // A record of another version kept under another key: ignored (one console warning), "No ICP".
    const other = uniqueKey();
    await saveState(`channel:icp:${other}`, { at: 1, record: { v: 2, profile: { name: 'Future' } } }, 2);
    el.icpKey = other;
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]').includes('No ICP'));
    expect(text(el, '[data-icp-message]')).to.contain('No ICP is saved yet');
    expect(typed()).to.equal(before);
    // The message follows a language switch (it is not kept in the language it was said in).
    el.setAttribute('lang', 'fr');
    await until(() => text(el, '[data-icp-message]').includes('Aucun ICP'));
    expect(text(el, '[data-icp-message]')).to.contain('Aucun ICP');
  });
});

/** Chooses a file of the import picker (`content` as text or bytes). */
async function importFile(el: MrrPackageDesigner, name: string, content: string | Uint8Array): Promise<void> {
  const report = () => shadow(el).querySelector('[part="import-report"]')?.textContent ?? '';
  const before = report();
  const input = q<HTMLInputElement>(el, '#import-file');
  const transfer = new DataTransfer();
  transfer.items.add(new File([content as BlobPart], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => report() !== before, 5000);
  await settle(el);
}
const retailOf = (el: MrrPackageDesigner, id: string) => el.design?.catalog.find((p) => p.id === id)?.retail;
const noBadNumbers = (el: MrrPackageDesigner) => {
  // What the element wrote (figures, messages), and numbers it wrote into inputs: never NaN, ∞, −0.
  const all = shadow(el).textContent ?? '';
  expect(all).not.to.match(/NaN|Infinity|undefined|∞|[−-]0(?![.,\d])|[−-]\$0\.00|[−-]0%/);
  const values = [...shadow(el).querySelectorAll<HTMLInputElement>('input, textarea')].map((i) => i.value).join(' ');
  expect(values).not.to.match(/NaN|Infinity|undefined|∞/);
};

describe('<mrr-package-designer> under a hostile trial', () => {
  it('CSV amounts are read in the file’s own format: `1.234,56` and `"2.000,00"` in a semicolon file', async () => {
    const el = await designer();
    await importFile(
      el,
      'eu.csv',
      '\uFEFFid;name;wholesale;retail;interval\nrep;Rep;1.234,56;"2.000,00";month\nseo;SEO;10,5;99;month\n',
    );
    expect(text(el, '[part="import-report"]')).to.contain('Imported 2 products');
    expect(el.design!.catalog.find((p) => p.id === 'rep')!.wholesale).to.equal(1234.56);
    expect(retailOf(el, 'rep')).to.equal(2000);
    expect(el.design!.catalog.find((p) => p.id === 'seo')!.wholesale).to.equal(10.5);
  });

  it('an amount that reads two ways (`12.000`, `1,500`) is asked, never read silently', async () => {
    const el = await designer('lang="fr"');
    await settle(el);
    const before = JSON.stringify(el.inputs);
    await importFile(el, 'two-ways.csv', 'id,name,wholesale,retail,interval\nrep,Rep,"1,500","12.000",month\n');
    expect(JSON.stringify(el.inputs)).to.equal(before);
    expect(text(el, '[part="import-report"]')).to.contain('1,500');
    q<HTMLButtonElement>(el, '[data-format="dot"]').click();
    await until(() => retailOf(el, 'rep') !== undefined);
    expect(el.design!.catalog.find((p) => p.id === 'rep')!.wholesale).to.equal(1500);
    expect(retailOf(el, 'rep')).to.equal(12);
  });

  it('an empty file and a binary file are refused in words; the catalogue is unchanged', async () => {
    const el = await designer();
    const before = JSON.stringify(el.inputs);
    await importFile(el, 'empty.csv', '');
    expect(text(el, '[part="import-report"]')).to.contain('Nothing was imported');
    await importFile(el, 'photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 1, 2, 3]));
    expect(text(el, '[part="import-report"]')).to.contain('not a text file');
    expect(JSON.stringify(el.inputs)).to.equal(before);
  });

  it('`__proto__` and `constructor` as ids and intervals are plain text or refused', async () => {
    const el = await designer();
    await importFile(
      el,
      'proto.csv',
      'id,name,wholesale,retail,interval\n__proto__,P,1,2,month\nconstructor,C,1,2,constructor\nx,X,1,2,__proto__\n',
    );
    expect(el.design!.catalog.map((p) => p.id)).to.deep.equal(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    noBadNumbers(el);
  });

  it('10,000 rows: imports what it can quickly and says what was left out', async function () {
    this.timeout(20000);
    const el = await designer();
    const rows = ['id,name,wholesale,retail,interval'];
    for (let i = 0; i < 10000; i++) rows.push(`p${i},Product ${i},1,2,month`);
    const t0 = performance.now();
    await importFile(el, 'big.csv', rows.join('\n'));
    const ms = performance.now() - t0;
    expect(text(el, '[part="import-report"]')).to.match(/left out/);
    expect(text(el, '[data-cut]')).to.contain('at most 200');
    expect(el.inputs.catalog.length).to.equal(200);
    expect(ms).to.be.below(8000);
  });

  it('a design set from code with NaN, negative, huge or missing numbers shows no NaN and says what is wrong', async () => {
    const el = await designer();
    const design = el.design!;
    el.applyDesign({
      ...design,
      targetMarginPct: Number.NaN,
      annualDiscountPct: -5,
      catalog: design.catalog.map((p, i) => (i === 0 ? { ...p, retail: Number.POSITIVE_INFINITY, wholesale: 1e300 } : p)),
      tiers: design.tiers.map((t, i) => (i === 0 ? { ...t, discountPct: undefined } : t)),
    });
    await settle(el);
    noBadNumbers(el);
    expect(Object.keys(el.errors)).to.include('targetMarginPct');
  });

  it('six tiers from code are cut to five; deleting every tier and product leaves sane figures, Undo brings the last back', async () => {
    const el = await designer();
    const base = el.inputs.tiers[0];
    el.inputs = { ...el.inputs, tiers: [0, 1, 2, 3, 4, 5].map((i) => ({ ...base!, id: `t${i}`, ex: undefined, name: `T${i}` })) };
    await settle(el);
    expect(el.inputs.tiers.length).to.equal(5);
    for (const t of [...el.inputs.tiers]) {
      q<HTMLButtonElement>(el, `[id="${t.id}--remove"]`).click();
      await settle(el);
    }
    for (const p of [...el.inputs.catalog]) {
      q<HTMLButtonElement>(el, `[id="${p.key}--remove"]`).click();
      await settle(el);
    }
    noBadNumbers(el);
    q<HTMLButtonElement>(el, '#undo').click();
    await settle(el);
    expect(el.inputs.catalog.length).to.equal(1);
    noBadNumbers(el);
  });

  it('−0 and zero clients never show “−$0” or NaN', async () => {
    const el = await designer();
    await type(el, '[id="good--discountPct"]', '-0');
    await type(el, '[id="mix--good"]', '-0');
    await type(el, '[id="mix--better"]', '0');
    await type(el, '[id="mix--best"]', '0');
    await type(el, '[id="targetMarginPct"]', '-0');
    await type(el, '[id="annualDiscountPct"]', '-0');
    await type(el, '[id="p-website--setupFee"]', '-0');
    await type(el, '[id="p-reputation--retail"]', '-0');
    await settle(el);
    noBadNumbers(el);
    await type(el, '[id="p-reputation--retail"]', '150');
    await type(el, '[id="best--price"]', '-0');
    await settle(el);
    noBadNumbers(el);
    const design = JSON.stringify(el.design);
    expect(design).not.to.contain('-0');
    expect(Object.is(el.economics!.mix.clients, -0)).to.equal(false);
  });

  it('a 10,000-character paste with a right-to-left override is kept to the limit in every text field and never widens the page', async () => {
    const el = await designer('', uniqueKey(), 'width:360px');
    const long = '\u202E<img src=x onerror=alert(1)>' + 'W'.repeat(10000);
    const fields = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="text"][maxlength], textarea[maxlength]')].map(
      (i) => i.id,
    );
    for (const id of fields) {
      const input = shadow(el).querySelector<HTMLInputElement>(`[id="${id}"]`);
      if (!input) continue;
      input.value = long;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await settle(el);
    const tooLong = [...shadow(el).querySelectorAll<HTMLInputElement>('input[maxlength], textarea[maxlength]')].filter(
      (i) => [...i.value].length > i.maxLength,
    );
    expect(tooLong.map((i) => i.id)).to.deep.equal([]);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(el.scrollWidth).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    noBadNumbers(el);
  });
});

describe('<mrr-package-designer> at 320 px, by keyboard, with axe', () => {
  it('at 320 px (a phone, or 640 px at 200 % zoom) nothing widens the page, with the ICP message and the import question shown', async function () {
    this.timeout(30000);
    const el = await designer('lang="ar"', uniqueKey(), 'width:320px');
    q<HTMLButtonElement>(el, '[id="good--pull-icp"]').click();
    await until(() => text(el, '[data-icp-message]') !== '');
    await importFile(el, 'x'.repeat(300) + '.csv', 'id,name,wholesale,retail,interval\nrep,Rep,"1,500",2,month\n');
    expect(shadow(el).querySelector('[data-ask]')).not.to.equal(null);
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
  });

  it('the number-format question and the pull button work by keyboard alone', async () => {
    const el = await designer();
    await importFile(el, 'two.csv', 'id;name;wholesale;retail;interval\nrep;Rep;12.000;15.000;month\n');
    const comma = q<HTMLButtonElement>(el, '[data-format="comma"]');
    comma.focus();
    expect(shadow(el).activeElement).to.equal(comma);
    // A button: Enter and Space activate it (native); a click is what the browser dispatches.
    comma.click();
    await until(() => retailOf(el, 'rep') !== undefined);
    expect(retailOf(el, 'rep')).to.equal(15000);
    expect(el.design!.catalog.find((p) => p.id === 'rep')!.wholesale).to.equal(12000);
    expect(q(el, '[id="good--pull-icp"]').tagName).to.equal('BUTTON');
  });
});

describe('<mrr-package-designer> imports amounts in cents', () => {
  it('`retail_cents` and `wholesale cents` columns are read as cents of the currency; a cents cell with decimals is refused', async () => {
    const el = await designer();
    await importFile(
      el,
      'stripe.csv',
      'id,name,wholesale_cents,Retail (in cents),interval,setup_fee_cents\nrep,Rep,5000,15050,month,\nweb,Web,100,12000,year,2500\n',
    );
    expect(text(el, '[part="import-report"]')).to.contain('Imported 2 products');
    const rep = el.design!.catalog.find((p) => p.id === 'rep')!;
    expect([rep.wholesale, rep.retail]).to.deep.equal([50, 150.5]);
    expect(el.design!.catalog.find((p) => p.id === 'web')!.setupFee).to.equal(25);
    const before = JSON.stringify(el.inputs);
    await importFile(el, 'odd.csv', 'id,name,wholesale,retail_cents,interval\nrep,Rep,50,150.5,month\n');
    expect(text(el, '[part="import-report"]')).to.contain('Nothing was imported');
    expect(text(el, '[part="import-report"]')).to.contain('whole number');
    expect(JSON.stringify(el.inputs)).to.equal(before);
  });
});

describe('<mrr-package-designer> restores a tampered saved state', () => {
  it('10,000-character names in storage are cut to 80 on restore, and never widen the page', async () => {
    const first = await designer();
    const inputs = first.inputs;
    const long = '\u202E' + 'N'.repeat(10000);
    const key = uniqueKey();
    await saveState(
      `package-designer:${key}`,
      {
        v: 2,
        locale: 'en',
        stamps: {},
        inputs: {
          ...inputs,
          catalog: inputs.catalog.map((p, i) => (i === 0 ? { ...p, ex: undefined, name: long, id: long } : p)),
          tiers: [...inputs.tiers, ...inputs.tiers, ...inputs.tiers].map((t, i) => ({
            ...t,
            id: `t${i}`,
            ex: undefined,
            name: long,
          })),
        },
      },
      1,
    );
    first.parentElement!.remove();
    const el = await designer('', key, 'width:360px');
    await settle(el);
    expect(el.inputs.tiers.length).to.equal(5);
    expect([...el.inputs.catalog[0]!.name].length).to.equal(80);
    expect([...el.inputs.tiers[0]!.name].length).to.equal(80);
    expect(el.scrollWidth).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });
});

describe('<mrr-package-designer> with prototype names as tier ids', () => {
  it('tiers named `constructor`, `__proto__` and `toString` (a design from code) keep their clients and never crash', async () => {
    const el = await designer();
    const design = el.design!;
    const ids = ['constructor', '__proto__', 'toString'];
    el.applyDesign({
      ...design,
      tiers: design.tiers.map((t, i) => ({ ...t, id: ids[i]! })),
      mix: JSON.parse('{"constructor": 10, "__proto__": 5, "toString": 2}') as Record<string, number>,
    });
    await settle(el);
    expect(el.economics!.mix.clients).to.equal(17);
    expect(el.economics!.mix.mrr).to.equal(4485);
    expect(q<HTMLInputElement>(el, '[id="mix--constructor"]').value).to.equal('10');
    await type(el, '[id="mix--toString"]', '3');
    await settle(el);
    expect(el.economics!.mix.clients).to.equal(18);
    expect(({} as Record<string, unknown>).constructor).to.equal(Object);
    noBadNumbers(el);
  });
});
