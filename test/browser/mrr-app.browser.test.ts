import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/mrr-app/define.js';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import type { MrrApp } from '../../components/mrr-app/mrr-app.js';
import { NAV_VIEWS, tagOf } from '../../components/mrr-app/routes.js';
import { configureStorage, loadState, saveState } from '../../src/storage/db.js';
import { liveClients, scenariosOf } from '../../src/app/workspace.js';
import { reportData } from '../../src/app/report.js';
import { breakIndexedDb, q, shadow, uniqueKey, until } from './helpers.js';

/** A fresh database per test: the app's workspace is global to the origin. */
beforeEach(() => {
  configureStorage({ dbName: `mrr-app-${uniqueKey()}` });
  localStorage.removeItem('mrr-kit-app:scenario');
  localStorage.removeItem('mrr-kit-lang');
  document.documentElement.lang = 'en';
});
afterEach(() => {
  fixtureCleanup();
  history.replaceState(null, '', location.pathname + location.search);
});

function go(hash: string): void {
  history.pushState(null, '', `${location.pathname}${location.search}${hash}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

async function mountApp(hash = '#/workspace', container?: HTMLElement): Promise<MrrApp> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const el = container
    ? container.appendChild(document.createElement('mrr-app'))
    : await fixture<MrrApp>(html`<mrr-app></mrr-app>`);
  await until(() => el.loaded, { before: () => el.updateComplete });
  await el.updateComplete;
  return el;
}

const title = (app: MrrApp) => q(app, '#view-title').textContent.replace(/\s+/g, ' ').trim();
const buttons = (app: MrrApp, text: string) =>
  [...shadow(app).querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent.trim() === text);
const scenarioNames = (app: MrrApp) => [...shadow(app).querySelectorAll('.scenario-name')].map((n) => n.textContent.trim());
const clientNames = (app: MrrApp) => [...shadow(app).querySelectorAll('.client h3')].map((n) => n.textContent.trim());

async function calculatorIn(app: MrrApp): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  const calc = await until(() => shadow(app).querySelector('mrr-calculator'));
  await until(() => calc.shadowRoot?.querySelector<HTMLInputElement>('input#clients'));
  return calc;
}

/** Types `text` into the element's field; resolves a microtask later, once the form has taken the edit. */
function typeInto(el: HTMLElement, selector: string, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  input.blur();
  return Promise.resolve();
}

describe('<mrr-app> routes', () => {
  it('has one hash route per element, plus the workspace and the report; back and forward work', async () => {
    const app = await mountApp('#/workspace');
    expect(title(app)).to.equal('Workspace');
    const key = app.activeScenario!.storageKey;
    for (const view of NAV_VIEWS) {
      go(`#/${view}`);
      await until(() => app.route.view === view, { before: () => app.updateComplete });
      const link = q(app, `nav a[href="#/${view}"]`);
      expect(link.getAttribute('aria-current')).to.equal('page');
      const tag = tagOf(view);
      if (tag) {
        const el = await until(() => shadow(app).querySelector(tag));
        // Every element gets the open scenario's storage key: its own persistence saves the scenario.
        expect(el.getAttribute('storage-key')).to.equal(key);
        await until(() => customElements.get(tag));
      }
    }
    expect(title(app)).to.contain('Report');
    history.back();
    await until(() => app.route.view === NAV_VIEWS[NAV_VIEWS.length - 2], { before: () => app.updateComplete });
    history.forward();
    await until(() => app.route.view === 'report', { before: () => app.updateComplete });
    go('#/nowhere');
    await until(() => app.route.view === 'workspace', { before: () => app.updateComplete });
  });

  it('switches language: the app and the elements in it follow', async () => {
    const app = await mountApp('#/calculator');
    const select = q<HTMLSelectElement>(app, '#lang');
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    await until(() => document.documentElement.dir === 'rtl');
    await until(() => title(app).startsWith('الحاسبة'), { before: () => app.updateComplete });
    select.value = 'fr';
    select.dispatchEvent(new Event('change'));
    await until(() => q(app, 'nav a[href="#/workspace"]').textContent.trim() === 'Espace de travail', {
      before: () => app.updateComplete,
    });
    expect(document.documentElement.dir).to.equal('ltr');
  });

  it('is accessible (axe) on the workspace in English and Arabic', async () => {
    const app = await mountApp('#/workspace');
    await until(() => shadow(app).querySelector('.compare'));
    await expect(app).to.be.accessible();
    document.documentElement.lang = 'ar';
    await until(() => title(app) === 'مساحة العمل', { before: () => app.updateComplete });
    await expect(app).to.be.accessible();
  });
});

