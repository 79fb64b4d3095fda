import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toMinor } from '../../src/core/money.js';
import { type MotionsPlan, motionsPlan } from '../../src/core/motions.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { MrrElement } from '../../src/ui/mrr-element.js';
import { PersistController } from '../../src/controllers/persist-controller.js';
import { MrrEvent } from '../../src/events.js';
import { type FieldError, numberField, storageNotice } from '../../src/ui/fields.js';
import { messages, type MotionsMessages } from './messages.js';
import { motionsStyles } from './mrr-revenue-motions.styles.js';
import { renderKpis, renderPlanTable } from './results.js';
import { renderSegment } from './segment-editor.js';
import {
  blankMotion,
  blankOffer,
  blankSegment,
  exampleInputs,
  fieldId,
  type MotionInput,
  type MotionsInputs,
  type OfferInput,
  readInputs,
  type SegmentInput,
} from './state.js';

export interface MrrExpansionDetail {
  /** Expected monthly expansion MRR ÷ MRR × 100 over all segments; `null` when there is no MRR. */
  expansionPct: number | null;
  /** Expected expansion MRR per month, major units. */
  expansionMrr: number;
}

/** How long a removed item can be brought back (WCAG 2.2.1: long enough to read and reach). */

/**
 * `<mrr-revenue-motions>`: the cost of serving each client segment (meetings, report reviews,
 * calls, campaigns, automated reports), the account managers that takes, and the expansion MRR its
 * upsell and cross-sell offers should bring. Warns when serving a client costs more than its margin.
 *
 * @fires mrr-expansion - On user edits with a valid plan; `detail: { expansionPct, expansionMrr }`,
 *   e.g. to feed the calculator's expansion rate.
 * @csspart base - The card.
 * @csspart segment - Each segment.
 * @csspart warning - A segment's warning.
 * @csspart field - Each field (label, input, error).
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart results - The results.
 * @csspart kpis - Totals.
 * @csspart table - The results table.
 * @csspart undo - The "removed, Undo" message.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-warning - see README "Theming".
 *
 * @tagname mrr-revenue-motions
 */
export class MrrRevenueMotions extends MrrElement {
  static override styles = motionsStyles;

  /** The typed inputs (text, as the user wrote them). Replace, don't mutate. */
  @property({ attribute: false }) inputs?: MotionsInputs;

  @state() private errors: Record<string, FieldError> = {};

  /** The last valid plan (kept while a field is invalid). */
  plan?: MotionsPlan;

  protected readonly l = new LocaleController<MotionsMessages>(this, messages);
  private readonly announcer = new AnnounceController(this);
  private readonly undo = new UndoController<MotionsInputs>(this, {
    fallbackFocus: 'add-segment',
    restore: (snapshot) => {
      this.setInputs(snapshot);
      this.announcer.say(this.l.t('restored'));
    },
  });
  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  readonly persist = new PersistController<MotionsInputs>(this, {
    component: 'motions',
    key: () => this.storageKey,
    restore: (data) => {
      this.inputs = { ...this.example(), ...data };
    },
  });

  private example(): MotionsInputs {
    const t = this.l.t.bind(this.l);
    return exampleInputs(
      (n) => this.l.number(n, 2),
      (kind, id, fallback) => (`${kind}.${id}` in messages.en ? t(`${kind}.${id}` as keyof MotionsMessages) : fallback),
    );
  }

  override willUpdate(): void {
    if (!this.inputs) this.inputs = this.example();
    this.compute();
  }

  private compute(): void {
    if (!this.needsCompute(this.inputs)) return;
    const { segments, hoursPerManagerPerMonth, errors } = readInputs(this.inputs!, this.l.locale, this.currency);
    this.errors = errors;
    if (!segments) return;
    try {
      this.plan = motionsPlan(segments, { hoursPerManagerPerMonth, currency: this.currency });
    } catch {
      // The edge rules mirror core validation; a mismatch keeps the last valid plan.
    }
  }

  private setInputs(next: MotionsInputs): void {
    this.inputs = next;
    this.undo.clear();
    this.persist.save(next);
    this.compute();
    if (this.plan && Object.keys(this.errors).length === 0) {
      const total = this.plan.total;
      this.dispatchEvent(
        new MrrEvent<MrrExpansionDetail>('mrr-expansion', {
          expansionPct: total.expansionPct.value,
          expansionMrr: total.expansionMrr,
        }),
      );
    }
    this.scheduleAnnouncement();
  }

