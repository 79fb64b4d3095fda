/**
 * The contract every MRR Kit element keeps (as Shoelace runs its form-control base tests against
 * each control): `elementContract(tag)` registers the tests; test/browser/contract/<tag>.browser.test.ts
 * (one line) runs it on a page of its own for each entry of src/elements.json, and
 * test/unit/elements.test.ts fails for a listed element without that file. What is particular to
 * an element stays in its own file.
 *
 * The checks find what they need in the rendered element (its text and number inputs, its saved
 * record), so they hold for any element; a check an element has nothing for (no text field, no
 * saved work) passes with nothing to check, and says so in its title list below.
 */
import { expect, fixture } from '@open-wc/testing';
import type { Catalog, Messages } from '../../src/i18n/locale.js';
import { breakIndexedDb, shadow, uniqueKey, until } from './helpers.js';

type Element = HTMLElement & {
  updateComplete: Promise<unknown>;
  currency?: string;
  storageKey?: string;
  persist?: { restored: Promise<void>; flush(): Promise<void>; status: string };
};

/** How the contract loads an element: its define module and its catalogue. */
export interface Loaders {
  define: (tag: string) => Promise<unknown>;
  catalog: (tag: string) => Promise<Catalog<Messages>>;
}

/** A listed element's own modules, by tag (the test server compiles the .ts files it serves). */
const loadersOf = (tag: string): Loaders => ({
  define: () => import(/* @vite-ignore */ `../../components/${tag}/define.ts`),
  catalog: async () =>
    ((await import(/* @vite-ignore */ `../../components/${tag}/messages.ts`)) as { messages: Catalog<Messages> }).messages,
});

/** Spaces of any kind as one plain space. */
const plain = (s: string) => s.replace(/[\s\u202f\u00a0]+/g, ' ').trim();

/** What a user reads in the element (shadow text, including nested shadow roots of its parts). */
function visibleText(el: Element): string {
  const root = shadow(el);
  const base = root.querySelector<HTMLElement>('[part="base"]') ?? (root as unknown as HTMLElement);
  return plain(base.innerText ?? root.textContent ?? '');
}

/** The beginning of what the element says (its title or first words). */
const head = (el: Element) =>
  visibleText(el)
    .replace(/[\d\s.,$€%-]+/g, ' ')
    .slice(0, 40);

/** Waits for the element's first complete render (restored saved work, language loaded). */
async function settle(el: Element): Promise<void> {
  await el.persist?.restored;
  await el.updateComplete;
  await until(() => shadow(el).childElementCount > 0 || shadow(el).textContent);
  await el.updateComplete;
}

async function mount(tag: string, attrs = '', key = uniqueKey()): Promise<Element> {
  await customElements.whenDefined(tag);
  const wrapper = await fixture<HTMLDivElement>(`<div><${tag} storage-key="${key}" ${attrs}></${tag}></div>`);
  const el = wrapper.querySelector<Element>(tag)!;
  await settle(el);
  return el;
}

const visible = (i: HTMLElement) => i.offsetParent !== null || i.getClientRects().length > 0;
const inputs = (el: Element) =>
  [
    ...shadow(el).querySelectorAll<HTMLInputElement>('input:not([type]), input[type="text"], input[type="number"], textarea'),
  ].filter(
    (i) =>
      visible(i) && !i.disabled && !i.readOnly && i.getAttribute('aria-hidden') !== 'true' && !i.closest('[aria-hidden="true"]'),
  );
const isNumeric = (i: HTMLInputElement) => i.inputMode === 'decimal' || i.inputMode === 'numeric' || i.type === 'number';
const numberInputs = (el: Element) => inputs(el).filter(isNumeric);
const textInputs = (el: Element) => inputs(el).filter((i) => !isNumeric(i));
const fieldKey = (i: HTMLInputElement) => i.id || i.name;

