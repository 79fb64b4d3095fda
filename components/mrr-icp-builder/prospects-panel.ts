/**
 * "Score prospects": a CSV of prospects → one column per criterion (guessed, then chosen) → every
 * row scored where the file is held (progress, cancel) → a sortable, filterable table (tier, score,
 * coverage, top reasons) → the scored CSV (formula cells neutralised).
 *
 * This panel holds the file input; what follows a pick (`prospects-ui.ts`: the scoring session,
 * the row window, the mapping and the table) loads with the reading code, so a page that only edits
 * profiles never downloads it. The panel renders its own section (not the whole builder): progress,
 * each step of the table's growth and each new order only update it.
 */
import { html, nothing, render, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ProspectsHost, ProspectsUi } from './prospects-ui.js';

export type { ProspectsHost };

export class ProspectsPanel implements ReactiveController {
  private ui?: ProspectsUi;
  private loadingUi?: Promise<ProspectsUi>;
  private fileName = '';
  private renderQueued = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: ProspectsHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.ui?.dispose();
  }

  /** After the element renders (language, profile, …), the panel follows. */
  hostUpdated(): void {
    this.ui?.sync();
    this.renderNow();
  }

  /** Reads a prospects CSV and guesses which column feeds each criterion. */
  async load(input: Blob | string, name = ''): Promise<void> {
    this.fileName = name;
    this.requestRender();
    this.loadingUi ??= import('./prospects-ui.js').then(({ ProspectsUi }) => {
      this.ui = new ProspectsUi(
        this.host,
        this.o,
        () => this.requestRender(),
        () => this.section,
      );
      this.ui.sync();
      return this.ui;
    });
    return (await this.loadingUi).load(input, name);
  }

  /** The last scored prospects as CSV (formula cells neutralised), or undefined before scoring. */
  scoredCsv(): Promise<string | undefined> {
    return this.ui ? this.ui.scoredCsv() : Promise.resolve(undefined);
  }

  /** The panel's section: its content is rendered by the panel, not by the element around it. */
  private get section(): HTMLElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>('section.prospects');
  }

  private requestRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.renderNow();
    });
  }

  private renderNow(): void {
    const section = this.section;
    if (!section) return;
    render(this.content(), section, { host: this.host });
    this.ui?.rendered(section);
  }

  /** The section, empty: its content is rendered into it by the panel. */
  render(): TemplateResult {
    return html`<section class="panel prospects" part="prospects" aria-labelledby="prospects-title"></section>`;
  }

  private content(): TemplateResult {
    const t = this.o.i18n.t.bind(this.o.i18n);
    return html`<h3 id="prospects-title">${t('prospects')}</h3>
      <p class="hint" id="prospects-hint">${t('prospectsHint')}</p>
      <div class="file">
        <input
          id="prospects-file"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="prospects-hint"
          @change=${(e: Event) => {
            const picked = (e.target as HTMLInputElement).files?.[0];
            if (picked) void this.load(picked, picked.name);
          }}
        />
        <label for="prospects-file" class="file-button">${t('chooseFile')}</label>
        ${this.fileName ? html`<bdi class="file-name">${this.fileName}</bdi>` : nothing}
      </div>
      ${this.ui ? this.ui.body() : nothing}`;
  }
}
