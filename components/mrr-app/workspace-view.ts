import { html, nothing, type TemplateResult } from 'lit';
import { isolate } from '../../src/ui/text.js';
import { findScenario, liveClients, MAX_NAME, scenariosOf, type Client, type Scenario } from '../../src/app/workspace.js';
import type { ScenarioFile, ScenarioRecord } from '../../src/app/transfer.js';
import type { MrrApp } from './mrr-app.js';
import { renderCompare } from './compare-view.js';

/** The two scenarios compared, and their records once read. */
export interface CompareState {
  a?: string;
  b?: string;
  records?: { a: ScenarioRecord[]; b: ScenarioRecord[] };
}

/** The share panel of one scenario: its link, or the file when the link is too long. */
export interface ShareOffer {
  scenarioId: string;
  name: string;
  file: ScenarioFile;
  link: string;
  tooLong: boolean;
  copied?: boolean;
}

function renameForm(app: MrrApp, kind: 'client' | 'scenario', id: string, name: string): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector('input')!;
    void app.rename(kind, id, input.value);
  };
  return html`<form class="rename" @submit=${submit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && app.cancelEditing()}>
    <label
      >${app.i18n.t(kind === 'client' ? 'client.name' : 'scenario.name')}
      <input id="rename-input" name="name" required maxlength=${MAX_NAME} .value=${name} autocomplete="off"
    /></label>
    <button type="submit">${app.i18n.t('save')}</button>
    <button type="button" @click=${() => app.cancelEditing()}>${app.i18n.t('cancel')}</button>
  </form>`;
}

function renderScenario(app: MrrApp, s: Scenario): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const open = s.id === app.activeId;
  const editing = app.editing?.kind === 'scenario' && app.editing.id === s.id;
  const nameId = `name-${s.id}`;
  return html`<li class="scenario" ?data-open=${open}>
    ${
      editing
        ? renameForm(app, 'scenario', s.id, s.name)
        : html`<span class="scenario-name" id=${nameId}>${s.name}</span>
            ${open ? html`<span class="badge">${t('scenario.isOpen')}</span>` : nothing}`
    }
    <div class="actions" role="group" aria-label=${t('scenario.actions', { name: isolate(s.name) })}>
      ${
        open
          ? nothing
          : html`<button type="button" aria-describedby=${nameId} @click=${() => app.openScenario(s.id)}>
              ${t('scenario.open')}
            </button>`
      }
      <button type="button" aria-describedby=${nameId} @click=${() => void app.duplicate(s.id)}>
        ${t('scenario.duplicate')}
      </button>
      <button
        type="button"
        id=${`rename-${s.id}`}
        data-rename=${s.id}
        aria-describedby=${nameId}
        @click=${() => app.startEditing('scenario', s.id)}
      >
        ${t('scenario.rename')}
      </button>
      <button type="button" aria-describedby=${nameId} @click=${() => void app.exportScenarioFile(s.id)}>
        ${t('scenario.export')}
      </button>
      <button type="button" data-share=${s.id} aria-describedby=${nameId} @click=${() => void app.offerShare(s.id)}>
        ${t('scenario.share')}
      </button>
      <button type="button" class="danger" aria-describedby=${nameId} @click=${() => void app.deleteItem('scenario', s.id)}>
        ${t('scenario.delete')}
      </button>
    </div>
  </li>`;
}

function renderClient(app: MrrApp, c: Client): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const editing = app.editing?.kind === 'client' && app.editing.id === c.id;
  const headId = `client-${c.id}`;
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void app.importScenarioBlob(file, c.id);
  };
  return html`<section class="client" aria-labelledby=${headId}>
    <div class="client-head">
      ${editing ? renameForm(app, 'client', c.id, c.name) : html`<h3 id=${headId}>${c.name}</h3>`}
      <div class="actions">
        <button
          type="button"
          id=${`rename-${c.id}`}
          data-rename=${c.id}
          aria-describedby=${headId}
          @click=${() => app.startEditing('client', c.id)}
        >
          ${t('client.rename')}
        </button>
        <button type="button" class="danger" aria-describedby=${headId} @click=${() => void app.deleteItem('client', c.id)}>
          ${t('client.delete')}
        </button>
      </div>
    </div>
    <ul class="scenarios" aria-label=${t('client.scenarios', { name: isolate(c.name) })}>
      ${scenariosOf(app.store.ws, c.id).map((s) => renderScenario(app, s))}
    </ul>
    <div class="client-foot">
      <button type="button" @click=${() => void app.newScenario(c.id)}>${t('scenario.new')}</button>
      <label class="file"
        >${t('files.importScenario', { client: isolate(c.name) })}
        <input type="file" accept=".json,application/json" @change=${pick}
      /></label>
    </div>
  </section>`;
}

