import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextMessageTask } from '../ui/tasks.js';

/**
 * Which rows of a long table to create and which to fill, so that no task of the page runs long:
 *
 * - the table **grows** by {@link RowWindowOptions.grow} rows per task (creating a hundred rows with
 *   their text at once is one long task); the first render of new rows has none (`filling`: the
 *   results stay hidden until their first rows exist);
 * - only the rows in and around the visible part are **filled** (a window of about
 *   {@link RowWindowOptions.size}); the others are created empty and hidden, their height kept by
 *   spacer rows of `before` and `after` rows (laying out a hundred filled rows after each sort was
 *   a long frame).
 *
 * The owner asks {@link plan} what to render (a pure reading), renders it, then calls
 * {@link rendered} with that plan: growing and measuring the row height happen there, never while
 * rendering. Scrolling the table ({@link onScroll}) moves the window.
 */
export interface RowWindowOptions {
  /** Renders the rows again (the owner's render, not necessarily the host's). */
  requestRender(): void;
  /** The filled rows as rendered, to measure their height. */
  filledRows(): readonly HTMLElement[];
  /** Rows created per task; default 10. */
  grow?: number;
  /** Rows filled around the visible part; default 24. */
  size?: number;
  /** Rows filled beyond the visible part on each side once the page had a turn; default 6. */
  overscan?: number;
  /** A row's height before one is measured; default 44 px. */
  rowHeight?: number;
}

/** What to render for a table of `target` rows. */
export interface RowWindowPlan {
  /** Rows to create (positions 0 … count − 1). */
  count: number;
  /** Filled rows: positions first … last − 1; spacer heights above and below. */
  first: number;
  last: number;
  /** The results are still hidden (their first rows not created yet). */
  filling: boolean;
  /** Rows of `target` not created yet (the table is busy). */
  pending: boolean;
}

export class RowWindowController implements ReactiveController {
  /** The average height of a filled row (measured once after the first rows are laid out). */
  rowHeight: number;
  private created = 0;
  private skeleton = false;
  private filling = false;
  private growing = false;
  private window: { first: number; last: number };
  private measuring = false;
  private measured = false;
  private readonly grow: number;
  private readonly size: number;
  private readonly overscan: number;
  /** The scrolling box (known once it scrolled). */
  private scroller?: HTMLElement;
  /** Where the view was when the row height changed (a row in view and its offset, or the bottom), kept after the next render. */
  private anchor?: { row: HTMLElement; offset: number } | 'bottom';

  constructor(
    host: ReactiveControllerHost,
    private readonly o: RowWindowOptions,
  ) {
    this.grow = o.grow ?? 10;
    this.size = o.size ?? 24;
    this.overscan = o.overscan ?? 6;
    this.rowHeight = o.rowHeight ?? 44;
    this.window = { first: 0, last: this.size };
    host.addController(this);
  }

  hostConnected(): void {}

  /** New rows (new results): none created, hidden until their first rows are, window at the top. */
  reset(): void {
    this.created = 0;
    this.skeleton = true;
    this.filling = true;
    this.window = { first: 0, last: this.size };
  }

  /** No table shown. */
  clear(): void {
    this.created = 0;
  }

  /** What to render for `target` rows (reads, changes nothing). */
  plan(target: number): RowWindowPlan {
    const count = this.skeleton && target > this.grow ? 0 : target > this.created + this.grow ? this.created + this.grow : target;
    const span = this.window.last - this.window.first;
    const first = Math.min(this.window.first, Math.max(0, count - span));
    return { count, first, last: first + span, filling: this.filling && count < target, pending: count < target };
  }

  /** After `plan` was rendered: the next rows in a task of their own, the row height measured once. */
  rendered(plan: RowWindowPlan): void {
    this.created = plan.count;
    this.skeleton = false;
    if (plan.pending) this.growLater();
    else this.filling = false;
    this.keepAnchor();
    this.measureLater();
  }

  /** Scrolling the table moves the window of filled rows when the visible part leaves it. */
  readonly onScroll = (event: Event): void => {
    this.follow((this.scroller = event.currentTarget as HTMLElement));
  };

  private follow(el: HTMLElement): void {
    const h = this.rowHeight;
    const from = Math.max(0, Math.floor(el.scrollTop / h) - 1);
    const to = Math.ceil((el.scrollTop + el.clientHeight) / h);
    if (from >= this.window.first && to <= this.window.last) return;
    // The rows in view first; those around them in a task of their own (a jump fills a whole window).
    const moved = (this.window = { first: from, last: to + 1 });
    this.o.requestRender();
    void nextMessageTask().then(() => {
      if (this.window !== moved) return;
      this.window = {
        first: Math.max(0, from - this.overscan),
        last: Math.max(to + this.overscan, from - this.overscan + this.size),
      };
      this.o.requestRender();
    });
  }

  /**
   * After the row height changed under a scrolled table (the spacers resized): the same rows in view
   * (the bottom stays the bottom), and the window follows, whether or not the box fires a scroll.
   */
  private keepAnchor(): void {
    const { anchor, scroller: el } = this;
    if (anchor === undefined || !el?.isConnected) return;
    this.anchor = undefined;
    if (anchor === 'bottom') el.scrollTop = el.scrollHeight;
    else if (anchor.row.isConnected && !anchor.row.hidden)
      el.scrollTop += anchor.row.getBoundingClientRect().top - el.getBoundingClientRect().top - anchor.offset;
    this.follow(el);
  }

  /** The first filled row in view and its offset from the box's top (the bottom when scrolled to it); none at the top. */
  private anchorOf(rows: readonly HTMLElement[]): RowWindowController['anchor'] {
    const el = this.scroller;
    if (!el?.isConnected || el.scrollTop <= 0) return undefined;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) return 'bottom';
    const top = el.getBoundingClientRect().top;
    const row = rows.find((tr) => tr.getBoundingClientRect().bottom > top);
    return row && { row, offset: row.getBoundingClientRect().top - top };
  }

  private growLater(): void {
    if (this.growing) return;
    this.growing = true;
    void nextMessageTask().then(() => {
      this.growing = false;
      this.o.requestRender();
    });
  }

  /** After the next frame (layout done, nothing forced): the average height of the filled rows. */
  private measureLater(): void {
    if (this.measuring || this.measured) return;
    this.measuring = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.measuring = false;
        const rows = this.o.filledRows();
        if (rows.length < 3) return;
        this.measured = true;
        const average = rows.reduce((sum, tr) => sum + tr.offsetHeight, 0) / rows.length;
        if (average > 0 && Math.abs(average - this.rowHeight) > 1) {
          this.anchor = this.anchorOf(rows);
          this.rowHeight = average;
          this.o.requestRender();
        }
      }),
    );
  }
}
