/**
 * Text from an account or a pulled folder (names, keys, paths, messages) as the command line may
 * print it. A terminal obeys control characters: a flow named `\x1b[2K\x1b[1A` erases the plan
 * line above it, a carriage return or a newline forges a line, and bidi overrides make a reviewer
 * read something other than what is there. So escape sequences are removed whole, then every C0
 * and C1 control, DEL and bidi control; the rest of the text is kept. The CLI's output passes
 * through here once (`src/cli/io.ts`, keeping the line breaks and tabs of its layout), and the plan's and
 * report's values pass through here without line breaks (`report.ts`).
 */

/**
 * CSI (`ESC [` or the 8-bit `\x9b`), a terminated OSC (up to BEL or `ESC \`: an unterminated one
 * loses only its introducer, never the rest of the output), and two-character `ESC x` sequences.
 */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[ -~]?/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string, options: { keepLayout?: boolean } = {}): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(options.keepLayout ? CONTROL_BUT_LAYOUT : CONTROL, '');
}

const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but leaves DEL, C1
 * and bidi controls raw, and removing them from the text afterwards (as `printable` does) could
 * eat JSON's own quotes and backslashes, letting a name forge fields. Escaped as `\uXXXX` instead,
 * the text holds no control character and parses to exactly the value.
 */
export function printableJson(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