describe('<mrr-app> workspace', () => {
  it('migrates the saved work of the current release into the first client’s first scenario', async () => {
    // Saved by the current release's elements, as the site (demo.html) saves them: storage key `site`.
    const old = await fixture<HTMLDivElement>(
      html`<div>
        <mrr-calculator storage-key="site"></mrr-calculator><mrr-unit-economics storage-key="site"></mrr-unit-economics>
      </div>`,
    );
    const oldCalc = old.querySelector('mrr-calculator')!;
    const oldEconomics = old.querySelector('mrr-unit-economics')!;
    await until(() => oldCalc.shadowRoot?.querySelector('input#clients') && oldEconomics.shadowRoot?.querySelector('input#arpa'));
    await oldCalc.persist.restored;
    await typeInto(oldCalc, 'input#clients', '77');
    await typeInto(oldEconomics, 'input#arpa', '345');
    await oldCalc.persist.flush();
    await oldEconomics.persist.flush();
    old.remove();

    const app = await mountApp('#/calculator');
    expect(liveClients(app.store.ws).map((c) => c.name)).to.deep.equal(['My first client']);
    expect(app.activeScenario!.storageKey).to.not.equal('site');
    const calc = await calculatorIn(app);
    await until(() => calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value === '77');
    go('#/unit-economics');
    const economics = await until(() =>
      shadow(app).querySelector('mrr-unit-economics')?.shadowRoot?.querySelector<HTMLInputElement>('input#arpa'),
    );
    await until(() => economics.value.replace(/\D/g, '') === '345');
  });

  it('migrates a fixture saved by the current release (French numbers) into the first scenario, every element', async () => {
    const records = (await (await fetch(new URL('../fixtures/release-site-records.json', import.meta.url))).json()) as {
      key: string;
      data: unknown;
      schema: number;
    }[];
    for (const r of records) await saveState(r.key, r.data, r.schema);
    const app = await mountApp('#/calculator');
    expect(app.activeScenario!.storageKey).to.not.equal('site');
    const calc = await calculatorIn(app);
    // Typed in French, shown in the app's English.
    await until(() => calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value === '77');
    expect(calc.shadowRoot!.querySelector<HTMLInputElement>('input#price')!.value).to.equal('132.94');
    go('#/unit-economics');
    const arpa = await until(() =>
      shadow(app).querySelector('mrr-unit-economics')?.shadowRoot?.querySelector<HTMLInputElement>('input#arpa'),
    );
    await until(() => arpa.value === '345.5', { describe: () => arpa.value });
    // The designer's packages and their public pricing came along.
    go('#/pricing-table');
    const table = await until(() =>
      shadow(app).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('mrr-pricing-table'),
    );
    await until(() => table.shadowRoot?.textContent?.includes('Essentiel'), {
      before: () => table.updateComplete,
      describe: () => table.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 200) ?? '',
    });
    // The records of the release are left where they were (nothing is lost if the app is not kept).
    expect((await loadState('calculator:site'))?.data).to.deep.equal(records.find((r) => r.key === 'calculator:site')!.data);
  });

  it('creates, duplicates, renames and deletes with undo; it is all there after a reload', async () => {
    const app = await mountApp('#/workspace');
    expect(clientNames(app)).to.deep.equal(['My first client']);
    expect(scenarioNames(app)).to.deep.equal(['Today']);
    // It asked for persistent storage and says what it got.
    const state = await until(() => shadow(app).querySelector('#storage-state'), { before: () => app.updateComplete });
    expect(state.textContent).to.match(/keeps this workspace|may clear this workspace/);

    buttons(app, 'Duplicate')[0]!.click();
    await until(() => scenarioNames(app).length === 2, { before: () => app.updateComplete });
    expect(scenarioNames(app)).to.deep.equal(['Today', 'Today (copy)']);

    const copy = app.store.ws.scenarios.find((s) => s.name === 'Today (copy)')!;
    await until(() => app.activeId === copy.id);
    q(app, `[data-rename="${copy.id}"]`).click();
    await app.updateComplete;
    const input = await until(() => shadow(app).querySelector<HTMLInputElement>('#rename-input'));
    expect(shadow(app).activeElement).to.equal(input);
    input.value = 'Optimistic';
    input.form!.requestSubmit();
    await until(() => scenarioNames(app).includes('Optimistic'), { before: () => app.updateComplete });

    q(app, '#new-client').click();
    await until(() => clientNames(app).length === 1 && shadow(app).querySelector('#rename-input'), {
      before: () => app.updateComplete,
    });
    const clientInput = q<HTMLInputElement>(app, '#rename-input');
    clientInput.value = 'Acme';
    clientInput.form!.requestSubmit();
    await until(() => clientNames(app).join() === 'My first client,Acme', { before: () => app.updateComplete });

    // Delete "Optimistic", then undo.
    const optimistic = scenariosOf(app.store.ws, liveClients(app.store.ws)[0]!.id).find((s) => s.name === 'Optimistic')!;
    const row = q(app, `#name-${optimistic.id}`).closest('li')!;
    [...row.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Delete')!.click();
    await until(() => !scenarioNames(app).includes('Optimistic'), { before: () => app.updateComplete });
    const undo = await until(() => shadow(app).querySelector<HTMLButtonElement>('#undo'));
    // The name is isolated (FSI … PDI), so a name in another direction cannot reorder the sentence.
    expect(q(app, '.undo').textContent).to.contain('Scenario “\u2068Optimistic\u2069” deleted.');
    await until(() => shadow(app).activeElement === undo, { before: () => app.updateComplete });
    undo.click();
    await until(() => scenarioNames(app).includes('Optimistic'), { before: () => app.updateComplete });

    // Delete the client Acme (and its scenario), no undo: after a reload it stays deleted.
    const acme = liveClients(app.store.ws).find((c) => c.name === 'Acme')!;
    const head = q(app, `#client-${acme.id}`).closest('.client')!;
    [...head.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Delete client')!.click();
    await until(() => clientNames(app).join() === 'My first client', { before: () => app.updateComplete });

    fixtureCleanup();
    const again = await mountApp('#/workspace');
    expect(clientNames(again)).to.deep.equal(['My first client']);
    expect(scenarioNames(again)).to.deep.equal(['Today', 'Optimistic']);
  });

  it('is usable with the keyboard alone: duplicate, rename, delete and undo, focus always somewhere useful', async () => {
    const app = await mountApp('#/workspace');
    const active = () => shadow(app).activeElement as HTMLElement | null;
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await app.updateComplete;
    };
    buttons(app, 'Duplicate')[0]!.focus();
    await press('Enter');
    await until(() => scenarioNames(app).length === 2, { before: () => app.updateComplete });
    // Renaming the copy: its Rename button, Enter, type, Enter.
    const copy = app.store.ws.scenarios.find((s) => s.name === 'Today (copy)')!;
    q(app, `[data-rename="${copy.id}"]`).focus();
    await press('Enter');
    await until(() => active()?.id === 'rename-input', { before: () => app.updateComplete });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'Keyboard plan' });
    await press('Enter');
    await until(() => scenarioNames(app).includes('Keyboard plan'), { before: () => app.updateComplete });
    await until(() => active()?.dataset.rename === copy.id, { before: () => app.updateComplete });
    // Escape leaves a rename without changing the name, and gives the focus back.
    await press('Enter');
    await until(() => active()?.id === 'rename-input', { before: () => app.updateComplete });
    await sendKeys({ type: ' not kept' });
    await press('Escape');
    await until(() => active()?.dataset.rename === copy.id, { before: () => app.updateComplete });
    expect(scenarioNames(app)).to.include('Keyboard plan');
    // Delete: Tab to the row's Delete, Enter; Undo takes the focus; Enter brings the scenario back.
    await press('Tab'); // Export
    await press('Tab'); // Share
    await press('Tab'); // Delete
    expect(active()?.textContent.trim()).to.equal('Delete');
    await press('Enter');
    await until(() => active()?.id === 'undo', { before: () => app.updateComplete });
    expect(scenarioNames(app)).to.not.include('Keyboard plan');
    await press('Enter');
    await until(() => scenarioNames(app).includes('Keyboard plan'), { before: () => app.updateComplete });
    // The focus goes back to the restored scenario, not to the page's body.
    await until(() => active()?.closest('li.scenario')?.querySelector('.scenario-name')?.textContent === 'Keyboard plan', {
      before: () => app.updateComplete,
      describe: () => `focus on ${active()?.outerHTML.slice(0, 80) ?? document.activeElement?.tagName}`,
    });
  });

  it('compares two scenarios: one chart, KPI deltas, the assumptions that differ', async function () {
    // Eleven steps through the app (two calculators mounted, two saves, three routes): over 10 s on
    // a busy 2-core machine. A stuck wait still fails at its own 15 s, saying where it stopped.
    this.timeout(40000);
    const app = await mountApp('#/calculator');
    const first = app.activeScenario!;
    let calc = await calculatorIn(app);
    await typeInto(calc, 'input#clients', '10');
    await until(() => calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value === '10', {
      describe: () => `clients ${calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value}`,
    });
    await (calc as unknown as { form: { persist: { flush(): Promise<void> } } }).form.persist.flush();
    go('#/workspace');
    await until(() => buttons(app, 'Duplicate').length > 0, { before: () => app.updateComplete, describe: () => location.hash });
    buttons(app, 'Duplicate')[0]!.click();
    await until(() => app.activeScenario?.id !== first.id, {
      before: () => app.updateComplete,
      describe: () => `active ${app.activeScenario?.id}`,
    });
    go('#/calculator');
    calc = await calculatorIn(app);
    expect(calc.getAttribute('storage-key')).to.equal(app.activeScenario!.storageKey);
    await until(() => calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value === '10', {
      describe: () => `the duplicate's clients ${calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value}`,
    });
    await typeInto(calc, 'input#clients', '20');
    await (calc as unknown as { form: { persist: { flush(): Promise<void> } } }).form.persist.flush();
    go('#/workspace');
    await until(() => shadow(app).querySelector('#compare-diffs'), {
      before: () => app.updateComplete,
      describe: () => q(app, '.compare').textContent.replace(/\s+/g, ' '),
    });
    expect(shadow(app).querySelectorAll('.compare-chart path.line')).to.have.length(2);
    // The edit's save may land after the comparison first reads (a busy machine): the comparison
    // follows the scenario's saved record, so it comes to differ.
    const endingCells = () =>
      [...q(app, '#compare-kpis tr[data-figure="endingMrr"]').querySelectorAll('td')].map((c) => c.textContent.trim());
    await until(() => endingCells()[0] !== endingCells()[1], {
      before: () => app.updateComplete,
      describe: () => endingCells().join(' | '),
    });
    const cells = endingCells();
    expect(cells[2]).to.match(/^\+\$/);
    const diffs = q(app, '#compare-diffs').textContent.replace(/\s+/g, ' ');
    expect(diffs).to.contain('Calculator · Clients today');
    expect(diffs).to.contain('10');
    expect(diffs).to.contain('20');
  });

  it('compares as soon as a second scenario is made, and picks again when a compared one is deleted', async () => {
    const app = await mountApp('#/workspace');
    await until(() => q(app, '.compare').textContent.includes('Make a second scenario'), { before: () => app.updateComplete });
    const first = app.activeScenario!;
    await app.newScenario(app.store.ws.clients[0]!.id);
    await until(() => shadow(app).querySelector('#compare-b'), { before: () => app.updateComplete });
    await until(() => shadow(app).querySelectorAll('.compare-chart path.line').length === 2, {
      before: () => app.updateComplete,
    });
    await app.deleteItem('scenario', first.id);
    await until(() => q(app, '.compare').textContent.includes('Make a second scenario'), { before: () => app.updateComplete });
  });

  it('shows the newest reading when two refreshes of the comparison cross (a save heard while one reads)', async () => {
    const app = await mountApp('#/workspace');
    await app.newScenario(app.store.ws.clients[0]!.id);
    await until(() => app.compare.records, { before: () => app.updateComplete });
    // The first refresh's reads are slow and see the records from before a save; the second's are
    // fresh and finish first. The slow one must not replace them when it ends.
    const store = app.store;
    const read = store.records.bind(store);
    let calls = 0;
    const stale = [{ name: 'stale', data: {}, schema: 1 }];
    store.records = async (scenario) => {
      calls += 1;
      if (calls <= 2) {
        await new Promise((r) => setTimeout(r, 150));
        return stale;
      }
      return read(scenario);
    };
    await Promise.all([app.refreshCompare(), app.refreshCompare()]);
    expect(calls).to.equal(4);
    expect(app.compare.records!.a).to.not.equal(stale);
    expect(app.compare.records!.b).to.not.equal(stale);
  });

  it('keeps two open tabs consistent: an edit in one shows in the other, neither loses the other’s change', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const tabA = await mountApp('#/workspace', box);
    const tabB = await mountApp('#/workspace', box);
    await until(() => tabB.store.ws.scenarios.length === 1);
    expect(tabB.store.ws).to.deep.equal(tabA.store.ws);
    const [client] = liveClients(tabA.store.ws);
    // Both add a scenario at the same time.
    await Promise.all([tabA.newScenario(client!.id), tabB.newScenario(client!.id)]);
    const count = (app: MrrApp) => scenariosOf(app.store.ws, client!.id).length;
    await until(() => count(tabA) === 3 && count(tabB) === 3, {
      describe: () => `${count(tabA)} | ${count(tabB)}`,
    });
    // A rename in A shows in B.
    await tabA.rename('client', client!.id, 'Renamed in A');
    await until(() => clientNames(tabB).includes('Renamed in A'), { before: () => tabB.updateComplete });
  });
});

