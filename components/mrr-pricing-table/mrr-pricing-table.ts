/* eslint-disable lit-a11y/no-redundant-role -- Safari (VoiceOver) drops the list semantics of a <ul>
   styled with list-style: none; role="list" gives them back, so "list, 3 items" is announced. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toMinor } from '../../src/core/money.js';
import { type PackageDesign, type PackageTier, type TierEconomics, type TierOffer, tierOffer } from '../../src/core/packages.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { MrrEvent } from '../../src/events.js';
import { MrrElement } from '../../src/ui/mrr-element.js';
import { messages } from './messages.js';
import { pricingTableStyles } from './mrr-pricing-table.styles.js';
import { loadSavedDesign, type PricingSource, readDesign, readJson } from './source.js';

/** Detail of `mrr-cta`: what the visitor chose, at the price shown. */
export type PricingCtaDetail = TierOffer;

export type BillingChoice = 'month' | 'year';

/** Outcomes shown on a card; the others wait behind "Show n more". */
const OUTCOMES_SHOWN = 10;

/** User text inside a sentence that is not markup (aria-label): isolated, as `<bdi>` would. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * `<mrr-pricing-table>`: the agency's packages for its public site. Renders a design made with
 * `<mrr-package-designer>` (its JSON export, the object `packageEconomics` takes plus per tier
 * `outcomes`, `highlighted` and `cta: { label, href? }`), from, in this order: the `config`
 * property, a child `<script type="application/json">`, or the design saved by the designer under
 * `storage-key` on this device. Prices monthly or yearly (a radio group; yearly applies the design's
 * annual discount and says what it saves), the highlighted tier, outcomes and a call to action per
 * tier. It never renders wholesale cost, margin or profit, whatever the design holds.
 *
 * @fires mrr-cta - A tier's call to action was activated; `detail: { tierId, price, interval: 'month' | 'year', currency }`.
 * @csspart base - The whole table.
 * @csspart toggle - The monthly/yearly radio group.
 * @csspart tier - Each tier's card.
 * @csspart price - A tier's price line.
 * @csspart outcomes - A tier's outcome list.
 * @csspart cta - A tier's call to action (link or button).
 * @cssprop --mrr-accent - see README "Theming".
 * @cssprop --mrr-accent-text - see README "Theming".
 * @cssprop --mrr-surface - see README "Theming".
 * @cssprop --mrr-surface-alt - see README "Theming".
 * @cssprop --mrr-text - see README "Theming".
 * @cssprop --mrr-muted - see README "Theming".
 * @cssprop --mrr-border - see README "Theming".
 * @cssprop --mrr-radius - see README "Theming".
 * @cssprop --mrr-font - see README "Theming".
 * @cssprop --mrr-font-size - see README "Theming".
 * @cssprop --mrr-focus - see README "Theming".
 * @cssprop --mrr-success - see README "Theming".
 *
 * @tagname mrr-pricing-table
 */
export class MrrPricingTable extends MrrElement {
  static override styles = pricingTableStyles;

  /** A design to render; wins over the child script and storage. Replace, don't mutate. */
  @property({ attribute: false }) config?: PackageDesign;

  /** Prices shown first: 'month' or 'year'. The visitor's choice updates it. */
  @property() interval: BillingChoice = 'month';

  /** Text of the child `<script type="application/json">`, or null without one. */
  @state() private scriptText: string | null = null;
  @state() private stored: PricingSource = { kind: 'none' };

  protected readonly i18n = new LocaleController(this, messages);
  private readonly announcer = new AnnounceController(this, 0);
  private source: PricingSource = { kind: 'none' };
  private computedFrom: unknown[] = [];
  private storedKey: string | null = null;
  private observer?: MutationObserver;
  private channel?: BroadcastChannel;

