import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region for screen readers: `later()` announces results once typing pauses (not on
 * every keystroke), `say()` announces the outcome of an action at once.
 */
export class AnnounceController implements ReactiveController {
  message = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delayMs = 700,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  say(message: string): void {
    clearTimeout(this.timer);
    this.message = message;
    this.host.requestUpdate();
  }

  /** Announces what `compose` returns (nothing when undefined) after `delayMs` without a new call. */
  later(compose: () => string | undefined): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const message = compose();
      if (message !== undefined) this.say(message);
    }, this.delayMs);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
