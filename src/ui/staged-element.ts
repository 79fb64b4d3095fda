import type { LitElement } from 'lit';
import { MrrElement } from './mrr-element.js';
import { warmIntl } from './intl-warmup.js';
import { nextFrame, nextTask } from './tasks.js';

/** One step of a staged first render. */
export interface Stage {
  /** What the step draws (`reached(name)` tells the render whether to draw it). */
  readonly name: string;
  /**
   * Runs once, before the step's render, in the step's own task: the place to load or compute
   * what it needs (a module, the first reading of the form). A promise delays the step until it
   * settles.
   */
  readonly before?: () => void | Promise<unknown>;
}

/**
 * A stage whose `before` reads the form (`read()`: e.g. `() => this.form.result`) in a task of its
 * own, the stage's render coming in the next: the first reading never shares a task with a render.
 */
export function readingStage(name: string, read: () => unknown): Stage {
  return {
    name,
    before: () => {
      read();
      return nextTask();
    },
  };
}

/**
 * An MRR Kit element whose first render never blocks a phone's main thread for long (the
 * calculator, which prospects load alone on an agency's page): it gets its shadow root at once,
 * but adopts its styles, connects its controllers and starts updating a task after the script's;
 * its first update waits for `warmIntl()` (the browser's number-format tables built off the page's
 * thread) and comes in a task of its own.
 *
 * A subclass declares its first render as `stages`, drawn one per frame (each in a task of its own
 * after the frame that lays out and paints the previous one: `nextFrame()`), and renders a part
 * only once `reached(name)`. Later renders
 * draw everything at once. `updateComplete` resolves when the last stage is drawn.
 *
 * Until then the element carries the custom state `loading`, which a host page may use to keep its
 * place: `mrr-calculator:state(loading) { display: block; min-block-size: 100vh }`.
 */
export abstract class StagedElement extends MrrElement {
  /** The steps of the first render, in order (at least one). */
  protected abstract readonly stages: readonly Stage[];

  /** The element's custom states; absent where the browser has none. */
  private readonly states = customStates(this);
  private started = false;
  /** Lit's connectedCallback ran (and its disconnectedCallback did not since). */
  private litConnected = false;
  /** Index of the stage the next render draws. */
  private stage = 0;
  /** Stages whose `before` ran. */
  private entered = -1;
  /** The wait before the next step, while one is pending (`updateComplete` waits for it). */
  protected stepping?: Promise<void>;

  constructor() {
    super();
    // Not `updated()`: subclasses override it without calling super.
    this.addController({ hostUpdated: () => this.advance() });
  }

  /** True once the first render has drawn (or is drawing) the stage `name`. */
  protected reached(name: string): boolean {
    const index = this.stages.findIndex((s) => s.name === name);
    return index >= 0 && this.stage >= index;
  }

  /** After each render: the next stage, a frame later (`RedrawingElement` also steps held parts). */
  protected advance(): void {
    // Every stage of the first render is drawn.
    if (this.stage >= this.stages.length - 1) {
      this.states?.delete('loading');
      return;
    }
    // The next stage after the next frame: the render just done is laid out and painted in that
    // frame's task, the next render comes in a task of its own after it.
    this.stepping ??= nextFrame().then(() => {
      this.stepping = undefined;
      this.stage++;
      this.requestUpdate();
    });
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
    if (this.started) return this.enterStage();
    this.started = true;
    return nextTask()
      .then(() => warmIntl())
      .then(nextTask)
      .then(() => this.enterStage());
  }

  /** Runs the coming stage's `before` (once), then updates. */
  private enterStage(): void | Promise<unknown> {
    const stage = this.stages[this.stage];
    if (stage && this.entered < this.stage) {
      this.entered = this.stage;
      const waiting = stage.before?.();
      if (waiting) return waiting.then(() => super.scheduleUpdate());
    }
    return super.scheduleUpdate();
  }

  /** Resolves once every stage of the first render is drawn (tests, hosts waiting for a full render). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.stepping) {
      await this.stepping;
      done = await super.getUpdateComplete();
    }
    return done;
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
