import { html, nothing } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { ImportFatal, SkipCounts } from '../../src/import/types.js';
import { downloadText, named } from './format.js';
import { MAX_NAME_LENGTH } from '../../src/controllers/datasets-controller.js';
import { nearLimit } from '../../src/ui/text.js';
import '../../src/i18n/errors.js'; // the words of a refused rate (loaded with this report)
import type { ImportController, ImportStep } from '../../src/controllers/import-controller.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;
const SKIPS: readonly (keyof SkipCounts)[] = ['trial', 'zeroAmount', 'oneTime', 'status', 'emptyLine'];

/** The localized sentence for a refused file. */
export function fatalMessage(i18n: MovementsLocale, fatal: ImportFatal): string {
  const list = (fatal.code === 'badRate' ? fatal.missingRates : fatal.currencies)?.join(', ') ?? '';
  return i18n.t(`fatal.${fatal.code}`, { list, line: i18n.number(fatal.line ?? 0) });
}

/** A refused file: why, that nothing saved was touched, and the rates form for mixed currencies. */
export function renderRefused(i18n: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'refused' }>) {
  const { fatal } = step;
  const currencies =
    fatal.code === 'multipleCurrencies' || fatal.code === 'badRate' ? (fatal.currencies ?? fatal.missingRates ?? []) : [];
  const target = step.target && currencies.includes(step.target) ? step.target : (currencies[0] ?? '');
  const others = currencies.filter((c) => c !== target);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const typed: Record<string, string> = {};
    for (const code of currencies) {
      const rate = data.get(`rate-${code}`);
      if (code !== target) typed[code] = typeof rate === 'string' ? rate : '';
    }
    ctrl.retryWithRates(target, typed, i18n.locale);
  };
  return html`<div class="refused" id="import-error" role="alert">
      <p><strong>${fatalMessage(i18n, fatal)}</strong></p>
      <p>${i18n.t('nothingSaved')}</p>
    </div>
    ${
      currencies.length > 1 && step.retry
        ? html`<form class="rates" novalidate @submit=${onSubmit}>
            <fieldset>
              <legend>${i18n.t('ratesTitle')}</legend>
              <div class="field">
                <label for="target-currency">${i18n.t('targetCurrency')}</label>
                <div class="input-wrap">
                  <select
                    id="target-currency"
                    name="target-currency"
                    @change=${(e: Event) => ctrl.setTarget((e.target as HTMLSelectElement).value)}
                  >
                    ${currencies.map((c) => html`<option value=${c} ?selected=${c === target}>${c}</option>`)}
                  </select>
                </div>
              </div>
              <p class="hint" id="rates-hint">${i18n.t('ratesIntro', { target, others: others.join(', ') })}</p>
              ${others.map((code) => {
                const invalid = step.rateErrors?.includes(code) ?? false;
                return html`<div class="field" ?data-invalid=${invalid}>
                  <label for="rate-${code}">${i18n.t('rateLabel', { from: code, to: target })}</label>
                  <div class="input-wrap">
                    <input
                      id="rate-${code}"
                      name="rate-${code}"
                      type="text"
                      inputmode="decimal"
                      autocomplete="off"
                      aria-invalid=${invalid ? 'true' : 'false'}
                      aria-describedby=${invalid ? `rate-${code}-error` : nothing}
                    />
                  </div>
                  ${invalid ? html`<p class="error" id="rate-${code}-error">${i18n.c('error.notANumber')}</p>` : nothing}
                </div>`;
              })}
              <button type="submit" class="primary">${i18n.t('importAgain')}</button>
            </fieldset>
          </form>`
        : nothing
    }`;
}

