import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { type Icp, type IcpFit, icpFit, validateIcp } from '../../src/core/icp.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { FormController } from '../../src/controllers/form-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { UndoController } from '../../src/controllers/undo-controller.js';
import { MrrEvent } from '../../src/events.js';
import { storageNotice } from '../../src/ui/fields.js';
import { readingStage, type Stage, StagedElement } from '../../src/ui/staged-element.js';
import { criterionName, renderCriteria } from './criteria.js';
import { fieldLabel, isolate, type L, numberInput, sentence, textField } from './fields.js';
import { fitTierLabel, renderExample } from './fit-view.js';
import { LearnPanel } from './learn-panel.js';
import { forgetIcpRemovals, stampIcpEdit } from './merge.js';
import { messages } from './messages.js';
import { starterInputs } from './starter.js';
import { icpBuilderStyles } from './mrr-icp-builder.styles.js';
import { renderPersonas } from './personas.js';
import { ProspectsPanel } from './prospects-panel.js';
import {
  activeIcp,
  blankCriterion,
  blankPersona,
  type CriterionInput,
  exampleFields,
  fieldId,
  type IcpBuilderInputs,
  type IcpInput,
  icpConfigDefaults,
  icpToInput,
  NAME_MAX,
  newId,
  type PersonaInput,
  type RangeInput,
  readExample,
  readIcp,
  relocalizeExample,
  FIELDS,
} from './state.js';

/** The channel and the ICP record, loaded on demand (not part of what the element's file weighs). */
let channelLoading: Promise<unknown> | undefined;
let loaded: [typeof import('../../src/channel/channel.js'), typeof import('../../src/channel/icp.js')] | undefined;
const loadChannel = () =>
  (channelLoading ??= Promise.all([import('../../src/channel/channel.js'), import('../../src/channel/icp.js')]).then(
    (modules) => (loaded = modules),
  ));

const TIER_KEYS = ['thresholdA', 'thresholdB', 'thresholdC', 'minCoveragePct'] as const;

/** What the builder computes from the typed inputs: the active profile as the core reads it, and the example's fit. */
export interface IcpBuilderResult {
  icp: Icp;
  fit: IcpFit;
}

export interface MrrIcpChangeDetail {
  /** The active profile (ICP) as `icpFit` takes it, with its `id` and `name`. */
  icp: Icp;
}

/** Criteria each criteria step of the first render adds (the last step draws the rest). */
const CRITERIA_A_STEP = 2;

/**
 * `<mrr-icp-builder>`: ideal customer profiles (kinds of account) and personas (kinds of person)
 * kept apart. Edit a profile's criteria and see a live example account's score, tier, coverage
 * and reasons; learn criteria from a CSV of your clients (with their evidence, accepted one by
 * one, checked on held-back clients); score a CSV of prospects and download it scored.
 * Publishes the active profile's name, pains and goals on the channel under `storage-key` (the
 * package designer's "Pull pains from your ICP" reads it).
 *
 * @fires {MrrChangeEvent<MrrIcpChangeDetail>} mrr-change - With the element's own change event, the same `detail` (src/events.ts `MrrChangeEvent`; every form element fires it).
 * @fires {MrrEvent<MrrIcpChangeDetail>} mrr-icp-change - On user edits with a valid profile; `detail: { icp }` (the active ICP).
 * @csspart base - The card.
 * @csspart criteria - The criteria editor.
 * @csspart criterion - Each criterion.
 * @csspart field - Each field (label, input, error).
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart example - The example account.
 * @csspart fit - The example's score, tier, coverage and reasons.
 * @csspart personas - The personas.
 * @csspart persona - Each persona.
 * @csspart learn - Learning from clients.
 * @csspart prospects - Scoring prospects.
 * @csspart table - The scored prospects table.
 * @csspart undo - The "removed, Undo" message.
 * @csspart notice - The "not saved" notice.
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-success - see README "Theming".
 * @cssprop --mrr-warning - see README "Theming".
 * @cssprop --mrr-danger - see README "Theming".
 *
 * @tagname mrr-icp-builder
 */
export class MrrIcpBuilder extends StagedElement {
  static override styles = icpBuilderStyles;

