/**
 * "Learn from your clients": a CSV of existing clients → suggested criteria with their evidence,
 * accepted or rejected one by one, and the suggested profile checked on held-back clients.
 *
 * This panel holds the file input; what follows a pick (learn-ui.ts: the columns, the learning,
 * the suggestions and their charts) loads with the CSV reader, so a page that only edits profiles
 * never downloads it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Icp, IcpCriterion } from '../../src/core/icp.js';
import type { L } from './fields.js';
import type { LearnUi } from './learn-ui.js';

export interface LearnHost {
  i18n: L;
  currency(): string;
  profileName(): string;
  icp(): Icp | undefined;
  accept(criterion: IcpCriterion): void;
  acceptAll(icp: Icp): void;
  /** The shown profile's criteria become the learned ones (its name and personas stay; Undo offered). */
  replaceActive(icp: Icp): void;
  say(message: string): void;
}

/** The on-demand part (CSV reader, learning); one download shared by both imports. */
export const loadImportLib = () => import('./import-lib.js');

export class LearnPanel implements ReactiveController {
  private ui?: LearnUi;
  private loadingUi?: Promise<LearnUi>;
  private fileName = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: LearnHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads a clients CSV (a `File` from the picker, or text in tests) and guesses its columns. */
  async load(input: Blob | string, name = ''): Promise<void> {
    this.fileName = name;
    this.host.requestUpdate();
    this.loadingUi ??= import('./learn-ui.js').then(({ LearnUi }) => (this.ui = new LearnUi(this.host, this.o)));
    return (await this.loadingUi).load(input);
  }

  render(): TemplateResult {
    const t = this.o.i18n.t.bind(this.o.i18n);
    return html`<section class="panel learn" part="learn" aria-labelledby="learn-title">
      <h3 id="learn-title">${t('learn')}</h3>
      <p class="hint" id="learn-hint">${t('learnHint')}</p>
      <div class="file">
        <input
          id="clients-file"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="learn-hint"
          @change=${(e: Event) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void this.load(file, file.name);
          }}
        />
        <label for="clients-file" class="file-button">${t('chooseFile')}</label>
        ${this.fileName ? html`<bdi class="file-name">${this.fileName}</bdi>` : nothing}
      </div>
      ${this.ui ? this.ui.render() : this.loadingUi ? html`<p role="status">${t('reading')}</p>` : nothing}
    </section>`;
  }
}