  override connectedCallback(): void {
    super.connectedCallback();
    this.readScript();
    // The page may write or replace the script after the element is upgraded.
    this.observer = new MutationObserver(() => this.readScript());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
    // The designer (this page or another tab) saved its design: show the new one.
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel('mrr-kit-state');
      this.channel.onmessage = (e: MessageEvent<{ key?: string }>) => {
        if (this.storedKey !== null && e.data?.key === `package-designer:${this.storedKey}`)
          this.loadStored(this.storedKey, true);
      };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.channel?.close();
    this.channel = undefined;
  }

  private readScript(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    this.scriptText = script ? (script.textContent ?? '') : null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const useStorage = this.config === undefined && this.scriptText === null && !!this.storageKey;
    if (useStorage && this.storedKey !== this.storageKey) this.loadStored(this.storageKey);
    const inputs = [this.config, this.scriptText, useStorage ? this.stored : null];
    if (inputs.every((x, i) => x === this.computedFrom[i])) return;
    this.computedFrom = inputs;
    if (this.config !== undefined) this.source = readDesign(this.config);
    else if (this.scriptText !== null) this.source = readJson(this.scriptText);
    else this.source = useStorage ? this.stored : { kind: 'none' };
  }

  /** Reads the designer's saved design; a refresh keeps the design shown until the new one is read. */
  private loadStored(key: string, refresh = false): void {
    this.storedKey = key;
    if (!refresh) this.stored = { kind: 'loading' };
    void loadSavedDesign(key).then((source) => {
      if (this.storedKey === key) this.stored = source;
    });
  }

  private get billing(): BillingChoice {
    return this.interval === 'year' ? 'year' : 'month';
  }

  private choose(interval: BillingChoice): void {
    this.interval = interval;
    this.announcer.say(this.i18n.t(interval === 'year' ? 'shownYearly' : 'shownMonthly'));
  }

  private cta(tierId: string): void {
    if (this.source.kind !== 'design') return;
    const offer = tierOffer(this.source.result, tierId, this.billing);
    if (offer) this.dispatchEvent(new MrrEvent<PricingCtaDetail>('mrr-cta', offer));
  }

  private money(amount: number, currency: string): string {
    return this.i18n.money(toMinor(amount, currency), currency, { whole: true });
  }

  override render() {
    const s = this.source;
    const body =
      s.kind === 'design'
        ? this.renderDesign(s.design, s.result.tiers, s.result.currency)
        : s.kind === 'loading'
          ? html`<p class="message" role="status">${this.i18n.t('loading')}</p>`
          : s.kind === 'none'
            ? html`<p class="message">${this.i18n.t('noPlans')}</p>`
            : this.renderConfigError(s);
    return html`<div part="base" class="base" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      ${body}${this.announcer.render()}
    </div>`;
  }

  private renderConfigError(s: Extract<PricingSource, { kind: 'invalidJson' | 'invalid' }>) {
    if (s.kind === 'invalidJson') return html`<p class="message config" role="alert">${this.i18n.t('config.invalidJson')}</p>`;
    return html`<div class="message config" role="alert">
      <p>${this.i18n.t('config.invalid')}</p>
      <ul>
        ${s.issues.map((i) => {
          const own = i.code === 'unknownProduct' || i.code === 'duplicate' ? i.code : 'invalid';
          const max = i.params?.max;
          const message =
            i.field === 'currency'
              ? this.i18n.t('error.currency')
              : i.code === 'tooLarge' && max !== undefined && i.params?.min === undefined
                ? this.i18n.c('error.atMost', { max: this.i18n.number(max, 2) })
                : i.code === 'required' ||
                    i.code === 'notANumber' ||
                    i.code === 'negative' ||
                    i.code === 'notInteger' ||
                    i.code === 'tooLarge' ||
                    i.code === 'tooManyDecimals'
                  ? this.i18n.c(`error.${i.code}`)
                  : this.i18n.t(`error.${own}`);
          return html`<li><code dir="ltr">${i.field || 'config'}</code> ${message}</li>`;
        })}
      </ul>
    </div>`;
  }

