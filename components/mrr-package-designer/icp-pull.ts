/**
 * Pains and gains of an ICP saved by `<mrr-icp-builder>` (record `icp-builder:<storage-key>`,
 * `SavedForm<IcpBuilderInputs>`): the active profile's `pains` criterion (its ideal and acceptable
 * values), its personas' frustrations (pains) and goals (gains). The record is read as untrusted
 * data: anything of the wrong shape is skipped, never thrown on.
 */
import { MAX_TEXT } from './state.js';

/** Most pains (and gains) one pull adds: a canvas ranks its top five, a saved state may hold thousands. */
export const MAX_PULLED = 20;

export interface IcpNeeds {
  /** Name of the profile they come from (may be empty). */
  name: string;
  pains: string[];
  gains: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** A list value or sentence cut to what a canvas entry holds (80 characters, an ellipsis when cut). */
export function clip(text: string, max = MAX_TEXT): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Comparable form of an entry: case, spacing, width and a final full stop do not make it new. */
export function sameKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。؟!]+$/u, '')
    .toLocaleLowerCase();
}

/** Values typed as a list: commas (a category criterion) or semicolons and lines (a persona's sentence). */
const splitValues = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((v) =>
      v
        .trim()
        .replace(/[.。]+$/u, '')
        .trim(),
    )
    .filter((v) => v !== '');

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const text = clip(v);
    const key = sameKey(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

/**
 * The needs of the saved ICP builder state `data` (the record's `data`), or undefined when it holds
 * no profile. Pains: the active profile's `pains` criterion (ideal, then acceptable values) and its
 * personas' frustrations; gains: its personas' goals. Duplicates removed, each at most 80 characters.
 */
export function needsFromIcpState(data: unknown): IcpNeeds | undefined {
  if (!isObject(data)) return undefined;
  const inputs = isObject(data.inputs) ? data.inputs : undefined;
  if (!inputs) return undefined;
  const icps = list(inputs.icps).filter(isObject);
  if (icps.length === 0) return undefined;
  const active = icps.find((i) => str(i.id) === str(inputs.activeId)) ?? icps[0];
  const pains: string[] = [];
  for (const c of list(active.criteria).filter(isObject)) {
    if (str(c.field).trim().toLowerCase() !== 'pains' || str(c.type) !== 'category') continue;
    pains.push(...splitValues(str(c.ideal), /[,،;؛]/), ...splitValues(str(c.acceptable), /[,،;؛]/));
  }
  const gains: string[] = [];
  const personas = list(inputs.personas).filter(isObject);
  const own = personas.filter((p) => str(p.icpId) === str(active.id));
  // A persona's sentence split at its semicolons: each part starts as a sentence does.
  const sentence = (v: string) => v.charAt(0).toLocaleUpperCase() + v.slice(1);
  for (const p of own) {
    pains.push(...splitValues(str(p.frustrations), /[;؛\n]/).map(sentence));
    gains.push(...splitValues(str(p.goals), /[;؛\n]/).map(sentence));
  }
  return { name: clip(str(active.name)), pains: unique(pains).slice(0, MAX_PULLED), gains: unique(gains).slice(0, MAX_PULLED) };
}
