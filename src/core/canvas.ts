/**
 * The value proposition canvas (Osterwalder, "Value Proposition Design"), one per tier: on the
 * customer side the jobs a client is trying to get done, the pains around them ranked from extreme
 * to moderate and the gains ranked from essential to nice to have; on the value side the pain
 * relievers and gain creators, each linked to the products that deliver it and to the pains or gains
 * it answers. Fit says how much of what matters most is answered.
 */

export type PainSeverity = 'extreme' | 'severe' | 'moderate';
export type GainRelevance = 'essential' | 'expected' | 'niceToHave';
export type JobImportance = 'critical' | 'important' | 'minor';

/** Ranks from the top down, as the canvas shows them. */
export const PAIN_SEVERITIES: readonly PainSeverity[] = ['extreme', 'severe', 'moderate'];
export const GAIN_RELEVANCES: readonly GainRelevance[] = ['essential', 'expected', 'niceToHave'];
export const JOB_IMPORTANCES: readonly JobImportance[] = ['critical', 'important', 'minor'];

/** Weight of each rank in the fit: the top rank counts three times the bottom one. */
const WEIGHTS: Readonly<Record<PainSeverity | GainRelevance, number>> = Object.freeze({
  extreme: 3,
  severe: 2,
  moderate: 1,
  essential: 3,
  expected: 2,
  niceToHave: 1,
});

export interface CustomerJob {
  id: string;
  text: string;
  importance?: JobImportance;
}

export interface Pain {
  id: string;
  text: string;
  severity: PainSeverity;
}

export interface Gain {
  id: string;
  text: string;
  relevance: GainRelevance;
}

export interface PainReliever {
  id: string;
  text: string;
  /** Catalog products that deliver this reliever. */
  productIds: string[];
  /** Pains it answers. */
  painIds: string[];
}

export interface GainCreator {
  id: string;
  text: string;
  productIds: string[];
  /** Gains it answers. */
  gainIds: string[];
}

export interface ValueCanvas {
  jobs: CustomerJob[];
  pains: Pain[];
  gains: Gain[];
  relievers: PainReliever[];
  creators: GainCreator[];
}

export interface CanvasFitOptions {
  /**
   * Products of the tier the canvas is for: a reliever or creator counts only when one of its
   * products is in the tier. Without it, any reliever or creator linked to at least one product counts.
   */
  productIds?: readonly string[];
  /** How many top-ranked pains, and as many gains, the fit weighs; default 5. */
  top?: number;
}

/** A pain or gain, with its weight in the fit. */
export interface CanvasNeed {
  kind: 'pain' | 'gain';
  id: string;
  weight: number;
}

export interface CanvasFit {
  /**
   * Weighted share (0–100, 2 decimals) of the top-ranked pains and gains answered by at least one
   * linked reliever or creator; null when the canvas has no pain and no gain.
   */
  fitPct: number | null;
  /** The top-ranked needs answered, in rank order (pains first). */
  answered: CanvasNeed[];
  /** The top-ranked needs nobody answers, in rank order (pains first): what to work on. */
  unanswered: CanvasNeed[];
}

const rankOf = <R extends string>(ranks: readonly R[], r: R): number => {
  const i = ranks.indexOf(r);
  return i < 0 ? ranks.length : i;
};

/** The `top` items by rank; list order breaks ties (the canvas's own order within a rank). */
function topRanked<T, R extends string>(items: readonly T[], rank: (item: T) => R, ranks: readonly R[], top: number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rankOf(ranks, rank(a.item)) - rankOf(ranks, rank(b.item)) || a.index - b.index)
    .slice(0, top)
    .map((x) => x.item);
}

/**
 * Fit of a value proposition canvas: the weighted share of the top-ranked pains (extreme 3, severe 2,
 * moderate 1) and gains (essential 3, expected 2, nice to have 1) answered by at least one pain
 * reliever or gain creator that is linked to a product (of the tier, with `productIds`) and to that
 * pain or gain. Unknown ranks weigh 1; links to unknown pains or gains are ignored.
 */
export function canvasFit(canvas: ValueCanvas, options: CanvasFitOptions = {}): CanvasFit {
  const top = Math.max(0, Math.floor(options.top ?? 5));
  const tierProducts = options.productIds ? new Set(options.productIds) : null;
  const delivers = (productIds: readonly string[]) =>
    productIds.length > 0 && (tierProducts === null || productIds.some((p) => tierProducts.has(p)));

  const answeredPains = new Set<string>();
  for (const r of canvas.relievers) if (delivers(r.productIds)) for (const id of r.painIds) answeredPains.add(id);
  const answeredGains = new Set<string>();
  for (const c of canvas.creators) if (delivers(c.productIds)) for (const id of c.gainIds) answeredGains.add(id);

  const weight = (rank: string) => (Object.prototype.hasOwnProperty.call(WEIGHTS, rank) ? WEIGHTS[rank as PainSeverity] : 1);
  const needs: Array<CanvasNeed & { met: boolean }> = [
    ...topRanked(canvas.pains, (p) => p.severity, PAIN_SEVERITIES, top).map((p) => ({
      kind: 'pain' as const,
      id: p.id,
      weight: weight(p.severity),
      met: answeredPains.has(p.id),
    })),
    ...topRanked(canvas.gains, (g) => g.relevance, GAIN_RELEVANCES, top).map((g) => ({
      kind: 'gain' as const,
      id: g.id,
      weight: weight(g.relevance),
      met: answeredGains.has(g.id),
    })),
  ];
  const total = needs.reduce((s, n) => s + n.weight, 0);
  const met = needs.filter((n) => n.met).reduce((s, n) => s + n.weight, 0);
  const strip = ({ kind, id, weight }: CanvasNeed): CanvasNeed => ({ kind, id, weight });
  return {
    fitPct: total > 0 ? Math.round((met * 10000) / total) / 100 : null,
    answered: needs.filter((n) => n.met).map(strip),
    unanswered: needs.filter((n) => !n.met).map(strip),
  };
}
