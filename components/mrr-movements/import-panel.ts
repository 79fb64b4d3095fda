import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { parseDateCell } from '../../src/import/dates.js';
import { REQUIRED_FIELDS } from '../../src/import/fields.js';
import { formatBytes, formatDay, named } from './format.js';
import { type ImportController, type ImportStep, MAPPED_FIELDS } from '../../src/controllers/import-controller.js';
import { renderRefused, renderReport } from './import-report.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;

function filesOf(e: Event): File | undefined {
  const list = (e as DragEvent).dataTransfer?.files ?? (e.target as HTMLInputElement).files;
  return list?.[0] ?? undefined;
}

/** The file step: a real labelled file input (keyboard users), inside a drop zone (mouse users). */
/**
 * The browser's own "Choose file / No file chosen" texts follow its UI language, not the
 * element's: the input stays focusable but invisible, under a localized button-like label.
 */
function renderFilePicker(i18n: MovementsLocale, ctrl: ImportController): TemplateResult {
  const zone = (e: Event, on: boolean) => {
    e.preventDefault();
    (e.currentTarget as HTMLElement).toggleAttribute('data-dragging', on);
  };
  return html`<div
    class="dropzone"
    part="dropzone"
    @pointerenter=${() => ctrl.warm()}
    @focusin=${() => ctrl.warm()}
    @dragenter=${(e: DragEvent) => {
      ctrl.warm();
      zone(e, true);
    }}
    @dragover=${(e: DragEvent) => zone(e, true)}
    @dragleave=${(e: DragEvent) => zone(e, false)}
    @drop=${(e: DragEvent) => {
      zone(e, false);
      const file = filesOf(e);
      if (file) void ctrl.choose(file);
    }}
  >
    <input
      id="file"
      part="file-input"
      type="file"
      class="file"
      accept=".csv,text/csv"
      aria-describedby="drop-hint"
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = filesOf(e);
        if (file) void ctrl.choose(file);
        // Choosing the same file again must fire change again.
        input.value = '';
      }}
    />
    <label for="file" class="file-button">${i18n.t('pickFile')}</label>
    <p class="hint" id="drop-hint">${i18n.t('dropHint')}</p>
  </div>`;
}

/** An ambiguous cell of the start column, for the date-format question. */
function ambiguousSample(step: Extract<ImportStep, { kind: 'mapping' }>): string | undefined {
  const col = step.mapping.start === null ? -1 : step.sniff.headers.indexOf(step.mapping.start);
  if (col < 0) return undefined;
  const cells = step.sniff.sampleRows.map((r) => (r[col] ?? '').trim()).filter(Boolean);
  return (
    cells.find(
      (c) => parseDateCell(c, 'dmy') && parseDateCell(c, 'mdy') && parseDateCell(c, 'dmy') !== parseDateCell(c, 'mdy'),
    ) ?? cells[0]
  );
}

function renderDateQuestion(i18n: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'mapping' }>) {
  if (step.sniff.dateFormat !== 'ambiguous') return nothing;
  const sample = ambiguousSample(step) ?? '';
  const missing = step.attempted && step.dateFormat === null;
  const option = (format: 'dmy' | 'mdy') => {
    const day = parseDateCell(sample, format);
    return html`<label class="choice"
      ><input
        type="radio"
        name="date-format"
        value=${format}
        .checked=${step.dateFormat === format}
        @change=${() => ctrl.setDateFormat(format)}
      />
      <span
        >${i18n.t(format)}${day ? html` <span class="hint">(${i18n.t('dateExample', { value: sample, date: formatDay(day, i18n.locale) })})</span>` : nothing}</span
      ></label
    >`;
  };
  return html`<fieldset
    class="date-format"
    id="date-format"
    aria-describedby=${missing ? 'date-format-error' : 'date-format-hint'}
  >
    <legend>${i18n.t('dateFormat')}</legend>
    <p class="hint" id="date-format-hint">${i18n.t('dateAmbiguous', { value: sample })}</p>
    ${option('dmy')} ${option('mdy')}
    ${missing ? html`<p class="error" id="date-format-error">${i18n.t('dateRequired')}</p>` : nothing}
  </fieldset>`;
}

type MappingStep = Extract<ImportStep, { kind: 'mapping' }>;

