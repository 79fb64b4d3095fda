/* eslint-disable lit-a11y/no-redundant-role -- Safari (VoiceOver) drops the list semantics of a <ul>
   styled with list-style: none; role="list" gives them back, so "list, 3 items" is announced. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { subscribe, latest } from '../../src/channel/channel.js';
import { pricingShowsMinor, pricingTopic, type PublicPricing, type PublicTier, yearlySaving } from '../../src/channel/pricing.js';
import { toMinor } from '../../src/core/money.js';
import type { PackageDesign } from '../../src/core/packages.js';
import { AnnounceController } from '../../src/controllers/announce-controller.js';
import { LeadController } from '../../src/leads/lead-controller.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { MrrCtaEvent, type MrrCtaDetail } from '../../src/events.js';
import { type Stage, StagedElement } from '../../src/ui/staged-element.js';
// Configuration problems show field errors on a first render: their words come with the element.
import '../../src/i18n/errors.js';
import { messages } from './messages.js';
import { pricingTableStyles } from './mrr-pricing-table.styles.js';
import { type ConfigIssue, type PricingSource, readConfig } from './source.js';
import { isolate } from '../../src/ui/text.js';

/** Detail of `mrr-cta`: what the visitor chose, at the price shown (src/events.ts). */
export type PricingCtaDetail = MrrCtaDetail;

export type BillingChoice = 'month' | 'year';

/** Outcomes shown on a card; the others wait behind "Show n more". */
const OUTCOMES_SHOWN = 10;

/**
 * `<mrr-pricing-table>`: the agency's packages for its public site. Renders the public pricing of a
 * `<mrr-package-designer>`, from, in this order: the `config` property, a child
 * `<script type="application/json">` (the designer's "Export for the pricing table": names, prices
 * per interval, outcomes, calls to action, currency; or a whole design, `packageEconomics`' input
 * plus per tier `outcomes`, `highlighted` and `cta: { label, href? }`, computed here), or the
 * pricing a designer with the same `storage-key` publishes on the channel (this page, another tab,
 * or earlier on this device: `src/channel/channel.ts`). Prices monthly or yearly (a radio group;
 * yearly applies the design's annual discount and says what it saves), the highlighted tier,
 * outcomes and a call to action per tier. It never renders wholesale cost, margin or profit, and
 * what the designer publishes holds none.
 *
 * @fires {MrrCtaEvent} mrr-cta - A tier's call to action was activated; `detail: { tierId, price, interval: 'month' | 'year', currency }`.
 * @csspart base - The whole table.
 * @csspart toggle - The monthly/yearly radio group.
 * @csspart tier - Each tier's card.
 * @csspart price - A tier's price line.
 * @csspart outcomes - A tier's outcome list.
 * @csspart includes - The products and services a tier includes (when the design lists them).
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
 * @attr lead-endpoint - Lead capture (README "Lead capture"): where leads are POSTed; empty: only the `mrr-lead` event.
 * @attr consent-text - Lead capture: the label of the consent checkbox, in the agency's words.
 * @fires {MrrLeadEvent} mrr-lead - With lead capture on, a prospect sent the form; `detail`: the lead (src/events.ts `MrrLeadEvent`).
 * @csspart lead - Lead capture: the "Email me …" button, its form and where the lead is.
 *
 * @tagname mrr-pricing-table
 */
export class MrrPricingTable extends StagedElement {
  static override styles = pricingTableStyles;

  /**
   * What to render (public pricing or a whole design, beside the shared settings: see
   * src/core/config.ts); wins over the child script and the channel. Replace, don't mutate.
   */
  declare config?: PublicPricing | PackageDesign | (Record<string, unknown> & { tiers?: unknown; catalog?: unknown });

  /** The values of its attributes that take one of a few (read by the embed builder). */
  static readonly attributeChoices = { interval: ['month', 'year'] };

  /** Prices shown first: 'month' or 'year'. The visitor's choice updates it. */
  @property() interval: BillingChoice = 'month';

  @state() private stored: PricingSource = { kind: 'none' };

  /**
   * The first render, one step per task (a prospect's phone never blocks long): the billing
   * choice, then the cards one by one (the first two alone, the rest together). Later renders draw all.
   */
  protected readonly stages: readonly Stage[] = [{ name: 'toggle' }, { name: 'card-1' }, { name: 'card-2' }, { name: 'cards' }];

