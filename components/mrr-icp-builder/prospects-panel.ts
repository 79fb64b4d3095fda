/** "Score prospects": placeholder until src/icp lands. */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Icp } from '../../src/core/icp.js';
import type { L } from './fields.js';

export interface ProspectsHost {
  l: L;
  icp(): Icp | undefined;
  profileName(): string;
  say(message: string): void;
}

export class ProspectsPanel implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: ProspectsHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  render(): TemplateResult {
    return html`<section class="panel prospects" part="prospects"><h3>${this.o.l.t('prospects')}</h3></section>`;
  }
}
