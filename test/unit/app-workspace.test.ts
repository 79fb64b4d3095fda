import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addClient,
  addScenario,
  cleanName,
  deleteClient,
  deleteScenario,
  duplicateScenario,
  emptyWorkspace,
  firstWorkspace,
  liveClients,
  mergeWorkspaces,
  renameScenario,
  restoreClient,
  restoreScenario,
  scenariosOf,
  mergeImported,
  replaceWorkspace,
  type Clock,
  type Workspace,
} from '../../src/app/workspace.js';

function clock(now = 1000): Clock & { tick(ms?: number): Clock } {
  let n = 0;
  const c = {
    now,
    id: () => `id${++n}`,
    tick(ms = 10) {
      c.now += ms;
      return c;
    },
  };
  return c;
}

describe('workspace model', () => {
  it('creates a first client with a first scenario whose storage key is its own', () => {
    const { ws, scenario } = firstWorkspace({ client: 'My client', scenario: 'Today' }, clock());
    expect(liveClients(ws).map((c) => c.name)).toEqual(['My client']);
    expect(scenariosOf(ws, ws.clients[0]!.id)).toEqual([scenario]);
    expect(scenario).toMatchObject({ name: 'Today', storageKey: 'ws-id2' });
  });

  it('duplicates, renames, deletes and restores a scenario', () => {
    const c = clock();
    const { ws: w1, scenario } = firstWorkspace({ client: 'Acme', scenario: 'Base' }, c);
    const dup = duplicateScenario(w1, scenario.id, 'Base (copy)', c.tick())!;
    expect(dup.from.storageKey).toBe(scenario.storageKey);
    expect(dup.scenario.storageKey).not.toBe(scenario.storageKey);
    const w2 = renameScenario(dup.ws, dup.scenario.id, '  Optimistic  ', c.tick().now);
    expect(scenariosOf(w2, scenario.clientId).map((s) => s.name)).toEqual(['Base', 'Optimistic']);
    // An empty name is not a rename.
    expect(renameScenario(w2, dup.scenario.id, '   ', c.tick().now)).toBe(w2);
    const w3 = deleteScenario(w2, scenario.id, c.tick().now);
    expect(scenariosOf(w3, scenario.clientId).map((s) => s.name)).toEqual(['Optimistic']);
    const w4 = restoreScenario(w3, scenario.id, c.tick().now);
    expect(scenariosOf(w4, scenario.clientId).map((s) => s.name)).toEqual(['Base', 'Optimistic']);
  });

  it('deletes a client with its scenarios, and undoes that', () => {
    const c = clock();
    const { ws: w1, scenario } = firstWorkspace({ client: 'Acme', scenario: 'Base' }, c);
    const { ws: w2 } = addClient(w1, 'Other', c.tick());
    const { ws: w3, scenarioIds } = deleteClient(w2, scenario.clientId, c.tick().now);
    expect(liveClients(w3).map((x) => x.name)).toEqual(['Other']);
    expect(scenarioIds).toEqual([scenario.id]);
    const w4 = restoreClient(w3, scenario.clientId, scenarioIds, c.tick().now);
    expect(liveClients(w4).map((x) => x.name)).toEqual(['Acme', 'Other']);
    expect(scenariosOf(w4, scenario.clientId)).toHaveLength(1);
  });

  it('cuts names to 80 whole characters', () => {
    expect([...cleanName('é'.repeat(100))]).toHaveLength(80);
    expect(cleanName('🙂'.repeat(81))).toBe('🙂'.repeat(80));
  });

  it('merges two tabs: each keeps its newer change, a deletion is not brought back', () => {
    const c = clock();
    const { ws: base, scenario } = firstWorkspace({ client: 'Acme', scenario: 'Base' }, c);
    // Tab A renames the scenario later; tab B adds a scenario and deletes nothing.
    const a = renameScenario(base, scenario.id, 'Renamed in A', c.tick().now);
    const b = addScenario(base, scenario.clientId, 'Added in B', c.tick()).ws;
    const merged = mergeWorkspaces(a, b);
    expect(scenariosOf(merged, scenario.clientId).map((s) => s.name)).toEqual(['Renamed in A', 'Added in B']);
    // B deletes the scenario after A's rename: the deletion wins in both orders.
    const bDeleted = deleteScenario(b, scenario.id, c.tick().now);
    expect(scenariosOf(mergeWorkspaces(a, bDeleted), scenario.clientId).map((s) => s.name)).toEqual(['Added in B']);
    expect(mergeWorkspaces(bDeleted, a)).toEqual(mergeWorkspaces(a, bDeleted));
    // An older copy never overwrites a newer one.
    expect(scenariosOf(mergeWorkspaces(a, base), scenario.clientId)[0]!.name).toBe('Renamed in A');
  });

  it('merging is commutative, associative and idempotent (any order of saves gives one workspace)', () => {
    const entity = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      name: fc.string({ maxLength: 3 }),
      createdAt: fc.nat(5),
      updatedAt: fc.nat(5),
      deleted: fc.boolean(),
    });
    const ws = fc
      .record({ clients: fc.array(entity, { maxLength: 4 }), scenarios: fc.array(entity, { maxLength: 4 }) })
      .map(({ clients, scenarios }): Workspace => ({
        v: 1,
        clients: mergeWorkspaces(undefined, { v: 1, clients, scenarios: [] }).clients,
        scenarios: mergeWorkspaces(undefined, {
          v: 1,
          clients: [],
          scenarios: scenarios.map((s) => ({ ...s, clientId: 'a', storageKey: `ws-${s.id}` })),
        }).scenarios,
      }));
    fc.assert(
      fc.property(ws, ws, ws, (a, b, c) => {
        expect(mergeWorkspaces(a, b)).toEqual(mergeWorkspaces(b, a));
        expect(mergeWorkspaces(mergeWorkspaces(a, b), c)).toEqual(mergeWorkspaces(a, mergeWorkspaces(b, c)));
        expect(mergeWorkspaces(a, a)).toEqual(mergeWorkspaces(undefined, a));
      }),
    );
  });

  it('starts empty', () => {
    expect(emptyWorkspace()).toEqual({ v: 1, clients: [], scenarios: [] });
  });
});

