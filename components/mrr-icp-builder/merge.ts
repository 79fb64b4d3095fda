/**
 * `<mrr-icp-builder>` in two tabs: profiles, the criteria inside each profile, and personas merge
 * item by item with the shared list merge (src/storage/list-merge.ts). Before, each of those lists
 * was taken whole from the tab that saved last, and an edit made in the other tab was lost.
 *
 * Saved shape: each profile, criterion and persona the user changed carries `editedAt`; a profile's
 * stamp covers its own fields (name, tiers, coverage), not its criteria, which have their own. The
 * criteria a user removed are remembered in their profile (`removedCriteria`), removed profiles and
 * personas in `removed`. No DOM, no Lit. Here what a user edit needs (stamping, forgetting);
 * merging two tabs' saves is in merge-tabs.ts, loaded on demand with the form's other on-demand part.
 */
import { forgetRemovals, type Removals, removalsOf, stampList, type StampRules } from '../../src/storage/list-stamp.js';
import type { CriterionInput, IcpBuilderInputs, IcpInput } from './state.js';
import { isObject } from '../../src/forms/fields.js';

/** The lists of the builder's inputs that merge item by item (their removals are kept in `removed`). */
export const TOP_LISTS = ['icps', 'personas'] as const;
type TopList = (typeof TOP_LISTS)[number];

/** Fields of a profile that are not its own text (the criteria and the merge's records). */
const NOT_OWN = new Set(['criteria', 'removedCriteria', 'editedAt']);

export const criteriaOf = (p: IcpInput): CriterionInput[] => (Array.isArray(p.criteria) ? p.criteria : []);

/** A profile with its criteria removals, left out when there are none. */
export function withRemovedCriteria(p: IcpInput, removals: Removals): IcpInput {
  const out = { ...p };
  if (Object.keys(removals).length) out.removedCriteria = removals;
  else delete out.removedCriteria;
  return out;
}

/** A profile's own stamp, for its name, tiers and coverage: their change stamps it, a criterion's does not. */
const PROFILE_STAMPS: StampRules<IcpInput> = {
  changed: (prev, next) =>
    [...new Set([...Object.keys(prev), ...Object.keys(next)])].some(
      (k) =>
        !NOT_OWN.has(k) && (prev as unknown as Record<string, unknown>)[k] !== (next as unknown as Record<string, unknown>)[k],
    ),
  inner: (prev, next, now) => {
    if (!prev || !Array.isArray(next.criteria)) return next;
    const stamped = stampList(criteriaOf(prev), next.criteria, prev.removedCriteria, now);
    return withRemovedCriteria({ ...next, criteria: stamped.list }, stamped.removals);
  },
};

export const removalsIn = (removed: unknown, list: TopList): Removals =>
  removalsOf(isObject(removed) ? removed[list] : undefined);

/**
 * A user edit, stamped for merging: the profiles, criteria and personas it adds or changes get
 * `editedAt: now`, the ones it removes are remembered. Undo gives back a whole snapshot: what it
 * puts back is stamped after its removal; the removals are always those of `before`, updated.
 */
export function stampIcpEdit(before: IcpBuilderInputs, patch: Partial<IcpBuilderInputs>, now: number): Partial<IcpBuilderInputs> {
  const out: Partial<IcpBuilderInputs> = { ...patch };
  const removed: NonNullable<IcpBuilderInputs['removed']> = {};
  let removedChanged = false;
  for (const list of TOP_LISTS) {
    let removals = removalsIn(before.removed, list);
    const next = patch[list];
    const prev = before[list];
    if (Array.isArray(next) && Array.isArray(prev)) {
      const stamped =
        list === 'icps'
          ? stampList(prev as IcpInput[], next as IcpInput[], removals, now, PROFILE_STAMPS)
          : stampList<unknown>(prev, next, removals, now);
      (out as Record<string, unknown>)[list] = stamped.list;
      removals = stamped.removals;
      removedChanged ||= stamped.removalsChanged;
    }
    if (Object.keys(removals).length) removed[list] = removals;
  }
  if (removedChanged) out.removed = removed;
  else delete out.removed;
  return out;
}

/**
 * Inputs given by code (the `inputs` property): the removals of the profiles and personas they
 * hold are forgotten, so a profile removed earlier and given again is shown.
 */
export function forgetIcpRemovals(removed: unknown, given: Partial<IcpBuilderInputs>): IcpBuilderInputs['removed'] {
  const out: NonNullable<IcpBuilderInputs['removed']> = {};
  for (const list of TOP_LISTS) {
    const items = given[list];
    const removals = removalsIn(removed, list);
    const kept = Array.isArray(items) ? forgetRemovals<unknown>(removals, items) : removals;
    if (Object.keys(kept).length) out[list] = kept;
  }
  return out;
}
