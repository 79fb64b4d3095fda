/**
 * "Figures from your data, May 2024 to April 2025. Undo": what an element that received figures
 * through `applyFigures(figures, origin)` shows where it is, so the user sees what changed and can
 * put the fields back. Loaded on demand (the first time figures arrive with an origin), with its
 * own words in the three languages, so it adds nothing to an element's first load.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FiguresOrigin } from '../channel/figures.js';
import type { Lang } from '../i18n/locale.js';

const en = {
  movements: 'Figures from your data, {from} to {to}.',
  movementsOne: 'Figures from your data, {from}.',
  calculator: 'Figures from the calculator.',
  motions: 'Expansion from the revenue motions.',
  packages: 'Clients and price from the package mix.',
  edited: 'You changed some since.',
  undo: 'Undo',
  undone: 'Figures put back as they were.',
};

/** Every language has every English key (TypeScript checks it). */
const WORDS: Record<Lang, Record<keyof typeof en, string>> = {
  en,
  fr: {
    movements: 'Chiffres de vos données, de {from} à {to}.',
    movementsOne: 'Chiffres de vos données, {from}.',
    calculator: 'Chiffres du calculateur.',
    motions: 'Expansion issue des actions de revenu.',
    packages: 'Clients et prix issus de la répartition des offres.',
    edited: 'Vous en avez modifié depuis.',
    undo: 'Annuler',
    undone: 'Chiffres remis comme avant.',
  },
  ar: {
    movements: 'أرقام من بياناتك، من {from} إلى {to}.',
    movementsOne: 'أرقام من بياناتك، {from}.',
    calculator: 'أرقام من الحاسبة.',
    motions: 'التوسّع من أنشطة الإيراد.',
    packages: 'العملاء والسعر من توزيع الباقات.',
    edited: 'غيّرت بعضها منذ ذلك الحين.',
    undo: 'تراجع',
    undone: 'أُعيدت الأرقام كما كانت.',
  },
};

export const figuresNoticeStyles = css`
  .figures-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    margin: 0 0 12px;
    padding: 8px 12px;
    border-inline-start: 4px solid var(--mrr-accent, #3454d1);
    border-radius: var(--mrr-radius, 8px);
    background: color-mix(in srgb, var(--mrr-accent, #3454d1) 8%, var(--mrr-surface, #fff));
    font-size: 14px;
  }
  .figures-notice:focus {
    outline: 2px solid var(--mrr-accent, #3454d1);
    outline-offset: 2px;
  }
  .figures-notice button {
    font: inherit;
    min-block-size: 32px;
    padding: 2px 12px;
    border: 1px solid var(--mrr-accent, #3454d1);
    border-radius: var(--mrr-radius, 8px);
    background: transparent;
    color: var(--mrr-accent, #3454d1);
    cursor: pointer;
  }
`;

export interface FiguresNoticeOptions<S> {
  /** The element's language and number locale now (the notice follows a language switch). */
  lang: () => Lang;
  locale: () => string;
  /** Puts the inputs held before the figures arrived back. */
  restore: (snapshot: S) => void;
}

/** One notice per element: the last figures received, their origin, and one level of Undo. */
export class FiguresNotice<S> implements ReactiveController {
  private entry?: { origin: FiguresOrigin; snapshot: S; edited: boolean };
  private undone = false;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: FiguresNoticeOptions<S>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Figures arrived from `origin`; `snapshot` is what Undo puts back. */
  received(snapshot: S, origin: FiguresOrigin): void {
    // More figures from the same place (the calculator at each keystroke): Undo still goes back
    // to before the first of them.
    const e = this.entry;
    const same =
      e && !e.edited && e.origin.source === origin.source && e.origin.from === origin.from && e.origin.to === origin.to;
    this.entry = { origin, snapshot: same ? e.snapshot : snapshot, edited: false };
    this.undone = false;
    this.host.requestUpdate();
  }

  /** The user edited a field: Undo would throw that away, so it is withdrawn (the origin stays said). */
  edited(): void {
    if (!this.entry || this.entry.edited) return;
    this.entry = { ...this.entry, edited: true };
    this.host.requestUpdate();
  }

  private undo(): void {
    const entry = this.entry;
    if (!entry) return;
    this.entry = undefined;
    this.undone = true;
    this.options.restore(entry.snapshot);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#figures-notice')?.focus());
  }

  private month(yyyyMm: string): string {
    const [y, m] = yyyyMm.split('-').map(Number);
    if (!y || !m) return yyyyMm;
    return new Intl.DateTimeFormat(this.options.locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, 1)),
    );
  }

  /** The sentence saying where the figures came from, in the element's language now. */
  text(): string {
    const words = WORDS[this.options.lang()] ?? WORDS.en;
    const o = this.entry?.origin;
    if (!o) return this.undone ? words.undone : '';
    const fill = (s: string, p: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => p[k] ?? '');
    if (o.source === 'movements' && o.from && o.to)
      return fill(o.from === o.to ? words.movementsOne : words.movements, { from: this.month(o.from), to: this.month(o.to) });
    return words[o.source];
  }

  render(): TemplateResult | typeof nothing {
    if (!this.entry && !this.undone) return nothing;
    const words = WORDS[this.options.lang()] ?? WORDS.en;
    return html`<p class="figures-notice" part="figures-notice" id="figures-notice" role="status" tabindex="-1">
      <span>${this.text()}${this.entry?.edited ? ` ${words.edited}` : ''}</span>
      ${
        this.entry && !this.entry.edited
          ? html`<button type="button" id="figures-undo" @click=${() => this.undo()}>${words.undo}</button>`
          : nothing
      }
    </p>`;
  }
}
