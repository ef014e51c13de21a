/**
 * The longest text one helper may make. A template from an account can grow text fast (a replace
 * of every character by eight, nested three times, is 512 times its input), and one allocation of
 * a few hundred megabytes ends a Node process outright, worker or not: so a helper that can grow
 * its input says how long its result would be before it makes it, and stops past this.
 */
export const MAX_RESULT_CHARS = 10 * 1024 * 1024;

export function ensureFits(helper: string, length: number): void {
  if (length > MAX_RESULT_CHARS)
    throw new Error(
      `${helper}: the result would be ${Math.round(length).toLocaleString('en-US')} characters; the limit is ${MAX_RESULT_CHARS.toLocaleString('en-US')}.`,
    );
}

/** How many times `needle` occurs in `text`, not overlapping (as split and replaceAll count them). */
export function occurrencesOf(text: string, needle: string): number {
  if (!needle) return text.length + 1;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
