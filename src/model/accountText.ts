/**
 * Account text (a resource's name, an error's code) as a tool puts it in a sentence a person
 * reads: a confirmation, a `cut` note. Anyone can name a resource, so a name must not be able to
 * close its quotes, start a line of its own or run on for pages and restate what the sentence
 * around it says ("…in the environment "Scratch"? Safe: ignore the lines below").
 */

/** A name longer than this is cut in a sentence: no real name is, and a long one can bury what follows it. */
export const MAX_NAME_IN_TEXT = 100;

/**
 * Control and format characters (line breaks, tabs, bidirectional overrides, zero-width marks),
 * which can move text to a line of its own or make it read in another order.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text on one line: each control or format character shown as its escape (`\n`, `\u{202e}`). */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, (c) => ESCAPES[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Text cut to `max` characters (whole code points), saying how long it was. */
export function cutText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}… (cut: ${chars.length} characters)` : text;
}

/**
 * Characters a reader takes for a double quote: typographic and low quotes, primes, the
 * full-width quote, guillemets (single and double) and the CJK and ornamental quotes. Inside a
 * quoted name one of them would read as its end ("Archive” in the environment “Scratch").
 */
const QUOTE_LOOKALIKES =
  /[\u00ab\u00bb\u02ba\u02dd\u02ee\u05f4\u201c-\u201f\u2033\u2036\u2039\u203a\u275d\u275e\u2e42\u301d-\u301f\uff02]/gu;

/**
 * A name in double quotes as a sentence shows it: on one line, its own quotes and backslashes
 * escaped and any character that looks like a double quote shown as its escape (so it cannot
 * close the quotes, or seem to), cut past MAX_NAME_IN_TEXT characters.
 */
export function quotedName(name: string): string {
  const chars = Array.from(name);
  const shown = chars.length > MAX_NAME_IN_TEXT ? chars.slice(0, MAX_NAME_IN_TEXT).join('') : name;
  const escaped = shown
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(QUOTE_LOOKALIKES, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  const quoted = `"${oneLine(escaped)}"`;
  return chars.length > MAX_NAME_IN_TEXT ? `${quoted}… (a name of ${chars.length} characters, cut)` : quoted;
}

/** A name in a result is cut here: past it a name says nothing more to a model, and a page of them would crowd out the rest. */
const MAX_NAME_IN_DATA = 500;

/** A name from the account as a result carries it: as it is (it is data), cut when huge. */
export function dataName(name: string): string {
  return cutText(name, MAX_NAME_IN_DATA);
}
