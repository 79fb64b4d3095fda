/**
 * Dataset names, apart from the storage code (src/storage/datasets.ts, loaded when storage is
 * used): the import's name field and the saved datasets' rename field need them on the page.
 */

/** Longest dataset name, in characters (the name inputs have this `maxlength` and a counter). */
export const MAX_NAME_LENGTH = 80;

/** A dataset name as stored: spaces around removed, at most {@link MAX_NAME_LENGTH} characters
 * (whole code points: an emoji or an Arabic letter is never cut in half). */
export function datasetName(name: string): string {
  const trimmed = String(name).trim();
  const chars = [...trimmed];
  return chars.length > MAX_NAME_LENGTH ? chars.slice(0, MAX_NAME_LENGTH).join('').trimEnd() : trimmed;
}
