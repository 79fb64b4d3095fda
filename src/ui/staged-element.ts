import type { LitElement } from 'lit';
import { MrrElement } from './mrr-element.js';
import { warmIntl } from './intl-warmup.js';
import { nextTask } from './tasks.js';

/**
 * An MRR Kit element whose first render never blocks a phone's main thread for long (the
 * calculator, which prospects load alone on an agency's page): it gets its shadow root at once,
 * but adopts its styles, connects its controllers and starts updating a task after the script's;
 * its first update waits for `warmIntl()` (the browser's number-format tables built off the page's
 * thread) and comes in a task of its own. Subclasses may draw their first render in further steps
 * and say when they are done (`settled`).
 *
 * Until then the element carries the custom state `loading`, which a host page may use to keep its
 * place: `mrr-calculator:state(loading) { display: block; min-block-size: 100vh }`.
 */
export abstract class StagedElement extends MrrElement {
  /** The element's custom states; absent where the browser has none. */
  private readonly states = customStates(this);
  private started = false;
  /** Lit's connectedCallback ran (and its disconnectedCallback did not since). */
  private litConnected = false;

  constructor() {
    super();
    // Not `updated()`: subclasses override it without calling super.
    this.addController({ hostUpdated: () => this.settled && this.states?.delete('loading') });
  }

  /** True once the element shows everything of its first render (`:state(loading)` ends). */
  protected get settled(): boolean {
    return true;
  }

  override connectedCallback(): void {
    if (this.started || this.litConnected) return this.connectLit();
    // The shadow root now (hosts may look for it); its styles, with Lit's own connection, later.
    if (!this.shadowRoot) this.attachShadow((this.constructor as typeof LitElement).shadowRootOptions);
    void nextTask().then(() => {
      if (this.isConnected && !this.litConnected) this.connectLit();
    });
  }

  private connectLit(): void {
    this.litConnected = true;
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    if (!this.litConnected) return;
    this.litConnected = false;
    super.disconnectedCallback();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.started) return super.scheduleUpdate();
    this.started = true;
    return nextTask()
      .then(() => warmIntl())
      .then(nextTask)
      .then(() => super.scheduleUpdate());
  }
}

/** The element's `CustomStateSet` with `loading` in it, or undefined in a browser without one (or with only the older `--name` syntax). */
function customStates(el: HTMLElement): { add(s: string): void; delete(s: string): void } | undefined {
  try {
    const states = el.attachInternals().states;
    states.add('loading');
    return states;
  } catch {
    return undefined;
  }
}
