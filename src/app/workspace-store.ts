/**
 * The workspace of the app at run time: the pure model (workspace.ts) held in memory, saved in
 * one transaction with the records each change implies (src/storage/scenario-records.ts), shared
 * with other tabs (a save merges with what is saved; a save heard from another tab is read back),
 * and still usable in memory when storage fails (`failure` says why; nothing is lost on the page).
 */
import * as v from 'valibot';
import { StorageError, type StorageFailure } from '../storage/db.js';
import {
  commitWorkspace,
  loadWorkspaceRecord,
  readScenarioRecords,
  STATE_CHANNEL,
  WORKSPACE_RECORD,
  type RecordWrite,
} from '../storage/scenario-records.js';
import { newId } from '../forms/ids.js';
import {
  findClient,
  findScenario,
  firstWorkspace,
  mergeImported,
  mergeWorkspaces,
  replaceWorkspace,
  storageKeyOf,
  type Clock,
  type Scenario,
  type Workspace,
} from './workspace.js';
import {
  readScenarioFile,
  readWorkspaceFile,
  recordKey,
  recordNameOf,
  scenarioFile,
  workspaceFile,
  workspaceSchema,
  type ScenarioFile,
  type ScenarioRecord,
  type TransferErrorCode,
} from './transfer.js';

/** Storage keys whose records today's site saved (index.html used `site`; an element alone, `default`). */
export const LEGACY_KEYS = ['site', 'default'] as const;

export type ImportMode = 'replace' | 'merge';
export type ImportResult = { ok: true } | { ok: false; code: TransferErrorCode; detail?: string };

const clock = (): Clock => ({ now: Date.now(), id: () => newId('') });

const failureOf = (e: unknown): StorageFailure => (e instanceof StorageError ? e.reason : 'writeFailed');

export class WorkspaceStore {
  ws: Workspace = { v: 1, clients: [], scenarios: [] };
  /** Why the workspace is not saved (storage missing, full, …); undefined when saved. */
  failure?: StorageFailure;
  /** Records of scenarios kept in memory while storage fails (a duplicate, an import). */
  private memoryRecords = new Map<string, ScenarioRecord[]>();
  private listeners = new Set<() => void>();
  private channel?: BroadcastChannel;

  constructor(private readonly names: () => { client: string; scenario: string }) {}

  private readonly recordListeners = new Set<(key: string) => void>();

