/**
 * Two small helpers many modules share (a module of their own, so a page that needs only them,
 * such as the saved datasets', loads nothing else of the form code).
 */

/** True for a plain record: an object that is neither null nor an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

let counter = 0;
/** A fresh id (letters and digits after `prefix`: usable in DOM ids), unique in the page and across tabs. */
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