  protected readonly i18n = new LocaleController(this, messages);
  private readonly announcer = new AnnounceController(this, 0);
  /** "Email me these prices", also opened by a call to action (with `lead-endpoint` or `config.leads`; loaded on demand). */
  private readonly leads = new LeadController(this, { noun: 'prices', result: () => this.leadResult() });
  /** The tier whose call to action opened the lead form. */
  private leadTier?: string;
  private source: PricingSource = { kind: 'none' };
  private computedFrom: unknown[] = [];
  /** The channel key followed (the storage key), or null. */
  private storedKey: string | null = null;
  private unsubscribe?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follow(null);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The configuration is read by the shared reader (src/config/settings.ts; bad JSON is its
    // notice): its pricing or design is this table's data. A configuration with only shared
    // settings (a brand, a theme) leaves the pricing to the channel.
    const data = this.configData;
    const given = this.config !== undefined || this.scriptText !== null;
    const own = data !== null && typeof data === 'object' && ('tiers' in data || 'catalog' in data) ? data : undefined;
    const useChannel = own === undefined && (!given || data !== undefined) && !!this.storageKey;
    if (this.isConnected) this.follow(useChannel ? this.storageKey : null);
    // A config given before the element was defined: its reader is loading (shown next update).
    const inputs = [own, useChannel ? this.stored : null, this.settingsPending];
    if (inputs.every((x, i) => x === this.computedFrom[i])) return;
    this.computedFrom = inputs;
    if (own !== undefined) this.source = readConfig(own);
    else if (this.settingsPending) this.source = { kind: 'loading' };
    else this.source = useChannel ? this.stored : { kind: 'none' };
  }

  /**
   * Follows the public pricing published under `key` (null: none). Each record replaces the one
   * shown; a designer whose design is refused publishes nothing, so the last valid pricing stays.
   */
  private follow(key: string | null): void {
    if (key === this.storedKey) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.storedKey = key;
    if (key === null) return;
    this.stored = { kind: 'loading' };
    this.unsubscribe = subscribe(pricingTopic, key, (pricing) => {
      if (this.storedKey === key) this.stored = { kind: 'pricing', pricing };
    });
    void latest(pricingTopic, key).then((pricing) => {
      if (this.storedKey === key && !pricing && this.stored.kind === 'loading') this.stored = { kind: 'none' };
    });
  }

  private get billing(): BillingChoice {
    return this.interval === 'year' ? 'year' : 'month';
  }

  private choose(interval: BillingChoice): void {
    this.interval = interval;
    this.announcer.say(this.i18n.t(interval === 'year' ? 'shownYearly' : 'shownMonthly'));
  }

  /** What the prospect saw: the prices at the interval shown, and the tier chosen if a call to action opened the form. */
  private leadResult() {
    if (this.source.kind !== 'pricing') return null;
    const interval = this.billing;
    const { currency, tiers } = this.source.pricing;
    const list = tiers.map((t) => ({ id: t.id, name: t.name, price: t[interval].price }));
    return { currency, interval, tiers: list, tierId: this.leadTier ?? null };
  }

  private cta(tier: PublicTier, e?: Event): void {
    if (this.source.kind !== 'pricing') return;
    // Lead capture on: the call to action opens the form first; once a lead is sent, the link is followed.
    if (this.leads.on && !this.leads.captured) {
      e?.preventDefault();
      this.leadTier = tier.id;
      this.leads.open();
    }
    const interval = this.billing;
    const price = interval === 'year' ? tier.year.price : tier.month.price;
    const chosen = new MrrCtaEvent({ tierId: tier.id, price, interval, currency: this.source.pricing.currency });
    this.dispatchEvent(chosen);
  }

  /** The table's one rounding rule: every amount with cents when one has them, else none (`pricingShowsMinor`). */
  private showsMinor = false;

  private money(amount: number, currency: string): string {
    return this.i18n.money(toMinor(amount, currency), currency, { whole: !this.showsMinor });
  }

  override render() {
    const s = this.source;
    const body =
      s.kind === 'pricing'
        ? this.renderPricing(s.pricing)
        : s.kind === 'loading'
          ? html`<p class="message" role="status">${this.i18n.t('loading')}</p>`
          : s.kind === 'none'
            ? html`<p class="message">${this.i18n.t('noPlans')}</p>`
            : this.renderConfigError(s);
    return html`<div part="base" class="base" dir=${this.i18n.dir} lang=${this.i18n.lang}>
      ${body}${s.kind === 'pricing' ? this.leads.render() : nothing}${this.announcer.render()}
    </div>`;
  }

