import { html, nothing } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import type { ImportFatal, SkipCounts } from '../../src/import/types.js';
import { downloadText, named } from './format.js';
import { MAX_NAME_LENGTH } from '../../src/controllers/datasets-controller.js';
import type { ImportController, ImportStep } from '../../src/controllers/import-controller.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;
const SKIPS: readonly (keyof SkipCounts)[] = ['trial', 'zeroAmount', 'oneTime', 'status', 'emptyLine'];

/** The localized sentence for a refused file. */
export function fatalMessage(l: MovementsLocale, fatal: ImportFatal): string {
  const list = (fatal.code === 'badRate' ? fatal.missingRates : fatal.currencies)?.join(', ') ?? '';
  return l.t(`fatal.${fatal.code}`, { list, line: l.number(fatal.line ?? 0) });
}

/** A refused file: why, that nothing saved was touched, and the rates form for mixed currencies. */
export function renderRefused(l: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'refused' }>) {
  const { fatal } = step;
  const currencies =
    fatal.code === 'multipleCurrencies' || fatal.code === 'badRate' ? (fatal.currencies ?? fatal.missingRates ?? []) : [];
  const target = step.target && currencies.includes(step.target) ? step.target : currencies[0];
  const others = currencies.filter((c) => c !== target);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const typed: Record<string, string> = {};
    for (const code of currencies) if (code !== target) typed[code] = String(data.get(`rate-${code}`) ?? '');
    ctrl.retryWithRates(target, typed, l.locale);
  };
  return html`<div class="refused" id="import-error" role="alert">
      <p><strong>${fatalMessage(l, fatal)}</strong></p>
      <p>${l.t('nothingSaved')}</p>
    </div>
    ${
      currencies.length > 1 && step.retry
        ? html`<form class="rates" novalidate @submit=${onSubmit}>
            <fieldset>
              <legend>${l.t('ratesTitle')}</legend>
              <div class="field">
                <label for="target-currency">${l.t('targetCurrency')}</label>
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
              <p class="hint" id="rates-hint">${l.t('ratesIntro', { target, others: others.join(', ') })}</p>
              ${others.map((code) => {
                const invalid = step.rateErrors?.includes(code) ?? false;
                return html`<div class="field" ?data-invalid=${invalid}>
                  <label for="rate-${code}">${l.t('rateLabel', { from: code, to: target })}</label>
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
                  ${invalid ? html`<p class="error" id="rate-${code}-error">${l.c('error.notANumber')}</p>` : nothing}
                </div>`;
              })}
              <button type="submit" class="primary">${l.t('importAgain')}</button>
            </fieldset>
          </form>`
        : nothing
    }`;
}

/** What the import did: counts, rows left out and why, unreadable rows, and the save form. */
export function renderReport(l: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'report' }>) {
  const { report, columns } = step.result;
  const skipped = SKIPS.filter((k) => report.skipped[k] > 0);
  const errors = report.errors;
  return html`<div class="report" id="import-report" part="report">
    <h4 tabindex="-1">${l.t('reportTitle')}</h4>
    <dl class="facts">
      <div>
        <dt>${l.t('report.rows')}</dt>
        <dd data-report="rows">${l.number(report.rowsRead)}</dd>
      </div>
      <div>
        <dt>${l.t('report.periods')}</dt>
        <dd data-report="periods">${l.number(report.periodsImported)}</dd>
      </div>
      <div>
        <dt>${l.t('report.customers')}</dt>
        <dd data-report="customers">${l.number(report.customers)}</dd>
      </div>
      <div>
        <dt>${l.t('report.currency')}</dt>
        <dd data-report="currency">${report.currency}</dd>
      </div>
    </dl>
    <h5>${l.t('skippedTitle')}</h5>
    ${
      skipped.length === 0
        ? html`<p class="hint">${l.t('noneSkipped')}</p>`
        : html`<ul class="skips">
            ${skipped.map((k) => html`<li data-skip=${k}><span>${l.t(`skip.${k}`)}</span> <strong>${l.number(report.skipped[k])}</strong></li>`)}
          </ul>`
    }
    ${
      errors.count > 0
        ? html`<h5 id="errors-title">${l.t('errorsTitle', { n: l.number(errors.count) })}</h5>
            ${errors.count > errors.first.length ? html`<p class="hint">${l.t('errorsFirst', { n: l.number(errors.first.length) })}</p>` : nothing}
            <div class="table-scroll errors-scroll" tabindex="0" role="region" aria-labelledby="errors-title">
              <table id="errors-table">
                <thead>
                  <tr>
                    <th scope="col">${l.t('err.line')}</th>
                    <th scope="col">${l.t('err.reason')}</th>
                    <th scope="col">${l.t('err.column')}</th>
                    <th scope="col">${l.t('err.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${errors.first.map(
                    (e) =>
                      html`<tr data-line=${e.line} data-code=${e.code}>
                        <th scope="row">${l.number(e.line)}</th>
                        <td class="reason">
                          ${l.t(`err.${e.code}`, { n: l.number(e.cells ?? 0), expected: l.number(e.expected ?? 0) })}
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
              ${l.t('downloadErrors')}
            </button>`
        : nothing
    }
    ${columns.length === 0 ? html`<p class="notice" role="note">${l.t('nothingImported')}</p>` : renderSave(l, ctrl, step)}
  </div>`;
}

function renderSave(l: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'report' }>) {
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
      <label for="dataset-name">${l.t('datasetName')}</label>
      <div class="input-wrap">
        <input
          id="dataset-name"
          type="text"
          autocomplete="off"
          dir="auto"
          maxlength=${MAX_NAME_LENGTH}
          .value=${step.name}
          ?readonly=${step.save === 'saved'}
          aria-invalid=${step.nameError ? 'true' : 'false'}
          aria-describedby=${step.nameError ? 'dataset-name-error dataset-name-counter' : 'dataset-name-counter'}
          @input=${(e: Event) => ctrl.setName((e.target as HTMLInputElement).value)}
        />
      </div>
      <span class="counter" id="dataset-name-counter"
        >${l.t('nameCounter', { n: l.number([...step.name].length), max: l.number(MAX_NAME_LENGTH) })}</span
      >
      ${step.nameError ? html`<p class="error" id="dataset-name-error">${l.t('nameRequired')}</p>` : nothing}
    </div>
    ${
      step.save === 'saved'
        ? nothing
        : html`<button type="submit" class="primary" id="save-dataset" ?disabled=${saving}>
            ${saving ? l.t('saving') : l.t('saveDataset')}
          </button>`
    }
    <div role="status" class="save-status">
      ${
        step.save === 'saved'
          ? html`<p class="ok name-clamp" id="saved-message" tabindex="-1">
              ${named((mark) => l.t('savedAs', { name: mark }), step.name)}
            </p>`
          : nothing
      }
      ${
        step.save === 'failed'
          ? html`<p class="notice" part="notice" id="not-saved">
              ${step.failure === 'quota' ? l.c('storage.quota') : l.c('storage.unsaved')} ${l.t('notSavedData')}
            </p>`
          : nothing
      }
    </div>
  </form>`;
}
