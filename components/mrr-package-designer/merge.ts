/**
 * `<mrr-package-designer>` in two tabs: what merging their saves needs (the catalogue and the tiers
 * item by item, the removals together), loaded on demand with the form's other on-demand part
 * (FormController `merging`): a first render and a user edit never need it. Stamping an edit is
 * in state.ts.
 */
import { mergeList, mergeRemovals, type ListRules, withoutRemoved as withoutRemovedItems } from '../../src/storage/list-merge.js';
import { isObject } from '../../src/forms/fields.js';
import { type DesignerInputs, LIST_FIELDS, type ListField, type RemovedItems, RULES, removalsIn } from './state.js';

/** Two versions of a list edited in two tabs, merged by id (`mergeList`); removals: see `withoutRemoved`. */
export function mergeById<T>(
  field: ListField,
  mine: readonly T[],
  theirs: readonly T[],
  stamps: { mine: number; theirs: number },
): T[] {
  return mergeList(mine, theirs, stamps, RULES[field] as ListRules<T>);
}

/** The removals of two tabs together (the later time of an item removed in both). */
export function mergeRemoved(mine: unknown, theirs: unknown): RemovedItems {
  const out: RemovedItems = {};
  for (const field of LIST_FIELDS) {
    const both = mergeRemovals(removalsIn(mine, field), removalsIn(theirs, field));
    if (Object.keys(both).length) out[field] = both;
  }
  return out;
}

/**
 * FormController's `mergeField` for the designer: the catalogue and the tiers item by item, the
 * removals together; any other field (or a list in a shape that cannot merge) goes to the later edit.
 */
export function mergeDesignerField(
  field: string,
  mine: unknown,
  theirs: unknown,
  stamps: { mine: number; theirs: number },
): unknown {
  if ((field === 'catalog' || field === 'tiers') && Array.isArray(mine) && Array.isArray(theirs))
    return mergeById(field, mine, theirs, stamps);
  if (field === 'removed') return mergeRemoved(mine, theirs);
  return undefined;
}

/**
 * `inputs` without the items removed after their last edit (a merge brought them back from a tab
 * that still had them untouched). The same object when nothing is removed.
 */
export function withoutRemoved(inputs: DesignerInputs): DesignerInputs {
  if (!isObject(inputs.removed)) return inputs;
  let next = inputs;
  for (const field of LIST_FIELDS) {
    const list = inputs[field] as unknown;
    if (!Array.isArray(list)) continue;
    const kept = withoutRemovedItems(list, removalsIn(inputs.removed, field), RULES[field]);
    if (kept !== list) next = { ...next, [field]: kept };
  }
  return next;
}