/** Types as a user does: value, then the input event, then the element's update. */
async function typeInto(el: Element, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The digits of a formatted number ("1,500.5" and "1 500,5" are the same value: 15005). */
const digits = (s: string) => s.replace(/[^\d٠-٩]/g, '');

/** Nothing a user reads is NaN, Infinity, undefined or null. */
const BAD = /NaN|Infinity|undefined|\bnull\b|\[object/;

export function elementContract(tag: string, load: Loaders = loadersOf(tag)): void {
  const defineOf = load.define;
  const catalogOf = load.catalog;
  const first = 'takes properties set before it is defined and connected';
  describe(`<${tag}> keeps the MRR Kit element contract`, () => {
    // Every test but the first (which checks what happens before) runs with the element defined.
    beforeEach(async function () {
      if (this.currentTest?.title !== first) await defineOf(tag);
    });
    // First, before the element is defined on this page (each test file is its own page).
    it(first, async () => {
      expect(customElements.get(tag), `${tag} already defined`).to.equal(undefined);
      const el = document.createElement(tag) as Element;
      el.currency = 'EUR';
      el.storageKey = uniqueKey();
      await defineOf(tag);
      expect(customElements.get(tag)).not.to.equal(undefined);
      expect(el.currency).to.equal('EUR');
      const host = await fixture<HTMLDivElement>('<div></div>');
      host.append(el);
      await settle(el);
      expect(el.storageKey).to.match(/^test-/);
      const text = visibleText(el);
      expect(text).not.to.match(BAD);
      if (/[$€]/.test(text)) expect(text).to.contain('€');
    });

    it('shows English, warns once and stays responsive when its French catalogue fails to load; tries again at the next language change', async () => {
      const catalog = await catalogOf(tag);
      const loader = catalog.fr;
      if (typeof loader !== 'function') return; // French bundled inline: nothing can fail to load
      let calls = 0;
      catalog.fr = () => {
        calls++;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      };
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const el = await mount(tag, 'lang="fr"');
        const english = await mount(tag, 'lang="en"');
        // The page answers: a timer runs (an update loop in microtasks would starve it), and the
        // element is not asking for updates forever.
        await new Promise((r) => setTimeout(r));
        let updates = 0;
        (el as unknown as { addController(c: object): void }).addController({ hostUpdated: () => void updates++ });
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 250));
        // A request loop updates at every turn (hundreds in 250 ms); an element may still finish
        // late work of its own once or twice (a measured chart width, a restore landing late).
        expect(updates, 'updates in 250 ms after settling').to.be.below(5);
        // English words (numbers still formatted for French: `Intl` needs no catalogue).
        expect(head(el)).to.equal(head(english));
        const failedLoads = warnings.filter((w) => String(w[0]).includes('"fr"'));
        expect(failedLoads.length, 'one warning').to.equal(1);
        expect(calls).to.equal(1);
        // The network is back; the user changes the language: French now loads.
        catalog.fr = loader;
        el.setAttribute('lang', 'ar');
        await new Promise((r) => setTimeout(r));
        await el.updateComplete;
        el.setAttribute('lang', 'fr');
        await until(() => head(el) !== head(english));
      } finally {
        catalog.fr = loader;
        console.warn = warn;
      }
    });

    it('renders in English, French and Arabic (right-to-left), with no NaN or undefined', async () => {
      const en = await mount(tag);
      const fr = await mount(tag, 'lang="fr"');
      const ar = await mount(tag, 'lang="ar"');
      for (const el of [en, fr, ar]) expect(visibleText(el)).not.to.match(BAD);
      expect(visibleText(fr)).not.to.equal(visibleText(en));
      expect(visibleText(ar)).to.match(/[\u0600-\u06ff]/);
      const base = shadow(ar).querySelector('[dir]');
      expect(base?.getAttribute('dir')).to.equal('rtl');
    });

    it('never schedules an update from inside an update (no Lit change-in-update warning), restored or edited', async () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
      try {
        const key = uniqueKey();
        const el = await mount(tag, '', key);
        const number = numberInputs(el)[0];
        if (number) await typeInto(el, number, '9');
        await el.persist?.flush();
        await mount(tag, 'lang="fr"', key);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      } finally {
        console.warn = warn;
      }
      expect(warnings.filter((w) => w.includes('change-in-update'))).to.deep.equal([]);
    });

    it('is accessible (axe-core) in English and Arabic', async function () {
      this.timeout(40000); // axe walks the whole tree twice: slow on a busy 2-core machine
      await expect(await mount(tag)).to.be.accessible();
      await expect(await mount(tag, 'lang="ar"')).to.be.accessible();
    });

    it('can be used with the keyboard: its controls take focus, none is taken out of the tab order', async () => {
      const el = await mount(tag);
      const controls = [...shadow(el).querySelectorAll<HTMLElement>('input, button, select, textarea, a[href], summary')].filter(
        (c) => visible(c) && !(c as HTMLButtonElement).disabled && !c.closest('[aria-hidden="true"], [inert]'),
      );
      for (const c of controls) {
        if (c.matches('input[type="radio"]')) continue; // a radio group is one tab stop
        expect(c.tabIndex, `${c.outerHTML.slice(0, 80)} is in the tab order`).to.be.greaterThan(-1);
      }
      for (const c of [controls[0], controls.at(-1)]) {
        if (!c) continue;
        c.focus();
        expect(shadow(el).activeElement, c.outerHTML.slice(0, 80)).to.equal(c);
      }
    });

    it('keeps every value when the language changes mid-edit', async () => {
      const el = await mount(tag);
      const numbers = numberInputs(el);
      if (numbers.length === 0) return; // no number field to check
      await typeInto(el, numbers[0]!, '12.5');
      const texts = textInputs(el);
      if (texts[0]) await typeInto(el, texts[0], 'Édité · edited');
      const typed = new Set([numbers[0], texts[0]].map((i) => i && fieldKey(i)));
      // Numbers keep their value (re-formatted); what the user typed stays as typed. (Example texts
      // the user has not touched may follow the language.)
      const before = inputs(el)
        .filter((i) => isNumeric(i) || typed.has(fieldKey(i)))
        .map((i) => [fieldKey(i), i.value] as const);
      for (const lang of ['fr', 'ar', 'en']) {
        el.setAttribute('lang', lang);
        await new Promise((r) => setTimeout(r));
        await el.updateComplete;
        const after = new Map(inputs(el).map((i) => [fieldKey(i), i] as const));
        for (const [key, value] of before) {
          const input = after.get(key);
          if (!input) continue;
          if (isNumeric(input)) expect(digits(input.value), `${key} in ${lang}`).to.equal(digits(value));
          else expect(input.value, `${key} in ${lang}`).to.equal(value);
        }
      }
      expect(numbers[0]!.value).to.equal('12.5');
    });

    it('applies attributes changed after the first render (lang, currency)', async () => {
      const el = await mount(tag);
      const english = visibleText(el);
      el.setAttribute('lang', 'fr');
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(visibleText(el)).not.to.equal(english);
      el.setAttribute('currency', 'EUR');
      await el.updateComplete;
      expect(el.currency).to.equal('EUR');
      const text = visibleText(el);
      if (/\$|€/.test(english)) expect(text).to.contain('€');
      el.setAttribute('currency', 'not a currency');
      await el.updateComplete;
      expect(el.currency).to.equal('USD');
      expect(visibleText(el)).not.to.match(BAD);
    });

    for (const mode of ['missing', 'openFails', 'quota'] as const) {
      it(`keeps working when IndexedDB is ${mode}`, async () => {
        const restore = await breakIndexedDb(mode);
        try {
          const el = await mount(tag);
          expect(visibleText(el)).not.to.match(BAD);
          const number = numberInputs(el)[0];
          if (number) {
            await typeInto(el, number, '7');
            await el.persist?.flush();
            await el.updateComplete;
            expect(number.value).to.equal('7');
            if (el.persist && mode !== 'openFails') expect(el.persist.status).to.equal('unsaved');
          }
        } finally {
          restore();
        }
      });
    }

    it('takes a 10,000-character text with a right-to-left override without breaking its layout', async () => {
      const el = await mount(tag);
      const text = textInputs(el)[0];
      if (!text) return; // no text field
      const width = el.getBoundingClientRect().width;
      const long = '\u202e' + 'x'.repeat(10_000);
      await typeInto(el, text, long);
      expect(text.value.length).to.be.at.most(long.length);
      expect(el.getBoundingClientRect().width).to.be.at.most(width + 1);
      expect(visibleText(el)).not.to.match(BAD);
      const invalid = text.getAttribute('aria-invalid') === 'true';
      if (!invalid) expect(text.value.length).to.be.at.most(long.length);
    });

    it('keeps a value typed right before the page goes away, and shows it in a second tab', async () => {
      const key = uniqueKey();
      const el = await mount(tag, '', key);
      const number = numberInputs(el)[0];
      if (!number || !el.persist) return; // saves nothing
      const id = fieldKey(number);
      await typeInto(el, number, '7');
      // The page is left at once: no wait for the save delay.
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      el.remove();
      await el.persist.flush();
      const again = await mount(tag, '', key);
      const restored = inputs(again).find((i) => fieldKey(i) === id);
      expect(restored?.value).to.equal('7');
      // Two tabs: an edit in one shows in the other.
      const other = await mount(tag, '', key);
      const mine = inputs(again).find((i) => fieldKey(i) === id)!;
      await typeInto(again, mine, '8');
      await again.persist!.flush();
      await until(() => inputs(other).find((i) => fieldKey(i) === id)?.value === '8', 5000);
    });
  });
}
