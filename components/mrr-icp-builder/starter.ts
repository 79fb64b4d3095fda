/** The starter profile for agencies serving local businesses, with a persona and an example account, in the element's language. */
import { STARTER_ICP } from '../../src/core/icp.js';
import type { L } from './fields.js';
import { messages } from './messages.js';
import { type IcpBuilderInputs, icpToInput, type PersonaInput } from './state.js';

/** Values of the example account shown before the user types (a dental clinic). */
const EXAMPLE_ACCOUNT = {
  monthlyMarketingBudget: 800,
  employees: 12,
  annualRevenue: 600000,
  yearsInBusiness: 8,
  reviewCount: 35,
  rating: 4.2,
};

/** What the builder shows before the user types: the starter profile, one persona, an example dental clinic. */
export function starterInputs(i18n: L, fmt: (n: number) => string): IcpBuilderInputs {
  const t = i18n.t.bind(i18n);
  const value = (v: string) => (`v.${v}` in messages.en ? t(`v.${v}` as keyof typeof messages.en) : v);
  // The starter's values are English data (what a CSV holds); a translated list keeps them beside
  // the translation, so a file written in either language matches.
  const both = (v: string) => (value(v) === v ? v : `${value(v)}, ${v}`);
  const starter = icpToInput(structuredClone(STARTER_ICP), t('starter.name'), fmt, both, 'starter');
  const persona: PersonaInput = {
    id: 'owner',
    icpId: starter.id,
    role: t('starter.role'),
    goals: t('starter.goals'),
    frustrations: t('starter.frustrations'),
    channels: t('starter.channels'),
    objections: t('starter.objections'),
  };
  const example: Record<string, string> = {
    industry: value('Dental clinic'),
    hasWebsite: 'yes',
    runsAds: 'no',
    sellsOnline: 'no',
  };
  for (const [k, v] of Object.entries(EXAMPLE_ACCOUNT)) example[k] = fmt(v);
  return { icps: [starter], activeId: starter.id, personas: [persona], example };
}
