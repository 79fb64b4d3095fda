/**
 * Loads an element's code when its tag first appears in the document (present at load, or added
 * later anywhere in the light DOM), as Shoelace's autoloader does. The all-in-one uses it for the
 * agency tools, so a page with only the calculator does not download the ICP builder.
 */
export type ElementLoaders = Record<string, () => Promise<unknown>>;

const pending = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;

function load(tag: string): void {
  const loader = pending.get(tag);
  if (!loader) return;
  pending.delete(tag);
  loader().catch((error: unknown) => {
    console.error(`[mrr-kit] could not load <${tag}>`, error);
    pending.set(tag, loader); // a later appearance tries again
  });
}

/** Loads the elements used under `root`: call it for a shadow root the page fills with MRR Kit tags. */
export function discover(root: ParentNode = document): void {
  if (root instanceof Element && pending.has(root.localName)) load(root.localName);
  for (const tag of [...pending.keys()]) if (root.querySelector(tag)) load(tag);
}

/** Registers loaders by tag and loads, now or when they appear, those the page uses. */
export function autoload(loaders: ElementLoaders): void {
  for (const [tag, loader] of Object.entries(loaders)) if (!customElements.get(tag)) pending.set(tag, loader);
  if (typeof document === 'undefined') return;
  discover(document);
  if (pending.size === 0 || observer) return;
  observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) discover(node as Element);
    if (pending.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
