import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MrrEvent } from '../events.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot?: ParentNode };

/**
 * `mrr-settled`: for integrations (a CRM, analytics) that want one event per value the user
 * settled on, not one per keystroke. The element's change event (`mrr-change`, …) fires on every
 * edit that gives a valid result; `mrr-settled` fires once that result is committed: the field
 * loses focus or the user presses Enter (the input's `change`), or typing pauses for `pauseMs`.
 * Its detail is the detail of the last change event; the same result is never sent twice.
 */
export class SettleController implements ReactiveController {
  private pending?: { detail: unknown; key: string };
  private lastKey = '';
  private timer?: ReturnType<typeof setTimeout>;
  private readonly onCommit = () => this.settle();
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') this.settle();
  };

  constructor(
    private readonly host: Host,
    private readonly pauseMs = 1500,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot?.addEventListener('change', this.onCommit);
    this.host.addEventListener('focusout', this.onCommit);
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.renderRoot?.removeEventListener('change', this.onCommit);
    this.host.removeEventListener('focusout', this.onCommit);
    this.host.removeEventListener('keydown', this.onKey);
    this.settle();
  }

  /** The element fired its change event with `detail`: settle it at the next commit or pause. */
  changed(detail: unknown): void {
    this.pending = { detail, key: JSON.stringify(detail) ?? '' };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), this.pauseMs);
  }

  private settle(): void {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    if (!pending || pending.key === this.lastKey) return;
    this.lastKey = pending.key;
    this.host.dispatchEvent(new MrrEvent('mrr-settled', pending.detail));
  }
}
