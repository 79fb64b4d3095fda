import { expect, fixture } from '@open-wc/testing';
import { html, LitElement, nothing } from 'lit';
import { RowWindowController } from '../../src/controllers/row-window-controller.js';
import { until } from './helpers.js';

/**
 * The row window of a long table when its row height is measured late (a busy page): the user had
 * already scrolled, with the 44 px guess, and the spacers are resized under them. The rows in view
 * must stay in view and be filled; before the fix, a table scrolled to the bottom showed the last
 * row hidden below the box for good.
 */
const ROWS = 100;
const ROW_PX = 80;

class RowWindowHost extends LitElement {
  readonly rows = new RowWindowController(this, {
    // In a microtask, as the import panel does (not from inside `updated`).
    requestRender: () => void Promise.resolve().then(() => this.requestUpdate()),
    filledRows: () => [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr.row:not([hidden])')],
    grow: 1000,
  });

  get scroller(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.scroller')!;
  }

  row(i: number): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-row="${i}"]`)!;
  }

  override render() {
    const plan = this.rows.plan(ROWS);
    const { first, last } = plan;
    const spacer = (n: number) =>
      n > 0
        ? html`<tr>
            <td data-spacer=${n}></td>
          </tr>`
        : nothing;
    return html`<div class="scroller" style="height: 400px; overflow: auto" @scroll=${this.rows.onScroll}>
      <table style="border-collapse: collapse; width: 100%">
        <tbody>
          ${spacer(first)}
          ${Array.from({ length: plan.count }, (_, i) => {
            const near = i >= first && i < last;
            return html`<tr class="row" data-row=${i} ?hidden=${!near}>
              <td style="height: ${ROW_PX}px; padding: 0">${near ? `Row ${i}` : ''}</td>
            </tr>`;
          })}
          ${spacer(ROWS - Math.min(last, ROWS))}
        </tbody>
      </table>
    </div>`;
  }

  override updated(): void {
    for (const cell of this.renderRoot.querySelectorAll<HTMLElement>('[data-spacer]'))
      Object.assign(cell.style, { height: `${Number(cell.dataset.spacer) * this.rows.rowHeight}px`, padding: '0' });
    this.rows.rendered(this.rows.plan(ROWS));
  }
}
customElements.define('test-row-window-host', RowWindowHost);

/** The host rendered once, the row height not measured yet (that waits for a frame). */
async function host(): Promise<RowWindowHost> {
  const el = await fixture<RowWindowHost>(html`<test-row-window-host></test-row-window-host>`);
  expect(el.rows.rowHeight).to.equal(44);
  return el;
}

const inBox = (el: RowWindowHost, i: number) => {
  const row = el.row(i);
  const box = el.scroller.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  return !row.hidden && r.bottom > box.top && r.top < box.bottom;
};

describe('RowWindowController: the row height measured after the table was scrolled', () => {
  it('a table scrolled to the bottom keeps its last row filled and in view', async () => {
    const el = await host();
    el.scroller.scrollTop = el.scroller.scrollHeight;
    await until(() => el.rows.rowHeight === ROW_PX, 5000);
    await until(() => inBox(el, ROWS - 1), {
      timeoutMs: 5000,
      describe: () => `last row hidden: ${el.row(ROWS - 1).hidden}, scrollTop ${el.scroller.scrollTop}`,
    });
    // Still there once the page is idle (nothing moves it away a frame later).
    await new Promise((r) => setTimeout(r, 200));
    expect(inBox(el, ROWS - 1)).to.equal(true);
  });

  it('a table scrolled to the middle keeps the same rows in view, filled', async () => {
    const el = await host();
    el.scroller.scrollTop = 50 * 44;
    await until(() => el.rows.rowHeight === ROW_PX, 5000);
    await until(() => inBox(el, 50) && inBox(el, 51), {
      timeoutMs: 5000,
      describe: () => `row 50 hidden: ${el.row(50).hidden}, scrollTop ${el.scroller.scrollTop}`,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(inBox(el, 50)).to.equal(true);
    expect(el.row(50).textContent.trim()).to.equal('Row 50');
  });

  it('a table never scrolled is left at the top', async () => {
    const el = await host();
    await until(() => el.rows.rowHeight === ROW_PX, 5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(el.scroller.scrollTop).to.equal(0);
    expect(inBox(el, 0)).to.equal(true);
  });
});