/** One required-or-optional choice of the mapping step, as a fieldset of radio buttons. */
function renderQuestion<T extends string | boolean>(
  id: string,
  legend: string,
  hint: string,
  options: ReadonlyArray<{ value: T; label: string }>,
  chosen: T | null,
  missing: boolean,
  missingText: string,
  onChoose: (value: T) => void,
) {
  return html`<fieldset class="question" id=${id} aria-describedby=${missing ? `${id}-error ${id}-hint` : `${id}-hint`}>
    <legend>${legend}</legend>
    <p class="hint" id="${id}-hint">${hint}</p>
    ${options.map(
      (o) =>
        html`<label class="choice"
          ><input
            type="radio"
            name=${id}
            value=${String(o.value)}
            .checked=${chosen === o.value}
            @change=${() => onChoose(o.value)}
          />
          <span>${o.label}</span></label
        >`,
    )}
    ${missing ? html`<p class="error" id="${id}-error">${missingText}</p>` : nothing}
  </fieldset>`;
}

/** The questions the file raises: how decimals are written, cents, a cancellation column. */
function renderFileQuestions(i18n: MovementsLocale, ctrl: ImportController, step: MappingStep) {
  const { sniff } = step;
  const unanswered = step.attempted ? ctrl.unanswered : [];
  const amountCol = step.mapping.amount === null ? -1 : sniff.headers.indexOf(step.mapping.amount);
  const amountSample =
    (amountCol >= 0 ? sniff.sampleRows.map((r) => (r[amountCol] ?? '').trim()).find((v) => v !== '') : undefined) ?? '';
  const twoWay = sniff.twoWayAmount ?? '';
  const numberQuestion =
    sniff.numberFormat === 'unknown'
      ? nothing
      : renderQuestion<'dot' | 'comma'>(
          'number-format',
          i18n.t('numberFormat'),
          sniff.numberFormat === 'ambiguous'
            ? i18n.t('numberAmbiguous', { value: twoWay })
            : i18n.t('numberDetected', { format: sniff.numberFormat === 'dot' ? '1,234.56' : '1.234,56' }),
          [
            { value: 'dot', label: i18n.t('numberDot') },
            { value: 'comma', label: i18n.t('numberComma') },
          ],
          step.numberFormat,
          unanswered.includes('numberFormat'),
          i18n.t('numberRequired'),
          (numberFormat) => ctrl.answer({ numberFormat }),
        );
  const minorQuestion =
    step.sniff.amountLooksLikeMinorUnits && amountSample
      ? renderQuestion<boolean>(
          'minor-units',
          i18n.t('centsQuestion'),
          i18n.t('centsHint', { value: amountSample }),
          [
            {
              value: true,
              label: i18n.t('centsYes', { value: amountSample, major: i18n.number(Number(amountSample) / 100, 2) }),
            },
            { value: false, label: i18n.t('centsNo', { value: amountSample, major: i18n.number(Number(amountSample), 2) }) },
          ],
          step.minorUnits,
          unanswered.includes('minorUnits'),
          i18n.t('answerRequired'),
          (minorUnits) => ctrl.answer({ minorUnits }),
        )
      : nothing;
  const column = sniff.cancellationColumn ?? '';
  const cancelQuestion =
    column && step.mapping.end === null
      ? renderQuestion<boolean>(
          'cancel-as-end',
          i18n.t('cancelQuestion', { column }),
          i18n.t('cancelHint', { column }),
          [
            { value: false, label: i18n.t('cancelNo') },
            { value: true, label: i18n.t('cancelYes', { column }) },
          ],
          step.cancelAsEnd,
          unanswered.includes('cancelAsEnd'),
          i18n.t('answerRequired'),
          (cancelAsEnd) => ctrl.answer({ cancelAsEnd }),
        )
      : nothing;
  return html`${numberQuestion}${minorQuestion}${cancelQuestion}`;
}

