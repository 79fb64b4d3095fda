/**
 * The lead outbox: leads waiting to be posted, in IndexedDB (via `idb`), so a lead survives a
 * closed tab, a reload or a day offline. Its own database (`mrr-kit-leads`), opened only by the lead
 * code, which loads on demand: the elements' first load and the state database's schema stay as
 * they are, and a version change of one never blocks the other. Where IndexedDB fails, leads are
 * kept in memory for this page (and still sent).
 *
 * Changes of a lead's status are told to this page's listeners and, through a BroadcastChannel
 * opened only while someone listens, to other tabs (the tab that sends a lead may not be the one
 * that shows it).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Lead } from './lead.js';

/** A lead in the outbox, with where it goes and how sending it went. */
export interface OutboxRecord {
  leadId: string;
  lead: Lead;
  endpoint: string;
  /** Attempts that got no 2xx. */
  attempts: number;
  /** Not before this time (ms since the epoch). */
  nextAttemptAt: number;
  /** `failed`: refused with a 4xx; kept, sent again only when the prospect asks. */
  state: 'pending' | 'failed';
  /** HTTP status of the last answer, if any. */
  httpStatus?: number;
}

interface LeadsDB extends DBSchema {
  outbox: { key: string; value: OutboxRecord };
}

/** Where a lead is, in the words the prospect sees (src/leads/messages.ts `status.*`). */
export type LeadStatus = 'sending' | 'sent' | 'offline' | 'failed';

export const LEADS_DB = 'mrr-kit-leads';
const CHANNEL = 'mrr-kit-leads';

let connection: Promise<IDBPDatabase<LeadsDB> | null> | undefined;
/** Leads of this page while IndexedDB is unavailable. */
const memory = new Map<string, OutboxRecord>();

function db(): Promise<IDBPDatabase<LeadsDB> | null> {
  connection ??= openDB<LeadsDB>(LEADS_DB, 1, {
    upgrade: (d) => void d.createObjectStore('outbox', { keyPath: 'leadId' }),
    blocking: () => closeOutbox(),
    terminated: () => void (connection = undefined),
  }).catch((e: unknown) => {
    console.warn('MRR Kit: the lead outbox cannot use IndexedDB; leads are kept on this page until sent.', e);
    return null;
  });
  return connection;
}

/** Closes the connection (the next call opens again). */
export function closeOutbox(): void {
  const c = connection;
  connection = undefined;
  void c?.then((d) => d?.close());
}

/** Every lead in the outbox. */
export async function allLeads(): Promise<OutboxRecord[]> {
  const d = await db();
  const stored = d ? await d.getAll('outbox').catch(() => []) : [];
  return [...stored, ...memory.values()];
}

export async function getLead(leadId: string): Promise<OutboxRecord | undefined> {
  const d = await db();
  return memory.get(leadId) ?? (d ? await d.get('outbox', leadId).catch(() => undefined) : undefined);
}

/** Writes a lead (new or updated); in memory when IndexedDB refuses it. Resolves once written. */
export async function putLead(record: OutboxRecord): Promise<void> {
  const d = await db();
  if (d && !memory.has(record.leadId)) {
    try {
      await d.put('outbox', record);
      return;
    } catch (e) {
      console.warn('MRR Kit: a lead could not be saved on this device; it is kept on this page until sent.', e);
    }
  }
  memory.set(record.leadId, record);
}

export async function deleteLead(leadId: string): Promise<void> {
  if (memory.delete(leadId)) return;
  const d = await db();
  await d?.delete('outbox', leadId);
}

type Listener = (leadId: string, status: LeadStatus) => void;
const listeners = new Set<Listener>();
let broadcast: BroadcastChannel | undefined;

/** Tells this page's listeners and the other tabs that `leadId` is now `status`. */
export function notify(leadId: string, status: LeadStatus): void {
  for (const l of listeners) l(leadId, status);
  // A short-lived channel when no one here listens: other tabs may.
  const channel = broadcast ?? (typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined);
  channel?.postMessage({ leadId, status });
  if (channel !== broadcast) channel?.close();
}

/** Calls `listener` on every status change of a lead (this page or another tab); returns the unsubscribe. */
export function watchLeads(listener: Listener): () => void {
  listeners.add(listener);
  if (!broadcast && typeof BroadcastChannel === 'function') {
    broadcast = new BroadcastChannel(CHANNEL);
    broadcast.onmessage = (e: MessageEvent<{ leadId: string; status: LeadStatus }>) => {
      for (const l of listeners) l(e.data.leadId, e.data.status);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      broadcast?.close();
      broadcast = undefined;
    }
  };
}