function renderShare(app: MrrApp): TemplateResult | typeof nothing {
  const share = app.share;
  if (!share || !findScenario(app.store.ws, share.scenarioId)) return nothing;
  const t = app.i18n.t.bind(app.i18n);
  return html`<section
    class="share-panel"
    aria-labelledby="share-title"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && app.closeShare()}
  >
    <h3 id="share-title" tabindex="-1">${t('share.title', { name: isolate(share.name) })}</h3>
    ${
      share.tooLong
        ? html`<p class="notice warning" role="status" id="share-too-long">
              ${t('share.tooLong', { n: app.i18n.number(share.link.length) })}
            </p>
            <button type="button" id="share-download" @click=${() => app.downloadShareFile()}>${t('share.download')}</button>`
        : html`<label class="link"
              >${t('share.copy')}
              <input
                id="share-link"
                readonly
                .value=${share.link}
                @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
            /></label>
            <button type="button" id="share-copy" @click=${() => void app.copyShare()}>${t('share.copy')}</button>
            <span role="status">${share.copied ? t('share.copied') : ''}</span>`
    }
    <button type="button" @click=${() => app.closeShare()}>${t('share.close')}</button>
  </section>`;
}

function renderFiles(app: MrrApp): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const form = input.closest('section');
    const mode =
      form?.querySelector<HTMLInputElement>('input[name="import-mode"]:checked')?.value === 'merge' ? 'merge' : 'replace';
    if (file) void app.importWorkspace(file, { mode });
  };
  const notice = app.filesNotice;
  const persisted = app.persisted;
  return html`<section class="files" aria-labelledby="files-title">
    <h2 id="files-title">${t('files.title')}</h2>
    <p>${t('files.lead')}</p>
    ${
      persisted === undefined
        ? nothing
        : html`<p class="storage-state" id="storage-state">${t(persisted ? 'storage.persistent' : 'storage.bestEffort')}</p>`
    }
    <button type="button" id="export-workspace" @click=${() => void app.downloadWorkspace()}>${t('files.export')}</button>
    <fieldset>
      <legend>${t('files.mode')}</legend>
      <label><input type="radio" name="import-mode" value="replace" checked /> ${t('files.replace')}</label>
      <label><input type="radio" name="import-mode" value="merge" /> ${t('files.merge')}</label>
    </fieldset>
    <label class="file"
      >${t('files.import')} <input type="file" id="import-workspace" accept=".json,application/json" @change=${pick}
    /></label>
    <div role="status" id="files-notice">
      ${notice ? html`<p class=${notice.error ? 'notice error' : 'notice'}>${notice.text()}</p>` : nothing}
    </div>
  </section>`;
}

/** The workspace view: clients and their scenarios, the comparison, export and import. */
export function renderWorkspace(app: MrrApp): TemplateResult {
  const t = app.i18n.t.bind(app.i18n);
  return html`<p class="lead">${t('workspace.lead')}</p>
    <section class="clients" aria-labelledby="clients-title">
      <div class="section-head">
        <h2 id="clients-title">${t('workspace.title')}</h2>
        <button type="button" id="new-client" @click=${() => void app.newClient()}>${t('client.new')}</button>
      </div>
      ${renderShare(app)} ${liveClients(app.store.ws).map((c) => renderClient(app, c))}
    </section>
    ${renderCompare(app)} ${renderFiles(app)}`;
}
