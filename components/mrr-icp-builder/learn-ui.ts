/**
 * What "Learn from your clients" shows once a file is picked (loaded then, with the CSV reader:
 * learn-panel.ts holds the file input): a CSV of existing clients → `learnIcp` suggestions with their evidence
 * (counts, share, MRR, churn, lift and a small chart), accepted or rejected one by one, and the
 * suggested profile checked on held-back clients (`holdoutCheck`), said in words.
 */
import { html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HoldoutReport, IcpFieldStats, IcpLearnTarget, IcpValueStats, LearnedIcp } from '../../src/core/icp-learn.js';
import type { IcpCriterion, IcpRange } from '../../src/core/icp.js';
import { toMinor } from '../../src/core/money.js';
import type { CsvRecords } from './csv-records.js';
import type * as ImportLib from './import-lib.js';
import {
  fatalMessage,
  fieldLabel,
  isolate,
  numberFormatQuestion,
  plural,
  type LineError,
  renderLineErrors,
  selectField,
  sentence,
} from './fields.js';
import { rangeWords } from './criteria.js';
import { reasonValue } from './fit-view.js';

interface ClientColumns {
  mrr: string;
  start: string;
  end: string;
}

const MRR_HEADERS = [
  'mrr',
  'monthly amount',
  'monthly revenue',
  'monthly recurring revenue',
  'amount',
  'price',
  'monthly fee',
  'fee',
];
const START_HEADERS = [
  'start',
  'start date',
  'started at',
  'client since',
  'since',
  'signed',
  'signed at',
  'created',
  'created at',
];
const END_HEADERS = ['end', 'end date', 'ended at', 'churned at', 'churn date', 'cancelled at', 'canceled at', 'left at'];
/** Columns that name a client rather than describe it: not offered as fields to learn from. */
const ID_HEADERS = ['id', 'client', 'client id', 'customer', 'customer id', 'name', 'email', 'account', 'account id', 'company'];

import { type LearnHost, loadImportLib } from './learn-panel.js';

const guess = (lib: typeof ImportLib, headers: string[], names: string[]) =>
  names.map((n) => headers.find((h) => lib.normalizeHeader(h) === n)).find((h) => h !== undefined) ?? '';

