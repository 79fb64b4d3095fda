/**
 * The workspace and scenario files (export, import, share links), as pure data: their format,
 * the valibot schemas that judge a file before anything is written, and the reading of a file's
 * text. A file is refused whole (truncated, not JSON, another format or version, a wrong shape):
 * the caller then changes nothing. Keys such as `__proto__`, `constructor` and `prototype` are
 * dropped while the text is parsed, so they never reach an object's prototype.
 */
import * as v from 'valibot';
import { MAX_NAME, STORAGE_KEY_PATTERN, WORKSPACE_VERSION, type Scenario, type Workspace } from './workspace.js';

export const WORKSPACE_FORMAT = 'mrr-kit-workspace';
export const SCENARIO_FORMAT = 'mrr-kit-scenario';
export const FILE_VERSION = 1;

/**
 * One saved record of a scenario, named without its storage key: `calculator` for
 * `calculator:<key>`, `channel:pricing` for `channel:pricing:<key>`.
 */
export interface ScenarioRecord {
  name: string;
  data: unknown;
  schema: number;
}

export interface WorkspaceFile {
  format: typeof WORKSPACE_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: number;
  workspace: Workspace;
  /** Records by scenario id. */
  records: Record<string, ScenarioRecord[]>;
}

export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  version: typeof FILE_VERSION;
  exportedAt: number;
  scenario: { name: string; client?: string };
  records: ScenarioRecord[];
}

export type TransferErrorCode = 'notJson' | 'truncated' | 'wrongFormat' | 'wrongVersion' | 'wrongShape' | 'storage' | 'tooLarge';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: TransferErrorCode; detail?: string };

/** Record names: an element's (`calculator`, `package-designer`) or a channel topic's (`channel:pricing`). */
const RECORD_NAME = /^[a-z][a-z0-9-]{0,39}(:[a-z][a-z0-9-]{0,39})?$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME * 2));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const recordSchema = v.object({
  name: v.pipe(v.string(), v.regex(RECORD_NAME)),
  data: v.unknown(),
  schema: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
});
const recordsSchema = v.pipe(v.array(recordSchema), v.maxLength(200));

const clientSchema = v.object({
  id: v.pipe(v.string(), v.regex(ID)),
  name,
  createdAt: time,
  updatedAt: time,
  deleted: v.optional(v.boolean()),
});
const scenarioSchema = v.object({
  id: v.pipe(v.string(), v.regex(ID)),
  clientId: v.pipe(v.string(), v.regex(ID)),
  name,
  storageKey: v.pipe(v.string(), v.regex(STORAGE_KEY_PATTERN)),
  createdAt: time,
  updatedAt: time,
  deleted: v.optional(v.boolean()),
});
export const workspaceSchema = v.pipe(
  v.object({
    v: v.literal(WORKSPACE_VERSION),
    clients: v.pipe(v.array(clientSchema), v.maxLength(10_000)),
    scenarios: v.pipe(v.array(scenarioSchema), v.maxLength(10_000)),
  }),
  v.check(
    (ws) => new Set(ws.scenarios.map((s) => s.storageKey)).size === ws.scenarios.length,
    'two scenarios share a storage key',
  ),
  v.check((ws) => {
    const clients = new Set(ws.clients.map((c) => c.id));
    return ws.scenarios.every((s) => clients.has(s.clientId));
  }, 'a scenario of no client'),
);

const workspaceFileSchema = v.object({
  format: v.literal(WORKSPACE_FORMAT),
  version: v.literal(FILE_VERSION),
  exportedAt: time,
  workspace: workspaceSchema,
  records: v.record(v.pipe(v.string(), v.regex(ID)), recordsSchema),
});

const scenarioFileSchema = v.object({
  format: v.literal(SCENARIO_FORMAT),
  version: v.literal(FILE_VERSION),
  exportedAt: time,
  scenario: v.object({ name, client: v.optional(name) }),
  records: recordsSchema,
});

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse without the keys that could reach a prototype once the data is spread or assigned
 * (`__proto__`, `constructor`, `prototype`): dropped at every depth. A text cut short is told
 * apart from other bad text (`truncated`: a download or a copy that stopped early).
 */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text, (key, value: unknown) => (UNSAFE_KEYS.has(key) ? undefined : value)) };
  } catch {
    return { ok: false, code: looksTruncated(text) ? 'truncated' : 'notJson' };
  }
}

/** Text that opens a JSON object or array and would parse once closed: cut short, not garbage. */
function looksTruncated(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of t) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') depth -= 1;
  }
  return depth > 0 || inString;
}

function judge<T>(value: unknown, format: string, schema: v.GenericSchema<unknown, T>): Parsed<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, code: 'wrongShape' };
  const file = value as { format?: unknown; version?: unknown };
  if (file.format !== format) return { ok: false, code: 'wrongFormat' };
  if (file.version !== FILE_VERSION) return { ok: false, code: 'wrongVersion' };
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const issue = result.issues[0];
    return { ok: false, code: 'wrongShape', detail: `${v.getDotPath(issue) ?? ''} ${issue.message}`.trim() };
  }
  return { ok: true, value: result.output };
}

/** Reads a workspace file's text (every check before anything is written). */
export function readWorkspaceFile(text: string): Parsed<WorkspaceFile> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const judged = judge(json.value, WORKSPACE_FORMAT, workspaceFileSchema);
  if (!judged.ok) return judged;
  const file = judged.value;
  // Records of a scenario the file does not list would be written under no one's key.
  const ids = new Set(file.workspace.scenarios.map((s) => s.id));
  if (Object.keys(file.records).some((id) => !ids.has(id))) return { ok: false, code: 'wrongShape', detail: 'records' };
  return { ok: true, value: file };
}

/** Reads a scenario file's text (or a share link's decompressed text). */
export function readScenarioFile(text: string): Parsed<ScenarioFile> {
  const json = parseJson(text);
  if (!json.ok) return json;
  return judge(json.value, SCENARIO_FORMAT, scenarioFileSchema);
}

/** A record's full storage key in scenario `storageKey`. */
export const recordKey = (recordName: string, storageKey: string): string => `${recordName}:${storageKey}`;

/** The record name of a full key in scenario `storageKey`, or undefined when it is not one of the scenario's. */
export function recordNameOf(key: string, storageKey: string): string | undefined {
  const suffix = `:${storageKey}`;
  if (!key.endsWith(suffix)) return undefined;
  const name = key.slice(0, -suffix.length);
  return RECORD_NAME.test(name) ? name : undefined;
}

export function workspaceFile(ws: Workspace, records: Record<string, ScenarioRecord[]>, now: number): WorkspaceFile {
  return { format: WORKSPACE_FORMAT, version: FILE_VERSION, exportedAt: now, workspace: ws, records };
}

export function scenarioFile(
  scenario: Scenario,
  client: string | undefined,
  records: ScenarioRecord[],
  now: number,
): ScenarioFile {
  return {
    format: SCENARIO_FORMAT,
    version: FILE_VERSION,
    exportedAt: now,
    scenario: { name: scenario.name, ...(client ? { client } : {}) },
    records,
  };
}