  /**
   * The first render, one step per task (an agency's page never blocks long): the title and the
   * profiles; the active profile's criteria two at a time, then the rest with the tiers; the first
   * reading (a task alone), then the example account's fit; the personas; the learning and
   * prospects panels. Each part comes below what is drawn already (on a wide page the fit takes a
   * column of its own). Later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [
    // What is saved comes first: the first render shows it, never the starter replaced by it.
    { name: 'profiles', before: () => this.persist.restored },
    { name: 'criteria-1' },
    { name: 'criteria-2' },
    { name: 'criteria' },
    readingStage('fit', () => {
      // The saved profiles are restored by now (the first step waited): from now on the one shown is published.
      this.restoredOnce = true;
      return this.form.result;
    }),
    { name: 'personas' },
    { name: 'panels' },
  ];

  /** The typed inputs (profiles, personas, example account; text as the user wrote it). Replace, don't mutate. */
  @property({ attribute: false })
  get inputs(): IcpBuilderInputs {
    return this.form.inputs;
  }
  set inputs(next: IcpBuilderInputs | undefined) {
    // Profiles and personas given by code are shown, even one the user removed earlier.
    if (next) this.form.apply({ ...next, removed: forgetIcpRemovals(this.form.inputs.removed, next) });
  }

  /** The active profile as the core reads it (the last valid one while a field is refused). */
  get icp(): Icp | undefined {
    return this.form.result?.icp;
  }

  /** The example account's fit to the active profile. */
  get fit(): IcpFit | undefined {
    return this.form.result?.fit;
  }

  protected readonly i18n: L = new LocaleController(this, messages);
  /** The tiers and coverage fields are shown (opened by the user, or holding an error). */
  private tiersOpen = false;
  /** Criteria whose values are open for editing (by id); the others show a summary line. */
  private expanded: ReadonlySet<string> = new Set();
  private readonly announcer = new AnnounceController(this);
  private readonly undo = new UndoController<IcpBuilderInputs>(this, {
    fallbackFocus: 'profile',
    restore: (snapshot) => {
      this.form.edit(stampIcpEdit(this.form.inputs, snapshot, Date.now()), 'icps');
      this.announcer.say(this.i18n.t('restored'));
    },
  });
  /**
   * `config.defaults.profile` / `.criteria` (the core's ICP) for the shared settings reader (src/config/settings.ts).
   * @internal
   */
  readonly largerDefaults = (given: Record<string, unknown>, kept: (field: string) => boolean) =>
    icpConfigDefaults(given, (n) => this.i18n.number(n, 6), kept, this.i18n.t('starter.name'));
  private readonly form: FormController<IcpBuilderInputs, IcpBuilderResult> = new FormController<
    IcpBuilderInputs,
    IcpBuilderResult
  >(this, {
    component: 'icp-builder',
    i18n: this.i18n,
    defaults: (fmt): IcpBuilderInputs => starterInputs(this.i18n, (n) => fmt(n, 2)),
    fields: FIELDS,
    relocalize: (inputs, convert) => relocalizeExample(inputs, convert, this.numberExampleFields(inputs)),
    // Loaded on demand: profiles and personas merge item by item, and those one of two tabs
    // removed stay removed after their saves merge (merge-tabs.ts).
    merging: () => import('./merge-tabs.js').then((m) => ({ mergeField: m.mergeIcpField, normalize: m.withoutRemovedIcpItems })),
    read: (inputs, ctx) => {
      const active = activeIcp(inputs);
      if (!active) return { errors: {} };
      const reading = readIcp(active, ctx.locale, validateIcp);
      const example = readExample(inputs, ctx.locale);
      const errors = { ...reading.errors, ...example.errors };
      if (!reading.icp || Object.keys(errors).length > 0) return { errors };
      const icp: Icp = { ...reading.icp, id: active.id, name: active.name.trim() };
      return { result: { icp, fit: icpFit(icp, example.account) }, errors };
    },
    changeEvent: (result) => new MrrEvent<MrrIcpChangeDetail>('mrr-icp-change', { icp: result.icp }),
    announce: ({ fit }) =>
      this.i18n.t('exampleAnnounce', {
        score: fit.score === null ? this.i18n.c('common.na') : this.i18n.number(fit.score, 2),
        tier: fitTierLabel(this.i18n, fit),
        coverage: this.i18n.percent(fit.coverage * 100, 0),
      }),
  }).useAnnouncer(this.announcer);

