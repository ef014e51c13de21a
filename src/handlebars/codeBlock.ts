/**
 * Text from an account as a Markdown code block: fenced with more backticks than any run in the
 * text, so no line of the text can close the block and turn the rest into markdown (a link, say).
 */
export function codeBlock(text: string, language = 'text'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `\n${fence}${language}\n${text}\n${fence}\n`;
}
