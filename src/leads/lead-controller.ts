import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { MrrLeadEvent } from '../events.js';
import { holdUpdate } from '../ui/tasks.js';
import type { LeadOptions, LeadPart } from './lead-part.js';

/** An element: `config` is its configuration as given, `mrrConfig` the shared settings validated (src/config). */
type Host = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment; config?: unknown; mrrConfig?: { leads?: unknown } };

/**
 * Whether the element's configuration has a `leads` object: validated (`mrrConfig`, which keeps the
 * object even when none of its fields could be used) once the settings are loaded, else as given.
 * Only turns capture on: the values lead capture uses are the validated ones alone (lead-part.ts).
 */
export const leadsOf = (host: Host): unknown =>
  host.mrrConfig?.leads ?? (host.config as { leads?: unknown } | null | undefined)?.leads;

/**
 * Lead capture for an element that shows a result a prospect would keep: "Email me this
 * projection", a form, the lead kept in an outbox until the agency's endpoint has it (src/leads).
 * An element adds it declaratively and renders it where the button belongs:
 *
 * ```ts
 * private readonly leads = new LeadController(this, { noun: 'projection', result: () => this.form.result });
 * // render(): ${this.leads.render()}
 * ```
 *
 * On with a `lead-endpoint` attribute (empty: only the `mrr-lead` event, nothing posted) or a
 * `leads` object in the element's `config`; `consent-text` is the consent checkbox's label. This
 * controller is all an element's own file carries: the button, the outbox and the sender load with
 * `import()` when lead capture is on (the element's first render waits for them, so the button
 * does not push the page down later), the form when the button is pressed.
 */
export class LeadController implements ReactiveController {
  private part?: LeadPart;
  private loading?: Promise<unknown>;
  private observer?: MutationObserver;

  constructor(
    private readonly host: Host,
    private readonly options: LeadOptions,
  ) {
    host.addController(this);
  }

  /** Lead capture is on: a `lead-endpoint` attribute or `config.leads`. */
  get on(): boolean {
    return this.host.hasAttribute('lead-endpoint') || !!leadsOf(this.host);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => {
      this.load();
      this.host.requestUpdate();
    });
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lead-endpoint', 'consent-text'] });
    if (this.load()) holdUpdate(this.host, this.loading!);
    this.part?.connect();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.part?.disconnect();
  }

  hostUpdate(): void {
    this.load(); // `config.leads` set from code
  }

  /** A lead was sent from this element (or is on its way): the pricing table's links then lead on. */
  get captured(): boolean {
    return !!this.part?.captured;
  }

  /** Opens the form (the pricing table's calls to action). */
  open(): void {
    this.part?.open();
  }

  /** Starts loading the lead part when capture is on; true when a load started now. */
  private load(): boolean {
    if (this.loading || !this.on) return false;
    this.loading = import('./lead-part.js')
      .then((module) => module.createPart(this.host, this.options, (lead) => this.host.dispatchEvent(new MrrLeadEvent(lead))))
      .then(
        (part) => {
          this.part = part;
          if (this.host.isConnected) part.connect();
          this.host.requestUpdate();
        },
        () => void (this.loading = undefined), // offline without the chunk: tried again later
      );
    return true;
  }

  /** The button, the form when open, and where the last lead is; nothing when capture is off. */
  render(): TemplateResult | undefined {
    return this.on ? this.part?.render() : undefined;
  }
}
