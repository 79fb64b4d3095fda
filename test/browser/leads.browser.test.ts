/**
 * Lead capture (src/leads/), in Chromium, against a lead server on 127.0.0.1 on another port than
 * the page (scripts/wtr-lead-server.mjs): every post is cross-origin, after a CORS preflight.
 * Tests where the network goes off, a page closes or reloads, or two tabs share the outbox run in
 * frames of another origin (test/browser/leads/frame.ts) that share one outbox and one Web Lock.
 */
import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../components/mrr-calculator/define.js';
import '../../components/mrr-unit-economics/define.js';
import '../../components/mrr-revenue-motions/define.js';
import '../../components/mrr-pricing-table/define.js';
import type { Lead } from '../../src/leads/lead.js';
import { leadMessages } from '../../src/leads/messages.js';
import ar from '../../src/leads/messages.ar.js';
import fr from '../../src/leads/messages.fr.js';
import { setMinFillMs } from '../../src/leads/lead-part.js';
import { allLeads, deleteLead } from '../../src/leads/outbox.js';
import { configureLeads, flushLeads } from '../../src/leads/sender.js';
import { until } from '../until.js';
import { leadButton, leadStatus, openForm, sendLead, untilStatus } from './leads/harness.js';

type El = HTMLElement & { updateComplete: Promise<unknown> };

const CATALOGUES = { fr, ar };

interface Post {
  idempotencyKey: string | null;
  origin: string | null;
  contentType: string | null;
  lead: Lead;
  status: number | string | null;
}

/** How the lead server answers a post (scripts/wtr-lead-server.mjs). */
type Response = number | 'hang' | 'close' | { status: number; retryAfter?: number };
const server = (responses: Response[] = []) =>
  executeServerCommand<{ url: string }, unknown>('lead-server', { responses }).then((r) => r.url);
const respond = (responses: Response[]) => executeServerCommand('lead-server-respond', { responses });
const posts = () => executeServerCommand<Post[], unknown>('lead-server-log');
const offline = (on: boolean) => executeServerCommand<number, boolean>('lead-offline', on);

/**
 * What every test checks of what the server got: each attempt of a lead carries its id as the
 * Idempotency-Key, comes from the page's origin (cross-origin) as JSON, and none follows its 2xx.
 */
function checkPosts(log: Post[], url: string): void {
  const answered = new Set<string>();
  for (const post of log) {
    expect(post.idempotencyKey, 'Idempotency-Key').to.equal(post.lead.leadId);
    expect(post.contentType).to.equal('application/json');
    expect(post.origin).to.be.a('string').and.not.equal(new URL(url).origin);
    expect(answered.has(post.lead.leadId), `posted after its 2xx: ${post.lead.leadId}`).to.equal(false);
    if (typeof post.status === 'number' && post.status < 300) answered.add(post.lead.leadId);
  }
}

/** `until()` for a check that must ask the server or the outbox (async): polls every 20 ms. */
async function eventually(
  check: () => Promise<boolean>,
  options: { describe?: () => string; timeoutMs?: number } = {},
): Promise<void> {
  let ok = false;
  await until(() => ok, {
    timeoutMs: options.timeoutMs ?? 9000,
    before: async () => void (ok = await check()),
    describe: options.describe,
  });
}

