/**
 * User text isolated inside a sentence (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the
 * plain-text form of `<bdi>`), for strings that are not markup (an undo message, an aria-label, an
 * announcement): a name in another direction, or with a right-to-left override, cannot reorder the
 * words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** Characters shown: without bidi isolates (`isolate`, `isolateAmount`), for the width a label needs. */
export const shownLength = (text: string): number => text.replace(/[\u2066-\u2069]/g, '').length;

/**
 * Whether a text of `length` characters is near its limit `max` (from 80 % of it): a counter
 * ("64/80") shows then even when its field is not being typed in (`counterStyles`).
 */
export const nearLimit = (length: number, max: number): boolean => length >= max * 0.8;
