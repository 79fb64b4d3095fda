/**
 * Issue 15, items 2, 3 and 10, as a user sees them: the ICP builder's imports read numbers as the
 * subscription import does (and ask the same question), a refused grouping offers its two readings
 * next to the field, and a stray quote costs one line, said once.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../components/mrr-icp-builder/define.js';
import '../../components/mrr-unit-economics/define.js';
import type { MrrIcpBuilder } from '../../components/mrr-icp-builder/mrr-icp-builder.js';
import type { MrrUnitEconomics } from '../../components/mrr-unit-economics/mrr-unit-economics.js';
import type { Icp } from '../../src/core/icp.js';
import { q, shadow, text, type, uniqueKey, until } from './helpers.js';

/** Revenue: ideal from 500,000, disqualifying under 1,000; employees: ideal from 1,000. */
const ICP: Icp = {
  name: 'Big accounts',
  criteria: [
    {
      id: 'revenue',
      field: 'annualRevenue',
      weight: 3,
      type: 'number',
      ideal: [{ min: 500000 }],
      acceptable: [{ min: 10000, max: 500000 }],
      disqualify: [{ max: 1000 }],
    },
    {
      id: 'employees',
      field: 'employees',
      weight: 1,
      type: 'number',
      ideal: [{ min: 1000 }],
      acceptable: [{ min: 10, max: 1000 }],
    },
  ],
};

async function builder(): Promise<MrrIcpBuilder> {
  const wrapper = await fixture<HTMLDivElement>(`<div><mrr-icp-builder storage-key="${uniqueKey()}"></mrr-icp-builder></div>`);
  const el = wrapper.querySelector('mrr-icp-builder')!;
  await el.persist.restored;
  await el.updateComplete;
  el.applyIcp(ICP);
  await el.updateComplete;
  return el;
}

function pickFile(el: MrrIcpBuilder, selector: string, content: string): void {
  const input = q<HTMLInputElement>(el, selector);
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], 'data.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const rows = (el: HTMLElement) => [...shadow(el).querySelectorAll<HTMLTableRowElement>('[data-prospects] tbody tr')];

describe('ICP imports read numbers as every import does', () => {
  it('a semicolon prospects file with "600.000" and 1.200 asks how decimals are written; "comma" gives tier A', async () => {
    const el = await builder();
    pickFile(el, '#prospects-file', 'Name;Annual revenue;Employees\nBig;"600.000";1.200\n');
    await until(() => shadow(el).querySelector('#prospects-score'));
    // The movements import's question, with the cell that reads two ways (asked once the file's
    // numbers are read, in the worker: after the score button shows).
    await until(() => shadow(el).querySelector('#prospects-number-format legend'));
    expect(text(el, '#prospects-number-format legend')).to.equal('How are decimals written in this file?');
    expect(text(el, '#prospects-number-format-hint')).to.contain('600.000');
    // Scoring waits for the answer.
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('#prospects-number-format-error'));
    expect(text(el, '#prospects-number-format-error')).to.equal('Choose how this file writes decimals.');
    expect(shadow(el).querySelector('[data-prospects]')).to.equal(null);
    const comma = q<HTMLInputElement>(el, '#prospects-number-format input[value="comma"]');
    comma.checked = true;
    comma.dispatchEvent(new Event('change'));
    await until(() => !shadow(el).querySelector('#prospects-number-format-error'));
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('[data-prospects] tbody tr'));
    // 600,000 and 1,200: both ideal → 100, A (read as 600 and 1.2 the account was disqualified, D).
    expect(rows(el)[0]?.dataset.tier).to.equal('A');
    expect(text(el, '[data-prospects] [data-score]')).to.equal('100');
  });

  it('a file whose numbers settle the format is read without a question', async () => {
    const el = await builder();
    pickFile(el, '#prospects-file', 'Name;Annual revenue;Employees\nBig;"600.000";1.200\nMid;"250.000,50";15\n');
    await until(() => shadow(el).querySelector('#prospects-score'));
    expect(shadow(el).querySelector('#prospects-number-format')).to.equal(null);
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('[data-prospects] tbody tr'));
    expect(rows(el).find((r) => r.textContent.includes('Big'))!.dataset.tier).to.equal('A');
  });

  it('the question is asked in French and Arabic too', async () => {
    const el = await builder();
    pickFile(el, '#prospects-file', 'Name;Annual revenue;Employees\nBig;"600.000";1.200\n');
    await until(() => shadow(el).querySelector('#prospects-number-format'));
    el.setAttribute('lang', 'fr');
    await until(
      () => text(el, '#prospects-number-format legend') === 'Comment les décimales sont-elles écrites dans ce fichier ?',
    );
    el.setAttribute('lang', 'ar');
    await until(() => text(el, '#prospects-number-format legend') === 'كيف تُكتب الكسور العشرية في هذا الملف؟');
  });

  it('clients: an ambiguous file asks before learning; answered, it learns', async () => {
    const el = await builder();
    const lines = ['client;mrr;start;employees'];
    for (let i = 0; i < 40; i++) lines.push(`C${i};${i % 2 ? '1.200' : '300'};2022-01-10;${i % 2 ? '1.500' : '12'}`);
    pickFile(el, '#clients-file', lines.join('\n'));
    await until(() => shadow(el).querySelector('#learn-run'));
    q<HTMLButtonElement>(el, '#learn-run').click();
    await until(() => shadow(el).querySelector('#clients-number-format-error'));
    expect(text(el, '#clients-number-format-hint')).to.contain('1.200');
    expect(shadow(el).querySelector('[data-suggestions]')).to.equal(null);
    const comma = q<HTMLInputElement>(el, '#clients-number-format input[value="comma"]');
    comma.checked = true;
    comma.dispatchEvent(new Event('change'));
    await el.updateComplete;
    q<HTMLButtonElement>(el, '#learn-run').click();
    await until(() => shadow(el).querySelector('[data-suggestions]'));
    // Every client was read: no line is reported as having an unreadable revenue.
    expect(shadow(el).querySelector('.learn [data-line-errors]')).to.equal(null);
  });
});

