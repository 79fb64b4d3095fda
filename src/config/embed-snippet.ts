/**
 * The embed builder's snippet: the script tag of one element's own file and its markup, with the
 * attributes the agency chose. Pure (no DOM), so the page, its tests and the docs agree on it.
 *
 * Every value is written as an HTML attribute value in double quotes with `&`, `<`, `>`, `"` and
 * `'` escaped: a brand name such as `"><script>` stays text in the agency's page.
 */

/** The attributes the builder offers, in the order the snippet writes them. */
export const EMBED_ATTRIBUTES = [
  'lang',
  'currency',
  'theme',
  'brand-name',
  'heading-level',
  'lead-endpoint',
  'consent-text',
  'data-layer',
  'storage-key',
] as const;

export type EmbedAttribute = (typeof EMBED_ATTRIBUTES)[number];

/** A value per attribute: text (left out when empty) or a boolean attribute (present when true). */
export type EmbedAttributes = Partial<Record<EmbedAttribute, string | boolean>>;

export interface EmbedOptions {
  /** The element's tag, `mrr-…`. */
  tag: string;
  /** Where the element files are served (`https://cdn.example/mrr-kit/`): the script is `<base><tag>.js`. */
  scriptBase: string;
  attributes: EmbedAttributes;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside a double-quoted HTML attribute value (and as element text). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const TAG = /^mrr-[a-z][a-z0-9-]*$/;

/** The element file's address: `scriptBase` with a trailing slash, then `<tag>.js`. */
export function scriptUrl(tag: string, scriptBase: string): string {
  const base = scriptBase.trim() === '' ? './' : scriptBase.trim();
  return `${base.endsWith('/') ? base : `${base}/`}${tag}.js`;
}

/**
 * The snippet to paste in a page: `<script type="module" src="…/<tag>.js"></script>` then the
 * element with the chosen attributes. Throws on a tag that is not an MRR Kit element name.
 */
export function embedSnippet({ tag, scriptBase, attributes }: EmbedOptions): string {
  if (!TAG.test(tag)) throw new RangeError(`not an MRR Kit element: ${tag}`);
  let attrs = '';
  for (const name of EMBED_ATTRIBUTES) {
    const value = attributes[name];
    if (value === true) attrs += ` ${name}`;
    else if (typeof value === 'string' && value.trim() !== '') attrs += ` ${name}="${escapeAttribute(value.trim())}"`;
  }
  return `<script type="module" src="${escapeAttribute(scriptUrl(tag, scriptBase))}"></script>\n` + `<${tag}${attrs}></${tag}>\n`;
}
