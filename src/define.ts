/** Version stamped on every element class, to warn when two copies of MRR Kit meet on a page. */
export const VERSION = '0.1.0';

/**
 * Defines a custom element unless the tag is taken: loading the embed script twice, or next to
 * another copy of MRR Kit, must not throw. Warns when the registered copy is another version.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
  const existing: (CustomElementConstructor & { version?: string }) | undefined = customElements.get(tag);
  if (existing) {
    if (existing !== ctor && existing.version !== ctor.version) {
      console.warn(
        `[mrr-kit] <${tag}> is already defined by version ${existing.version ?? 'unknown'}; ${ctor.version ?? 'this copy'} is ignored.`,
      );
    }
    return;
  }
  customElements.define(tag, ctor);
}