describe('imports into a workspace', () => {
  it('replace: what was there is gone, what is imported shows, even the same ids exported earlier', () => {
    const c = clock();
    const { ws: exported } = firstWorkspace({ client: 'Acme', scenario: 'Base' }, c);
    const mine = renameScenario(exported, exported.scenarios[0]!.id, 'Changed since', c.tick().now);
    const { ws: withOther } = addClient(mine, 'Other', c.tick());
    const replaced = replaceWorkspace(withOther, exported, c.tick().now);
    expect(liveClients(replaced).map((x) => x.name)).toEqual(['Acme']);
    expect(scenariosOf(replaced, exported.clients[0]!.id).map((s) => s.name)).toEqual(['Base']);
    // Another tab holding the old copy merges with it: the replacement stays.
    expect(mergeWorkspaces(withOther, replaced)).toEqual(mergeWorkspaces(undefined, replaced));
  });

  it('merge: new scenarios are added and taken, older copies of known ones are not', () => {
    const c = clock();
    const { ws: mine, scenario } = firstWorkspace({ client: 'Acme', scenario: 'Base' }, c);
    const theirs = addScenario(emptyWorkspace(), 'zz', 'Theirs', { now: 1, id: () => 'other1' }).ws;
    theirs.clients.push({ id: 'zz', name: 'Them', createdAt: 1, updatedAt: 1 });
    const older = { ...mine, scenarios: mine.scenarios.map((s) => ({ ...s, name: 'Old', updatedAt: 1 })) };
    const { ws, taken } = mergeImported(renameScenario(mine, scenario.id, 'Mine', c.tick().now), {
      ...theirs,
      scenarios: [...theirs.scenarios, ...older.scenarios],
    });
    expect(taken.map((s) => s.name)).toEqual(['Theirs']);
    expect(
      liveClients(ws)
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Acme', 'Them']);
  });
});