  private renderDesign(design: PackageDesign, tiers: TierEconomics[], currency: string) {
    if (!tiers.length) return html`<p class="message">${this.i18n.t('noPlans')}</p>`;
    const t = this.i18n.t.bind(this.i18n);
    const annualPct = this.i18n.percent(design.annualDiscountPct ?? 0, 1);
    // A discount that rounds to "0%" is not offered as a saving.
    const saves = annualPct !== this.i18n.percent(0, 1);
    const choices: Array<[BillingChoice, string]> = [
      ['month', t('monthly')],
      ['year', saves ? t('yearlySave', { pct: annualPct }) : t('yearly')],
    ];
    return html`<fieldset part="toggle" class="toggle">
        <legend>${t('billing')}</legend>
        ${choices.map(
          ([value, label]) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="billing"
                value=${value}
                .checked=${this.billing === value}
                @change=${() => this.choose(value)}
              /><span>${label}</span></label
            >`,
        )}
      </fieldset>
      <ul role="list" class="tiers" aria-label=${t('plans')}>
        ${design.tiers.map((tier, i) => this.renderTier(tier, tiers[i], currency, i))}
      </ul>`;
  }

  private renderTier(tier: PackageTier, figures: TierEconomics, currency: string, index: number) {
    const t = this.i18n.t.bind(this.i18n);
    const yearly = this.billing === 'year';
    const headingId = `tier-${index}`;
    const outcomes = tier.outcomes?.filter((o) => o.trim()) ?? [];
    const outcome = (o: string) => html`<li dir="auto" title=${o}>${o}</li>`;
    const label = tier.cta?.label?.trim() || t('cta');
    const href = tier.cta?.href;
    return html`<li part="tier" class="tier" ?data-highlighted=${!!tier.highlighted} data-tier=${tier.id}>
      <h3 id=${headingId} class="name" dir="auto" title=${tier.name}>${tier.name}</h3>
      ${tier.highlighted ? html`<p class="badge">${t('recommended')}</p>` : nothing}
      <p part="price" class="price">
        <span class="amount">${this.money(yearly ? figures.annualPrice : figures.price, currency)}</span>
        <span class="per">${t(yearly ? 'perYear' : 'perMonth')}</span>
      </p>
      ${
        yearly
          ? html`<p class="note">${t('yearlyNote', { monthly: this.money(figures.annualPricePerMonth, currency) })}</p>
              ${figures.annualSavings > 0 ? html`<p class="save">${t('savings', { amount: this.money(figures.annualSavings, currency) })}</p>` : nothing}`
          : figures.listValue > figures.price
            ? html`<p class="note">${t('separately', { amount: this.money(figures.listValue, currency) })}</p>`
            : nothing
      }
      ${figures.setupFee > 0 ? html`<p class="note">${t('setup', { amount: this.money(figures.setupFee, currency) })}</p>` : nothing}
      ${
        outcomes.length
          ? html`<ul part="outcomes" role="list" class="outcomes" aria-label=${t('outcomes', { name: isolate(tier.name) })}>
                ${outcomes.slice(0, OUTCOMES_SHOWN).map(outcome)}
              </ul>
              ${
                outcomes.length > OUTCOMES_SHOWN
                  ? html`<details class="more">
                      <summary>${t('moreOutcomes', { n: this.i18n.number(outcomes.length - OUTCOMES_SHOWN) })}</summary>
                      <ul role="list" class="outcomes">
                        ${outcomes.slice(OUTCOMES_SHOWN).map(outcome)}
                      </ul>
                    </details>`
                  : nothing
              }`
          : nothing
      }
      ${
        href
          ? html`<a
              part="cta"
              class="cta"
              href=${href}
              aria-describedby=${headingId}
              @click=${() => this.cta(tier.id)}
              dir="auto"
              title=${label}
              ><span>${label}</span></a
            >`
          : html`<button
              part="cta"
              class="cta"
              type="button"
              aria-describedby=${headingId}
              @click=${() => this.cta(tier.id)}
              dir="auto"
              title=${label}
            >
              <span>${label}</span>
            </button>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrr-pricing-table': MrrPricingTable;
  }
}