  private readonly learn = new LearnPanel(this, {
    i18n: this.i18n,
    currency: () => this.currency,
    profileName: () => this.profileLabel(activeIcp(this.inputs), this.activeIndex),
    icp: () => this.icp,
    accept: (criterion) => this.acceptCriterion(criterion),
    acceptAll: (icp) => this.addProfile(icpToInput(icp, this.i18n.t('learnedProfile'), (n) => this.i18n.number(n, 2))),
    replaceActive: (icp) => this.replaceCriteria(icpToInput(icp, '', (n) => this.i18n.number(n, 2))),
    say: (m) => this.announcer.say(m),
  });

  /** The profile with each criterion's shown name as its `label` (the scored CSV names criteria so), kept while unchanged. */
  private namedIcp?: { from: Icp; lang: string; icp: Icp };
  private named(icp: Icp | undefined): Icp | undefined {
    if (!icp) return undefined;
    const lang = this.i18n.lang;
    if (this.namedIcp?.from !== icp || this.namedIcp.lang !== lang) {
      const criteria = icp.criteria.map((c) => ({ ...c, label: c.label?.trim() || fieldLabel(this.i18n, c.field.trim()) }));
      this.namedIcp = { from: icp, lang, icp: { ...icp, criteria } };
    }
    return this.namedIcp.icp;
  }

  private readonly prospects = new ProspectsPanel(this, {
    i18n: this.i18n,
    icp: () => (this.form.stale ? undefined : this.named(this.icp)),
    profileName: () => this.profileLabel(activeIcp(this.inputs), this.activeIndex),
    say: (m) => this.announcer.say(m),
  });

  /** Saving state: `status` (idle, loading, saved, unsaved), `restored` (a promise), `flush()`. */
  get persist() {
    return this.form.persist!;
  }

  /** True once the saved profiles are restored (or there are none): the starter is not published before. */
  private restoredOnce = false;

  override firstUpdated(): void {
    // The channel the profile is published on, fetched while the first render goes on.
    if (this.storageKey) void loadChannel().catch(() => undefined);
  }

  /** Publishes the active profile's public record on the channel under the storage key (the package designer pulls it). */
  override updated(): void {
    if (!this.restoredOnce || !this.storageKey) return;
    const icp = this.form.result?.icp;
    if (!icp) return;
    if (!loaded) {
      void loadChannel().then(() => this.requestUpdate());
      return;
    }
    const [{ publish }, { icpProfileOf, icpTopic }] = loaded;
    publish(icpTopic, this.storageKey, icpProfileOf(icp, this.inputs.personas));
  }

  /**
   * Adds a profile from an ICP in the core's shape (numbers, lists) and makes it the active one;
   * fires no event. Works before the first render.
   */
  applyIcp(icp: Icp, name = icp.name ?? this.i18n.t('newProfile')): void {
    const input = icpToInput(icp, name, (n) => this.i18n.number(n, 2));
    const inputs = this.inputs;
    this.form.apply({ icps: [...inputs.icps, input], activeId: input.id });
  }

  /** Sets the example account (field → value, as a CSV row would hold it); fires no event. */
  applyExample(account: Record<string, string | number | boolean | null | undefined>): void {
    const example: Record<string, string> = {};
    for (const [k, v] of Object.entries(account ?? {})) {
      if (v === null || v === undefined) continue;
      example[k] = typeof v === 'number' ? this.i18n.number(v, 2) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
    }
    this.form.apply({ example });
  }

  /** The last scored prospects as CSV (score, tier, coverage, reasons; formula cells neutralised), or undefined. */
  scoredCsv(): Promise<string | undefined> {
    return this.prospects.scoredCsv();
  }

  // -------------------------------------------------------------------------------------------
  // Inputs

  /** Example fields that hold numbers in some profile (re-formatted when the language changes). */
  private numberExampleFields(inputs: IcpBuilderInputs): Set<string> {
    const set = new Set<string>();
    for (const icp of inputs.icps) for (const c of icp.criteria) if (c.type === 'number') set.add(c.field.trim());
    return set;
  }

  private get activeIndex(): number {
    const inputs = this.inputs;
    return Math.max(
      0,
      inputs.icps.findIndex((i) => i.id === inputs.activeId),
    );
  }

  private profileLabel(icp: IcpInput | undefined, index: number): string {
    return icp?.name.trim() || this.i18n.t('profileN', { n: this.i18n.number(index + 1) });
  }

  private personaLabel(p: PersonaInput, index: number): string {
    return p.role.trim() || this.i18n.t('personaN', { n: this.i18n.number(index + 1) });
  }

  private edit(patch: Partial<IcpBuilderInputs>, field?: string): void {
    this.undo.clear();
    this.form.edit(stampIcpEdit(this.form.inputs, patch, Date.now()), field);
  }

