/**
 * The app's workspace, as pure data (no DOM, no storage): clients, each with named scenarios. A
 * scenario is a storage key (`storageKey`): every element of the app is given it as its
 * `storage-key`, so the elements keep saving through the persistence they already have, and a
 * scenario's records are the state records `<component>:<storageKey>` (and the channel's
 * `channel:<topic>:<storageKey>`).
 *
 * Deletions are tombstones (`deleted: true` with a newer `updatedAt`), so that two tabs merging
 * their copies (`mergeWorkspaces`) keep the newer state of each client and scenario: neither tab
 * overwrites the other's newer data, and a deletion in one tab is not brought back by the other.
 */

export const WORKSPACE_VERSION = 1;

/** Longest client or scenario name, in characters. */
export const MAX_NAME = 80;

export interface Client {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  deleted?: boolean;
}

export interface Scenario {
  id: string;
  clientId: string;
  name: string;
  /** The `storage-key` every element of this scenario gets. */
  storageKey: string;
  createdAt: number;
  updatedAt: number;
  deleted?: boolean;
}

export interface Workspace {
  v: typeof WORKSPACE_VERSION;
  clients: Client[];
  scenarios: Scenario[];
}

/** What a change needs from outside: the time and fresh ids (given, so tests are exact). */
export interface Clock {
  now: number;
  id: () => string;
}

/** Storage keys are `ws-` and letters, digits, `-` or `_` (ids of {@link Clock.id}). */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const storageKeyOf = (scenarioId: string): string => `ws-${scenarioId}`;

export function emptyWorkspace(): Workspace {
  return { v: WORKSPACE_VERSION, clients: [], scenarios: [] };
}

/** A name as stored: spaces around removed, at most {@link MAX_NAME} whole characters. */
export function cleanName(name: string): string {
  const chars = [...String(name).trim()];
  return chars.length > MAX_NAME ? chars.slice(0, MAX_NAME).join('').trimEnd() : chars.join('');
}

/** Clients not deleted, oldest first. */
export function liveClients(ws: Workspace): Client[] {
  return ws.clients.filter((c) => !c.deleted).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Scenarios of `clientId` not deleted, oldest first. */
export function scenariosOf(ws: Workspace, clientId: string): Scenario[] {
  return ws.scenarios
    .filter((s) => s.clientId === clientId && !s.deleted)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function findScenario(ws: Workspace, id: string | null | undefined): Scenario | undefined {
  return ws.scenarios.find((s) => s.id === id && !s.deleted);
}

export function findClient(ws: Workspace, id: string | null | undefined): Client | undefined {
  return ws.clients.find((c) => c.id === id && !c.deleted);
}

/** A time after `previous` (two changes within one millisecond still order). */
const after = (now: number, previous: number): number => Math.max(now, previous + 1);

export function addClient(ws: Workspace, name: string, clock: Clock): { ws: Workspace; client: Client } {
  const client: Client = { id: clock.id(), name: cleanName(name), createdAt: clock.now, updatedAt: clock.now };
  return { ws: { ...ws, clients: [...ws.clients, client] }, client };
}

export function addScenario(ws: Workspace, clientId: string, name: string, clock: Clock): { ws: Workspace; scenario: Scenario } {
  const id = clock.id();
  const scenario: Scenario = {
    id,
    clientId,
    name: cleanName(name),
    storageKey: storageKeyOf(id),
    createdAt: clock.now,
    updatedAt: clock.now,
  };
  return { ws: { ...ws, scenarios: [...ws.scenarios, scenario] }, scenario };
}

/**
 * A copy of scenario `id` named `name` (a new storage key: the caller copies the records of
 * `from.storageKey` to `scenario.storageKey`).
 */
export function duplicateScenario(
  ws: Workspace,
  id: string,
  name: string,
  clock: Clock,
): { ws: Workspace; scenario: Scenario; from: Scenario } | undefined {
  const from = findScenario(ws, id);
  if (!from) return undefined;
  const { ws: next, scenario } = addScenario(ws, from.clientId, name, clock);
  return { ws: next, scenario, from };
}

function updateScenario(ws: Workspace, id: string, now: number, patch: Partial<Scenario>): Workspace {
  return {
    ...ws,
    scenarios: ws.scenarios.map((s) => (s.id === id ? { ...s, ...patch, updatedAt: after(now, s.updatedAt) } : s)),
  };
}

function updateClient(ws: Workspace, id: string, now: number, patch: Partial<Client>): Workspace {
  return {
    ...ws,
    clients: ws.clients.map((c) => (c.id === id ? { ...c, ...patch, updatedAt: after(now, c.updatedAt) } : c)),
  };
}

/** Renames; an empty name leaves it as it was. */
export function renameScenario(ws: Workspace, id: string, name: string, now: number): Workspace {
  const clean = cleanName(name);
  return clean ? updateScenario(ws, id, now, { name: clean }) : ws;
}

export function renameClient(ws: Workspace, id: string, name: string, now: number): Workspace {
  const clean = cleanName(name);
  return clean ? updateClient(ws, id, now, { name: clean }) : ws;
}

/** Deletes scenario `id` (a tombstone: `restoreScenario` undoes it). */
export function deleteScenario(ws: Workspace, id: string, now: number): Workspace {
  return updateScenario(ws, id, now, { deleted: true });
}

export function restoreScenario(ws: Workspace, id: string, now: number): Workspace {
  return updateScenario(ws, id, now, { deleted: false });
}

/** Deletes client `id` and the scenarios it has now; `restoreClient` with the same ids undoes it. */
export function deleteClient(ws: Workspace, id: string, now: number): { ws: Workspace; scenarioIds: string[] } {
  const scenarioIds = scenariosOf(ws, id).map((s) => s.id);
  let next = updateClient(ws, id, now, { deleted: true });
  for (const sid of scenarioIds) next = deleteScenario(next, sid, now);
  return { ws: next, scenarioIds };
}

export function restoreClient(ws: Workspace, id: string, scenarioIds: readonly string[], now: number): Workspace {
  let next = updateClient(ws, id, now, { deleted: false });
  for (const sid of scenarioIds) next = restoreScenario(next, sid, now);
  return next;
}

/** The newer of two versions of one entity; on a tie, a deletion wins, then the greater JSON (any tab picks the same). */
function newer<T extends { updatedAt: number; deleted?: boolean }>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  if (!!a.deleted !== !!b.deleted) return a.deleted ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

function mergeById<T extends { id: string; updatedAt: number; deleted?: boolean }>(a: readonly T[], b: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of [...a, ...b]) {
    const seen = byId.get(item.id);
    byId.set(item.id, seen ? newer(seen, item) : item);
  }
  return [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));
}

