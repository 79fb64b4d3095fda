/**
 * Recommendations for an executive report, drawn from the pillars' results: unit economics
 * (LTV:CAC and payback against the agency's targets, what a point of churn is worth), revenue
 * motions (segments whose cost to serve eats their margin, the best upsell) and the ICP (the pains
 * the packages should answer). Pure: codes and figures, never words; the report says them in the
 * reader's language. Money in major units of `currency`.
 */
import type { MotionsPlan } from './motions.js';
import type { Figure, TargetStatus, Targets, UnitEconomics } from './unit-economics.js';

export type RecommendationCode =
  /** LTV:CAC under the target: `ratio`, `target`. */
  | 'raiseLtvToCac'
  /** CAC takes longer than the target to earn back: `months`, `target`. */
  | 'shortenPayback'
  /** Both targets met: `ratio`, `months`. */
  | 'economicsHealthy'
  /** What one point less of monthly churn adds to each client's lifetime value: `ltvGain`, `churnPct`. */
  | 'cutChurn'
  /** A segment costs more to serve than the margin it brings: `segment`, `loss` (a client, a month). */
  | 'fixSegmentCost'
  /** The segment with the most expansion MRR to win: `segment`, `expansionMrr` (a month). */
  | 'pushUpsell'
  /** The ICP's main pains, to answer in the packages: `pains` (up to three, joined by the reader's list format), `profile`. */
  | 'answerPains';

export type Pillar = 'economics' | 'motions' | 'icp';

export interface Recommendation {
  code: RecommendationCode;
  pillar: Pillar;
  /** Figures and names the words need; numbers are plain (money in major units, percents 0–100). */
  params: Record<string, number | string | string[]>;
}

export interface RecommendationInputs {
  currency: string;
  economics?: {
    result: UnitEconomics;
    targets: Targets;
    status: { ltvToCac: TargetStatus; payback: TargetStatus };
    churnPct: number;
    /** `churnImprovementValue(…, 1)`: LTV gained by one point less of churn. */
    churnLever?: Figure;
  };
  motions?: MotionsPlan;
  icp?: { name: string; pains: readonly string[] };
}

const DEFAULT_TARGETS = { minLtvToCac: 3, maxPaybackMonths: 12 };

/**
 * What to do next, most pressing first: a missed target before a lever, a losing segment before an
 * upsell. Each pillar given adds what it can say; nothing is invented for a pillar left out.
 */
export function recommendations(inputs: RecommendationInputs): Recommendation[] {
  const out: Recommendation[] = [];
  const e = inputs.economics;
  if (e) {
    const { ltvToCac, paybackMonths } = e.result;
    const targets = { ...DEFAULT_TARGETS, ...e.targets };
    if (e.status.ltvToCac === 'missed' && ltvToCac.value !== null)
      out.push({ code: 'raiseLtvToCac', pillar: 'economics', params: { ratio: ltvToCac.value, target: targets.minLtvToCac } });
    if (e.status.payback === 'missed' && paybackMonths.value !== null)
      out.push({
        code: 'shortenPayback',
        pillar: 'economics',
        params: { months: paybackMonths.value, target: targets.maxPaybackMonths },
      });
    if (e.status.ltvToCac === 'met' && e.status.payback === 'met' && ltvToCac.value !== null && paybackMonths.value !== null)
      out.push({ code: 'economicsHealthy', pillar: 'economics', params: { ratio: ltvToCac.value, months: paybackMonths.value } });
  }
  const m = inputs.motions;
  if (m) {
    const losing = m.segments
      .filter((s) => s.clients > 0 && s.marginAfterServicePerClient < 0)
      .sort((a, b) => a.marginAfterServicePerClient - b.marginAfterServicePerClient);
    for (const s of losing)
      out.push({ code: 'fixSegmentCost', pillar: 'motions', params: { segment: s.name, loss: -s.marginAfterServicePerClient } });
  }
  if (e?.churnLever?.value)
    out.push({ code: 'cutChurn', pillar: 'economics', params: { ltvGain: e.churnLever.value, churnPct: e.churnPct } });
  if (m) {
    const best = [...m.segments].filter((s) => s.expansionMrr > 0).sort((a, b) => b.expansionMrr - a.expansionMrr)[0];
    if (best)
      out.push({ code: 'pushUpsell', pillar: 'motions', params: { segment: best.name, expansionMrr: best.expansionMrr } });
  }
  const pains = (inputs.icp?.pains ?? []).map((p) => p.trim()).filter(Boolean);
  if (pains.length > 0)
    out.push({
      code: 'answerPains',
      pillar: 'icp',
      params: { pains: pains.slice(0, 3), profile: inputs.icp?.name.trim() ?? '' },
    });
  return out;
}
