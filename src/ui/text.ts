/**
 * User text isolated inside a sentence (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the
 * plain-text form of `<bdi>`), for strings that are not markup (an undo message, an aria-label, an
 * announcement): a name in another direction, or with a right-to-left override, cannot reorder the
 * words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** Runs of a formatted amount that are not its number: the currency ("US$", "€") or a compact unit. */
const NOT_NUMBER = /[^\s\d\u0660-\u0669\u06F0-\u06F9.,'\u2019\u066B\u066C\u200E\u200F\u061C+\-\u2212]+/g;

/**
 * A formatted amount for right-to-left text, one unit whatever surrounds it: isolated as a whole
 * (right to left when `rtl`, the number's locale writes right to left, else left to right), and its
 * currency isolated inside it. Without that, Arabic's "‏20,000 US$" shows as "$US 20,000": the "$"
 * after "US" takes the paragraph's direction and moves to the far side of "US".
 */
export const isolateAmount = (text: string, rtl: boolean): string =>
  `${rtl ? '\u2067' : '\u2066'}${text.replace(NOT_NUMBER, '\u2068$&\u2069')}\u2069`;

/** Characters shown: without the isolates above (for the width a label needs). */
export const shownLength = (text: string): number => text.replace(/[\u2066-\u2069]/g, '').length;
