import { describe, expect, it } from 'vitest';
import { loadTable, type Catalog, type Messages } from '../../src/i18n/locale.js';
import { common } from '../../src/i18n/common.js';
import { errors } from '../../src/i18n/errors.js';
import { siteMessages } from '../../src/site/messages.js';
import { messages as calculator } from '../../components/mrr-calculator/messages.js';
import { goalMessages as calculatorGoal } from '../../components/mrr-calculator/goal.messages.js';
import { planMessages as calculatorPlans } from '../../components/mrr-calculator/plans.messages.js';
import { resultMessages as calculatorResults } from '../../components/mrr-calculator/results.messages.js';
import { messages as unitEconomics } from '../../components/mrr-unit-economics/messages.js';
import { messages as motions } from '../../components/mrr-revenue-motions/messages.js';
import { messages as movements } from '../../components/mrr-movements/messages.js';
import { messages as packageDesigner } from '../../components/mrr-package-designer/messages.js';
import { messages as pricingTable } from '../../components/mrr-pricing-table/messages.js';
import { messages as icpBuilder } from '../../components/mrr-icp-builder/messages.js';
import { leadMessages as leads } from '../../src/leads/messages.js';

const catalogues: Record<string, Catalog<Messages>> = {
  common,
  errors,
  siteMessages,
  calculator,
  calculatorGoal,
  calculatorPlans,
  calculatorResults,
  unitEconomics,
  motions,
  movements,
  packageDesigner,
  pricingTable,
  icpBuilder,
  leads,
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  for (const [name, catalogue] of Object.entries(catalogues)) {
    for (const lang of ['fr', 'ar'] as const) {
      it(`${name} in ${lang}: every key translated, same placeholders as English, no English left over`, async () => {
        const table = await loadTable(catalogue, lang);
        expect(table).not.toBe(catalogue.en); // the translation loaded, not the English fallback
        expect(Object.keys(table).sort()).toEqual(Object.keys(catalogue.en).sort());
        for (const [key, english] of Object.entries(catalogue.en)) {
          const text = table[key];
          expect(text?.trim(), `${name}.${key} (${lang}) is empty`).not.toBe('');
          // Plural forms for exact counts may say the number in words ("ألمان", two pains) instead of {n}.
          const spelled = /\.(zero|one|two)$/.test(key) ? placeholders(english).filter((p) => p !== 'n') : placeholders(english);
          const own = placeholders(text!);
          expect(
            own.filter((p) => !spelled.includes(p) && p !== 'n'),
            `${name}.${key} (${lang}) unknown placeholders`,
          ).toEqual([]);
          expect(
            spelled.every((p) => own.includes(p)),
            `${name}.${key} (${lang}) placeholders`,
          ).toBe(true);
          // Long sentences copied untranslated are a bug; short ones (MRR, CSV, brand names) may match.
          if (english.length > 24) expect(text, `${name}.${key} (${lang}) is still English`).not.toBe(english);
        }
      });
    }
  }
});