describe('a stray quote in one prospects cell', () => {
  it('reports that line once and scores the rest', async () => {
    const el = await builder();
    pickFile(el, '#prospects-file', 'Name;Annual revenue;Employees\nAcme;600000;1200\n"Bob;20000;20\nCarl;900;5\n');
    await until(() => shadow(el).querySelector('#prospects-score'));
    expect(shadow(el).querySelector('.prospects [role="alert"]')).to.equal(null);
    const section = q(el, 'section.prospects');
    const errors = [...section.querySelectorAll('[data-line-errors] li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(errors).to.deep.equal(['Line 3: a quote is not closed']);
    // Said once: not in the live region as well.
    expect((el.shadowRoot!.textContent ?? '').split('a quote is not closed').length - 1).to.equal(1);
    q<HTMLButtonElement>(el, '#prospects-score').click();
    await until(() => shadow(el).querySelector('[data-prospects] tbody tr'));
    expect(
      rows(el)
        .map((r) => r.querySelector('th')!.textContent.trim())
        .sort(),
    ).to.deep.equal(['Acme', 'Carl']);
  });
});

describe('one grouping rule in every locale', () => {
  async function economics(lang = 'en'): Promise<MrrUnitEconomics> {
    const wrapper = await fixture<HTMLDivElement>(
      `<div><mrr-unit-economics lang="${lang}" storage-key="${uniqueKey()}"></mrr-unit-economics></div>`,
    );
    const el = wrapper.querySelector('mrr-unit-economics')!;
    await el.persist.restored;
    await el.updateComplete;
    return el;
  }

  it('refuses `1,50` in English next to the field, offering 1.50 or 150', async () => {
    const el = await economics();
    await type(el, '#arpa', '1,50');
    expect(q(el, '#arpa').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#arpa-error')).to.equal('Did you mean 1.50 or 150? After a group separator come exactly three digits.');
    await type(el, '#arpa', '12,5');
    expect(text(el, '#arpa-error')).to.contain('12.5 or 125?');
    await type(el, '#arpa', '1,500');
    expect(shadow(el).querySelector('#arpa-error')).to.equal(null);
  });

  it('in French with its own separators', async () => {
    const el = await economics('fr');
    await until(() => text(el, 'h2').length > 0);
    await type(el, '#arpa', '1 50');
    await until(() => text(el, '#arpa-error').startsWith('Vouliez-vous dire'));
    expect(text(el, '#arpa-error').replace(/\s+/g, ' ')).to.contain('1,50 ou 150 ?');
  });
});
