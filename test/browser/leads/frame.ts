/**
 * A page of the lead tests on another origin than the test page (127.0.0.1 instead of localhost,
 * so Chromium gives it a process and a network of its own: `lead-offline` cuts only this). Several
 * frames share its origin (one outbox, one Web Lock), like tabs. Query: `tag`, `endpoint` (none:
 * no element), `lang`. The test page drives it with postMessage: `{ id, cmd, args }` → `{ id, result }`.
 */
import '../../../components/mrr-calculator/define.js';
import '../../../components/mrr-pricing-table/define.js';
import { makeLead } from '../../../src/leads/lead.js';
import { setMinFillMs } from '../../../src/leads/lead-part.js';
import { allLeads, deleteLead, putLead } from '../../../src/leads/outbox.js';
import { configureLeads, flushLeads } from '../../../src/leads/sender.js';
import { until } from '../../until.js';
import { leadStatus, sendLead, untilStatus } from './harness.js';

configureLeads({ retryBaseMs: 100, timeoutMs: 20_000 });
setMinFillMs(0);

const params = new URLSearchParams(location.search);
const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};
const leads: string[] = [];
document.addEventListener('mrr-lead', (e) => leads.push((e as CustomEvent<{ leadId: string }>).detail.leadId));

let el: (HTMLElement & { updateComplete: Promise<unknown> }) | undefined;
const endpoint = params.get('endpoint');
if (endpoint !== null) {
  el = document.createElement(params.get('tag') ?? 'mrr-calculator') as HTMLElement & { updateComplete: Promise<unknown> };
  el.setAttribute('lead-endpoint', endpoint);
  el.setAttribute('storage-key', '');
  if (params.get('lang')) el.setAttribute('lang', params.get('lang')!);
  document.body.append(el);
}

const commands: Record<string, (args: never) => unknown> = {
  ready: async () => !!el && (await el.updateComplete, true),
  /** Sends a lead as a prospect does; resolves with its id once `mrr-lead` fired. */
  send: async () => {
    const before = leads.length;
    await sendLead(el!);
    return until(() => leads.length > before && leads.at(-1));
  },
  status: () => leadStatus(el!),
  untilStatus: (status: string) => untilStatus(el!, status, 9000),
  outbox: async () => (await allLeads()).map((r) => ({ leadId: r.leadId, state: r.state, attempts: r.attempts })),
  clear: async () => {
    for (const r of await allLeads()) await deleteLead(r.leadId);
    return true;
  },
  /** Puts `n` leads in the outbox as an earlier visit left them (`ageMs` old), without sending. */
  seed: async ({ n, to, ageMs = 0 }: { n: number; to: string; ageMs?: number }) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const lead = makeLead({
        element: 'mrr-calculator',
        consent: { accepted: true, text: 'OK' },
        fields: { email: `p${i}@example.com` },
        result: { i },
      });
      lead.occurredAt = new Date(Date.now() - ageMs + i).toISOString();
      await putLead({ leadId: lead.leadId, lead, endpoint: to, attempts: 0, nextAttemptAt: 0, state: 'pending' });
      ids.push(lead.leadId);
    }
    return ids;
  },
  flush: async () => (await flushLeads(), true),
  warnings: () => warnings,
  events: () => leads,
};

addEventListener('message', (e: MessageEvent<{ id: number; cmd: string; args?: unknown }>) => {
  const { id, cmd, args } = e.data;
  Promise.resolve()
    .then(() => commands[cmd]!(args as never))
    .then(
      (result) => parent.postMessage({ id, result }, '*'),
      (error: unknown) => parent.postMessage({ id, error: String(error) }, '*'),
    );
});
parent.postMessage({ loaded: location.href }, '*');
