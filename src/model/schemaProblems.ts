/**
 * Which problems of a resource document come from its JSON schema: those a save should ask about.
 * VS Code's JSON language reports a value the schema refuses (a wrong enum, a wrong type, a
 * missing required property) as a warning, not an error, with `source` "json" (or none) and a code below
 * 0x100 (vscode-json-languageservice's ErrorCode: 0 for a schema mismatch, 1 for an enum value;
 * 2 is a deprecation, which refuses nothing; 0x101 and up are syntax, which the save refuses on
 * its own; 0x300 and up are schemas that could not be loaded). Problems from other sources (a
 * spelling extension, the API's own field errors) never ask.
 */

export interface DocumentProblem {
  source?: string;
  /** A number, or `{ value }` as VS Code carries codes with a link. */
  code?: string | number | { value: string | number };
  message: string;
  /** 0-based, as VS Code counts. */
  line: number;
}

const SCHEMA_MISMATCH = 0;
const ENUM_VALUE_MISMATCH = 1;

export function isSchemaProblem(problem: DocumentProblem): boolean {
  // The JSON language sets "json" as the source in some versions and none in others (code-server 4.139).
  if (problem.source !== undefined && problem.source !== 'json') return false;
  const code = typeof problem.code === 'object' ? problem.code.value : problem.code;
  return typeof code === 'number' && (code === SCHEMA_MISMATCH || code === ENUM_VALUE_MISMATCH);
}

/** The question's detail: the first few problems with their lines, then how many more. */
export function describeSchemaProblems(problems: readonly DocumentProblem[], shown = 5): string {
  const lines = problems
    .slice(0, shown)
    .map((p) => `Line ${p.line + 1}: ${p.message.length > 200 ? `${p.message.slice(0, 200)}…` : p.message}`);
  if (problems.length > shown) lines.push(`…and ${problems.length - shown} more.`);
  return lines.join('\n');
}
