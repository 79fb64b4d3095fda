import { fixture } from '@open-wc/testing';

/** What a probe saw in the shadow root at one moment of the first render, and whether `:state(loading)` held. */
export type Seen<S> = S & { loading: boolean };

/**
 * Puts `<tag attrs>` on the page and records what its shadow root holds after every change until
 * `updateComplete` resolves (a staged element's first render: src/ui/staged-element.ts), then once
 * more. `probe` says what is drawn; `first` runs the first time the root has content (measure there
 * what must not move later). Returns the element and what was seen, in order.
 */
export async function watchFirstRender<E extends HTMLElement & { updateComplete: Promise<boolean> }, S extends object>(
  tag: string,
  attrs: string,
  probe: (root: ShadowRoot) => S,
  first?: (el: E) => void,
): Promise<{ el: E; seen: Seen<S>[] }> {
  const wrapper = await fixture<HTMLDivElement>('<div></div>');
  const template = document.createElement('template');
  template.innerHTML = `<${tag} ${attrs}></${tag}>`;
  const el = template.content.firstElementChild!.cloneNode() as E;
  const seen: Seen<S>[] = [];
  const look = () => seen.push({ ...probe(el.shadowRoot!), loading: el.matches(':state(loading)') });
  const observer = new MutationObserver(() => {
    if (seen.length === 0) first?.(el);
    look();
  });
  wrapper.append(el);
  // Staged: the shadow root comes at once, its content a few tasks later.
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  await el.updateComplete;
  observer.disconnect();
  look();
  return { el, seen };
}

/** True when `values` never decrease (a later step adds, never takes away). */
export const growing = (values: number[]): boolean => values.every((v, i) => i === 0 || v >= values[i - 1]!);

/** The distinct values of `values`, in order. */
export const steps = (values: number[]): number[] => values.filter((v, i) => i === 0 || v !== values[i - 1]);
