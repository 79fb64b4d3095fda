/**
 * The embed builder's snippet: the script tag of one element's own file and its markup, with the
 * attributes the agency chose. Pure (no DOM), so the page, its tests and the docs agree on it.
 *
 * Every value is written as an HTML attribute value in double quotes with `&`, `<`, `>`, `"` and
 * `'` escaped: a brand name such as `"><script>` stays text in the agency's page. Larger data (the
 * pricing table's plans) goes in a child `<script type="application/json">` with every `<` written
 * `\u003c`, so no `</script>` inside the JSON can close it.
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
  'credit',
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
  /** The element's own attributes (`clients`, `interval`, …: see `ownAttributes`), after the shared ones. */
  own?: Record<string, string | boolean>;
  /** The agency's logo: an `<img slot="logo">` child (its `alt` is the brand name). */
  logo?: { src: string; alt: string };
  /** Larger data (the pricing table's plans), written as a child `<script type="application/json">`. */
  config?: unknown;
}

/** One attribute an element declares for itself (beyond the shared ones), read from its property declarations. */
export interface OwnAttribute {
  name: string;
  /** `number` (Lit `type: Number`), `flag` (`type: Boolean`), `choice` (one of `choices`) or `text`. */
  kind: 'number' | 'flag' | 'choice' | 'text';
  /** For `choice`: the values the element accepts (its class's `attributeChoices`). */
  choices?: readonly string[];
}

/** An element class's own attributes that take one of a few values (`interval`: `month`, `year`). */
export type AttributeChoices = Readonly<Record<string, readonly string[]>>;

/** A Lit property declaration, as far as the builder reads it. */
interface Declaration {
  attribute?: boolean | string;
  type?: unknown;
  state?: boolean;
}

const attributeName = (key: PropertyKey, d: Declaration): string | undefined =>
  d.state || d.attribute === false || typeof key !== 'string'
    ? undefined
    : typeof d.attribute === 'string'
      ? d.attribute
      : key.toLowerCase();

/**
 * The attributes an element declares for itself: those of its class's `elementProperties` (Lit's
 * property declarations, the source the manifest is made from too) that the shared base
 * (`MrrElement`'s) does not have, in declaration order; those named in `choices` (the class's
 * static `attributeChoices`) are a choice of those values. One reading for every element: a new
 * element's attributes appear in the builder without a list to keep.
 */
export function ownAttributes(
  declared: ReadonlyMap<PropertyKey, Declaration>,
  shared: ReadonlyMap<PropertyKey, Declaration>,
  choices: AttributeChoices = {},
): OwnAttribute[] {
  const sharedNames = new Set<string>();
  for (const [key, d] of shared) {
    const name = attributeName(key, d);
    if (name) sharedNames.add(name);
  }
  const out: OwnAttribute[] = [];
  for (const [key, d] of declared) {
    const name = attributeName(key, d);
    if (!name || sharedNames.has(name) || !ATTRIBUTE_NAME.test(name)) continue;
    const values = Object.hasOwn(choices, name) ? choices[name] : undefined;
    if (values?.length) out.push({ name, kind: 'choice', choices: [...values] });
    else out.push({ name, kind: d.type === Number ? 'number' : d.type === Boolean ? 'flag' : 'text' });
  }
  return out;
}

/** Why an own attribute's value is refused (`number`: not a number of zero or more), else undefined. */
export function ownAttributeError(kind: OwnAttribute['kind'], value: string): 'number' | undefined {
  if (kind !== 'number' || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? undefined : 'number';
}

/** `data` as JSON safe inside a `<script>` element: every `<` escaped, so `</script>` and `<!--` cannot appear. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside a double-quoted HTML attribute value (and as element text). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const TAG = /^mrr-[a-z][a-z0-9-]*$/;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** The element file's address: `scriptBase` with a trailing slash, then `<tag>.js`. */
export function scriptUrl(tag: string, scriptBase: string): string {
  const base = scriptBase.trim() === '' ? './' : scriptBase.trim();
  return `${base.endsWith('/') ? base : `${base}/`}${tag}.js`;
}

/**
 * The snippet to paste in a page: `<script type="module" src="…/<tag>.js"></script>` then the
 * element with the chosen attributes. Throws on a tag that is not an MRR Kit element name.
 */
export function embedSnippet({ tag, scriptBase, attributes, own = {}, logo, config }: EmbedOptions): string {
  if (!TAG.test(tag)) throw new RangeError(`not an MRR Kit element: ${tag}`);
  let attrs = '';
  const add = (name: string, value: string | boolean | undefined) => {
    if (value === true) attrs += ` ${name}`;
    else if (typeof value === 'string' && value.trim() !== '') attrs += ` ${name}="${escapeAttribute(value.trim())}"`;
  };
  for (const name of EMBED_ATTRIBUTES) add(name, attributes[name]);
  for (const [name, value] of Object.entries(own)) {
    if (ATTRIBUTE_NAME.test(name) && !(EMBED_ATTRIBUTES as readonly string[]).includes(name)) add(name, value);
  }
  let children = '';
  if (logo && logo.src.trim())
    children += `\n  <img slot="logo" src="${escapeAttribute(logo.src.trim())}" alt="${escapeAttribute(logo.alt.trim())}" height="32" />`;
  if (config !== undefined) children += `\n  <script type="application/json">\n${jsonForScript(config)}\n  </script>`;
  if (children) children += '\n';
  return (
    `<script type="module" src="${escapeAttribute(scriptUrl(tag, scriptBase))}"></script>\n` +
    `<${tag}${attrs}>${children}</${tag}>\n`
  );
}