describe('<mrr-app> export and import', () => {
  const text = async (blob: Blob) => blob.text();
  const withoutTime = (s: string) => s.replace(/"exportedAt": ?\d+/, '');

  it('exports a versioned JSON file; a refused file changes nothing and says why in the app’s language', async () => {
    const app = await mountApp('#/workspace');
    buttons(app, 'Duplicate')[0]!.click();
    await until(() => scenarioNames(app).length === 2, { before: () => app.updateComplete });
    const before = await text(await app.exportWorkspace());
    const file = JSON.parse(before) as { format: string; version: number };
    expect(file.format).to.equal('mrr-kit-workspace');
    expect(file.version).to.equal(1);

    const refused = [
      [before.slice(0, before.length / 2), 'truncated'],
      ['not json at all', 'notJson'],
      [before.replace('"version": 1', '"version": 99'), 'wrongVersion'],
      [JSON.stringify({ ...file, workspace: { v: 1, clients: 'x', scenarios: [] } }), 'wrongShape'],
      [JSON.stringify({ format: 'something-else', version: 1 }), 'wrongFormat'],
    ] as const;
    for (const [content, code] of refused) {
      const result = await app.importWorkspace(new Blob([content]), { mode: 'replace' });
      expect(result.ok, code).to.equal(false);
      expect(result.error!.code).to.equal(code);
      expect(result.error!.message).to.contain('Nothing was changed.');
      expect(withoutTime(await text(await app.exportWorkspace()))).to.equal(withoutTime(before));
    }
    await until(() => q(app, '#files-notice').textContent.includes('Nothing was changed.'), {
      before: () => app.updateComplete,
    });

    document.documentElement.lang = 'fr';
    await app.updateComplete;
    const fr = await app.importWorkspace(new Blob(['{"format":']), { mode: 'merge' });
    expect(fr.error!.message).to.contain('Rien n’a été modifié.');
    expect(scenarioNames(app)).to.deep.equal(['Today', 'Today (copy)']);
  });

  it('never lets __proto__ in a file reach a prototype', async () => {
    const app = await mountApp('#/workspace');
    const file = JSON.parse(await text(await app.exportWorkspace())) as { records: Record<string, unknown[]> };
    const id = Object.keys(file.records)[0] ?? app.activeScenario!.id;
    file.records[id] = [{ name: 'calculator', data: { v: 2, inputs: { clients: '5' }, locale: 'en', stamps: {} }, schema: 1 }];
    const hostile = JSON.stringify(file).replace(
      '"inputs":{',
      '"__proto__":{"polluted":true},"inputs":{"__proto__":{"polluted":true},',
    );
    const result = await app.importWorkspace(new Blob([hostile]), { mode: 'replace' });
    expect(result.ok).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    const records = await app.store.records(app.activeScenario!);
    const data = records[0]!.data as object;
    expect(Object.getPrototypeOf(data)).to.equal(Object.prototype);
    expect(Object.keys(data)).to.not.include('__proto__');
  });

  it('after a replace import and a reload, the elements show the imported values', async () => {
    const app = await mountApp('#/calculator');
    let calc = await calculatorIn(app);
    await typeInto(calc, 'input#clients', '31');
    await (calc as unknown as { form: { persist: { flush(): Promise<void> } } }).form.persist.flush();
    const exported = await app.exportWorkspace();
    await typeInto(calc, 'input#clients', '99');
    await (calc as unknown as { form: { persist: { flush(): Promise<void> } } }).form.persist.flush();
    expect((await app.importWorkspace(exported, { mode: 'replace' })).ok).to.equal(true);
    fixtureCleanup();
    const again = await mountApp('#/calculator');
    calc = await calculatorIn(again);
    await until(() => calc.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value === '31');
  });
});