  private editActive(patch: Partial<IcpInput>, field?: string): void {
    const inputs = this.inputs;
    const active = activeIcp(inputs);
    if (!active) return;
    this.edit({ icps: inputs.icps.map((i) => (i.id === active.id ? { ...i, ...patch } : i)) }, field);
  }

  private editCriterion(index: number, patch: Partial<CriterionInput>): void {
    const active = activeIcp(this.inputs)!;
    const criteria = active.criteria.map((c, j) => {
      if (j !== index) return c;
      const next = { ...c, ...patch };
      // A new type starts with something to fill in.
      if (patch.type === 'number' && next.ranges.length === 0)
        next.ranges = [{ id: newId('r'), bucket: 'ideal', min: '', max: '' }];
      if (patch.type === 'boolean' && next.yes === 'none' && next.no === 'none') next.yes = 'ideal';
      return next;
    });
    this.editActive({ criteria });
  }

  private editRange(index: number, rangeIndex: number, patch: Partial<RangeInput>): void {
    const c = activeIcp(this.inputs)?.criteria[index];
    if (!c) return;
    this.editCriterion(index, { ranges: c.ranges.map((r, j) => (j === rangeIndex ? { ...r, ...patch } : r)) });
  }

  private addRange(index: number): void {
    const c = activeIcp(this.inputs)?.criteria[index];
    if (!c) return;
    const range: RangeInput = { id: newId('r'), bucket: 'acceptable', min: '', max: '' };
    this.editCriterion(index, { ranges: [...c.ranges, range] });
    this.focusLater(fieldId(c.id, range.id, 'min'));
  }

  private removeRange(index: number, rangeIndex: number): void {
    const snapshot = this.inputs;
    const c = activeIcp(snapshot)?.criteria[index];
    if (!c) return;
    this.editCriterion(index, { ranges: c.ranges.filter((_, j) => j !== rangeIndex) });
    this.undo.offer({
      snapshot,
      message: () => this.i18n.t('removed.range', { name: isolate(criterionName(this.i18n, c)) }),
      focus: fieldId(c.id, 'add-range'),
    });
  }

  private addCriterion(): void {
    const active = activeIcp(this.inputs)!;
    const used = new Set(active.criteria.map((c) => c.field));
    const field = ['industry', 'employees', 'reviewCount', 'hasWebsite', 'location', 'rating'].find((f) => !used.has(f)) ?? '';
    const c = blankCriterion(field);
    this.expanded = new Set([...this.expanded, c.id]);
    this.editActive({ criteria: [...active.criteria, c] });
    this.focusLater(fieldId(c.id, 'field'));
  }

  /** A learned criterion accepted: it replaces the active profile's criterion on the same field, else is added. */
  private acceptCriterion(criterion: Parameters<typeof icpToInput>[0]['criteria'][number]): void {
    const active = activeIcp(this.inputs);
    if (!active) return;
    const [input] = icpToInput({ criteria: [criterion] }, '', (n) => this.i18n.number(n, 2)).criteria;
    if (!input) return;
    const existing = active.criteria.findIndex((c) => c.field.trim() === criterion.field);
    const next = { ...input, id: active.criteria[existing]?.id ?? newId('c') };
    const criteria = existing >= 0 ? active.criteria.map((c, j) => (j === existing ? next : c)) : [...active.criteria, next];
    this.editActive({ criteria });
  }

  private removeCriterion(index: number): void {
    const snapshot = this.inputs;
    const criteria = activeIcp(snapshot)?.criteria ?? [];
    const c = criteria[index];
    if (!c) return;
    this.editActive({ criteria: criteria.filter((_, j) => j !== index) });
    this.undo.offer({
      snapshot,
      message: () => this.i18n.t('removed.criterion', { name: isolate(criterionName(this.i18n, c)) }),
      focus: fieldId(c.id, 'field'),
    });
  }

  private addProfile(icp: IcpInput): void {
    const inputs = this.inputs;
    this.edit({ icps: [...inputs.icps, icp], activeId: icp.id }, 'icps');
    this.focusLater(fieldId(icp.id, 'name'));
  }

  private newProfile(fromStarter: boolean): void {
    const fmt = (n: number) => this.i18n.number(n, 2);
    // starterInputs holds one profile.
    const base = starterInputs(this.i18n, fmt).icps[0]!;
    const icp: IcpInput = fromStarter
      ? { ...base, id: newId('icp') }
      : { ...base, id: newId('icp'), name: this.i18n.t('newProfile'), criteria: [] };
    this.addProfile(icp);
  }

