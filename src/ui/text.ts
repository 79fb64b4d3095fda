/**
 * User text isolated inside a sentence (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the
 * plain-text form of `<bdi>`), for strings that are not markup (an undo message, an aria-label, an
 * announcement): a name in another direction, or with a right-to-left override, cannot reorder the
 * words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