export class LearnUi {
  private lib?: typeof ImportLib;
  private records?: CsvRecords;
  private busy = false;
  private columns: ClientColumns = { mrr: '', start: '', end: '' };
  private fields = new Set<string>();
  private target: IcpLearnTarget = 'value';
  private learned?: LearnedIcp;
  private holdout?: HoldoutReport;
  private decisions = new Map<string, 'accepted' | 'rejected'>();
  private skippedLines: LineError[] = [];
  private missing = false;
  /** The numbers of the chosen columns read two ways (`1.200`): this cell is shown in the question. */
  private numberSample?: string;
  private numberAnswer?: 'dot' | 'comma';
  private numberMissing = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: LearnHost,
  ) {}

  /** Reads a clients CSV (a `File` from the picker, or text in tests) and guesses its columns. */
  async load(input: Blob | string): Promise<void> {
    this.busy = true;
    this.learned = undefined;
    this.holdout = undefined;
    this.decisions = new Map();
    this.numberSample = undefined;
    this.numberAnswer = undefined;
    this.numberMissing = false;
    this.host.requestUpdate();
    const lib = (this.lib ??= await loadImportLib());
    const records = await lib.readCsvRecords(input);
    this.records = records;
    this.busy = false;
    const h = records.headers;
    this.columns = { mrr: guess(lib, h, MRR_HEADERS), start: guess(lib, h, START_HEADERS), end: guess(lib, h, END_HEADERS) };
    const used = new Set(Object.values(this.columns));
    this.fields = new Set(h.filter((x) => !used.has(x) && !ID_HEADERS.includes(lib.normalizeHeader(x))));
    this.host.requestUpdate();
    // A refused file is said once, by its alert in the panel.
    if (!records.fatal)
      this.o.say(
        this.o.i18n.t(plural(this.o.i18n, 'clientsRead', records.rows.length), { n: this.o.i18n.number(records.rows.length) }),
      );
  }

  /** Runs learnIcp and the held-back check on the loaded clients. */
  run(): void {
    const r = this.records;
    const lib = this.lib;
    if (!r || r.fatal || !lib) return;
    const { mrr, start, end } = this.columns;
    this.missing = !mrr || !start;
    if (this.missing) return this.host.requestUpdate();
    const fields = r.headers.filter((h) => this.fields.has(h));
    // The date format from the cells themselves (the import's detector); unclear means ISO.
    const samples = r.rows.slice(0, 200).flatMap((row) => [row[start] ?? '', end ? (row[end] ?? '') : '']);
    const detected = lib.detectDateFormat(samples);
    const format = detected === 'dmy' || detected === 'mdy' || detected === 'unix' ? detected : 'iso';
    // Dates are read by the import's date reader (one rule for the whole kit); unreadable text is
    // passed on as it is, so the core reports the client as skipped and we can say which line.
    const date = (text: string) => (text.trim() === '' ? '' : (lib.parseDateCell(text.trim(), format) ?? text));
    // Numbers as every import reads them (the file's format, asked when they read two ways: `1.200`).
    const numberSamples = lib.sampleCells(r.rows, [mrr, ...fields], 5000);
    const detectedNumbers = lib.detectNumberFormat(numberSamples);
    this.numberSample = detectedNumbers === 'ambiguous' ? (lib.twoWaySample(numberSamples) ?? '') : undefined;
    if (this.numberSample !== undefined && !this.numberAnswer) {
      this.numberMissing = true;
      return this.host.requestUpdate();
    }
    const numberFormat =
      this.numberSample !== undefined
        ? this.numberAnswer
        : detectedNumbers === 'dot' || detectedNumbers === 'comma'
          ? detectedNumbers
          : undefined;
    const number = (text: string | undefined) => lib.plainNumberText(text ?? '', numberFormat);
    const clients = r.rows.map((row) => {
      const client: Record<string, unknown> = {
        mrr: number(row[mrr]),
        start: date(row[start] ?? ''),
        end: end ? date(row[end] ?? '') : '',
      };
      for (const f of fields) client[f] = row[f] === undefined ? undefined : number(row[f]);
      return client as { mrr: string; start: string; end: string };
    });
    const options = { fields, asOf: new Date().toISOString().slice(0, 10), target: this.target, currency: this.o.currency() };
    this.learned = lib.learnIcp(clients, options);
    this.holdout = lib.holdoutCheck(clients, options);
    const columnOf: Record<string, string> = { badMrr: mrr, badStart: start, badEnd: end, endBeforeStart: end };
    // r.lines holds the file line of each row of r.rows, and s.index is a row index.
    this.skippedLines = this.learned.skipped.map((s) => ({ line: r.lines[s.index]!, code: s.code, column: columnOf[s.code] }));
    this.decisions = new Map();
    this.host.requestUpdate();
    this.o.say(this.holdoutSentence());
  }

  /** The held-back check in words: its result, or why it was skipped. */
  private holdoutSentence(): string {
    const h = this.holdout;
    const i18n = this.o.i18n;
    if (!h) return '';
    if (h.notChecked) return i18n.t(`holdout.${h.notChecked}`, { min: i18n.number(h.learned.minSample) });
    const result = i18n.t(plural(i18n, 'holdout.result', h.highValue), {
      hits: i18n.number(h.highValueInAB),
      total: i18n.number(h.highValue),
    });
    // Against chance: a profile that put as many held-back clients in A–B at random.
    if (h.chanceInAB === null || h.verdict === null) return result;
    return `${result} ${i18n.t('holdout.chance', { chance: i18n.number(h.chanceInAB, 1), verdict: i18n.t(`holdout.${h.verdict}`) })}`;
  }

  /** Why no weight is suggested: too few clients, or no split between good clients and others; null when some can be. */
  private noSuggestionsReason(learned: LearnedIcp): string | null {
    const i18n = this.o.i18n;
    if (learned.warnings.includes('tooFewClients'))
      return i18n.t('learn.tooFew', { min: i18n.number(learned.minSample), n: i18n.number(learned.clients) });
    if (learned.warnings.includes('noContrast')) return i18n.t(learned.highValue > 0 ? 'learn.allGood' : 'learn.noneGood');
    return null;
  }

  /** The criterion a field's suggestion stands for (from the learned ICP, or built from its values). */
  private criterionOf(stats: IcpFieldStats): IcpCriterion {
    const fromIcp = this.learned?.icp.criteria.find((c) => c.field === stats.field);
    if (fromIcp) return fromIcp;
    const of = (s: IcpValueStats['suggestion']) => stats.values.filter((v) => v.suggestion === s).map((v) => v.value);
    const base = { id: stats.field, field: stats.field, weight: stats.weight };
    if (stats.type === 'number')
      return {
        ...base,
        type: 'number',
        ideal: of('ideal') as IcpRange[],
        acceptable: of('acceptable') as IcpRange[],
        disqualify: of('disqualify') as IcpRange[],
      };
    if (stats.type === 'boolean')
      return {
        ...base,
        type: 'boolean',
        ideal: of('ideal') as boolean[],
        acceptable: of('acceptable') as boolean[],
        disqualify: of('disqualify') as boolean[],
      };
    return {
      ...base,
      type: 'category',
      ideal: of('ideal') as string[],
      acceptable: of('acceptable') as string[],
      disqualify: of('disqualify') as string[],
    };
  }

  private decide(stats: IcpFieldStats, decision: 'accepted' | 'rejected'): void {
    const i18n = this.o.i18n;
    this.decisions = new Map(this.decisions).set(stats.field, decision);
    const field = fieldLabel(i18n, stats.field);
    if (decision === 'accepted') {
      this.o.accept(this.criterionOf(stats));
      this.o.say(i18n.t('accepted', { field: isolate(field), name: isolate(this.o.profileName()) }));
    } else this.o.say(i18n.t('rejected', { field: isolate(field) }));
    this.host.requestUpdate();
  }

  /** A value as words: category text, Yes/No, or a range "10–50", "1,000 or more", "under 100". */
  valueText(value: IcpValueStats['value']): string {
    const i18n = this.o.i18n;
    if (typeof value === 'string' || typeof value === 'boolean') return reasonValue(i18n, value);
    const bound = (x: number | null | undefined) => (x === null || x === undefined ? null : i18n.number(x, 2));
    return rangeWords(i18n, bound(value.min), bound(value.max));
  }

  /** What follows the file input: reading, a refused file, the columns to learn from, the suggestions. */
  render(): TemplateResult {
    const i18n = this.o.i18n;
    const t = i18n.t.bind(i18n);
    const r = this.records;
    return html`${this.busy ? html`<p role="status">${t('reading')}</p>` : nothing}
    ${r?.fatal ? html`<p class="errors" role="alert">${fatalMessage(i18n, r.fatal, r.fatalLine)}</p>` : nothing}
    ${r && !r.fatal ? this.renderSetup(r) : nothing} ${this.learned ? this.renderLearned(this.learned) : nothing}`;
  }

  private renderSetup(r: CsvRecords): TemplateResult {
    const i18n = this.o.i18n;
    const t = i18n.t.bind(i18n);
    const options = ['', ...r.headers];
    const column = (key: keyof ClientColumns, label: string) =>
      selectField({
        id: `clients-${key}`,
        label,
        value: this.columns[key],
        options,
        text: (h) => (h === '' ? t('noColumn') : h),
        onChange: (v) => {
          this.columns = { ...this.columns, [key]: v };
          this.host.requestUpdate();
        },
      });
    const least = this.lib?.ICP_LEARN_MIN_CLIENTS;
    return html`<p>${t(plural(i18n, 'clientsRead', r.rows.length), { n: i18n.number(r.rows.length) })}</p>
      ${least === undefined ? nothing : html`<p class="hint" data-learn-minimum>${t('learnMinimum', { min: i18n.number(least) })}</p>`}
      ${renderLineErrors(i18n, [...r.errors, ...this.skippedLines])}
      <div class="row">
        ${column('mrr', t('mrrColumn'))} ${column('start', t('startColumn'))} ${column('end', t('endColumn'))}
      </div>
      <fieldset class="checks-set">
        <legend>${t('learnFields')}</legend>
        <div class="checks">
          ${r.headers
            .filter((h) => !Object.values(this.columns).includes(h))
            .map(
              (h) =>
                html`<label
                  ><input
                    type="checkbox"
                    data-field=${h}
                    .checked=${this.fields.has(h)}
                    @change=${(e: Event) => {
                      const next = new Set(this.fields);
                      if ((e.target as HTMLInputElement).checked) next.add(h);
                      else next.delete(h);
                      this.fields = next;
                      this.host.requestUpdate();
                    }}
                  /><bdi>${fieldLabel(i18n, h)}</bdi></label
                >`,
            )}
        </div>
      </fieldset>
      <fieldset class="mode">
        <legend>${t('highValue')}</legend>
        ${(['value', 'retention'] as const).map(
          (target) =>
            html`<label
              ><input
                type="radio"
                name="learn-target"
                value=${target}
                .checked=${this.target === target}
                @change=${() => {
                  this.target = target;
                  this.host.requestUpdate();
                }}
              />${t(target === 'value' ? 'highValue.revenue' : 'highValue.retention')}</label
            >`,
        )}
      </fieldset>
      ${
        this.numberSample === undefined
          ? nothing
          : numberFormatQuestion(i18n, {
              id: 'clients-number-format',
              sample: this.numberSample,
              value: this.numberAnswer,
              missing: this.numberMissing && !this.numberAnswer,
              onChoose: (value) => {
                this.numberAnswer = value;
                this.numberMissing = false;
                this.host.requestUpdate();
              },
            })
      }
      ${this.missing ? html`<p class="errors" role="alert">${t('learnMissing')}</p>` : nothing}
      <button type="button" class="primary" id="learn-run" @click=${() => this.run()}>${t('learnButton')}</button>`;
  }

  private renderLearned(learned: LearnedIcp): TemplateResult {
    const i18n = this.o.i18n;
    const t = i18n.t.bind(i18n);
    const none = this.noSuggestionsReason(learned);
    if (none !== null)
      return html`<div class="suggestions" data-suggestions>
        <h4>${t('suggestions')}</h4>
        <p class="note" data-no-suggestions>${none}</p>
        <p class="holdout" data-holdout>${this.holdoutSentence()}</p>
      </div>`;
    return html`<div class="suggestions" data-suggestions>
      <h4>${t('suggestions')}</h4>
      <p class="hint">${t('suggestionsHint')}</p>
      <p class="holdout" data-holdout>${this.holdoutSentence()}</p>
      ${learned.fields.map((f) => this.renderField(f))}
      <div class="actions">
        <button type="button" id="learn-accept-all" @click=${() => this.o.acceptAll(learned.icp)}>${t('acceptAll')}</button>
        <button type="button" id="learn-replace" @click=${() => this.o.replaceActive(learned.icp)}>
          ${t('replaceWithLearned')}
        </button>
      </div>
    </div>`;
  }

  private renderField(stats: IcpFieldStats): TemplateResult {
    const i18n = this.o.i18n;
    const t = i18n.t.bind(i18n);
    const decided = this.decisions.get(stats.field);
    const label = fieldLabel(i18n, stats.field);
    const money = (v: number) => i18n.money(toMinor(v, this.o.currency()), this.o.currency(), { round: true });
    const titleId = `suggestion-${CSS.escape(stats.field)}`;
    return html`<article class="suggestion" data-suggestion=${stats.field} ?data-decided=${!!decided} aria-labelledby=${titleId}>
      <h4 id=${titleId}><bdi>${label}</bdi></h4>
      <p>${t('suggestedWeight', { weight: i18n.number(stats.weight), iv: i18n.number(stats.informationValue, 2) })}</p>
      ${stats.suspicious ? html`<p class="flag" data-suspicious>${t('suspicious')}</p>` : nothing}
      ${this.renderChart(stats, label)}
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby=${titleId}>
        <table>
          <thead>
            <tr>
              <th scope="col">${t('col.value')}</th>
              <th scope="col">${t('col.clients')}</th>
              <th scope="col">${t('col.share')}</th>
              <th scope="col">${t('col.avgMrr')}</th>
              <th scope="col">${t('col.churn')}</th>
              <th scope="col">${t('col.ltv')}</th>
              <th scope="col">${t('col.lift')}</th>
              <th scope="col">${t('col.suggestion')}</th>
            </tr>
          </thead>
          <tbody>
            ${stats.values.map(
              (v) =>
                html`<tr>
                  <th scope="row"><bdi>${this.valueText(v.value)}</bdi></th>
                  <td>${i18n.number(v.clients)}</td>
                  <td>${i18n.percent(v.share * 100, 0)}</td>
                  <td>${money(v.avgMrr)}</td>
                  <td>${i18n.percent(v.churnRate * 100, 0)}</td>
                  <td>${money(v.avgLifetimeValue)}</td>
                  <td>${v.lift === null ? i18n.c('common.na') : i18n.number(v.lift, 2)}</td>
                  <td>${t(`bucket.${v.suggestion}`)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        ${
          decided
            ? html`<p role="status">
                ${decided === 'accepted' ? sentence(t('accepted'), { field: { user: label }, name: { user: this.o.profileName() } }) : sentence(t('rejected'), { field: { user: label } })}
              </p>`
            : html`<button
                  type="button"
                  class="primary"
                  data-accept=${stats.field}
                  @click=${() => this.decide(stats, 'accepted')}
                >
                  ${sentence(t('accept'), { name: { user: this.o.profileName() } })}
                </button>
                <button type="button" data-reject=${stats.field} @click=${() => this.decide(stats, 'rejected')}>
                  ${t('reject')}
                </button>`
        }
      </div>
    </article>`;
  }

  /** Lift of each value as horizontal bars (Lit renders the SVG), with the line at 1 (no lift). */
  private renderChart(stats: IcpFieldStats, label: string): TemplateResult {
    const i18n = this.o.i18n;
    const values = stats.values;
    const rowH = 22;
    const labelW = 110;
    const width = 340;
    const plotW = width - labelW - 44;
    const max = Math.max(2, ...values.map((v) => v.lift ?? 0));
    const x = (lift: number) => labelW + (lift / max) * plotW;
    const height = values.length * rowH + 8;
    const cut = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);
    return html`<svg
      class="lift-chart"
      viewBox="0 0 ${width} ${height}"
      width=${width}
      height=${height}
      role="img"
      aria-label=${i18n.t('chartLabel', { field: isolate(label) })}
      direction="ltr"
    >
      ${values.map((v, i) => {
        const y = 4 + i * rowH;
        const lift = v.lift ?? 0;
        return svg`<text x=${labelW - 6} y=${y + 15} text-anchor="end">${cut(this.valueText(v.value))}</text>
          <rect class="bar" ?data-high=${lift > 1} x=${labelW} y=${y + 3} width=${Math.max(0, x(lift) - labelW)} height=${rowH - 8} rx="2"></rect>
          <text x=${x(lift) + 4} y=${y + 15}>${v.lift === null ? '' : i18n.number(v.lift, 2)}</text>`;
      })}
      <line class="one" x1=${x(1)} x2=${x(1)} y1="0" y2=${height}></line>
    </svg>`;
  }
}