/**
 * Two copies of a workspace (two tabs, or what is saved and what this tab changed) as one: each
 * client and scenario in its newer version. Commutative, associative and idempotent, so the
 * order in which tabs save does not matter.
 */
export function mergeWorkspaces(a: Workspace | undefined, b: Workspace | undefined): Workspace {
  return {
    v: WORKSPACE_VERSION,
    clients: mergeById(a?.clients ?? [], b?.clients ?? []),
    scenarios: mergeById(a?.scenarios ?? [], b?.scenarios ?? []),
  };
}

/**
 * The workspace of a first start: one client with one scenario. `legacy` tells whether today's
 * saved work exists (the caller copies it into the scenario's storage key: the migration).
 */
export function firstWorkspace(names: { client: string; scenario: string }, clock: Clock): { ws: Workspace; scenario: Scenario } {
  const { ws, client } = addClient(emptyWorkspace(), names.client, clock);
  return addScenario(ws, client.id, names.scenario, clock);
}

/**
 * An imported workspace in place of `saved`: what `saved` holds is deleted (tombstones, so another
 * tab's copy does not bring it back) and what is imported is newer than those tombstones.
 */
export function replaceWorkspace(saved: Workspace | undefined, imported: Workspace, now: number): Workspace {
  const gone = <T extends { updatedAt: number }>(x: T): T => ({ ...x, deleted: true, updatedAt: after(now, x.updatedAt) });
  const latest = Math.max(now, ...[...(saved?.clients ?? []), ...(saved?.scenarios ?? [])].map((x) => x.updatedAt + 1));
  const fresh = <T extends { updatedAt: number }>(x: T): T => ({ ...x, updatedAt: after(latest + 1, x.updatedAt) });
  return mergeWorkspaces(
    { v: WORKSPACE_VERSION, clients: (saved?.clients ?? []).map(gone), scenarios: (saved?.scenarios ?? []).map(gone) },
    { v: WORKSPACE_VERSION, clients: imported.clients.map(fresh), scenarios: imported.scenarios.map(fresh) },
  );
}

/**
 * An imported workspace added to `saved`: each client and scenario in its newer version (ids the
 * workspace has not seen are added). Returns the scenarios taken from the import, whose records
 * the caller writes.
 */
export function mergeImported(saved: Workspace | undefined, imported: Workspace): { ws: Workspace; taken: Scenario[] } {
  const ws = mergeWorkspaces(saved, imported);
  const taken = imported.scenarios.filter((s) =>
    ws.scenarios.some((w) => w.id === s.id && w.updatedAt === s.updatedAt && !w.deleted),
  );
  return { ws, taken };
}
