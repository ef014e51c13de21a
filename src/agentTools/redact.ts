/**
 * The mask a model's text goes through: the environments' tokens replaced by `******`, whole and
 * in pieces. A tool cuts long account text (a script of megabytes, a long message) and the cut can
 * fall inside a token the text holds (a script that holds its own key): what is left of the token
 * is no longer the token, so a mask that matches only the whole token would let all of it but a
 * character through. So any piece of a token of MIN_TOKEN_PIECE characters or more is masked too,
 * wherever it is: whatever cut made it, at whichever end of a text. The MCP server (cli/mcp.ts)
 * and VS Code (environmentStore.ts's tokenRedactor) both mask with this.
 */

/** A piece of a token this long or longer is masked; shorter pieces of a random token say next to nothing, and are common in other text. */
export const MIN_TOKEN_PIECE = 8;
const MASK = '******';

/** A function that masks `tokens` (and their pieces) in a text. */
export function tokenMask(tokens: readonly string[]): (text: string) => string {
  // Longest first, so a token that holds another is replaced whole.
  const whole = [...new Set(tokens.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const pieces = new Set<string>();
  for (const token of whole) for (let i = 0; i + MIN_TOKEN_PIECE <= token.length; i++) pieces.add(token.slice(i, i + MIN_TOKEN_PIECE));
  return (text) =>
    maskPieces(
      whole.reduce((out, token) => out.split(token).join(MASK), text),
      pieces,
    );
}

/** Each run of characters covered by pieces (overlapping or touching) replaced by one mask. */
function maskPieces(text: string, pieces: ReadonlySet<string>): string {
  if (!pieces.size) return text;
  let out = '';
  let kept = 0;
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i + MIN_TOKEN_PIECE <= text.length; i++) {
    if (!pieces.has(text.slice(i, i + MIN_TOKEN_PIECE))) continue;
    if (i > runEnd) {
      if (runStart >= 0) {
        out += `${text.slice(kept, runStart)}${MASK}`;
        kept = runEnd;
      }
      runStart = i;
    }
    runEnd = i + MIN_TOKEN_PIECE;
  }
  if (runStart < 0) return text;
  return `${out}${text.slice(kept, runStart)}${MASK}${text.slice(runEnd)}`;
}

/** A JSON value with `redact` applied to every string in it, keys too (a copy). */
export function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactStrings(v, redact)]));
}
