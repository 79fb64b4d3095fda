/**
 * One list merge for two tabs: lists of records with ids (segments, products, tiers, ICP profiles,
 * criteria, personas) edited in two tabs of one browser, merged item by item. No DOM, no Lit, no
 * storage calls: pure functions over plain data, used by every element that saves lists.
 *
 * The rules, each kept by a property test (test/unit/list-merge.test.ts):
 * - **edit stamps**: every item the user adds or changes carries `editedAt` (ms). An item both tabs
 *   hold is the version edited last (equal stamps: the version of the list edited last);
 * - **removal records**: every item the user removes is remembered (`id → when`). An item removed in
 *   one tab stays removed, whichever tab saves last, unless the other tab edited it after the
 *   removal (then the later edit wins); Undo puts an item back with a stamp later than its removal;
 * - **order kept**: the order of the list edited last, and each item only the other tab has is
 *   inserted before the item that follows it there (at the end when none does): any two items one
 *   tab shows in some order keep that order;
 * - an item added in either tab is kept; nothing appears twice; junk (an item without an id, a
 *   tampered record) never throws and is kept where it stands.
 *
 * An element composes these: `stampList` on each user edit, `mergeList` + `mergeRemovals` when two
 * tabs' saved states meet (FormController's `mergeField`), `withoutRemoved` once both are merged.
 * Lists inside items (the criteria of an ICP profile) merge the same way through `mergeItem` and
 * `inner`.
 */

import { defaultId, editedAt, type ListRules, type Removals, recordOf, removalsOf } from './list-stamp.js';

export {
  editedAt,
  forgetRemovals,
  type ListRules,
  MAX_REMOVED,
  type Removals,
  removalsOf,
  stampList,
  type StampRules,
} from './list-stamp.js';

/** When each tab last edited the list (FormController's per-field stamps). */
export interface MergeStamps {
  mine: number;
  theirs: number;
}

export interface MergeRules<T> extends ListRules<T> {
  /**
   * An item both versions hold, merged: `last` is the version of the list edited last, `other` the
   * other one. Default: the version with the later `editedAt` (a tie: `last`).
   */
  mergeItem?: (last: T, other: T) => T;
}

export interface RemovalRules<T> extends ListRules<T> {
  /**
   * When the item was last edited, against its removal. Default: its `editedAt`. An item holding a
   * list counts the edits inside it too (a criterion edited after its profile was removed elsewhere
   * keeps the profile).
   */
  lastEdit?: (item: T) => number;
}

/** When `id` was removed, or undefined (own keys only: an id such as `toString` is an id like any other). */
export function removedAt(removals: Removals, id: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(removals, id) ? removals[id] : undefined;
}

/** Two tabs' removals together: an id removed in both keeps the later time. */
export function mergeRemovals(mine: unknown, theirs: unknown): Removals {
  const out = new Map(Object.entries(removalsOf(mine)));
  for (const [id, at] of Object.entries(removalsOf(theirs))) if ((out.get(id) ?? -Infinity) < at) out.set(id, at);
  return removalsOf(recordOf(out));
}

/** When a list was last edited as far as it tells: its latest item stamp or removal (0 when none). */
export function listStamp(list: readonly unknown[], removals?: unknown): number {
  let latest = 0;
  for (const item of list) latest = Math.max(latest, editedAt(item));
  for (const at of Object.values(removalsOf(removals))) latest = Math.max(latest, at);
  return latest;
}

/**
 * Two versions of a list edited in two tabs, merged by id (see the module comment). Removals are
 * not decided here: apply {@link withoutRemoved} with both tabs' removals merged.
 */
export function mergeList<T>(mine: readonly T[], theirs: readonly T[], stamps: MergeStamps, rules: MergeRules<T> = {}): T[] {
  const idOf = rules.idOf ?? defaultId;
  const mergeItem = rules.mergeItem ?? ((last: T, other: T) => (editedAt(other) > editedAt(last) ? other : last));
  const [last, other] = stamps.theirs > stamps.mine ? [theirs, mine] : [mine, theirs];
  const otherById = new Map<string, T>();
  for (const o of other) {
    const id = idOf(o);
    if (id !== undefined && !otherById.has(id)) otherById.set(id, o);
  }
  const placed = new Set<string>();
  const merged: T[] = [];
  for (const item of last) {
    const id = idOf(item);
    if (id !== undefined) {
      if (placed.has(id)) continue; // the same id twice in a tampered list: the first stands
      placed.add(id);
    }
    const o = id === undefined ? undefined : otherById.get(id);
    merged.push(o === undefined ? item : mergeItem(item, o));
  }
  // Items only the other tab has: before the item that follows them there (at the end if none).
  let at = merged.length;
  for (const o of [...other].reverse()) {
    const id = idOf(o);
    if (id === undefined) continue;
    if (placed.has(id)) at = merged.findIndex((x) => idOf(x) === id);
    else {
      merged.splice(at, 0, o);
      placed.add(id);
    }
  }
  return merged;
}

/** `list` without the items removed after their last edit; the same array when none is. */
export function withoutRemoved<T>(list: readonly T[], removals: unknown, rules: RemovalRules<T> = {}): T[] {
  const idOf = rules.idOf ?? defaultId;
  const lastEdit = rules.lastEdit ?? editedAt;
  const record = removalsOf(removals);
  if (Object.keys(record).length === 0) return list as T[];
  const kept = list.filter((item) => {
    const id = idOf(item);
    const at = id === undefined ? undefined : removedAt(record, id);
    return at === undefined || at < lastEdit(item);
  });
  return kept.length === list.length ? (list as T[]) : kept;
}