const SHAPE = ['consent', 'element', 'fields', 'leadId', 'occurredAt', 'pageUrl', 'result', 'version'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function clearOutbox(): Promise<void> {
  await flushLeads();
  for (const r of await allLeads()) await deleteLead(r.leadId);
}

async function element(tag: string, attrs: string, inner = ''): Promise<El> {
  const el = await fixture<El>(`<${tag} storage-key="" ${attrs}>${inner}</${tag}>`);
  await el.updateComplete;
  return el;
}

/** Every `fetch` the page makes while `run` runs (URLs), and the console warnings. */
async function watched(run: () => Promise<void>): Promise<{ fetched: string[]; warned: string[] }> {
  const fetched: string[] = [];
  const warned: string[] = [];
  const fetch = window.fetch;
  const warn = console.warn;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    fetched.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
  try {
    await run();
    await new Promise((done) => setTimeout(done, 400)); // a post would have started by now
  } finally {
    window.fetch = fetch;
    console.warn = warn;
  }
  return { fetched, warned };
}

const notices = (el: El) => [...el.shadowRoot!.querySelectorAll('.mrr-config p')].map((p) => p.textContent?.trim());
const NO_ENDPOINT = 'No address is set to send this to: your details are only given to this page.';
const HANDED = 'Given to this page only (not sent)';

const PRICING = JSON.stringify({
  v: 1,
  currency: 'EUR',
  annualDiscountPct: 10,
  tiers: [
    {
      id: 'good',
      name: 'Good',
      highlighted: false,
      outcomes: ['Reviews'],
      cta: { label: 'Start', href: '#signup' },
      month: { price: 150, listValue: 150, setupFee: 0 },
      year: { price: 1620, perMonth: 135, savings: 180 },
    },
  ],
});

describe('lead capture, on this page', () => {
  before(() => {
    configureLeads({ retryBaseMs: 100, timeoutMs: 20_000 });
    setMinFillMs(0);
  });
  beforeEach(clearOutbox);

  for (const [tag, words] of [
    ['mrr-calculator', 'Email me this projection'],
    ['mrr-unit-economics', 'Email me these figures'],
    ['mrr-revenue-motions', 'Email me this plan'],
    ['mrr-pricing-table', 'Email me these prices'],
  ] as const) {
    it(`${tag}: "${words}", the form, the lead posted cross-origin and fired as mrr-lead`, async () => {
      const url = await server();
      const body = tag === 'mrr-pricing-table' ? `<script type="application/json">${PRICING}</script>` : '';
      const el = await fixture<El>(
        `<${tag} storage-key="" lead-endpoint=${url} consent-text="Contact me, Agency Ltd">${body}</${tag}>`,
      );
      expect((await leadButton(el)).textContent?.trim()).to.equal(words);
      const form = await openForm(el);
      const labels = [...form.querySelectorAll('label')].map((l) => l.textContent?.trim());
      expect(labels).to.include.members(['Name', 'Email', 'Company', 'Contact me, Agency Ltd']);
      expect(form.querySelector('#lead-send')!.textContent?.trim()).to.equal('Send');
      const fired: Lead[] = [];
      el.addEventListener('mrr-lead', (e) => fired.push((e as CustomEvent<Lead>).detail));
      await sendLead(el);
      await untilStatus(el, 'sent');
      expect(leadStatus(el).text).to.equal('Sent');
      const log = await posts();
      checkPosts(log, url);
      expect(log).to.have.length(1);
      const lead = log[0]!.lead;
      expect(Object.keys(lead).sort()).to.deep.equal(SHAPE);
      expect(lead.leadId).to.match(UUID);
      expect(lead).to.include({ version: 1, element: tag, pageUrl: location.href });
      expect(lead.consent).to.deep.equal({ accepted: true, text: 'Contact me, Agency Ltd' });
      expect(lead.fields).to.deep.equal({ name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' });
      expect(lead.result).to.be.an('object');
      expect(Date.now() - Date.parse(lead.occurredAt)).to.be.within(0, 60_000);
      expect(fired.map((l) => l.leadId)).to.deep.equal([lead.leadId]);
      expect(await allLeads()).to.have.length(0);
    });
  }

  it("the calculator's lead holds the summary the prospect saw", async () => {
    const url = await server();
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    await sendLead(el);
    await untilStatus(el, 'sent');
    const [post] = await posts();
    const summary = (el as unknown as { projection: { summary: unknown } }).projection.summary;
    expect((post!.lead.result as { summary: unknown }).summary).to.deep.equal(summary);
  });

  it('is written to the outbox before anything is posted, and mrr-lead fires then', async () => {
    const url = await server(['hang']);
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    let inOutbox: string[] = [];
    el.addEventListener('mrr-lead', () => void allLeads().then((all) => (inOutbox = all.map((r) => r.leadId))));
    await sendLead(el);
    await eventually(async () => (await posts()).length === 1);
    expect(inOutbox).to.have.length(1);
    expect(leadStatus(el)).to.include({ status: 'sending', text: 'Sending…' });
    await executeServerCommand('lead-server-release', { status: 200 });
    await untilStatus(el, 'sent');
    expect(await allLeads()).to.have.length(0);
  });

  it('500: kept and tried again with the same id; 500 then 200: sent, then never posted again', async () => {
    const url = await server([500, 500]);
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    await sendLead(el);
    await eventually(async () => (await posts()).length >= 2, { describe: () => 'no retry after a 500' });
    expect(leadStatus(el).text).to.equal('Sending…');
    expect((await allLeads()).map((r) => r.state)).to.deep.equal(['pending']);
    await untilStatus(el, 'sent');
    const log = await posts();
    expect(log.map((p) => p.status)).to.deep.equal([500, 500, 200]);
    expect(new Set(log.map((p) => p.idempotencyKey)).size).to.equal(1);
    await flushLeads();
    expect(await posts()).to.have.length(3);
    checkPosts(await posts(), url);
  });

  it('a network error (the connection closed without an answer): tried again, then delivered, with the same leadId and Idempotency-Key', async () => {
    const url = await server(['close', 'close']);
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    const seen = await watched(async () => {
      await sendLead(el);
      await untilStatus(el, 'sent');
    });
    // Tried again by the sender itself (not only by the browser on a reused connection).
    expect(seen.fetched.filter((u) => u === url).length).to.be.at.least(2);
    const log = await posts();
    expect(log.filter((p) => p.status === 'closed').length).to.be.at.least(1);
    expect(log.map((p) => p.status).filter((status) => status !== 'closed')).to.deep.equal([200]);
    expect(log.at(-1)!.status).to.equal(200);
    expect(new Set(log.map((p) => p.lead.leadId)).size).to.equal(1);
    expect(new Set(log.map((p) => p.idempotencyKey)).size).to.equal(1);
    checkPosts(log, url);
    expect(await allLeads()).to.have.length(0);
  });

  it('a Retry-After of 2 minutes on the first answer: the first retry still comes within 5 s', async function () {
    this.timeout(15_000);
    configureLeads({ retryBaseMs: 2000 }); // the default base: the wait is the server's, capped
    try {
      const url = await server([{ status: 503, retryAfter: 120 }]);
      const el = await element('mrr-calculator', `lead-endpoint=${url}`);
      await sendLead(el);
      await eventually(async () => (await posts()).length === 1);
      const first = performance.now();
      await untilStatus(el, 'sent', 9000);
      const waited = performance.now() - first;
      expect(waited).to.be.below(5600);
      const log = await posts();
      expect(log.map((p) => p.status)).to.deep.equal([503, 200]);
      checkPosts(log, url);
    } finally {
      configureLeads({ retryBaseMs: 100 });
    }
  });

  it('422: kept, shown failed with "Try again", not retried by itself; Try again sends it', async () => {
    const url = await server([422]);
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    await sendLead(el);
    expect(await untilStatus(el, 'failed')).to.include({ text: 'Sending failed', retry: true });
    await flushLeads();
    await flushLeads();
    expect(await posts()).to.have.length(1);
    expect((await allLeads()).map((r) => [r.state, r.httpStatus])).to.deep.equal([['failed', 422]]);
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('.lead-retry')!;
    expect(retry.textContent?.trim()).to.equal('Try again');
    retry.click();
    await untilStatus(el, 'sent');
    const log = await posts();
    expect(log.map((p) => p.status)).to.deep.equal([422, 200]);
    checkPosts(log, url);
    expect(await allLeads()).to.have.length(0);
  });

  it('a lead refused with a 4xx is still shown failed, with "Try again", on the next page', async () => {
    const url = await server([400]);
    const first = await element('mrr-revenue-motions', `lead-endpoint=${url}`);
    await sendLead(first);
    await untilStatus(first, 'failed');
    first.remove();
    const next = await element('mrr-revenue-motions', `lead-endpoint=${url}`);
    expect(await untilStatus(next, 'failed')).to.include({ text: 'Sending failed', retry: true });
    next.shadowRoot!.querySelector<HTMLButtonElement>('.lead-retry')!.click();
    await untilStatus(next, 'sent');
    const log = await posts();
    expect(log.map((p) => p.status)).to.deep.equal([400, 200]);
    checkPosts(log, url);
  });

  it('without an endpoint (lead-endpoint=""), mrr-lead still fires and nothing is kept or posted; the form and status say so, never "Sent"', async () => {
    await server();
    const el = await element('mrr-calculator', 'lead-endpoint=""');
    const fired: Lead[] = [];
    el.addEventListener('mrr-lead', (e) => fired.push((e as CustomEvent<Lead>).detail));
    expect((await openForm(el)).querySelector('#lead-note')?.textContent?.trim()).to.equal(NO_ENDPOINT);
    await sendLead(el);
    expect(await untilStatus(el, 'handed')).to.include({ text: HANDED });
    expect(notices(el)).to.deep.equal([]);
    expect(fired).to.have.length(1);
    expect(fired[0]!.fields.email).to.equal('ada@example.com');
    expect(await allLeads()).to.have.length(0);
    expect(await posts()).to.have.length(0);
  });

  for (const path of ['property', 'script'] as const) {
    it(`a leads.endpoint refused by the schema (another host without its scheme) is never used, from the ${path}`, async () => {
      const url = await server();
      // `//127.0.0.1:<port>/leads`: the lead server itself, written without a scheme; a browser would post there.
      const settings = { leads: { endpoint: url.replace(/^https?:/, '') } };
      const fired: Lead[] = [];
      let el!: El;
      const seen = await watched(async () => {
        el =
          path === 'script'
            ? await element('mrr-calculator', '', `<script type="application/json">${JSON.stringify(settings)}</script>`)
            : await element('mrr-calculator', '');
        if (path === 'property') (el as unknown as { config: unknown }).config = settings;
        el.addEventListener('mrr-lead', (e) => fired.push((e as CustomEvent<Lead>).detail));
        const form = await openForm(el);
        expect(form.querySelector('#lead-note')?.textContent?.trim()).to.equal(NO_ENDPOINT);
        await sendLead(el);
        expect(await untilStatus(el, 'handed')).to.include({ text: HANDED, retry: false });
      });
      expect(notices(el)).to.deep.equal(['The setting leads.endpoint is not valid: its default is used.']);
      expect(seen.warned.filter((w) => w.includes('"leads.endpoint"'))).to.have.length(1);
      expect(fired).to.have.length(1);
      expect(seen.fetched).to.deep.equal([]);
      expect(await posts()).to.have.length(0);
      expect(await allLeads()).to.have.length(0);
    });
  }

  for (const [attrs, field] of [
    ['lead-endpoint="leads"', 'lead-endpoint'],
    ['lead-endpoint="ftp://leads.example/in"', 'lead-endpoint'],
    ['lead-endpoint="//leads.example/in"', 'lead-endpoint'],
  ] as const) {
    it(`${attrs}: refused by the same schema as the configuration, shown and warned once, nothing posted, never "Sent"`, async () => {
      await server();
      let el!: El;
      const seen = await watched(async () => {
        el = await element('mrr-calculator', attrs);
        await sendLead(el);
        expect(await untilStatus(el, 'handed')).to.include({ text: HANDED });
      });
      expect(notices(el)).to.deep.equal([`The setting ${field} is not valid: its default is used.`]);
      expect(seen.warned.filter((w) => w.includes(`"${field}"`))).to.have.length(1);
      expect(seen.fetched).to.deep.equal([]);
      expect(await posts()).to.have.length(0);
      expect(await allLeads()).to.have.length(0);
      // The configuration refuses the same value.
      const other = await element('mrr-calculator', '');
      (other as unknown as { config: unknown }).config = { leads: { endpoint: /"(.*)"/.exec(attrs)![1] } };
      await until(() => notices(other).length === 1, { before: () => other.updateComplete });
      expect(notices(other)).to.deep.equal(['The setting leads.endpoint is not valid: its default is used.']);
    });
  }

  it('consent-text is checked by the same schema: too long, it is shown and warned, and the default label is used', async () => {
    const url = await server();
    let el!: El;
    const seen = await watched(async () => {
      el = await element('mrr-calculator', `lead-endpoint=${url} consent-text="${'x'.repeat(1001)}"`);
      await openForm(el);
    });
    expect(notices(el)).to.deep.equal(['The setting consent-text is not valid: its default is used.']);
    expect(seen.warned.filter((w) => w.includes('"consent-text"'))).to.have.length(1);
    expect(el.shadowRoot!.querySelector('.lead-consent span')?.textContent?.trim()).to.equal(
      'I agree to be contacted about this.',
    );
    // The valid endpoint beside it is used.
    expect(el.shadowRoot!.querySelector('#lead-note')).to.equal(null);
    await sendLead(el);
    await untilStatus(el, 'sent');
    expect((await posts())[0]!.lead.consent.text).to.equal('I agree to be contacted about this.');
  });

  it('config.leads.minFillMs sets the minimum fill time (0 to 3000); above 3 s it is refused', async () => {
    const url = await server();
    const slow = await element('mrr-calculator', '');
    (slow as unknown as { config: unknown }).config = { leads: { endpoint: url, minFillMs: 3000 } };
    await sendLead(slow);
    expect(slow.shadowRoot!.querySelector('.lead-form [role="alert"]')?.textContent).to.equal(
      'Please check your details, then press Send again.',
    );
    expect(await posts()).to.have.length(0);
    setMinFillMs(3000);
    try {
      const quick = await element('mrr-calculator', '');
      (quick as unknown as { config: unknown }).config = { leads: { endpoint: url, minFillMs: 0 } };
      await sendLead(quick);
      await untilStatus(quick, 'sent');
      expect(await posts()).to.have.length(1);
      const refused = await element('mrr-calculator', '');
      (refused as unknown as { config: unknown }).config = { leads: { endpoint: url, minFillMs: 5000 } };
      await until(() => notices(refused).length === 1, { before: () => refused.updateComplete });
      expect(notices(refused)).to.deep.equal(['The setting leads.minFillMs is not valid: its default is used.']);
    } finally {
      setMinFillMs(0);
    }
  });

  it('extra fields of type email, number and textarea get their own inputs; an extra email is checked', async () => {
    const url = await server();
    const el = await element('mrr-unit-economics', '');
    (el as unknown as { config: unknown }).config = {
      leads: {
        endpoint: url,
        fields: [
          { name: 'billing', label: 'Billing email', type: 'email' },
          { name: 'seats', label: 'Seats', type: 'number' },
          { name: 'notes', label: 'Notes', type: 'textarea' },
          { name: 'site', label: 'Website', type: 'url' },
        ],
      },
    };
    const form = await openForm(el);
    expect(form.querySelector<HTMLInputElement>('input#lead-billing')?.type).to.equal('email');
    expect(form.querySelector<HTMLInputElement>('input#lead-seats')?.type).to.equal('number');
    expect(form.querySelector('#lead-notes')?.localName).to.equal('textarea');
    expect(form.querySelector<HTMLInputElement>('input#lead-site')?.type).to.equal('url');
    expect(form.querySelector('label[for="lead-notes"]')?.textContent?.trim()).to.equal('Notes');
    await sendLead(el, { extra: { billing: 'not-an-email', seats: '12', notes: 'Call me\nafter 5' } });
    expect(el.shadowRoot!.querySelector('#lead-billing-error')?.textContent).to.equal(
      'Enter an email address such as name@example.com.',
    );
    expect(el.shadowRoot!.querySelector('#lead-billing')?.getAttribute('aria-invalid')).to.equal('true');
    expect(await posts()).to.have.length(0);
    await sendLead(el, { extra: { billing: 'bills@example.com', seats: '12', notes: 'Call me\nafter 5' } });
    await untilStatus(el, 'sent');
    const [post] = await posts();
    expect(post!.lead.fields).to.include({ billing: 'bills@example.com', seats: '12', notes: 'Call me\nafter 5' });
  });

  it('a leads object in config turns capture on, with its extra fields', async () => {
    const url = await server();
    const el = await element('mrr-unit-economics', '');
    expect(el.shadowRoot!.querySelector('.lead-open')).to.equal(null);
    (el as unknown as { config: unknown }).config = {
      leads: {
        endpoint: url,
        consentText: 'Yes, contact me',
        fields: [{ name: 'phone', label: 'Phone', type: 'tel', required: true }],
      },
    };
    await sendLead(el, { extra: {} });
    expect(el.shadowRoot!.querySelector('#lead-phone-error')?.textContent).to.equal('This field is required.');
    await sendLead(el, { extra: { phone: '+33 1 23 45 67 89' } });
    await untilStatus(el, 'sent');
    const [post] = await posts();
    expect(post!.lead.fields.phone).to.equal('+33 1 23 45 67 89');
    expect(post!.lead.consent.text).to.equal('Yes, contact me');
  });

  it('checks the email and the consent, and posts nothing until they are right', async () => {
    const url = await server();
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    await sendLead(el, { email: '' });
    expect(el.shadowRoot!.querySelector('#lead-email-error')?.textContent).to.equal('Enter your email address.');
    await sendLead(el, { email: 'ada@example' });
    expect(el.shadowRoot!.querySelector('#lead-email-error')?.textContent).to.equal(
      'Enter an email address such as name@example.com.',
    );
    expect(el.shadowRoot!.querySelector('#lead-email')?.getAttribute('aria-invalid')).to.equal('true');
    await sendLead(el, { consent: false });
    expect(el.shadowRoot!.querySelector('#lead-consent-error')?.textContent).to.equal('Tick the box to send.');
    expect(await posts()).to.have.length(0);
    expect(await allLeads()).to.have.length(0);
    await sendLead(el);
    await untilStatus(el, 'sent');
    expect(await posts()).to.have.length(1);
  });

  it('the honeypot is a real text input, off screen and out of the accessibility tree; filled, nothing is kept or sent', async () => {
    const url = await server();
    const el = await element('mrr-calculator', `lead-endpoint=${url}`);
    const form = await openForm(el);
    const trap = form.querySelector<HTMLInputElement>('#lead-website')!;
    expect(trap.type).to.equal('text');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(trap.getBoundingClientRect().bottom).to.be.below(0);
    const fired: unknown[] = [];
    el.addEventListener('mrr-lead', (e) => fired.push(e));
    await sendLead(el, { trap: 'http://spam.example' });
    await untilStatus(el, 'sent');
    expect(fired).to.have.length(0);
    expect(await allLeads()).to.have.length(0);
    expect(await posts()).to.have.length(0);
  });

  it('a form sent sooner than the minimum fill time is asked again, not sent', async () => {
    const url = await server();
    setMinFillMs(3000);
    try {
      const el = await element('mrr-calculator', `lead-endpoint=${url}`);
      await sendLead(el);
      expect(el.shadowRoot!.querySelector('.lead-form [role="alert"]')?.textContent).to.equal(
        'Please check your details, then press Send again.',
      );
      expect(await allLeads()).to.have.length(0);
      expect(await posts()).to.have.length(0);
    } finally {
      setMinFillMs(0);
    }
  });

  it("the pricing table's call to action opens the form before its link, then leads on", async () => {
    const url = await server();
    const el = await fixture<El>(
      `<mrr-pricing-table lead-endpoint=${url}><script type="application/json">${PRICING}</script></mrr-pricing-table>`,
    );
    await leadButton(el);
    const followed: boolean[] = [];
    const onClick = (e: Event) => {
      if (!e.composedPath().some((node) => node instanceof HTMLAnchorElement)) return;
      followed.push(!e.defaultPrevented);
      e.preventDefault(); // the test page stays
    };
    window.addEventListener('click', onClick);
    try {
      const cta = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.cta')!;
      cta.click();
      expect(followed).to.deep.equal([false]);
      await until(() => el.shadowRoot!.querySelector('.lead-form'));
      await sendLead(el);
      await untilStatus(el, 'sent');
      const [post] = await posts();
      expect(post!.lead.result).to.deep.include({ currency: 'EUR', interval: 'month', tierId: 'good' });
      cta.click();
      expect(followed).to.deep.equal([false, true]);
    } finally {
      window.removeEventListener('click', onClick);
    }
  });

  it("follows a change of the element's language", async () => {
    const el = await element('mrr-revenue-motions', 'lead-endpoint=""');
    expect((await leadButton(el)).textContent?.trim()).to.equal('Email me this plan');
    el.setAttribute('lang', 'ar');
    await until(() => el.shadowRoot!.querySelector('.lead-open')?.textContent?.trim() === 'أرسل لي هذه الخطة بالبريد الإلكتروني');
    el.setAttribute('lang', 'fr');
    await until(() => el.shadowRoot!.querySelector('.lead-open')?.textContent?.trim() === 'Recevoir ce plan par e-mail');
  });

  for (const [lang, button, send] of [
    ['fr', 'Recevoir cette projection par e-mail', 'Envoyer'],
    ['ar', 'أرسل لي هذا التوقع بالبريد الإلكتروني', 'إرسال'],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      const el = await element('mrr-calculator', `lang=${lang} lead-endpoint=""`);
      expect((await leadButton(el)).textContent?.trim()).to.equal(button);
      const form = await openForm(el);
      expect(form.querySelector('#lead-send')!.textContent?.trim()).to.equal(send);
    });

    it(`speaks ${lang}: the labels, the consent, Send and every status word, rendered as its catalogue has them`, async function () {
      this.timeout(20_000);
      const words = CATALOGUES[lang];
      const en = leadMessages.en;
      /** A word rendered: the catalogue's, and not the English one. */
      const said = (text: string | null | undefined, key: keyof typeof en) => {
        expect(text?.trim(), key).to.equal(words[key]);
        expect(text?.trim(), key).to.not.equal(en[key]);
      };
      const url = await server(['hang']);
      const el = await element('mrr-unit-economics', `lang=${lang} lead-endpoint=${url}`);
      said((await leadButton(el)).textContent, 'open.figures');
      const form = await openForm(el);
      for (const key of ['name', 'email', 'company'] as const)
        said(form.querySelector(`label[for="lead-${key}"]`)?.textContent, key);
      said(form.querySelector('.lead-consent span')?.textContent, 'consent');
      said(form.querySelector('#lead-send')?.textContent, 'send');
      // Sending…, then Sent.
      await sendLead(el);
      said((await untilStatus(el, 'sending')).text, 'status.sending');
      await eventually(async () => (await posts()).length === 1);
      await executeServerCommand('lead-server-release', { status: 200 });
      said((await untilStatus(el, 'sent')).text, 'status.sent');
      // Sending failed, with Try again.
      await respond([422]);
      await sendLead(el);
      said((await untilStatus(el, 'failed')).text, 'status.failed');
      said(el.shadowRoot!.querySelector('.lead-retry')?.textContent, 'retry');
      // Saved offline, then sent when back online.
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        await sendLead(el);
        said((await untilStatus(el, 'offline')).text, 'status.offline');
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      window.dispatchEvent(new Event('online'));
      said((await untilStatus(el, 'sent')).text, 'status.sent');
      // Without an endpoint: what the form says, and where the lead is.
      const local = await element('mrr-unit-economics', `lang=${lang} lead-endpoint=""`);
      said((await openForm(local)).querySelector('#lead-note')?.textContent, 'noEndpoint');
      await sendLead(local);
      said((await untilStatus(local, 'handed')).text, 'status.handed');
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Frames of another origin: tabs that close, reload, go offline.

interface Frame {
  iframe: HTMLIFrameElement;
  call<T = unknown>(cmd: string, args?: unknown): Promise<T>;
  /** Reloads the page in the frame; resolves when the new one is loaded. */
  reload(): Promise<void>;
}

let callId = 0;
const replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
const loads = new Map<Window, () => void>();
window.addEventListener('message', (e: MessageEvent<{ id?: number; result?: unknown; error?: string; loaded?: string }>) => {
  if (e.data?.loaded !== undefined) loads.get(e.source as Window)?.();
  if (e.data?.id === undefined) return;
  const reply = replies.get(e.data.id);
  replies.delete(e.data.id);
  if (e.data.error !== undefined) reply?.reject(new Error(e.data.error));
  else reply?.resolve(e.data.result);
});

const frames: HTMLIFrameElement[] = [];

function loaded(iframe: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!iframe.contentWindow) return setTimeout(check, 10);
      loads.set(iframe.contentWindow, resolve);
    };
    check();
  });
}

async function openFrame(query: Record<string, string>): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.src = `http://127.0.0.1:${location.port}/test/browser/leads/frame.html?${new URLSearchParams(query).toString()}`;
  const ready = loaded(iframe);
  document.body.append(iframe);
  frames.push(iframe);
  await ready;
  const frame: Frame = {
    iframe,
    call: <T>(cmd: string, args?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = ++callId;
        replies.set(id, { resolve: resolve as (v: unknown) => void, reject });
        iframe.contentWindow!.postMessage({ id, cmd, args }, '*');
      }),
    reload: async () => {
      const again = loaded(iframe);
      iframe.src = `${iframe.src}&reload=${++callId}`;
      await again;
    },
  };
  if (query.endpoint !== undefined) await frame.call('ready');
  return frame;
}

function closeFrame(frame: Frame): void {
  frame.iframe.remove();
}

describe('lead capture across pages and tabs (frames of another origin)', function () {
  this.timeout(30000);
  let url = '';
  beforeEach(async () => {
    url = await server();
    const bare = await openFrame({});
    await bare.call('clear');
    closeFrame(bare);
  });
  afterEach(async () => {
    for (const f of frames.splice(0)) f.remove();
    await offline(false);
  });

  it('offline then online: "Saved offline", posted when the network is back', async () => {
    const tab = await openFrame({ endpoint: url });
    expect(await offline(true)).to.equal(1);
    const leadId = await tab.call<string>('send');
    const status = await tab.call<{ text: string }>('untilStatus', 'offline');
    expect(status.text).to.equal('Saved offline — it will be sent when you are back online');
    expect(await tab.call('outbox')).to.deep.equal([{ leadId, state: 'pending', attempts: 0 }]);
    expect(await posts()).to.have.length(0);
    await offline(false);
    await tab.call('untilStatus', 'sent');
    const log = await posts();
    expect(log.map((p) => p.lead.leadId)).to.deep.equal([leadId]);
    checkPosts(log, url);
    expect(await tab.call('outbox')).to.deep.equal([]);
  });

  it('sent offline, page closed, opened again online: the new page sends it', async () => {
    const first = await openFrame({ endpoint: url });
    await offline(true);
    const leadId = await first.call<string>('send');
    await first.call('untilStatus', 'offline');
    closeFrame(first);
    await offline(false);
    expect(await posts()).to.have.length(0);
    const second = await openFrame({ endpoint: url });
    await eventually(async () => (await posts()).length === 1);
    const log = await posts();
    expect(log[0]!.lead.leadId).to.equal(leadId);
    checkPosts(log, url);
    await eventually(async () => (await second.call<unknown[]>('outbox')).length === 0);
  });

  it('a reload while the server hangs: the reloaded page sends it again with the same key, once', async () => {
    await respond(['hang']);
    const tab = await openFrame({ endpoint: url });
    const leadId = await tab.call<string>('send');
    await eventually(async () => (await posts()).length === 1);
    await tab.reload();
    await eventually(async () => (await posts()).some((p) => p.status === 200), {
      describe: () => 'not posted again after the reload',
    });
    await eventually(async () => (await tab.call<unknown[]>('outbox')).length === 0);
    await executeServerCommand('lead-server-release', { status: 200 });
    await tab.call('flush');
    const log = await posts();
    expect(log.map((p) => p.lead.leadId)).to.deep.equal([leadId, leadId]);
    expect(log[1]!.status).to.equal(200);
    checkPosts(log, url);
  });

  it('two tabs open while the outbox replays: every lead arrives, each id posted by one tab at a time, none after its 2xx', async () => {
    const seeder = await openFrame({});
    const ids = await seeder.call<string[]>('seed', { n: 4, to: url });
    closeFrame(seeder);
    await respond([500, 503, 200, 500]);
    const [a, b] = await Promise.all([openFrame({ endpoint: url }), openFrame({ endpoint: url })]);
    await eventually(async () => (await a.call<unknown[]>('outbox')).length === 0, {
      describe: () => 'the outbox did not empty',
    });
    await Promise.all([a.call('flush'), b.call('flush')]);
    const log = await posts();
    checkPosts(log, url);
    const delivered = log.filter((p) => p.status === 200).map((p) => p.lead.leadId);
    expect(delivered.sort()).to.deep.equal([...ids].sort());
    expect(log).to.have.length(ids.length + 3); // three refusals, each tried again once
  });

  it('a lead not sent within 7 days is dropped with one console warning', async () => {
    const seeder = await openFrame({});
    const [old] = await seeder.call<string[]>('seed', { n: 1, to: url, ageMs: 8 * 24 * 3_600_000 });
    await seeder.call<string[]>('seed', { n: 1, to: url, ageMs: 0 });
    closeFrame(seeder);
    const tab = await openFrame({ endpoint: url });
    await eventually(async () => (await tab.call<unknown[]>('outbox')).length === 0);
    const warnings = (await tab.call<string[]>('warnings')).filter((w) => w.includes('7 days'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(old);
    const log = await posts();
    expect(log).to.have.length(1);
    expect(log[0]!.lead.leadId).to.not.equal(old);
  });
});