function renderMapping(i18n: MovementsLocale, ctrl: ImportController, step: MappingStep) {
  const { sniff, mapping } = step;
  const issues = ctrl.issues;
  const sample = (column: string | null) => {
    const i = column === null ? -1 : sniff.headers.indexOf(column);
    const value = i >= 0 ? sniff.sampleRows.find((r) => (r[i] ?? '').trim() !== '')?.[i] : undefined;
    if (!value) return undefined;
    // A cell of the file: isolated, so "2024-01-05" is not reordered inside an Arabic sentence.
    return named((mark) => i18n.t('sampleValue', { value: mark }), value.length > 40 ? `${value.slice(0, 40)}…` : value);
  };
  return html`<form
    class="mapping"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      if (!ctrl.start()) {
        const host = (e.target as HTMLElement).getRootNode() as ShadowRoot;
        void Promise.resolve().then(() =>
          host.querySelector<HTMLElement>('[aria-invalid="true"], fieldset:has(.error) input, #date-format input')?.focus(),
        );
      }
    }}
  >
    <h4>${i18n.t('mappingTitle')}</h4>
    <p class="hint">
      ${named((mark) => i18n.t('fileInfo', { name: mark, size: formatBytes(step.file.size, i18n.locale) }), step.file.name)}.
      ${i18n.t('mappingIntro')}
    </p>
    ${
      sniff.warnings.includes('singleColumn') && sniff.suspectedDelimiter
        ? html`<p class="notice" role="note">${i18n.t('delimiterWarning', { delimiter: sniff.suspectedDelimiter })}</p>`
        : nothing
    }
    ${sniff.warnings.includes('unknownDates') ? html`<p class="notice" role="note">${i18n.t('unknownDates')}</p>` : nothing}
    <div class="map-grid">
      ${MAPPED_FIELDS.map((field) => {
        const issue = issues[field];
        const id = `map-${field}`;
        const hint = sample(mapping[field]);
        const describedBy = [issue ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
        return html`<div class="field" ?data-invalid=${!!issue}>
          <label for=${id}
            >${i18n.t(`field.${field}`)}${REQUIRED_FIELDS.includes(field) ? html` <span class="req">(${i18n.t('required')})</span>` : nothing}</label
          >
          <div class="input-wrap">
            <select
              id=${id}
              aria-invalid=${issue ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy || undefined)}
              @change=${(e: Event) => ctrl.setMapping({ [field]: (e.target as HTMLSelectElement).value || null })}
            >
              <option value="" ?selected=${mapping[field] === null}>${i18n.t('noColumn')}</option>
              ${sniff.headers.map((h) => html`<option value=${h} ?selected=${mapping[field] === h}>${h}</option>`)}
            </select>
          </div>
          ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
          ${issue ? html`<p class="error" id="${id}-error">${i18n.t(`issue.${issue.code}`)}</p>` : nothing}
        </div>`;
      })}
    </div>
    <div class="checks">
      <label class="choice"
        ><input
          type="checkbox"
          .checked=${mapping.amountIsMonthly}
          @change=${(e: Event) => ctrl.setMapping({ amountIsMonthly: (e.target as HTMLInputElement).checked })}
        />
        ${i18n.t('amountIsMonthly')}</label
      >
      ${
        sniff.amountLooksLikeMinorUnits
          ? nothing
          : html`<label class="choice"
              ><input
                type="checkbox"
                .checked=${mapping.amountInMinorUnits}
                @change=${(e: Event) => ctrl.setMapping({ amountInMinorUnits: (e.target as HTMLInputElement).checked })}
              />
              ${i18n.t('amountInMinorUnits')}</label
            >`
      }
    </div>
    ${renderDateQuestion(i18n, ctrl, step)} ${renderFileQuestions(i18n, ctrl, step)}
    <div class="actions">
      <button type="submit" class="primary" id="start-import">${i18n.t('startImport')}</button>
      <button type="button" @click=${() => ctrl.reset()}>${i18n.t('chooseAnother')}</button>
    </div>
  </form>`;
}

function renderProgress(i18n: MovementsLocale, ctrl: ImportController, step: Extract<ImportStep, { kind: 'importing' }>) {
  const p = step.progress;
  return html`<div class="progress" part="progress">
    <p class="name-clamp"><strong>${named((mark) => i18n.t('importing', { name: mark }), step.file.name)}</strong></p>
    <progress
      id="import-progress"
      max="1"
      value=${ifDefined(p ? p.fraction : undefined)}
      aria-label=${i18n.t('progressLabel')}
    ></progress>
    <p class="hint" id="progress-text">
      ${p ? i18n.t('progressText', { rows: i18n.number(p.rowsRead), rate: i18n.number(p.rowsPerSecond) }) : ''}
    </p>
    <button type="button" id="cancel-import" @click=${() => ctrl.cancel()}>${i18n.t('cancelImport')}</button>
  </div>`;
}

/** The whole import panel: file picker, then the current step. */
export function renderImportPanel(i18n: MovementsLocale, ctrl: ImportController) {
  const step = ctrl.step;
  let body: TemplateResult | typeof nothing = nothing;
  if (step.kind === 'sniffing') body = html`<p role="status">${i18n.t('sniffing')}</p>`;
  else if (step.kind === 'mapping') body = renderMapping(i18n, ctrl, step);
  else if (step.kind === 'importing') body = renderProgress(i18n, ctrl, step);
  else if (step.kind === 'cancelled')
    body = html`<p class="notice" role="status" id="import-cancelled">${i18n.t('cancelled')}</p>`;
  else if (step.kind === 'refused') body = renderRefused(i18n, ctrl, step);
  else if (step.kind === 'report') body = renderReport(i18n, ctrl, step);
  return html`<section class="import" part="import" aria-labelledby="import-title">
    <h3 id="import-title">${i18n.t('importTitle')}</h3>
    ${step.kind === 'importing' || step.kind === 'mapping' ? nothing : renderFilePicker(i18n, ctrl)} ${body}
  </section>`;
}