/** What the import did: counts, rows left out and why, unreadable rows, and the save form. */
export function renderReport(i18n: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'report' }>) {
  const { report, columns } = step.result;
  const skipped = SKIPS.filter((k) => report.skipped[k] > 0);
  const errors = report.errors;
  return html`<div class="report" id="import-report" part="report">
    <h4 tabindex="-1">${i18n.t('reportTitle')}</h4>
    <dl class="facts">
      <div>
        <dt>${i18n.t('report.rows')}</dt>
        <dd data-report="rows">${i18n.number(report.rowsRead)}</dd>
      </div>
      <div>
        <dt>${i18n.t('report.periods')}</dt>
        <dd data-report="periods">${i18n.number(report.periodsImported)}</dd>
      </div>
      <div>
        <dt>${i18n.t('report.customers')}</dt>
        <dd data-report="customers">${i18n.number(report.customers)}</dd>
      </div>
      <div>
        <dt>${i18n.t('report.currency')}</dt>
        <dd data-report="currency">${report.currency}</dd>
      </div>
    </dl>
    <h5>${i18n.t('skippedTitle')}</h5>
    ${
      skipped.length === 0
        ? html`<p class="hint">${i18n.t('noneSkipped')}</p>`
        : html`<ul class="skips">
            ${skipped.map((k) => html`<li data-skip=${k}><span>${i18n.t(`skip.${k}`)}</span> <strong>${i18n.number(report.skipped[k])}</strong></li>`)}
          </ul>`
    }
    ${
      errors.count > 0
        ? html`<h5 id="errors-title">${i18n.t('errorsTitle', { n: i18n.number(errors.count) })}</h5>
            ${errors.count > errors.first.length ? html`<p class="hint">${i18n.t('errorsFirst', { n: i18n.number(errors.first.length) })}</p>` : nothing}
            <div class="table-scroll errors-scroll" tabindex="0" role="region" aria-labelledby="errors-title">
              <table id="errors-table">
                <thead>
                  <tr>
                    <th scope="col">${i18n.t('err.line')}</th>
                    <th scope="col">${i18n.t('err.reason')}</th>
                    <th scope="col">${i18n.t('err.column')}</th>
                    <th scope="col">${i18n.t('err.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${errors.first.map(
                    (e) =>
                      html`<tr data-line=${e.line} data-code=${e.code}>
                        <th scope="row">${i18n.number(e.line)}</th>
                        <td class="reason">
                          ${i18n.t(`err.${e.code}`, { n: i18n.number(e.cells ?? 0), expected: i18n.number(e.expected ?? 0) })}
                        </td>
                        <td><bdi>${e.column ?? ''}</bdi></td>
                        <td class="value"><bdi>${e.value ?? ''}</bdi></td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            <button
              type="button"
              id="download-errors"
              @click=${() =>
                // The row reader (and its CSV writer) loads with the import, not with the element.
                void import('../../src/import/rows.js').then(({ errorsToCsv }) =>
                  downloadText(errorsToCsv(errors), `${step.name || 'import'}-errors.csv`),
                )}
            >
              ${i18n.t('downloadErrors')}
            </button>`
        : nothing
    }
    ${columns.length === 0 ? html`<p class="notice" role="note">${i18n.t('nothingImported')}</p>` : renderSave(i18n, ctrl, step)}
  </div>`;
}

function renderSave(i18n: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'report' }>) {
  const saving = step.save === 'saving';
  return html`<form
    class="save"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void ctrl.save();
    }}
  >
    <div class="field" ?data-invalid=${step.nameError}>
      <label for="dataset-name">${i18n.t('datasetName')}</label>
      <div class="input-wrap">
        <input
          id="dataset-name"
          type="text"
          autocomplete="off"
          dir="auto"
          maxlength=${MAX_NAME_LENGTH}
          .value=${step.name}
          aria-invalid=${step.nameError ? 'true' : 'false'}
          aria-describedby=${step.nameError ? 'dataset-name-error dataset-name-counter' : 'dataset-name-counter'}
          @input=${(e: Event) => ctrl.setName((e.target as HTMLInputElement).value)}
        />
      </div>
      <span class="counter" id="dataset-name-counter" ?data-near=${nearLimit([...step.name].length, MAX_NAME_LENGTH)}
        >${i18n.t('nameCounter', { n: i18n.number([...step.name].length), max: i18n.number(MAX_NAME_LENGTH) })}</span
      >
      ${step.nameError ? html`<p class="error" id="dataset-name-error">${i18n.t('nameRequired')}</p>` : nothing}
    </div>
    ${
      step.save === 'saved'
        ? step.name !== step.record?.name
          ? html`<button type="submit" id="save-dataset">${i18n.t('saveName')}</button>`
          : nothing
        : html`<button type="submit" class="primary" id="save-dataset" ?disabled=${saving}>
            ${saving ? i18n.t('saving') : i18n.t('saveDataset')}
          </button>`
    }
    <div role="status" class="save-status">
      ${
        step.save === 'saved'
          ? html`<p class="ok saved-line">
              <span class="name-clamp" id="saved-message" tabindex="-1"
                >${named((mark) => i18n.t('savedAs', { name: mark }), step.record?.name ?? step.name)}</span
              >
              <button type="button" id="undo-save" @click=${() => ctrl.unsave()}>${i18n.c('common.undo')}</button>
            </p>`
          : step.undone && step.save === 'idle'
            ? html`<p id="save-undone">${i18n.t('undoneSave')}</p>`
            : nothing
      }
      ${
        step.save === 'failed'
          ? html`<p class="notice" part="notice" id="not-saved">
              ${step.failure === 'quota' ? i18n.c('storage.quota') : i18n.c('storage.unsaved')} ${i18n.t('notSavedData')}
            </p>`
          : nothing
      }
    </div>
  </form>`;
}
