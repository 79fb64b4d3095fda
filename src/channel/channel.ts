/**
 * The channel: how MRR Kit elements feed each other without reading each other's saved records or
 * looking each other up in the page. A producer publishes a typed, versioned public record under a
 * topic and a key (`pricing` / `icp` / `figures` + the storage key); consumers subscribe to it.
 *
 * - Same page: an in-memory bus delivers at once.
 * - Other tabs (and another copy of MRR Kit on this page, such as a stand-alone element file): a
 *   BroadcastChannel.
 * - Later: the last record of each topic and key is kept in IndexedDB (through the storage module,
 *   under its own public key `channel:<topic>:<key>`), so a consumer opened afterwards gets it.
 *
 * Every record is validated with its topic's valibot schema when it is published (what is published
 * is the schema's output: keys the schema does not declare never leave the producer) and again when
 * it is read from another tab or from storage: a record of another version or shape is ignored with
 * one console warning. No Lit, no DOM beyond BroadcastChannel.
 */
import * as v from 'valibot';

/** A topic: its name, the version of its records and their schema. */
export interface Topic<T extends { v: number }> {
  readonly name: string;
  readonly version: T['v'];
  readonly schema: v.GenericSchema<unknown, T>;
}

/** Declares a topic (see `src/channel/pricing.ts`, `icp.ts`, `figures.ts`). */
export function defineTopic<T extends { v: number }>(
  name: string,
  version: T['v'],
  schema: v.GenericSchema<unknown, T>,
): Topic<T> {
  return { name, version, schema };
}

/** A record as the channel holds it: when it was published (ms, for ordering across tabs) and itself. */
interface Entry {
  at: number;
  record: unknown;
}

/** What goes over the BroadcastChannel. */
interface Message extends Entry {
  topic: string;
  key: string;
}

/** Name of the BroadcastChannel the channel posts on. */
export const BROADCAST_NAME = 'mrr-kit-channel';

type Listener = (record: never) => void;

interface Slot {
  topic: Topic<{ v: number }>;
  latest?: Entry;
  /** The JSON of `latest.record`: a publish of the same record is not sent again. */
  json?: string;
  listeners: Set<Listener>;
  /** The read of the stored record, once per page. */
  loaded?: Promise<void>;
}

const slots = new Map<string, Slot>();
const warned = new Set<string>();
let broadcast: BroadcastChannel | undefined;

const idOf = (topic: string, key: string) => `${topic}:${key}`;
/** The public storage key of a topic's last record. */
export const storageKeyOf = (topic: string, key: string) => `channel:${idOf(topic, key)}`;

function slot<T extends { v: number }>(topic: Topic<T>, key: string): Slot {
  const id = idOf(topic.name, key);
  let s = slots.get(id);
  if (!s) {
    s = { topic: topic as unknown as Topic<{ v: number }>, listeners: new Set() };
    slots.set(id, s);
  }
  return s;
}

/** The record when it has the topic's version and shape, else undefined and one warning (per topic and key). */
function check(topic: Topic<{ v: number }>, key: string, record: unknown, from: string): unknown {
  const parsed = v.safeParse(topic.schema, record);
  if (parsed.success) return parsed.output;
  const id = idOf(topic.name, key);
  if (!warned.has(id)) {
    warned.add(id);
    const version = (record as { v?: unknown } | null)?.v;
    console.warn(
      `MRR Kit: a "${topic.name}" record for "${key}" from ${from} was ignored: it is not version ${topic.version} ` +
        `of that record (version ${String(version)}, or another shape).`,
    );
  }
  return undefined;
}

function deliver(s: Slot, entry: Entry, json: string): void {
  s.latest = entry;
  s.json = json;
  for (const listener of [...s.listeners]) {
    try {
      (listener as (record: unknown) => void)(entry.record);
    } catch (e) {
      // One consumer's failure never keeps the record from the others.
      console.error(e);
    }
  }
}

/** Takes an entry from another tab or from storage when it is newer than what this page holds. */
function receive(s: Slot, key: string, entry: Entry, from: string): void {
  if (s.latest && s.latest.at >= entry.at) return;
  const record = check(s.topic, key, entry.record, from);
  if (record === undefined) return;
  const json = JSON.stringify(record);
  if (json === s.json) {
    s.latest = { at: entry.at, record: s.latest!.record };
    return;
  }
  deliver(s, { at: entry.at, record }, json);
}

function channel(): BroadcastChannel | undefined {
  if (broadcast || typeof BroadcastChannel !== 'function') return broadcast;
  broadcast = new BroadcastChannel(BROADCAST_NAME);
  broadcast.onmessage = (e: MessageEvent<Partial<Message> | null>) => {
    const m = e.data;
    if (!m || typeof m.topic !== 'string' || typeof m.key !== 'string' || typeof m.at !== 'number') return;
    // Only topics this page has used: another page's topic has nobody here to read it.
    const s = slots.get(idOf(m.topic, m.key));
    if (s) receive(s, m.key, { at: m.at, record: m.record }, 'another tab');
  };
  return broadcast;
}

