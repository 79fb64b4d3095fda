import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot?: ParentNode };

export interface ResizeOptions {
  /** An element of the host's shadow root to measure (found after each render); the host when absent. */
  selector?: string;
  /** Width to use before the first measurement (the host's own width is tried first). */
  fallbackWidth?: number;
  /**
   * Called with the measured element when its size changes, in the next frame (outside the
   * observer's callback), instead of re-rendering the host: for a measurement that is not a width.
   */
  onResize?: (target: Element) => void;
}

/**
 * The one ResizeObserver of MRR Kit elements: the content width of the host, or of an element in
 * its shadow root (`selector`), measured by the layout itself (not from copies of CSS paddings).
 * The host re-renders when the width changes, in the next frame: a render inside the observer's
 * callback that changes layout would be an observer loop. The first report of the width already
 * drawn asks for no second render (a long task on a phone).
 */
export class ResizeController implements ReactiveController {
  /** Measured content width in CSS pixels; 0 before the first measurement. */
  width = 0;
  private observer?: ResizeObserver;
  private observed: Element | null = null;
  private frame = 0;
  /** The width the last render used. */
  private usedWidth = 0;

  constructor(
    private readonly host: Host,
    private readonly options: ResizeOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (!entry) return;
      if (this.options.onResize) {
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.options.onResize?.(entry.target));
        return;
      }
      const w = Math.floor(entry.contentRect.width);
      if (w <= 0 || w === this.width) return;
      const shown = this.width || this.usedWidth;
      this.width = w;
      if (w === shown) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.host.requestUpdate());
    });
    this.hostUpdated();
  }

  hostUpdated(): void {
    if (!this.observer) return;
    const selector = this.options.selector;
    const found = selector ? (this.host.renderRoot?.querySelector(selector) ?? null) : this.host;
    if (found === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = found;
    if (found) this.observer.observe(found);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observed = null;
  }

  /** The measured width, or the fallback before the first measurement. */
  get value(): number {
    const own = this.options.selector ? 0 : this.host.clientWidth;
    this.usedWidth = this.width || own || (this.options.fallbackWidth ?? 640);
    return this.usedWidth;
  }
}
