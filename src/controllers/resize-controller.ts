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
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** The measured width, or the fallback before the first measurement. */
  get value(): number {
    return this.width || this.host.clientWidth || this.fallbackWidth;
  }
}