/**
 * Closes the BroadcastChannel once nothing on the page listens (the last element that subscribed
 * was removed): an element added and removed by a single-page app leaves no channel open. Records
 * other tabs publish while it is closed are not heard, so the next subscriber reads storage again.
 */
function closeWhenUnused(): void {
  if (!broadcast) return;
  for (const s of slots.values()) if (s.listeners.size) return;
  broadcast.close();
  broadcast = undefined;
  for (const s of slots.values()) s.loaded = undefined;
}

const storage = () => import('../storage/db.js');

/** Writes in flight and the entry waiting behind each (keystrokes coalesce into one write). */
const writing = new Map<string, Promise<void>>();
const waiting = new Map<string, { entry: Entry; version: number }>();

function persist(topic: string, key: string, entry: Entry, version: number): Promise<void> {
  const id = storageKeyOf(topic, key);
  waiting.set(id, { entry, version });
  let run = writing.get(id);
  if (!run) {
    run = (async () => {
      for (let next = waiting.get(id); next; next = waiting.get(id)) {
        waiting.delete(id);
        const mine = next;
        try {
          const { mergeState } = await storage();
          // Another tab may have written a newer record meanwhile: the newest stays.
          await mergeState<Entry>(id, (saved) => (saved && saved.at > mine.entry.at ? saved : mine.entry), mine.version);
        } catch {
          // No storage (private mode, quota): the page and open tabs still get the record.
        }
      }
      writing.delete(id);
    })();
    writing.set(id, run);
  }
  return run;
}

/**
 * Publishes `record` under `topic` and `key`: validated by the topic's schema (what is sent is its
 * output, so a key the schema does not declare is never published), delivered to this page's
 * subscribers, posted to other tabs and kept in storage as the last record. Publishing the same
 * record again does nothing. A record the schema refuses is not published (one warning).
 */
export function publish<T extends { v: number }>(topic: Topic<T>, key: string, record: T): void {
  const s = slot(topic, key);
  const checked = check(s.topic, key, record, 'this page');
  if (checked === undefined) return;
  const json = JSON.stringify(checked);
  if (json === s.json) return;
  const at = Math.max(Date.now(), (s.latest?.at ?? 0) + 1);
  const entry: Entry = { at, record: checked };
  deliver(s, entry, json);
  const message: Message = { topic: topic.name, key, ...entry };
  channel()?.postMessage(message);
  closeWhenUnused(); // a message posted is delivered even if the channel closes now
  void persist(topic.name, key, entry, topic.version);
}

/** Loads the stored last record of a slot once per page (newer records that arrived meanwhile win). */
function load(s: Slot, key: string): Promise<void> {
  s.loaded ??= (async () => {
    try {
      const { loadState } = await storage();
      const saved = await loadState<Entry>(storageKeyOf(s.topic.name, key));
      const data = saved?.data;
      if (data && typeof data === 'object' && typeof data.at === 'number') receive(s, key, data, 'storage');
    } catch {
      // No storage: only records published while this page is open arrive.
    }
  })();
  return s.loaded;
}

/**
 * Calls `listener` with the last record of `topic` and `key` (published on this page, in another
 * tab, or earlier and kept in storage) and with every later one. Returns the function that stops it.
 * The first call comes asynchronously, never during `subscribe` itself.
 */
export function subscribe<T extends { v: number }>(topic: Topic<T>, key: string, listener: (record: T) => void): () => void {
  const s = slot(topic, key);
  channel();
  const heard = listener as Listener;
  s.listeners.add(heard);
  const known = s.latest;
  if (known) {
    queueMicrotask(() => {
      // Unless it stopped, or a newer record reached it meanwhile.
      if (s.listeners.has(heard) && s.latest === known) listener(known.record as T);
    });
  }
  void load(s, key);
  return () => {
    s.listeners.delete(heard);
    closeWhenUnused();
  };
}

/** The last record of `topic` and `key` (this page's, another tab's or the stored one), or undefined. */
export async function latest<T extends { v: number }>(topic: Topic<T>, key: string): Promise<T | undefined> {
  const s = slot(topic, key);
  channel();
  await load(s, key);
  const record = s.latest?.record as T | undefined;
  closeWhenUnused();
  return record;
}

/** Resolves when every record published so far is in storage (tests; a page about to close). */
export async function settled(): Promise<void> {
  while (writing.size) await Promise.all([...writing.values()]);
}

/** Test hook: forgets every record and subscriber of this page, as a page opened afresh would. */
export function resetChannel(): void {
  slots.clear();
  warned.clear();
  broadcast?.close();
  broadcast = undefined;
}