  /** The shown profile takes the learned criteria (name, id and personas kept); Undo brings the old ones back. */
  private replaceCriteria(learned: IcpInput): void {
    const snapshot = this.inputs;
    const active = activeIcp(snapshot);
    if (!active) return this.addProfile({ ...learned, name: this.i18n.t('learnedProfile') });
    const index = snapshot.icps.indexOf(active);
    const replaced: IcpInput = { ...learned, id: active.id, name: active.name };
    this.edit({ icps: snapshot.icps.map((i) => (i === active ? replaced : i)) }, 'icps');
    this.undo.offer({
      snapshot,
      message: () => this.i18n.t('replaced.profile', { name: isolate(this.profileLabel(active, index)) }),
      focus: 'profile',
    });
  }

  private removeProfile(): void {
    const snapshot = this.inputs;
    const active = activeIcp(snapshot);
    if (!active) return;
    const index = snapshot.icps.indexOf(active);
    const icps = snapshot.icps.filter((i) => i !== active);
    const fallback = icps[Math.max(0, index - 1)];
    // Personas of the removed profile stay, linked to the profile now shown.
    const personas = snapshot.personas.map((p) => (p.icpId === active.id && fallback ? { ...p, icpId: fallback.id } : p));
    this.edit({ icps, personas, activeId: fallback?.id ?? '' }, 'icps');
    this.undo.offer({
      snapshot,
      message: () => this.i18n.t('removed.profile', { name: isolate(this.profileLabel(active, index)) }),
      focus: 'profile',
    });
  }

  private editPersona(index: number, patch: Partial<PersonaInput>): void {
    this.edit({ personas: this.inputs.personas.map((p, j) => (j === index ? { ...p, ...patch } : p)) }, 'personas');
  }

  private addPersona(): void {
    const p = blankPersona(activeIcp(this.inputs)?.id ?? '');
    this.edit({ personas: [...this.inputs.personas, p] }, 'personas');
    this.focusLater(fieldId(p.id, 'role'));
  }

  private removePersona(index: number): void {
    const snapshot = this.inputs;
    const p = snapshot.personas[index];
    if (!p) return;
    this.edit({ personas: snapshot.personas.filter((_, j) => j !== index) }, 'personas');
    this.undo.offer({
      snapshot,
      message: () => this.i18n.t('removed.persona', { name: isolate(this.personaLabel(p, index)) }),
      focus: 'add-persona',
    });
  }

