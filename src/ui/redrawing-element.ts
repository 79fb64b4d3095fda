import { StagedElement } from './staged-element.js';
import { nextFrame } from './tasks.js';

/**
 * A {@link StagedElement} that can draw parts of its render again in steps after its first render:
 * when new data replaces what the parts show (movements after a million-row import, or a large
 * saved dataset opened), `redrawInSteps(names)` holds those stages back and brings them again one
 * per frame, in order, so that no single task renders them all. Kept apart from `StagedElement`
 * so that the elements that never need it (the calculator, loaded alone) do not carry it.
 */
export abstract class RedrawingElement extends StagedElement {
  /** Parts held back by {@link redrawInSteps}, released one per frame. */
  private held: readonly string[] = [];

  /** True once the stage `name` is drawn and is not held back. */
  protected override reached(name: string): boolean {
    return super.reached(name) && !this.held.includes(name);
  }

  /**
   * New data replaces what the parts `names` (stage names, in order) show: the next render draws
   * without them, then they come back one per frame. `updateComplete` resolves once all are drawn.
   */
  protected redrawInSteps(names: readonly string[]): void {
    this.held = names.filter((name) => this.stages.some((s) => s.name === name));
    this.requestUpdate();
  }

  protected override advance(): void {
    if (this.held.length === 0) return super.advance();
    this.stepping ??= nextFrame().then(() => {
      this.stepping = undefined;
      this.held = this.held.slice(1);
      this.requestUpdate();
    });
  }
}
