import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface UndoEntry<T> {
  snapshot: T;
  /**
   * The sentence ("Product “SEO” removed."), built each time it is shown so it follows a language
   * switch while the offer lasts: pass a function that writes it in the element's current language
   * (e.g. `() => this.i18n.t('removed.product', { name })`). A plain string stays as written.
   */
  message: string | (() => string);
  /** Id of the element to focus once restored. */
  focus?: string;
}

export interface UndoOptions<T> {
  /** Puts `snapshot` back (the host saves it like any edit); may resolve once it is back. */
  restore: (snapshot: T) => void | Promise<unknown>;
  /** Id to focus when the offer expires while its button has focus. */
  fallbackFocus: string;
  timeoutMs?: number;
}

/**
 * "… removed. Undo": one level of undo after a destructive action. The offer lasts `timeoutMs`
 * (10 s) or until the next edit, takes focus so keyboard users can press it at once, and gives
 * focus back to something sensible when it goes.
 */
export class UndoController<T> implements ReactiveController {
  entry?: UndoEntry<T>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: UndoOptions<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Offers to undo an action that replaced `snapshot`, and moves focus to the Undo button. */
  offer(entry: UndoEntry<T>): void {
    this.set(entry);
    void this.host.updateComplete.then(() => this.focus('undo'));
  }

  /** Withdraws the offer (the user made another edit). */
  clear(): void {
    if (this.entry) this.set(undefined);
  }

  undo(): void {
    const entry = this.entry;
    if (!entry) return;
    this.set(undefined);
    // Focus moves once what was restored is drawn (a restore that saves first resolves later).
    const restored = this.options.restore(entry.snapshot);
    const drawn =
      restored instanceof Promise
        ? restored.catch(() => undefined).then(() => this.host.updateComplete)
        : this.host.updateComplete;
    if (entry.focus) void drawn.then(() => this.focus(entry.focus!));
  }

  render(label: string): TemplateResult {
    return html`<div class="undo" part="undo" role="status">
      ${
        this.entry
          ? html`<span>${this.message}</span> <button type="button" id="undo" @click=${() => this.undo()}>${label}</button>`
          : nothing
      }
    </div>`;
  }

  /** The offer's sentence in the current language ('' when there is none). */
  get message(): string {
    const m = this.entry?.message;
    return typeof m === 'function' ? m() : (m ?? '');
  }

  private set(entry: UndoEntry<T> | undefined): void {
    clearTimeout(this.timer);
    this.entry = entry;
    this.host.requestUpdate();
    if (!entry) return;
    this.timer = setTimeout(() => {
      const hadFocus = (this.host.shadowRoot?.activeElement as HTMLElement | null)?.id === 'undo';
      this.set(undefined);
      if (hadFocus) void this.host.updateComplete.then(() => this.focus(this.options.fallbackFocus));
    }, this.options.timeoutMs ?? 10_000);
  }

  private focus(id: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)?.focus();
  }
}
