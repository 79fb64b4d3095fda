import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * The content width of an element inside the host's shadow root (found by `selector` after each
 * render), measured by a `ResizeObserver`: layout numbers (a chart's width) come from the layout
 * itself, not from copies of CSS paddings. Re-renders the host when the width changes.
 */
export class ContainerWidthController implements ReactiveController {
  /** Measured content width in CSS pixels; 0 before the first measurement. */
  width = 0;
  private observed: Element | null = null;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly host: Host,
    private readonly selector: string,
    private readonly fallbackWidth = 640,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== this.width) {
        this.width = w;
        // Re-render in the next frame: a render inside the observer's callback that changes layout
        // would be an observer loop.
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.host.requestUpdate());
      }
    });
    if (this.observed) this.observer.observe(this.observed);
  }

  hostUpdated(): void {
    const found = this.host.renderRoot.querySelector(this.selector);
    if (found === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = found;
    if (found) this.observer?.observe(found);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
  }

  /** The measured width, or the fallback before the first measurement. */
  get value(): number {
    return this.width || this.fallbackWidth;
  }
}
