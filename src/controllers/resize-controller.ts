import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the content width of the host (for charts); re-renders when it changes. */
export class ResizeController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallbackWidth = 640,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== this.width) {
        const shown = this.width || this.usedWidth;
        this.width = w;
        // The first report of the width already drawn needs no second render (a long task on a phone).
        if (w !== shown) this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The measured width, or the fallback before the first measurement. */
  get value(): number {
    this.usedWidth = this.width || this.host.clientWidth || this.fallbackWidth;
    return this.usedWidth;
  }
  /** The width the last render used. */
  private usedWidth = 0;
}
