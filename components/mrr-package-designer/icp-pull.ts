/**
 * Pains and gains of the ICP profile a `<mrr-icp-builder>` publishes on the channel (topic `icp`,
 * `src/channel/icp.ts`), cut to what a tier's canvas holds.
 */
import type { IcpProfileRecord } from '../../src/channel/icp.js';
import { MAX_TEXT } from './state.js';

/** Most pains (and gains) one pull adds: a canvas ranks its top five, a saved state may hold thousands. */
export const MAX_PULLED = 20;

export interface IcpNeeds {
  /** Name of the profile they come from (may be empty). */
  name: string;
  pains: string[];
  gains: string[];
}

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
 * The needs of a published ICP profile for a canvas, or undefined without one: its pains and gains,
 * each at most 80 characters, duplicates (after the cut) removed, at most `MAX_PULLED` of each.
 */
export function needsFromIcp(record: IcpProfileRecord | undefined): IcpNeeds | undefined {
  if (!record) return undefined;
  return {
    name: clip(record.name),
    pains: unique(record.pains).slice(0, MAX_PULLED),
    gains: unique(record.gains).slice(0, MAX_PULLED),
  };
}
