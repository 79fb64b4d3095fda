import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/core/money.js';
import { isolateAmount } from '../../src/controllers/locale-controller.js';
import { shownLength } from '../../src/ui/text.js';

const codes = (s: string) => s.replace(/[\u200e\u200f\u061c\u202f\u2066-\u2069]/g, (c) => `<${c.charCodeAt(0).toString(16)}>`);

describe('isolateAmount', () => {
  it('isolates an Arabic amount right to left and its currency inside it', () => {
    const text = formatMoney(2_000_000, 'USD', 'ar', { round: true });
    expect(codes(isolateAmount(text, true))).toBe('<2067><200f>20,000\u00a0<2068>US$<2069><2069>');
  });

  it('keeps the sign and the compact unit apart from the currency', () => {
    expect(codes(isolateAmount(formatMoney(-200_000, 'USD', 'ar', { round: true }), true))).toBe(
      '<2067><200f><200e>-2,000\u00a0<2068>US$<2069><2069>',
    );
    expect(codes(isolateAmount(formatMoney(4_000_000, 'USD', 'ar', { compact: true }), true))).toMatch(
      /^<2067><200f>40(\.0)?\u00a0<2068>ألف<2069>\u00a0<2068>US\$<2069><2069>$/,
    );
  });

  it('isolates a left-to-right amount left to right, its groups untouched', () => {
    expect(codes(isolateAmount(formatMoney(2_000_000, 'EUR', 'fr', { round: true }), false))).toBe(
      '<2066>20<202f>000\u00a0<2068>€<2069><2069>',
    );
    expect(codes(isolateAmount(formatMoney(100_000_000, 'CHF', 'de-CH', { round: true }), false))).toBe(
      "<2066><2068>CHF<2069>\u00a01'000'000<2069>",
    );
  });

  it('counts only the characters shown', () => {
    const text = formatMoney(2_000_000, 'USD', 'ar', { round: true });
    expect(shownLength(isolateAmount(text, true))).toBe(text.length);
  });
});
