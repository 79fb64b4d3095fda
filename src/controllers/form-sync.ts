/**
 * The part of FormController a first render does not need, loaded on demand (the controller starts
 * loading it when it is made; saving and restoring wait for it): inputs restored from storage or
 * from another tab merged field by field with what the user typed here, numbers re-written in
 * another locale, inputs given by code cleaned against their declaration.
 */
import { cleanInputs, relocalizeInputs, relocalizeNumber } from '../forms/clean.js';
import type { FieldSpecs } from '../forms/fields.js';
import type { Relocalizer, RestoredForm, SavedForm } from './form-controller.js';

export { cleanInputs };

/** What the merges need of the form's options. */
export interface SyncOptions<I> {
  fields: FieldSpecs;
  relocalize?: (inputs: I, convert: Relocalizer) => I;
  mergeField?: (field: string, mine: unknown, theirs: unknown, stamps: { mine: number; theirs: number }) => unknown;
}

/** `inputs` written in locale `from`, re-written in `to`. */
export function relocalizeValue<I extends object>(o: SyncOptions<I>, inputs: I, from: string, to: string): I {
  if (!from || from === to) return inputs;
  const convert: Relocalizer = (text) => relocalizeNumber(text, from, to);
  const next = relocalizeInputs(o.fields, inputs, convert);
  return o.relocalize ? o.relocalize(next, convert) : next;
}

/** Field by field, the later edit wins; fields this tab never edited take the saved text. */
export function mergeSaved<I extends object>(
  o: SyncOptions<I>,
  saved: SavedForm<I> | undefined,
  mine: SavedForm<I>,
): SavedForm<I> {
  if (!saved || saved.v !== 2 || !saved.inputs) return mine;
  const theirs = relocalizeValue(o, saved.inputs, saved.locale, mine.locale) as Record<string, unknown>;
  const inputs = { ...mine.inputs } as Record<string, unknown>;
  const stamps = { ...mine.stamps };
  for (const [k, t] of Object.entries(saved.stamps ?? {})) {
    const mineStamp = stamps[k];
    const both = mineStamp !== undefined ? o.mergeField?.(k, inputs[k], theirs[k], { mine: mineStamp, theirs: t }) : undefined;
    if (both !== undefined) inputs[k] = both;
    if (mineStamp === undefined || mineStamp < t) {
      if (both === undefined) inputs[k] = theirs[k];
      stamps[k] = t;
    }
  }
  return { ...saved, ...mine, inputs: inputs as I, stamps };
}

/**
 * Saved inputs (`saved`, written in its own locale) merged into what is shown (`shown`, in
 * `locale`): on first restore the saved text wins unless the user typed here since; later, the
 * newer edit wins. Updates `stamps` (the user's edits here) in place; returns the merged inputs.
 */
export function mergeRestored<I extends object>(
  o: SyncOptions<I>,
  saved: SavedForm<I>,
  shown: I,
  stamps: Record<string, number>,
  locale: string,
): Record<string, unknown> {
  const theirs = relocalizeValue(o, { ...shown, ...saved.inputs }, saved.locale, locale) as Record<string, unknown>;
  const merged = { ...shown } as Record<string, unknown>;
  for (const k of Object.keys(theirs)) {
    const mine = stamps[k];
    const their = saved.stamps?.[k];
    const both =
      mine !== undefined && their !== undefined ? o.mergeField?.(k, merged[k], theirs[k], { mine, theirs: their }) : undefined;
    if (both !== undefined) {
      merged[k] = both;
      stamps[k] = Math.max(mine!, their!);
    } else if (mine === undefined || (their !== undefined && their > mine)) {
      merged[k] = theirs[k];
      if (their !== undefined) stamps[k] = their;
    }
  }
  return merged;
}

/**
 * Saved inputs (on connect, or another tab's save) shown in `form`, merged field by field with what
 * the user typed here (`mergeRestored`), cleaned, in `locale`. On connect (`remote` false) the
 * defaults' result must not stand for restored inputs: their own last valid result or none.
 */
export function restoreForm<I extends object>(
  form: RestoredForm<I>,
  o: SyncOptions<I>,
  data: SavedForm<I> | I,
  locale: string,
  remote: boolean,
): void {
  const saved: SavedForm<I> =
    (data as SavedForm<I>)?.v === 2 ? (data as SavedForm<I>) : { v: 2, inputs: data as I, locale, stamps: {} };
  const defaults = form.inputs;
  form.current = form.clean(mergeRestored(o, saved, defaults, form.stamps, locale));
  form.textLocale = locale;
  if (!remote) {
    form.lastResult = undefined;
    form.validInputs = saved.valid ? { ...defaults, ...saved.valid } : undefined;
    form.validLocale = saved.validLocale ?? saved.locale;
  }
  form.readKey = '';
}