  private renderConfigError(s: Extract<PricingSource, { kind: 'invalidJson' | 'invalid' }>) {
    if (s.kind === 'invalidJson') return html`<p class="message config" role="alert">${this.i18n.t('config.invalidJson')}</p>`;
    return html`<div class="message config" role="alert">
      <p>${this.i18n.t('config.invalid')}</p>
      <ul>
        ${s.issues.map((i: ConfigIssue) => {
          const own = i.code === 'unknownProduct' || i.code === 'duplicate' || i.code === 'duplicateProduct' ? i.code : 'invalid';
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

  private renderPricing(pricing: PublicPricing) {
    if (!pricing.tiers.length) return html`<p class="message">${this.i18n.t('noPlans')}</p>`;
    const t = this.i18n.t.bind(this.i18n);
    // The toggle's words follow the cards: a saving is offered when a card shows one, and its
    // percent never reads 0 % (a card saves something) nor 100 % (a card still asks a yearly price).
    const saving = yearlySaving(pricing);
    this.showsMinor = pricingShowsMinor(pricing);
    const choices: Array<[BillingChoice, string]> = [
      ['month', t('monthly')],
      ['year', saving ? t('yearlySave', { pct: this.i18n.percent(saving.pct, saving.digits) }) : t('yearly')],
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
        ${pricing.tiers.slice(0, this.cardsDrawn()).map((tier, i) => this.renderTier(tier, pricing.currency, i))}
      </ul>`;
  }

  /** How many cards the first render's current step draws (all once it is done). */
  private cardsDrawn(): number {
    if (this.reached('cards')) return Infinity;
    return this.reached('card-2') ? 2 : this.reached('card-1') ? 1 : 0;
  }

  private renderTier(tier: PublicTier, currency: string, index: number) {
    const t = this.i18n.t.bind(this.i18n);
    const yearly = this.billing === 'year';
    const headingId = `tier-${index}`;
    const outcomes = tier.outcomes.filter((o) => o.trim());
    const outcome = (o: string) => html`<li dir="auto" title=${o}>${o}</li>`;
    const includes = tier.includes ?? [];
    const label = tier.cta?.label?.trim() || t('cta');
    const href = tier.cta?.href;
    return html`<li part="tier" class="tier" ?data-highlighted=${!!tier.highlighted} data-tier=${tier.id}>
      <h2 id=${headingId} class="name" dir="auto" title=${tier.name}>${tier.name}</h2>
      ${tier.highlighted ? html`<p class="badge">${t('recommended')}</p>` : nothing}
      <p part="price" class="price">
        <span class="amount">${this.money(yearly ? tier.year.price : tier.month.price, currency)}</span>
        <span class="per">${t(yearly ? 'perYear' : 'perMonth')}</span>
      </p>
      ${
        yearly
          ? html`<p class="note">${t('yearlyNote', { monthly: this.money(tier.year.perMonth, currency) })}</p>
              ${tier.year.savings > 0 ? html`<p class="save">${t('savings', { amount: this.money(tier.year.savings, currency) })}</p>` : nothing}`
          : tier.month.listValue > tier.month.price
            ? html`<p class="note">${t('separately', { amount: this.money(tier.month.listValue, currency) })}</p>`
            : nothing
      }
      ${tier.month.setupFee > 0 ? html`<p class="note">${t('setup', { amount: this.money(tier.month.setupFee, currency) })}</p>` : nothing}
      ${
        includes.length
          ? html`<ul part="includes" role="list" class="includes" aria-label=${t('includes', { name: isolate(tier.name) })}>
              ${includes.map((item) => {
                const text =
                  item.quantity === 1
                    ? item.name
                    : t('includedQuantity', { name: item.name, n: this.i18n.number(item.quantity, 2) });
                return html`<li dir="auto" title=${text}>${text}</li>`;
              })}
            </ul>`
          : nothing
      }
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
              @click=${(e: Event) => this.cta(tier, e)}
              dir="auto"
              title=${label}
              ><span>${label}</span></a
            >`
          : html`<button
              part="cta"
              class="cta"
              type="button"
              aria-describedby=${headingId}
              @click=${(e: Event) => this.cta(tier, e)}
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
