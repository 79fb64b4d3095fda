/**
 * `<mrr-icp-builder>` in two tabs: what merging their saves needs (profiles with their criteria and
 * personas item by item, removals together), loaded on demand with the form's other on-demand part
 * (FormController `merging`): a first render and a user edit never need it. Stamping is in merge.ts.
 */
import { editedAt, listStamp, type MergeStamps, mergeList, mergeRemovals, withoutRemoved } from '../../src/storage/list-merge.js';
import type { IcpBuilderInputs, IcpInput } from './state.js';
import { isObject } from '../../src/forms/fields.js';
import { criteriaOf, removalsIn, TOP_LISTS, withRemovedCriteria } from './merge.js';

/** The last edit of a profile, its criteria included (a criterion edited after the profile's removal elsewhere keeps it). */
const profileLastEdit = (p: IcpInput): number => Math.max(editedAt(p), listStamp(criteriaOf(p), p.removedCriteria));

/** A profile both tabs hold: its own fields as last edited, its criteria merged one by one. */
function mergeProfile(last: IcpInput, other: IcpInput): IcpInput {
  const own = editedAt(other) > editedAt(last) ? other : last;
  if (!Array.isArray(last.criteria) || !Array.isArray(other.criteria)) return own;
  const removals = mergeRemovals(last.removedCriteria, other.removedCriteria);
  const criteria = mergeList(last.criteria, other.criteria, {
    mine: listStamp(last.criteria, last.removedCriteria),
    theirs: listStamp(other.criteria, other.removedCriteria),
  });
  return withRemovedCriteria({ ...own, criteria: withoutRemoved(criteria, removals) }, removals);
}

/**
 * FormController's `mergeField` for the builder: profiles (and their criteria) and personas item
 * by item, removals together; any other field (or a list in a shape that cannot merge) goes to the
 * later edit.
 */
export function mergeIcpField(field: string, mine: unknown, theirs: unknown, stamps: MergeStamps): unknown {
  if (field === 'icps' && Array.isArray(mine) && Array.isArray(theirs))
    return mergeList(mine as IcpInput[], theirs as IcpInput[], stamps, { mergeItem: mergeProfile });
  if (field === 'personas' && Array.isArray(mine) && Array.isArray(theirs)) return mergeList(mine, theirs, stamps);
  if (field === 'removed') {
    const out: NonNullable<IcpBuilderInputs['removed']> = {};
    for (const list of TOP_LISTS) {
      const both = mergeRemovals(removalsIn(mine, list), removalsIn(theirs, list));
      if (Object.keys(both).length) out[list] = both;
    }
    return out;
  }
  return undefined;
}

/**
 * `inputs` without the profiles and personas removed after their last edit (a merge brought them
 * back from a tab that still had them untouched). The same object when nothing is removed.
 */
export function withoutRemovedIcpItems(inputs: IcpBuilderInputs): IcpBuilderInputs {
  if (!isObject(inputs.removed)) return inputs;
  let next = inputs;
  if (Array.isArray(inputs.icps)) {
    const icps = withoutRemoved(inputs.icps, removalsIn(inputs.removed, 'icps'), { lastEdit: profileLastEdit });
    if (icps !== inputs.icps) next = { ...next, icps };
  }
  if (Array.isArray(inputs.personas)) {
    const personas = withoutRemoved(inputs.personas, removalsIn(inputs.removed, 'personas'));
    if (personas !== inputs.personas) next = { ...next, personas };
  }
  return next;
}