  private focusId(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)?.focus();
  }

  private segmentLabel(s: SegmentInput, i: number): string {
    return s.name.trim() || this.l.t('segmentN', { n: this.l.number(i + 1) });
  }

  private editSegment(i: number, patch: Partial<SegmentInput>): void {
    const segments = this.inputs!.segments.map((s, j) => (j === i ? { ...s, ...patch } : s));
    this.setInputs({ ...this.inputs!, segments });
  }

  private editItem<K extends 'motions' | 'offers'>(
    si: number,
    key: K,
    ii: number,
    patch: Partial<SegmentInput[K][number]>,
  ): void {
    const s = this.inputs!.segments[si];
    const items = (s[key] as (MotionInput | OfferInput)[]).map((it, j) => (j === ii ? { ...it, ...patch } : it));
    this.editSegment(si, { [key]: items });
  }

  private addItem(si: number | null, kind: 'segment' | 'motion' | 'offer'): void {
    const segs = this.inputs!.segments;
    if (si === null) {
      const seg = blankSegment(this.l.t('newSegment'));
      this.setInputs({ ...this.inputs!, segments: [...segs, seg] });
      void this.updateComplete.then(() => this.focusId(fieldId(seg.id, 'name')));
      return;
    }
    const s = segs[si];
    const item = kind === 'motion' ? blankMotion() : blankOffer();
    if (kind === 'motion') this.editSegment(si, { motions: [...s.motions, item as MotionInput] });
    else this.editSegment(si, { offers: [...s.offers, item as OfferInput] });
    void this.updateComplete.then(() => this.focusId(fieldId(s.id, item.id, kind === 'motion' ? 'kind' : 'name')));
  }

  private removeItem(si: number, kind: 'segment' | 'motion' | 'offer', ii = 0): void {
    const snapshot = this.inputs!;
    const s = snapshot.segments[si];
    const name = this.segmentLabel(s, si);
    let next: MotionsInputs;
    let focus: string;
    if (kind === 'segment') {
      next = { ...snapshot, segments: snapshot.segments.filter((_, j) => j !== si) };
      focus = fieldId(s.id, 'name');
    } else {
      const key = kind === 'motion' ? 'motions' : 'offers';
      const items = (s[key] as (MotionInput | OfferInput)[]).filter((_, j) => j !== ii);
      next = { ...snapshot, segments: snapshot.segments.map((x, j) => (j === si ? { ...x, [key]: items } : x)) };
      focus = fieldId(s.id, s[key][ii].id, kind === 'motion' ? 'kind' : 'name');
    }
    this.setInputs(next);
    this.undo.offer({ snapshot, message: this.l.t(`removed.${kind}`, { name }), focus });
  }

  private scheduleAnnouncement(): void {
    this.announcer.later(() => {
      const total = this.plan?.total;
      if (!total) return undefined;
      return this.l.t('announce', {
        cost: this.money(total.costToServe),
        managers: this.l.number(total.managersNeeded, 1),
        expansion: this.money(total.expansionMrr),
      });
    });
  }

  private money(major: number): string {
    return this.l.money(toMinor(major, this.currency), this.currency, { round: true });
  }

  override render() {
    const t = this.l.t.bind(this.l);
    const inputs = this.inputs!;
    const plan = this.plan;
    const bySegment = new Map(plan?.segments.map((s) => [s.segmentId, s]));
    const warned = new Set(plan?.warnings.map((w) => w.segmentId));
    return html`<div part="base" dir=${this.l.dir} lang=${this.l.lang}>
      <h2 id="motions-title">${t('title')}</h2>
      <p class="lead">${t('lead')}</p>
      <div class="grid top">
        ${numberField(this.l, {
          id: 'hoursPerManagerPerMonth',
          label: t('hoursPerManager'),
          hint: t('hoursPerManagerHint'),
          value: inputs.hoursPerManagerPerMonth,
          error: this.errors.hoursPerManagerPerMonth,
          suffix: t('hoursUnit'),
          onInput: (v) => this.setInputs({ ...inputs, hoursPerManagerPerMonth: v }),
        })}
      </div>
      ${storageNotice(this.l, this.persist)} ${this.renderResults()}
      <h3>${t('segments')}</h3>
      <div class="segments">
        ${inputs.segments.map((s, i) => {
          const p = bySegment.get(s.id);
          const label = this.segmentLabel(s, i);
          return renderSegment(s, {
            l: this.l,
            currency: this.currency,
            errors: this.errors,
            label,
            warning:
              p && warned.has(s.id)
                ? t('warning', { cost: this.money(p.costToServePerClient), margin: this.money(p.grossMarginPerClient) })
                : undefined,
            onSegment: (patch) => this.editSegment(i, patch),
            onMotion: (j, patch) => this.editItem(i, 'motions', j, patch),
            onOffer: (j, patch) => this.editItem(i, 'offers', j, patch),
            onAdd: (kind) => this.addItem(i, kind),
            onRemove: (kind, j) => this.removeItem(i, kind, j),
          });
        })}
      </div>
      <button type="button" id="add-segment" class="add" @click=${() => this.addItem(null, 'segment')}>${t('addSegment')}</button>
      ${this.undo.render(this.l.c('common.undo'))} ${this.announcer.render()}
    </div>`;
  }

  private renderResults() {
    const plan = this.plan;
    if (!plan) return html`<section class="results" part="results"></section>`;
    const t = this.l.t.bind(this.l);
    const stale = Object.keys(this.errors).length > 0;
    const labels = new Map(this.inputs!.segments.map((s, i) => [s.id, this.segmentLabel(s, i)]));
    const money = (v: number) => this.money(v);
    return html`<section class="results" part="results" aria-labelledby="motions-results-title" ?data-stale=${stale}>
      <h3 id="motions-results-title">${t('results')}</h3>
      ${stale ? html`<p class="stale" role="note">${this.l.c('common.stale')}</p>` : nothing} ${renderKpis(this.l, plan, money)}
      ${renderPlanTable(this.l, plan, labels, money)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-revenue-motions': MrrRevenueMotions;
  }
  interface HTMLElementEventMap {
    'mrr-expansion': MrrEvent<MrrExpansionDetail>;
  }
}
