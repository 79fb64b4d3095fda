import { html } from 'lit';
import type { LocaleController } from '../../src/controllers/locale-controller.js';
import { formatMonth } from './format.js';
import type { MovementsMessages } from './messages.js';

type MovementsLocale = LocaleController<MovementsMessages>;
export type RangePreset = 'last12' | 'last24' | 'all' | 'custom';

export interface ResolvedRange {
  from: string;
  to: string;
  fromIndex: number;
  toIndex: number;
}

const PRESET_MONTHS: Record<Exclude<RangePreset, 'custom'>, number> = { last12: 12, last24: 24, all: Infinity };

/**
 * The months of the selected period within `months` (ascending `YYYY-MM`): the last 12 or 24, all,
 * or `from`–`to` (custom; unknown months fall back to the ends, a reversed range is swapped).
 */
export function resolveRange(months: readonly string[], preset: RangePreset, from: string, to: string): ResolvedRange {
  const last = months.length - 1;
  if (last < 0) return { from: '', to: '', fromIndex: 0, toIndex: -1 };
  let fromIndex: number;
  let toIndex: number;
  if (preset === 'custom') {
    fromIndex = months.indexOf(from);
    toIndex = months.indexOf(to);
    if (fromIndex < 0) fromIndex = 0;
    if (toIndex < 0) toIndex = last;
    if (fromIndex > toIndex) [fromIndex, toIndex] = [toIndex, fromIndex];
  } else {
    toIndex = last;
    fromIndex = Math.max(0, last - PRESET_MONTHS[preset] + 1);
  }
  return { from: months[fromIndex] ?? '', to: months[toIndex] ?? '', fromIndex, toIndex };
}

export interface RangeState {
  preset: RangePreset;
  from: string;
  to: string;
}

/** Quick choices (last 12 / 24 / all) and from–to month selects; any change calls `onChange`. */
export function renderPeriodSelector(
  i18n: MovementsLocale,
  months: readonly string[],
  range: RangeState,
  onChange: (next: RangeState) => void,
) {
  const t = i18n.t.bind(i18n);
  const select = (id: 'from' | 'to') =>
    html`<div class="field">
      <label for="period-${id}">${t(`period.${id}`)}</label>
      <div class="input-wrap">
        <select
          id="period-${id}"
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            let { from, to } = range;
            if (id === 'from') from = value;
            else to = value;
            // Moving one end past the other moves both: the period never turns inside out.
            if (from > to) [from, to] = id === 'from' ? [from, from] : [to, to];
            onChange({ preset: 'custom', from, to });
          }}
        >
          ${months.map((m) => html`<option value=${m} ?selected=${m === range[id]}>${formatMonth(m, i18n.locale, 'long')}</option>`)}
        </select>
      </div>
    </div>`;
  return html`<fieldset class="period" part="period">
    <legend>${t('period')}</legend>
    <div class="presets">
      ${(['last12', 'last24', 'all'] as const).map(
        (p) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="period-preset"
              value=${p}
              .checked=${range.preset === p}
              @change=${() => onChange({ ...range, preset: p })}
            />${t(`period.${p}`)}</label
          >`,
      )}
    </div>
    <div class="range">${select('from')} ${select('to')}</div>
  </fieldset>`;
}
