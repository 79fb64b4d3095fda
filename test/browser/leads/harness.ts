/** Drives lead capture the way a prospect does (shared by the test page and test/browser/leads/frame.ts). */
import { until } from '../../until.js';

type Element = HTMLElement & { updateComplete: Promise<unknown> };

const root = (el: HTMLElement): ShadowRoot => {
  if (!el.shadowRoot) throw new Error(`${el.tagName} has no shadow root`);
  return el.shadowRoot;
};

/** The "Email me …" button, once the lead part has loaded. */
export const leadButton = (el: HTMLElement): Promise<HTMLButtonElement> =>
  until(() => root(el).querySelector<HTMLButtonElement>('.lead-open'), { describe: () => `${el.tagName}: no lead button` });

/** Where the last lead is: the status words and the `data-status`. */
export function leadStatus(el: HTMLElement): { status: string; text: string; retry: boolean } {
  const p = root(el).querySelector<HTMLElement>('.lead-status');
  return {
    status: p?.dataset.status ?? '',
    text: p?.querySelector('span')?.textContent?.trim() ?? '',
    retry: !!p?.querySelector('.lead-retry'),
  };
}

export const untilStatus = (el: HTMLElement, status: string, timeoutMs = 8000) =>
  until(() => leadStatus(el).status === status && leadStatus(el), {
    timeoutMs,
    describe: () => `status ${JSON.stringify(leadStatus(el))}, waiting for ${status}`,
  });

/** Opens the form with the button (a call to action may have opened it already). */
export async function openForm(el: Element): Promise<HTMLFormElement> {
  if (!root(el).querySelector('.lead-form')) (await leadButton(el)).click();
  return until(() => root(el).querySelector<HTMLFormElement>('.lead-form'), { describe: () => 'the lead form did not open' });
}

function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export interface Prospect {
  name?: string;
  email?: string;
  company?: string;
  consent?: boolean;
  /** What a bot types into the honeypot. */
  trap?: string;
  extra?: Record<string, string>;
}

/** Opens the form, fills it and presses Send. */
export async function sendLead(el: Element, p: Prospect = {}): Promise<void> {
  const form = await openForm(el);
  const input = (name: string) => form.querySelector<HTMLInputElement>(`#lead-${name}`)!;
  typeInto(input('name'), p.name ?? 'Ada Lovelace');
  typeInto(input('email'), p.email ?? 'ada@example.com');
  typeInto(input('company'), p.company ?? 'Analytical Engines');
  for (const [k, v] of Object.entries(p.extra ?? {})) typeInto(input(k), v);
  if (p.trap) typeInto(input('website'), p.trap);
  const consent = input('consent');
  if ((p.consent ?? true) !== consent.checked) consent.click();
  await el.updateComplete;
  form.querySelector<HTMLButtonElement>('#lead-send')!.click();
  await el.updateComplete;
}
