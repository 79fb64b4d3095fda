/**
 * The half of the list merge (src/storage/list-merge.ts) a user edit needs: stamping the items it
 * adds or changes and remembering the ones it removes. Merging two tabs' lists (list-merge.ts) is
 * loaded only when they meet. No DOM, no Lit, no storage calls.
 */

/** Items removed by the user: id → when (ms). */
export type Removals = Record<string, number>;

export interface ListRules<T> {
  /** The id an item merges by, or undefined for junk (kept where it is, never matched). Default: its string `id`. */
  idOf?: (item: T) => string | undefined;
}

export interface StampRules<T> extends ListRules<T> {
  /** True when `item` changed from `prev` (same id) in what its own stamp covers. Default: not the same object. */
  changed?: (prev: T, item: T) => boolean;
  /** Stamps the lists inside an item (`prev`: the item before the edit, undefined for a new one). */
  inner?: (prev: T | undefined, item: T, now: number) => T;
  /** Changed items keep their stamps (an edit that follows from another, such as a removal elsewhere, that another tab's own edit must not lose to). */
  quiet?: boolean;
}

/** Removals remembered per list (the oldest are forgotten past this). */
export const MAX_REMOVED = 200;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const defaultId = (item: unknown): string | undefined =>
  isRecord(item) && typeof item.id === 'string' ? item.id : undefined;

/** The item's edit stamp (ms); 0 when it has none (never edited, or junk). */
export function editedAt(item: unknown): number {
  return isRecord(item) && typeof item.editedAt === 'number' && Number.isFinite(item.editedAt) ? item.editedAt : 0;
}

/** A record built from entries (`__proto__` stays an ordinary key). */
export const recordOf = (entries: Iterable<[string, number]>): Removals => Object.fromEntries(entries);

/** A clean removal record: own keys, finite times, at most MAX_REMOVED (the latest). Junk reads as none. */
export function removalsOf(value: unknown): Removals {
  if (!isRecord(value)) return {};
  const entries = Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]));
  if (entries.length > MAX_REMOVED) entries.sort((a, b) => b[1] - a[1]).splice(MAX_REMOVED);
  return recordOf(entries);
}

/**
 * A user edit of a list, stamped for merging: each item added or changed gets `editedAt: now`
 * (later than its removal, for one put back by Undo), each one gone is remembered in the removals,
 * and an item back in the list is no longer. `removalsChanged` says whether the removals differ.
 */
export function stampList<T>(
  before: readonly T[],
  next: readonly T[],
  removals: unknown,
  now: number,
  rules: StampRules<T> = {},
): { list: T[]; removals: Removals; removalsChanged: boolean } {
  const idOf = rules.idOf ?? defaultId;
  const changed = rules.changed ?? ((prev: T, item: T) => prev !== item);
  const record = new Map(Object.entries(removalsOf(removals)));
  const prevById = new Map<string, T>();
  for (const p of before) {
    const id = idOf(p);
    if (id !== undefined && !prevById.has(id)) prevById.set(id, p);
  }
  const nextIds = new Set<string>();
  let removalsChanged = false;
  const list = next.map((item) => {
    const id = idOf(item);
    if (id === undefined || !isRecord(item)) return item;
    nextIds.add(id);
    const prev = prevById.get(id);
    const inner = rules.inner ? rules.inner(prev, item, now) : item;
    const removal = record.get(id);
    if (removal !== undefined) {
      record.delete(id);
      removalsChanged = true;
    }
    const isNew = prev === undefined;
    if (!isNew && (rules.quiet || !changed(prev, item))) return inner;
    return { ...inner, editedAt: removal === undefined ? now : Math.max(now, removal + 1) };
  });
  for (const id of prevById.keys())
    if (!nextIds.has(id)) {
      record.set(id, now);
      removalsChanged = true;
    }
  return { list, removals: removalsOf(recordOf(record)), removalsChanged };
}

/**
 * Items given by code (a design, the `inputs` property): their removals are forgotten, so an item
 * removed earlier and given again is shown.
 */
export function forgetRemovals<T>(removals: unknown, list: readonly T[], rules: ListRules<T> = {}): Removals {
  const idOf = rules.idOf ?? defaultId;
  const given = new Set(list.map(idOf));
  return recordOf(Object.entries(removalsOf(removals)).filter(([id]) => !given.has(id)));
}
