/**
 * The public ICP profile record (topic `icp`): the active ideal customer profile's name and what its
 * customers need, as `<mrr-icp-builder>` publishes it for others (the package designer's "Pull pains
 * from your ICP"). Pains: the profile's `pains` criterion (its ideal, then acceptable values) and
 * its personas' frustrations; gains: its personas' goals. No scores, weights or prospects.
 */
import * as v from 'valibot';
import { defineTopic } from './channel.js';

export const ICP_VERSION = 1;

export interface IcpProfileRecord {
  v: typeof ICP_VERSION;
  /** The profile's id and name (the name may be empty). */
  id: string;
  name: string;
  /** What hurts the profile's customers, in order, each once. */
  pains: string[];
  /** What they want to gain, in order, each once. */
  gains: string[];
}

/** Most entries of each list, and longest entry: a record stays small whatever was typed. */
export const ICP_MAX_ENTRIES = 100;
export const ICP_MAX_TEXT = 200;

const entries = () => v.pipe(v.array(v.pipe(v.string(), v.maxLength(ICP_MAX_TEXT))), v.maxLength(ICP_MAX_ENTRIES));

export const icpSchema = v.object({
  v: v.literal(ICP_VERSION),
  id: v.string(),
  name: v.pipe(v.string(), v.maxLength(ICP_MAX_TEXT)),
  pains: entries(),
  gains: entries(),
});

export const icpTopic = defineTopic<IcpProfileRecord>('icp', ICP_VERSION, icpSchema);

/** A profile as the producer holds it: the core's criteria (category values as lists) and its name. */
export interface IcpProfileSource {
  id?: string;
  name?: string;
  criteria: ReadonlyArray<{ field: string; type: string; ideal?: unknown; acceptable?: unknown }>;
}

/** A persona as typed: its profile, and goals and frustrations written as one text (`;` or lines between). */
export interface IcpPersonaSource {
  icpId: string;
  goals: string;
  frustrations: string;
}

/** A value without its spaces around and a final full stop. */
const bare = (x: string) =>
  x
    .trim()
    .replace(/[.。]+$/u, '')
    .trim();

/** Values typed as a list: semicolons (Arabic too) or lines. */
const splitSentences = (text: string) => text.split(/[;؛\n]/).map(bare);

/** A persona's sentence split at its semicolons: each part starts as a sentence does. */
const sentence = (x: string) => x.charAt(0).toLocaleUpperCase() + x.slice(1);

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const text = [...raw.replace(/\s+/g, ' ').trim()].slice(0, ICP_MAX_TEXT).join('');
    const key = text.normalize('NFKC').toLocaleLowerCase();
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length === ICP_MAX_ENTRIES) break;
  }
  return out;
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);

/** The public record of `profile` and the personas linked to it. */
export function icpProfileOf(profile: IcpProfileSource, personas: readonly IcpPersonaSource[]): IcpProfileRecord {
  const id = profile.id ?? '';
  const pains: string[] = [];
  for (const c of profile.criteria) {
    if (c.field.trim().toLowerCase() !== 'pains' || c.type !== 'category') continue;
    pains.push(...strings(c.ideal).map(bare), ...strings(c.acceptable).map(bare));
  }
  const gains: string[] = [];
  for (const p of personas.filter((x) => x.icpId === id)) {
    pains.push(...splitSentences(p.frustrations).map(sentence));
    gains.push(...splitSentences(p.goals).map(sentence));
  }
  return {
    v: ICP_VERSION,
    id,
    name: [...(profile.name ?? '').trim()].slice(0, ICP_MAX_TEXT).join(''),
    pains: unique(pains),
    gains: unique(gains),
  };
}
