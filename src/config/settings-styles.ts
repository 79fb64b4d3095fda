import { css, type CSSResult, unsafeCSS } from 'lit';

/**
 * The dark palette: the same `--_*` tokens every element's styles read, so an agency's own
 * `--mrr-*` tokens still win. Text on surface, surface-alt and the accent meets WCAG AA (axe
 * `color-contrast`), as the light palette does.
 */
const dark = `
  --_accent: var(--mrr-accent, #8ea2ff);
  --_accent-text: var(--mrr-accent-text, #0d1020);
  --_surface: var(--mrr-surface, #16191f);
  --_surface-alt: var(--mrr-surface-alt, #20242c);
  --_text: var(--mrr-text, #e8ebf2);
  --_muted: var(--mrr-muted, #aab2c2);
  --_border: var(--mrr-border, #4f5768);
  --_danger: var(--mrr-danger, #ff8f86);
  --_success: var(--mrr-success, #6fd495);
  --_warning: var(--mrr-warning, #f2c14e);
  --_focus: var(--mrr-focus, #aebcff);
  --_new: var(--mrr-new, #8ea2ff);
  --_expansion: var(--mrr-expansion, #4fc48d);
  --_contraction: var(--mrr-contraction, #f0b447);
  --_churn: var(--mrr-churn, #ff7a8a);
  --_reactivation: var(--mrr-reactivation, #b9a5ff);
  color-scheme: dark;
  /* What an element shows outside its cards (the pricing table's toggle) stays on the dark surface,
     whatever the host page's background. */
  background: var(--_surface);
  border-radius: var(--_radius);
`;

const sheets = new Map<string, CSSStyleSheet>();
const sheet = (name: string, make: () => CSSResult): CSSStyleSheet => {
  let s = sheets.get(name);
  if (!s) sheets.set(name, (s = make().styleSheet!));
  return s;
};

/** `theme="dark"`. */
export const darkSheet = () => sheet('dark', () => unsafeCSS(`:host{${dark}}`));

/** `theme="auto"`: dark when the visitor's system asks for it. */
export const autoSheet = () => sheet('auto', () => unsafeCSS(`@media (prefers-color-scheme: dark){:host{${dark}}}`));

/** The brand line and the settings notice (src/config/settings.ts). */
export const viewSheet = () =>
  sheet(
    'view',
    () => css`
      .mrr-brand {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin-block-end: 8px;
        padding: 8px 12px;
        border-radius: var(--_radius, 8px);
        background: var(--_surface, transparent);
        color: var(--_text, inherit);
      }
      .mrr-brand ::slotted(img),
      .mrr-brand ::slotted(svg) {
        max-block-size: 40px;
        inline-size: auto;
      }
      .mrr-brand-name {
        font-weight: 700;
        font-size: 1.1em;
      }
      .mrr-credit {
        font-size: 0.85em;
        color: var(--_muted, inherit);
        margin-inline-start: auto;
      }
      .mrr-config {
        margin-block-end: 8px;
        padding: 8px 12px;
        border: 1px solid var(--_danger, currentColor);
        border-radius: var(--_radius, 8px);
        background: var(--_surface, transparent);
        color: var(--_text, inherit);
      }
      .mrr-config p {
        margin: 0;
      }
    `,
  );