  private focusLater(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)?.focus());
  }

  // -------------------------------------------------------------------------------------------
  // Render

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const inputs = this.inputs;
    const active = activeIcp(inputs);
    const read = this.reached('fit'); // nothing is read before its step
    const errors = read ? this.form.errors : {};
    const result = read ? this.form.result : undefined;
    return html`<div part="base" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <h2>${t('title')}</h2>
      <p class="lead">${t('lead')}</p>
      ${this.renderConfigIssue()} ${storageNotice(this.i18n, this.persist)}
      <section class="profiles" aria-labelledby="profiles-title">
        <h3 id="profiles-title">${t('profiles')}</h3>
        <p class="hint">${t('profilesHint')}</p>
        <div class="profile-bar">
          ${
            inputs.icps.length > 0
              ? html`<div class="field">
                  <label for="profile">${t('profile')}</label>
                  <div class="input-wrap">
                    <select
                      id="profile"
                      @change=${(e: Event) => this.edit({ activeId: (e.target as HTMLSelectElement).value }, 'activeId')}
                    >
                      ${inputs.icps.map(
                        (icp, i) =>
                          html`<option value=${icp.id} ?selected=${icp.id === active?.id} dir="auto">
                            ${this.profileLabel(icp, i)}
                          </option>`,
                      )}
                    </select>
                  </div>
                </div>`
              : nothing
          }
          <div class="actions">
            <button type="button" id="add-profile" @click=${() => this.newProfile(false)}>${t('addProfile')}</button>
            <button type="button" id="add-starter" @click=${() => this.newProfile(true)}>${t('addStarter')}</button>
          </div>
        </div>
      </section>
      ${active && this.reached('criteria-1') ? this.renderProfile(active, errors, result) : nothing}
      ${this.undo.render(this.i18n.c('common.undo'))} ${this.reached('personas') ? this.renderPersonas() : nothing}
      ${this.reached('panels') ? html`${this.learn.render()} ${this.prospects.render()}` : nothing} ${this.announcer.render()}
    </div>`;
  }

  private renderPersonas() {
    const inputs = this.inputs;
    return renderPersonas({
      i18n: this.i18n,
      personas: inputs.personas,
      icps: inputs.icps,
      profileLabel: (icp, i) => this.profileLabel(icp, i),
      personaLabel: (p, i) => this.personaLabel(p, i),
      onPersona: (i, patch) => this.editPersona(i, patch),
      onAdd: () => this.addPersona(),
      onRemove: (i) => this.removePersona(i),
    });
  }

  private renderProfile(
    active: IcpInput,
    errors: Record<string, import('../../src/ui/fields.js').FieldError>,
    result?: IcpBuilderResult,
  ) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="layout">
      <div class="editor">
        <div class="row name-row">
          ${textField(this.i18n, {
            id: fieldId(active.id, 'name'),
            label: t('profileName'),
            value: active.name,
            max: NAME_MAX,
            onInput: (name) => this.editActive({ name }),
          })}
        </div>
        <h3>${t('criteria')}</h3>
        ${renderCriteria(active.criteria, {
          i18n: this.i18n,
          errors,
          onCriterion: (i, patch) => this.editCriterion(i, patch),
          onRange: (i, j, patch) => this.editRange(i, j, patch),
          onAddRange: (i) => this.addRange(i),
          onRemoveRange: (i, j) => this.removeRange(i, j),
          onRemove: (i) => this.removeCriterion(i),
          onAdd: () => this.addCriterion(),
          expanded: this.expanded,
          drawn: this.reached('criteria') ? undefined : this.reached('criteria-2') ? 2 * CRITERIA_A_STEP : CRITERIA_A_STEP,
          onToggle: (id) => {
            const next = new Set(this.expanded);
            if (!next.delete(id)) next.add(id);
            this.expanded = next;
            this.requestUpdate();
          },
        })}
        ${this.reached('criteria') ? this.renderTiers(active, errors) : nothing}
      </div>
      ${this.reached('fit') ? this.renderFit(active, errors, result) : nothing}
    </div>`;
  }

  /** The tiers' thresholds and coverage, and the remove button, below the criteria. */
  private renderTiers(active: IcpInput, errors: Record<string, import('../../src/ui/fields.js').FieldError>) {
    const t = this.i18n.t.bind(this.i18n);
    const num = (key: 'thresholdA' | 'thresholdB' | 'thresholdC' | 'minCoveragePct', label: string, hint?: string) =>
      numberInput(this.i18n, {
        id: fieldId(active.id, key),
        label,
        hint,
        value: active[key],
        error: errors[fieldId(active.id, key)],
        suffix: key === 'minCoveragePct' ? '%' : undefined,
        onInput: (v) => this.editActive({ [key]: v }),
      });
    return html`<details
        class="tiers"
        ?open=${this.tiersOpen || TIER_KEYS.some((k) => errors[fieldId(active.id, k)])}
        @toggle=${(e: Event) => (this.tiersOpen = (e.target as HTMLDetailsElement).open)}
      >
        <summary>${t('thresholds')}</summary>
        <div class="row">
          ${num('thresholdA', t('thresholdA'))} ${num('thresholdB', t('thresholdB'))} ${num('thresholdC', t('thresholdC'))}
          ${num('minCoveragePct', t('minCoverage'), t('minCoverageHint'))}
        </div>
      </details>
      <button type="button" class="remove" id="remove-profile" @click=${() => this.removeProfile()}>
        ${sentence(t('removeProfile'), { name: { user: this.profileLabel(active, this.activeIndex) } })}
      </button>`;
  }

  /** The example account and its fit to the active profile. */
  private renderFit(
    active: IcpInput,
    errors: Record<string, import('../../src/ui/fields.js').FieldError>,
    result?: IcpBuilderResult,
  ) {
    return renderExample({
      i18n: this.i18n,
      fields: exampleFields(active),
      values: this.inputs.example,
      errors,
      fit: result?.fit,
      minCoverage: result?.icp.minCoverage ?? 0.5,
      stale: this.form.stale,
      onInput: (field, value) => this.edit({ example: { ...this.inputs.example, [field]: value } }, 'example'),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-icp-builder': MrrIcpBuilder;
  }
  interface HTMLElementEventMap {
    'mrr-icp-change': MrrEvent<MrrIcpChangeDetail>;
  }
}
