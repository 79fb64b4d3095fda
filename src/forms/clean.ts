/**
 * What a form needs after its first render, loaded on demand (src/controllers/form-sync.ts): the
 * numbers of the inputs re-written in another locale on a language switch, and inputs restored from
 * storage, another tab or code cleaned against their declaration (src/forms/fields.ts).
 */
import { formatNumber, parseAmount } from '../core/money.js';
import { type FieldSpecs, isNumberSpec } from './fields.js';
import { isObject, newId } from './ids.js';

/** Every number text of `inputs` (nested lists too) passed through `convert`; other fields unchanged. */
export function relocalizeInputs<I extends object>(specs: FieldSpecs, inputs: I, convert: (text: string) => string): I {
  const walk = (specs: FieldSpecs, record: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...record };
    for (const [name, spec] of Object.entries(specs)) {
      const value = record[name];
      if (isNumberSpec(spec) && typeof value === 'string') out[name] = convert(value);
      else if (spec.kind === 'numbers' && isObject(value))
        out[name] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? convert(v) : v]));
      else if (spec.kind === 'list' && Array.isArray(value))
        out[name] = (value as unknown[]).map((item) => (isObject(item) ? walk(spec.item, item) : item));
    }
    return out;
  };
  return walk(specs, inputs as Record<string, unknown>) as I;
}

/**
 * `value` (restored from storage, another tab or code) as the element can show it, field by field
 * against the declaration: numbers given as numbers are written as text by `fmt` (the element's
 * locale); a field of the wrong type takes its default; a choice outside its options takes its
 * default; a text is cut to its limit; in lists, items that are not records are dropped, an item
 * without an id gets one, and missing item fields come from the list's `blank`. Fields not
 * declared are kept. Returns `value` itself when nothing had to change (no needless update).
 */
export function cleanInputs<I extends object>(specs: FieldSpecs, value: unknown, defaults: I, fmt: (n: number) => string): I {
  if (!isObject(value)) return defaults;
  const walk = (
    specs: FieldSpecs,
    record: Record<string, unknown>,
    fallback: Record<string, unknown>,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...record };
    let changed = false;
    const set = (name: string, v: unknown) => {
      if (out[name] === v) return;
      out[name] = v;
      changed = true;
    };
    for (const [name, spec] of Object.entries(specs)) {
      const v = record[name];
      const d = fallback[name];
      switch (spec.kind) {
        case 'text':
          if (typeof v !== 'string') set(name, typeof d === 'string' ? d : '');
          else if (v.length > spec.maxLength) set(name, [...v].slice(0, spec.maxLength).join(''));
          break;
        case 'choice':
          if (!spec.options.includes(v as string)) set(name, spec.options.includes(d as string) ? d : spec.options[0]);
          break;
        case 'record':
          if (v !== undefined && !isObject(v)) set(name, isObject(d) ? d : undefined);
          break;
        case 'flag':
          if (typeof v !== 'boolean') set(name, typeof d === 'boolean' ? d : false);
          break;
        case 'numbers': {
          if (!isObject(v)) {
            set(name, v === undefined && isObject(d) ? d : {});
            break;
          }
          const entries = Object.entries(v);
          if (entries.every(([, x]) => typeof x === 'string')) break;
          const fixed: Record<string, string> = {};
          for (const [k, x] of entries)
            if (typeof x === 'string') fixed[k] = x;
            else if (typeof x === 'number' && Number.isFinite(x)) fixed[k] = fmt(x);
          set(name, fixed);
          break;
        }
        case 'list': {
          if (!Array.isArray(v)) {
            // Missing: as shown now; not a list (a corrupted record): none.
            set(name, v === undefined && Array.isArray(d) ? d : []);
            break;
          }
          const items = v.filter(isObject).map((item) => {
            const blank = spec.blank?.() ?? {};
            if (spec.keyed === false) return walk(spec.item, item, blank);
            const key = spec.key ?? 'id';
            const hasId = typeof item[key] === 'string' && item[key] !== '';
            const id = hasId ? (item[key] as string) : newId(spec.idPrefix ?? 'i');
            const fixed = walk(spec.item, item, { ...blank, [key]: id });
            return hasId ? fixed : { ...fixed, [key]: id };
          });
          if (items.length !== v.length || items.some((item, i) => item !== v[i])) set(name, items);
          break;
        }
        default:
          // number kinds and dates: text as typed
          if (typeof v === 'string') break;
          if (isNumberSpec(spec) && typeof v === 'number' && Number.isFinite(v)) set(name, fmt(v));
          else set(name, typeof d === 'string' ? d : '');
      }
    }
    return changed ? out : record;
  };
  return walk(specs, value, defaults as Record<string, unknown>) as I;
}

/** `text` written in `from`, re-written in `to` ("1,500" en → "1 500" fr); text that does not read is kept. */
export function relocalizeNumber(text: string, from: string, to: string): string {
  if (from === to || text.trim() === '') return text;
  const r = parseAmount(text, from);
  if (!r.ok) return text;
  return formatNumber(r.value, to, 10);
}
