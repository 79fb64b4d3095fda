import { html, nothing } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { DatasetRecord } from '../../src/storage/db.js';
import type { DatasetsController } from '../../src/controllers/datasets-controller.js';
import { MAX_NAME_LENGTH } from '../../src/controllers/datasets-controller.js';
import { nearLimit } from '../../src/ui/text.js';
import { formatTimestamp, named } from './format.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;

export interface DatasetsPanelActions {
  open(record: DatasetRecord): void;
  /** Focus helpers: the element moves focus after rename and delete. */
  afterRename(id: string): void;
  afterDelete(): void;
  afterUndo(id: string): void;
}

function renderRename(i18n: MovementsLocale, ctrl: DatasetsController, record: DatasetRecord, actions: DatasetsPanelActions) {
  const r = ctrl.renaming!;
  const id = `rename-${record.id}`;
  return html`<form
    class="rename"
    novalidate
    @submit=${async (e: Event) => {
      e.preventDefault();
      if (await ctrl.commitRename()) actions.afterRename(record.id);
    }}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      ctrl.cancelRename();
      actions.afterRename(record.id);
    }}
  >
    <div class="field" ?data-invalid=${r.error}>
      <label for=${id} class="name-clamp">${named((mark) => i18n.t('ds.newName', { name: mark }), record.name)}</label>
      <div class="input-wrap">
        <input
          id=${id}
          class="rename-input"
          type="text"
          autocomplete="off"
          .value=${r.value}
          dir="auto"
          maxlength=${MAX_NAME_LENGTH}
          aria-invalid=${r.error ? 'true' : 'false'}
          aria-describedby=${r.error ? `${id}-error ${id}-counter` : `${id}-counter`}
          @input=${(e: Event) => ctrl.typeName((e.target as HTMLInputElement).value)}
        />
      </div>
      <span class="counter" id="${id}-counter" ?data-near=${nearLimit([...r.value].length, MAX_NAME_LENGTH)}
        >${i18n.t('nameCounter', { n: i18n.number([...r.value].length), max: i18n.number(MAX_NAME_LENGTH) })}</span
      >
      ${r.error ? html`<p class="error" id="${id}-error">${i18n.t('ds.nameRequired')}</p>` : nothing}
    </div>
    <div class="actions">
      <button type="submit" class="primary">${i18n.t('ds.save')}</button>
      <button
        type="button"
        @click=${() => {
          ctrl.cancelRename();
          actions.afterRename(record.id);
        }}
      >
        ${i18n.t('ds.cancel')}
      </button>
    </div>
  </form>`;
}

/**
 * The saved datasets as a list of cards (a table would not fit 320 px): name, periods, date, and
 * Open / Rename / Delete. Delete hides the dataset at once and offers Undo for a few seconds.
 */
export function renderDatasetsPanel(
  i18n: MovementsLocale,
  ctrl: DatasetsController,
  currentId: string | null,
  actions: DatasetsPanelActions,
) {
  const list = ctrl.visible;
  const pending = ctrl.pendingDelete;
  return html`<section class="datasets" part="datasets" aria-labelledby="datasets-title">
    <h3 id="datasets-title">${i18n.t('datasetsTitle')}</h3>
    <div role="status" class="undo-status">
      ${
        pending
          ? html`<p class="notice undo">
              <span class="name-clamp">${named((mark) => i18n.t('ds.deleted', { name: mark }), pending.name)}</span>
              <button
                type="button"
                id="undo-delete"
                @click=${() => {
                  const record = ctrl.undo();
                  if (record) actions.afterUndo(record.id);
                }}
              >
                ${i18n.c('common.undo')}
              </button>
            </p>`
          : nothing
      }
      ${ctrl.failed ? html`<p class="notice">${i18n.t('ds.failed')}</p>` : nothing}
    </div>
    ${ctrl.status === 'ready' && list.length === 0 ? html`<p class="hint">${i18n.t('noDatasets')}</p>` : nothing}
    <ul class="dataset-list">
      ${list.map((d) => {
        const current = d.id === currentId;
        const renaming = ctrl.renaming?.id === d.id;
        return html`<li class="dataset" data-id=${d.id} ?data-current=${current}>
          ${
            renaming
              ? renderRename(i18n, ctrl, d, actions)
              : html`<div class="dataset-info">
                    <strong class="dataset-name" title=${d.name}><bdi>${d.name}</bdi></strong>
                    <span class="hint"
                      >${i18n.t('ds.periods')}: ${i18n.number(d.periodCount)} · ${d.currency} · ${i18n.t('ds.saved')}
                      ${formatTimestamp(d.updatedAt, i18n.locale)}</span
                    >
                  </div>
                  <div class="actions">
                    ${
                      current
                        ? html`<span class="current">${i18n.t('ds.current')}</span>`
                        : html`<button
                            type="button"
                            class="open"
                            aria-label=${i18n.t('ds.openLabel', { name: d.name })}
                            @click=${() => actions.open(d)}
                          >
                            ${i18n.t('ds.open')}
                          </button>`
                    }
                    <button
                      type="button"
                      class="rename-button"
                      aria-label=${i18n.t('ds.renameLabel', { name: d.name })}
                      @click=${() => ctrl.startRename(d)}
                    >
                      ${i18n.t('ds.rename')}
                    </button>
                    <button
                      type="button"
                      class="delete"
                      aria-label=${i18n.t('ds.deleteLabel', { name: d.name })}
                      @click=${() => {
                        ctrl.remove(d);
                        actions.afterDelete();
                      }}
                    >
                      ${i18n.t('ds.delete')}
                    </button>
                  </div>`
          }
        </li>`;
      })}
    </ul>
  </section>`;
}
