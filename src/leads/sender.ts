/**
 * Sends the outbox: each lead POSTed as JSON with `Idempotency-Key: <leadId>`, removed only after a
 * 2xx. Network errors, timeouts, 5xx, 408 and 429: tried again with backoff (`retryDelay`: the first
 * retry within 2 s, doubling, capped at 5 minutes, with jitter; a `Retry-After` is honoured up to
 * the cap, but the first retry still comes within 5 s: `retryWait`). Any other 4xx: kept as failed, sent again only when the prospect presses "Try again".
 * Offline (`navigator.onLine` false): nothing is posted; the `online` event sends again. The outbox
 * is replayed when the lead code loads (an element with lead capture on the page) and on `online`
 * (not Background Sync: Chromium only). One tab sends at a time: a pass holds the Web Lock
 * `mrr-kit-leads` from reading the outbox until the last lead it posted is removed or updated, so
 * two tabs never post one lead at once nor after its 2xx. A lead older than 7 days is dropped, with
 * one console warning per pass.
 */
import { retryDelay, type Lead } from './lead.js';
import { allLeads, deleteLead, notify, putLead, type OutboxRecord } from './outbox.js';

export const LOCK_NAME = 'mrr-kit-leads';

const settings = {
  /** The first retry comes within this (ms, with jitter: half of it to all of it). */
  retryBaseMs: 2000,
  retryCapMs: 5 * 60_000,
  /** Leads older than this are dropped unsent. */
  maxAgeMs: 7 * 24 * 3_600_000,
  /** An attempt with no answer by then counts as a network error. */
  timeoutMs: 30_000,
};

/** The first retry comes within this, whatever the server asks (`Retry-After`). */
export const FIRST_RETRY_MAX_MS = 5000;

/**
 * How long to wait before retry number `attempts` (1 = the first) with the settings in force: the
 * backoff (`retryDelay`), or the server's `Retry-After` when it gave one, honoured up to the cap
 * (5 minutes) except for the first retry, which never waits more than 5 s.
 */
export function retryWait(attempts: number, retryAfterMs?: number, random = Math.random()): number {
  const wait =
    retryAfterMs === undefined
      ? retryDelay(attempts, settings.retryBaseMs, settings.retryCapMs, random)
      : Math.min(settings.retryCapMs, retryAfterMs);
  return attempts <= 1 ? Math.min(FIRST_RETRY_MAX_MS, wait) : wait;
}

/** Test and integration hook: retry timing, expiry, the attempt timeout. */
export function configureLeads(options: Partial<typeof settings>): void {
  Object.assign(settings, options);
}

/** Leads this page got a 2xx for: never posted again, even if removing them failed. */
const delivered = new Set<string>();
let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Elements with lead capture on this page (the `online` listener and the timer live while any does). */
let users = 0;
const onOnline = () => void flushLeads();

/**
 * Starts sending for one element (replays the outbox now and on `online`); returns the release. The
 * listener and the retry timer go when the last element releases.
 */
export function useSender(): () => void {
  if (users++ === 0) globalThis.addEventListener?.('online', onOnline);
  void flushLeads();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users > 0) return;
    globalThis.removeEventListener?.('online', onOnline);
    clearTimeout(timer);
    timer = undefined;
  };
}

/** Writes the lead to the outbox (before anything is sent), then sends what is due. */
export async function submitLead(lead: Lead, endpoint: string): Promise<void> {
  await putLead({ leadId: lead.leadId, lead, endpoint, attempts: 0, nextAttemptAt: 0, state: 'pending' });
  void flushLeads();
}

/** "Try again": a failed (or waiting) lead is due now. */
export async function retryLead(leadId: string): Promise<void> {
  const record = (await allLeads()).find((r) => r.leadId === leadId);
  if (record) await putLead({ ...record, state: 'pending', nextAttemptAt: 0 });
  await flushLeads();
}

/** One pass over the outbox (a pass asked for meanwhile runs after it); resolves when done. */
export function flushLeads(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  const pass = async () => {
    do {
      again = false;
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      const nextAt = locks ? await locks.request(LOCK_NAME, () => sendDue()) : await sendDue();
      schedule(nextAt);
    } while (again);
  };
  running = pass().finally(() => (running = undefined));
  return running;
}

function schedule(nextAt: number): void {
  clearTimeout(timer);
  timer = undefined;
  if (users === 0 || !Number.isFinite(nextAt)) return;
  timer = setTimeout(() => void flushLeads(), Math.max(0, nextAt - Date.now()));
}

const offline = () => globalThis.navigator?.onLine === false;

/** Sends the leads that are due; returns when the next one is (ms since the epoch), or Infinity. */
async function sendDue(): Promise<number> {
  const records = (await allLeads()).sort((a, b) => a.lead.occurredAt.localeCompare(b.lead.occurredAt));
  const expired = records.filter((r) => Date.now() - Date.parse(r.lead.occurredAt) > settings.maxAgeMs);
  for (const r of expired) await deleteLead(r.leadId);
  if (expired.length) {
    console.warn(
      `MRR Kit: ${expired.length} lead(s) could not be sent within 7 days and were dropped:`,
      expired.map((r) => r.leadId),
    );
  }
  let nextAt = Infinity;
  for (const record of records) {
    if (expired.includes(record) || record.state === 'failed') continue;
    if (delivered.has(record.leadId)) {
      await deleteLead(record.leadId).catch(() => {});
      continue;
    }
    if (offline()) {
      notify(record.leadId, 'offline');
      continue;
    }
    if (record.nextAttemptAt > Date.now()) {
      nextAt = Math.min(nextAt, record.nextAttemptAt);
      continue;
    }
    notify(record.leadId, 'sending');
    const answer = await post(record);
    if (answer.ok) {
      delivered.add(record.leadId);
      await deleteLead(record.leadId).catch(() => {});
      notify(record.leadId, 'sent');
    } else if (
      answer.status !== undefined &&
      answer.status >= 400 &&
      answer.status < 500 &&
      answer.status !== 408 &&
      answer.status !== 429
    ) {
      await putLead({ ...record, state: 'failed', httpStatus: answer.status, attempts: record.attempts + 1 });
      notify(record.leadId, 'failed');
    } else {
      const attempts = record.attempts + 1;
      const wait = retryWait(attempts, answer.retryAfterMs);
      const next: OutboxRecord = { ...record, attempts, nextAttemptAt: Date.now() + wait, httpStatus: answer.status };
      await putLead(next);
      nextAt = Math.min(nextAt, next.nextAttemptAt);
      notify(record.leadId, offline() ? 'offline' : 'sending');
    }
  }
  return nextAt;
}

interface Answer {
  ok: boolean;
  status?: number;
  retryAfterMs?: number;
}

async function post(record: OutboxRecord): Promise<Answer> {
  try {
    const response = await fetch(record.endpoint, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', 'idempotency-key': record.leadId },
      body: JSON.stringify(record.lead),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const seconds = Number(response.headers.get('retry-after'));
    return {
      ok: response.ok,
      status: response.status,
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
    };
  } catch {
    return { ok: false }; // network error, CORS refusal, timeout: tried again
  }
}