describe('<mrr-app> share links', () => {
  it('opens a scenario from its link read-only, and saves it to the workspace on request', async () => {
    const app = await mountApp('#/calculator');
    const calc = await calculatorIn(app);
    await typeInto(calc, 'input#clients', '42');
    await (calc as unknown as { form: { persist: { flush(): Promise<void> } } }).form.persist.flush();
    go('#/workspace');
    await until(() => shadow(app).querySelector(`[data-share="${app.activeId}"]`), { before: () => app.updateComplete });
    q(app, `[data-share="${app.activeId}"]`).click();
    const link = await until(() => shadow(app).querySelector<HTMLInputElement>('#share-link'), {
      before: () => app.updateComplete,
    });
    expect(link.value.length).to.be.below(2000);
    const fragment = link.value.slice(link.value.indexOf('#'));
    expect(fragment).to.match(/^#\/share\/[A-Za-z0-9_-]+$/);

    const scenariosBefore = app.store.ws.scenarios.length;
    go(fragment);
    await until(() => shadow(app).querySelector('#share-save'), { before: () => app.updateComplete });
    expect(q(app, '.shared').textContent).to.contain('Read-only');
    expect(q(app, '.shared').textContent).to.contain('42');
    // Read-only: nothing was written by opening it.
    expect(app.store.ws.scenarios.length).to.equal(scenariosBefore);
    q(app, '#share-save').click();
    await until(() => shadow(app).querySelector('#share-saved'), { before: () => app.updateComplete });
    expect(app.store.ws.scenarios.length).to.equal(scenariosBefore + 1);
    go('#/calculator');
    const copy = await calculatorIn(app);
    expect(copy.getAttribute('storage-key')).to.equal(app.activeScenario!.storageKey);
    await until(() => copy.shadowRoot!.querySelector<HTMLInputElement>('input#clients')!.value === '42');
  });

  it('says when a link would be over 2,000 characters, and offers the file', async () => {
    const app = await mountApp('#/workspace');
    // A scenario whose records do not compress well.
    const noise = Array.from({ length: 3000 }, () => Math.random().toString(36).slice(2, 3)).join('');
    await saveState(`icp-builder:${app.activeScenario!.storageKey}`, { v: 2, inputs: { note: noise }, locale: 'en', stamps: {} });
    await app.offerShare(app.activeId!);
    await app.updateComplete;
    expect(q(app, '#share-too-long').textContent).to.match(/over 2,000/);
    expect(shadow(app).querySelector('#share-download')).to.not.equal(null);
    expect(shadow(app).querySelector('#share-link')).to.equal(null);
  });

  it('refuses a damaged link', async () => {
    const app = await mountApp('#/share/AAAA-not-deflate');
    await until(() => shadow(app).querySelector('#share-error'), { before: () => app.updateComplete });
    expect(q(app, '#share-error').textContent).to.contain('damaged');
  });
});

describe('<mrr-app> persistent storage', () => {
  for (const granted of [true, false]) {
    it(`asks for it and says what it got (${granted ? 'granted' : 'refused: a reminder to export'})`, async () => {
      const storage = navigator.storage;
      const asked: string[] = [];
      const fake = {
        persisted: () => (asked.push('persisted'), Promise.resolve(false)),
        persist: () => (asked.push('persist'), Promise.resolve(granted)),
      };
      Object.defineProperty(navigator, 'storage', {
        value: Object.assign(Object.create(storage) as object, fake),
        configurable: true,
      });
      try {
        const app = await mountApp('#/workspace');
        const state = await until(() => shadow(app).querySelector('#storage-state'), { before: () => app.updateComplete });
        expect(asked).to.deep.equal(['persisted', 'persist']);
        expect(state.textContent.trim()).to.equal(
          granted
            ? 'Your browser keeps this workspace until you delete it.'
            : 'Your browser may clear this workspace when space runs low. Export it now and then.',
        );
      } finally {
        Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
        delete (navigator as { storage?: unknown }).storage;
      }
    });
  }
});

describe('<mrr-app> without storage', () => {
  for (const mode of ['missing', 'openFails', 'hangs', 'quota'] as const) {
    it(`keeps working in memory and says the workspace is not saved (IndexedDB ${mode})`, async function () {
      // A database that never answers costs its 3 s timeout on each read (duplicate, export).
      this.timeout(40000);
      const restore = await breakIndexedDb(mode);
      try {
        const app = await mountApp('#/workspace');
        buttons(app, 'Duplicate')[0]!.click();
        await until(() => scenarioNames(app).length === 2, { before: () => app.updateComplete });
        await until(() => shadow(app).querySelector('[role="alert"]'), { before: () => app.updateComplete });
        expect(q(app, '[role="alert"]').textContent).to.match(mode === 'quota' ? /storage is full/ : /not saving/);
        const exported = JSON.parse(await (await app.exportWorkspace()).text()) as { workspace: { scenarios: unknown[] } };
        expect(exported.workspace.scenarios).to.have.length(2);
        // The element views still open on the scenario, in memory.
        go('#/calculator');
        await calculatorIn(app);
      } finally {
        restore();
      }
    });
  }
});

describe('<mrr-app> executive report', () => {
  const calculator = (clients: string, price: string) => ({
    inputs: {
      mode: 'average',
      plans: [],
      clients,
      price,
      newClients: '2',
      churnPct: '2',
      expansionPct: '1',
      contractionPct: '0',
      horizon: '12',
    },
    locale: 'en',
  });
  const economics = {
    inputs: {
      cacMode: 'direct',
      arpa: '500',
      grossMarginPct: '50',
      churnPct: '5',
      cac: '3000',
      salesSpend: '0',
      marketingSpend: '0',
      newCustomers: '1',
      retentionSpendPerClient: '',
      minLtvToCac: '3',
      maxPaybackMonths: '12',
    },
    locale: 'en',
  };
  const pricing = {
    at: 1,
    record: {
      v: 1,
      currency: 'USD',
      annualDiscountPct: 10,
      tiers: [
        {
          id: 't1',
          name: 'Reputation Starter',
          highlighted: true,
          outcomes: ['More five-star reviews'],
          month: { price: 149, listValue: 200, setupFee: 0 },
          year: { price: 1609.2, perMonth: 134.1, savings: 178.8 },
        },
      ],
    },
  };

  /** Two scenarios of one client: "Today" (October's figures) and "November", open. */
  async function twoPeriods(): Promise<{ app: MrrApp; previous: string }> {
    const app = await mountApp('#/workspace');
    const first = app.activeScenario!;
    await app.store.change((ws) => ws); // the workspace is saved
    await saveState(`calculator:${first.storageKey}`, calculator('10', '100'));
    await app.newScenario(first.clientId);
    const now = app.activeScenario!;
    await app.rename('scenario', now.id, 'November');
    await saveState(`calculator:${now.storageKey}`, calculator('20', '100'));
    await saveState(`unit-economics:${now.storageKey}`, economics);
    await saveState(`channel:pricing:${now.storageKey}`, pricing);
    return { app, previous: first.name };
  }

  const report = (app: MrrApp) => q(app, '#report');
  // What a reader sees: the bidi isolates around names are invisible.
  const text = (el: Element) =>
    el.textContent
      .replace(/[\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const sections = (app: MrrApp) =>
    [...shadow(app).querySelectorAll('#report .report-section')].map((s) => s.getAttribute('data-section'));

  it('shows the newest reading when two refreshes of the report cross', async () => {
    const app = await mountApp('#/report');
    await saveState(`calculator:${app.activeScenario!.storageKey}`, calculator('20', '100'));
    const store = app.store;
    const read = store.records.bind(store);
    const fresh = reportData(await read(app.activeScenario!));
    await until(() => app.report, { before: () => app.updateComplete });
    // The first refresh reads slowly what was there before the save; the second reads it fresh.
    let calls = 0;
    store.records = async (scenario) => {
      calls += 1;
      if (calls === 1) {
        await new Promise((r) => setTimeout(r, 150));
        return [];
      }
      return read(scenario);
    };
    await Promise.all([app.refreshReport(), app.refreshReport()]);
    expect(calls).to.be.greaterThan(1);
    expect(app.report!.data).to.deep.equal(fresh);
    expect(reportData([])).to.not.deep.equal(fresh);
  });
  it('sums up the open scenario against the previous period: KPIs with deltas, chart, packages, economics, recommendations', async () => {
    const { app, previous } = await twoPeriods();
    go('#/report');
    await until(() => shadow(app).querySelector('#report .kpi'), { before: () => app.updateComplete });
    const head = text(q(app, '.report-head'));
    expect(head).to.contain('Executive report');
    expect(head).to.contain('Prepared for My first client');
    // The period (this month) and the previous one, by name.
    const month = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(new Date());
    expect(head).to.contain(month);
    expect(head).to.contain(`compared with ${previous} (`);
    // MRR today: 20 × $100 = $2,000 against 10 × $100; the card shows the horizon's MRR and its delta.
    const ending = text(q(app, '.kpi[data-kpi="endingMrr"]'));
    expect(ending).to.match(/\$[\d,]+/);
    expect(ending).to.match(/\+\$[\d,]+ vs /);
    expect(text(q(app, '.kpi[data-kpi="nrrPct"]'))).to.contain('over 12 months');
    // A change of a rate is in percentage points; clients are whole.
    expect(text(q(app, '.kpi[data-kpi="nrrPct"] .kpi-delta'))).to.match(/^[+-−]?[\d.]+ pts vs /);
    expect(text(q(app, '.kpi[data-kpi="endingCustomers"] .kpi-value'))).to.match(/^\d[\d,]*$/);
    // Two MRR lines: this period and the previous one.
    expect(shadow(app).querySelectorAll('#report .compare-chart path.line')).to.have.length(2);
    expect(text(q(app, '#report-packages'))).to.contain('Reputation Starter');
    expect(text(q(app, '#report-packages'))).to.contain('$149');
    // LTV = 500 × 50 % ÷ 5 % = $5,000; CAC $3,000: 1.7×, under the target of 3×.
    expect(text(q(app, '#report-economics'))).to.contain('$5,000');
    const recs = text(q(app, '#report-recommendations'));
    expect(recs).to.contain('1.7× what it costs to win, under your target of 3×');
    expect(sections(app)).to.deep.equal(['kpis', 'chart', 'packages', 'economics', 'motions', 'recommendations']);
    // The motions were never filled in: the report says its figures are the example's.
    expect(text(q(app, '.report-section[data-section="motions"]'))).to.contain('Example figures');
    await expect(app).to.be.accessible();
  });

  it('keeps a client name with a right-to-left override inside its own span of the sentence', async () => {
    const { app } = await twoPeriods();
    await app.rename('client', app.store.ws.clients[0]!.id, '\u202Eevil');
    go('#/report');
    await until(() => shadow(app).querySelector('#report .kpi'), { before: () => app.updateComplete });
    expect(q(app, '.report-client').textContent).to.contain('Prepared for \u2068\u202Eevil\u2069');
  });

  it('follows an edit of its scenario made in another tab', async () => {
    const { app } = await twoPeriods();
    go('#/report');
    await until(() => shadow(app).querySelector('#report .kpi'), { before: () => app.updateComplete });
    const ending = () => text(q(app, '.kpi[data-kpi="endingMrr"] .kpi-value'));
    const before = ending();
    // Another tab's calculator saves 40 clients instead of 20, and says so on the state channel.
    const key = `calculator:${app.activeScenario!.storageKey}`;
    await saveState(key, calculator('40', '100'));
    const channel = new BroadcastChannel('mrr-kit-state');
    channel.postMessage({ key, source: 'another-tab' });
    channel.close();
    await until(() => ending() !== before, { before: () => app.updateComplete, describe: ending });
  });

  it('hides and reorders sections by keyboard, names the agency, and keeps it all with the scenario after a reload', async () => {
    const { app } = await twoPeriods();
    go('#/report');
    await until(() => shadow(app).querySelector('#report .kpi'), { before: () => app.updateComplete });
    q<HTMLInputElement>(app, '#show-chart').click();
    await until(() => !sections(app).includes('chart'), { before: () => app.updateComplete });
    q<HTMLButtonElement>(app, '#up-recommendations').click();
    await until(() => sections(app).at(-1) === 'motions', { before: () => app.updateComplete });
    // The moved section's button keeps the focus, so the keyboard user can go on moving it.
    await until(() => shadow(app).activeElement?.id === 'up-recommendations', {
      describe: () => String(shadow(app).activeElement?.id),
    });
    const agency = q<HTMLInputElement>(app, '#report-agency');
    agency.value = 'Northwind Digital';
    agency.dispatchEvent(new Event('change'));
    await until(() => text(q(app, '.report-agency')) === 'Northwind Digital', { before: () => app.updateComplete });
    const key = `report:${app.activeScenario!.storageKey}`;
    await until(async () => (await loadState<{ agency: string }>(key))?.data.agency === 'Northwind Digital');
    fixtureCleanup();
    const again = await mountApp('#/report');
    await until(() => shadow(again).querySelector('#report .kpi'), { before: () => again.updateComplete });
    expect(text(q(again, '.report-agency'))).to.equal('Northwind Digital');
    expect(sections(again)).to.deep.equal(['kpis', 'packages', 'economics', 'recommendations', 'motions']);
    expect(q<HTMLInputElement>(again, '#show-chart').checked).to.equal(false);
  });

  it('speaks French and Arabic, numbers and months included', async () => {
    const { app } = await twoPeriods();
    go('#/report');
    await until(() => shadow(app).querySelector('#report .kpi'), { before: () => app.updateComplete });
    document.documentElement.lang = 'fr';
    await until(() => text(q(app, '.report-head')).includes('Rapport de direction'), { before: () => app.updateComplete });
    expect(text(report(app))).to.contain('Recommandations');
    expect(text(report(app))).to.match(/\d\s?\$|\$\s?\d/);
    document.documentElement.lang = 'ar';
    await until(() => text(q(app, '.report-head')).includes('التقرير التنفيذي'), { before: () => app.updateComplete });
    expect(q(app, '[part="base"]').getAttribute('dir')).to.equal('rtl');
    expect(text(report(app))).not.to.match(/NaN|undefined/);
    await expect(app).to.be.accessible();
  });
});