  /** Hears a scenario record saved in another tab (or by an element): its key. */
  onRecordSaved(listener: (key: string) => void): () => void {
    this.recordListeners.add(listener);
    return () => this.recordListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Loads the saved workspace; on a first start makes one client with one scenario and copies
   * today's saved work (records under {@link LEGACY_KEYS}) into it: the migration.
   */
  async load(): Promise<void> {
    try {
      const saved = v.safeParse(workspaceSchema, await loadWorkspaceRecord());
      if (saved.success) this.ws = saved.output;
      else await this.migrate();
      this.failure = undefined;
    } catch (e) {
      this.failure = failureOf(e);
      if (this.ws.clients.length === 0) this.ws = firstWorkspace(this.names(), clock()).ws;
    }
    this.listen();
    this.emit();
  }

  private async migrate(): Promise<void> {
    const first = firstWorkspace(this.names(), clock());
    let put: RecordWrite[] = [];
    for (const legacy of LEGACY_KEYS) {
      const records = await readScenarioRecords(legacy);
      const own = records.filter((r) => recordNameOf(r.key, legacy));
      if (own.length === 0) continue;
      put = own.map((r) => ({
        key: recordKey(recordNameOf(r.key, legacy)!, first.scenario.storageKey),
        data: r.data,
        schema: r.schema,
      }));
      break;
    }
    // Another tab may have made the first workspace meanwhile: then that one is kept.
    this.ws = await commitWorkspace(
      (saved) => {
        const parsed = v.safeParse(workspaceSchema, saved);
        if (parsed.success) {
          put = [];
          return parsed.output;
        }
        return first.ws;
      },
      { put },
    );
  }

  private listen(): void {
    if (this.channel || typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(STATE_CHANNEL);
    this.channel.onmessage = (e: MessageEvent<{ key?: string; source?: string } | undefined>) => {
      const key = e.data?.key;
      if (key !== WORKSPACE_RECORD) {
        if (typeof key === 'string') for (const l of this.recordListeners) l(key);
        return;
      }
      void loadWorkspaceRecord()
        .then((data) => {
          const parsed = v.safeParse(workspaceSchema, data);
          if (!parsed.success) return;
          // Every change here is saved at once, so what is saved holds it: take what is saved.
          this.ws = mergeWorkspaces(undefined, parsed.output);
          this.emit();
        })
        .catch(() => {});
    };
  }

  close(): void {
    this.channel?.close();
    this.channel = undefined;
  }

  /**
   * Applies `change` here at once and saves it merged with what is saved (another tab's newer
   * data is kept), with the records it implies, in one transaction.
   */
  async change(change: (ws: Workspace) => Workspace, records: { put?: RecordWrite[]; remove?: string[] } = {}): Promise<void> {
    const mine = change(this.ws);
    this.ws = mine;
    this.emit();
    try {
      this.ws = await commitWorkspace((saved) => {
        const parsed = v.safeParse(workspaceSchema, saved);
        return mergeWorkspaces(parsed.success ? parsed.output : undefined, mine);
      }, records);
      this.failure = undefined;
    } catch (e) {
      this.failure = failureOf(e);
    }
    this.emit();
  }

  /** The records of a scenario (saved, or in memory while storage fails). */
  async records(scenario: Scenario): Promise<ScenarioRecord[]> {
    try {
      const saved = await readScenarioRecords(scenario.storageKey);
      return saved.flatMap((r) => {
        const name = recordNameOf(r.key, scenario.storageKey);
        return name ? [{ name, data: r.data, schema: r.schema }] : [];
      });
    } catch {
      return this.memoryRecords.get(scenario.id) ?? [];
    }
  }

  /** Puts `records` under `storageKey` (the writes of a duplicate or an import). */
  private writesFor(records: readonly ScenarioRecord[], storageKey: string): RecordWrite[] {
    return records.map((r) => ({ key: recordKey(r.name, storageKey), data: r.data, schema: r.schema }));
  }

  async duplicate(id: string, name: string): Promise<Scenario | undefined> {
    const from = findScenario(this.ws, id);
    if (!from) return undefined;
    const records = await this.records(from);
    const c = clock();
    const sid = c.id();
    const scenario: Scenario = {
      id: sid,
      clientId: from.clientId,
      name,
      storageKey: storageKeyOf(sid),
      createdAt: c.now,
      updatedAt: c.now,
    };
    this.memoryRecords.set(sid, records);
    await this.change((ws) => (ws.scenarios.some((s) => s.id === sid) ? ws : { ...ws, scenarios: [...ws.scenarios, scenario] }), {
      put: this.writesFor(records, scenario.storageKey),
    });
    return scenario;
  }

  async exportWorkspace(): Promise<Blob> {
    const live = this.ws.scenarios.filter((s) => !s.deleted);
    const records: Record<string, ScenarioRecord[]> = {};
    for (const s of live) records[s.id] = await this.records(s);
    const ws: Workspace = {
      v: 1,
      clients: this.ws.clients.filter((c) => !c.deleted),
      scenarios: live,
    };
    return new Blob([JSON.stringify(workspaceFile(ws, records, Date.now()), null, 1)], { type: 'application/json' });
  }

  async scenarioFile(id: string): Promise<ScenarioFile | undefined> {
    const scenario = findScenario(this.ws, id);
    if (!scenario) return undefined;
    return scenarioFile(scenario, findClient(this.ws, scenario.clientId)?.name, await this.records(scenario), Date.now());
  }

  /** Judges the whole file first: a refused file changes nothing. */
  async importWorkspace(blob: Blob, mode: ImportMode): Promise<ImportResult> {
    let text: string;
    try {
      text = await blob.text();
    } catch {
      return { ok: false, code: 'notJson' };
    }
    const read = readWorkspaceFile(text);
    if (!read.ok) return read;
    const file = read.value;
    const imported = file.workspace;
    const recordsOf = (s: Scenario) => file.records[s.id] ?? [];
    try {
      if (mode === 'replace') {
        const now = Date.now();
        const old = this.ws.scenarios.map((s) => s.storageKey);
        await this.commitImport(
          (saved) => replaceWorkspace(saved, imported, now),
          (saved) => [...old, ...(saved?.scenarios.map((s) => s.storageKey) ?? [])],
          () => imported.scenarios.filter((s) => !s.deleted).flatMap((s) => this.writesFor(recordsOf(s), s.storageKey)),
        );
      } else {
        let taken: Scenario[] = [];
        await this.commitImport(
          (saved) => {
            const merged = mergeImported(saved, imported);
            taken = merged.taken;
            return merged.ws;
          },
          () => taken.map((s) => s.storageKey),
          () => taken.flatMap((s) => this.writesFor(recordsOf(s), s.storageKey)),
        );
      }
    } catch {
      return { ok: false, code: 'storage' };
    }
    return { ok: true };
  }

  /** One transaction: the workspace, the records removed, the records written. */
  private async commitImport(
    next: (saved: Workspace | undefined) => Workspace,
    remove: (saved: Workspace | undefined) => string[],
    put: () => RecordWrite[],
  ): Promise<void> {
    let removeKeys: string[] = [];
    let putRecords: RecordWrite[] = [];
    // The records to write depend on what is saved: computed inside the transaction's read.
    const ws = await commitWorkspace(
      (data) => {
        const parsed = v.safeParse(workspaceSchema, data);
        const saved = parsed.success ? parsed.output : undefined;
        const result = next(saved);
        removeKeys = remove(saved);
        putRecords = put();
        return result;
      },
      {
        get remove() {
          return removeKeys;
        },
        get put() {
          return putRecords;
        },
      },
    );
    this.ws = ws;
    this.failure = undefined;
    this.emit();
  }

  /** Adds a scenario file (an import or a share link) to client `clientId`. */
  async addScenarioFile(file: ScenarioFile, clientId: string): Promise<Scenario> {
    const c = clock();
    const sid = c.id();
    const scenario: Scenario = {
      id: sid,
      clientId,
      name: file.scenario.name,
      storageKey: storageKeyOf(sid),
      createdAt: c.now,
      updatedAt: c.now,
    };
    this.memoryRecords.set(sid, file.records);
    await this.change((ws) => (ws.scenarios.some((s) => s.id === sid) ? ws : { ...ws, scenarios: [...ws.scenarios, scenario] }), {
      put: this.writesFor(file.records, scenario.storageKey),
    });
    return scenario;
  }

  /** Reads a scenario file's blob (refused whole, as a workspace file is). */
  static async readScenarioBlob(blob: Blob): Promise<ReturnType<typeof readScenarioFile>> {
    try {
      return readScenarioFile(await blob.text());
    } catch {
      return { ok: false, code: 'notJson' };
    }
  }
}
