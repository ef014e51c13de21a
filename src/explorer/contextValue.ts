/**
 * A tree row's context value: what the row is, then the flags that hold, joined by ';'. The menus
 * in package.json match these with regular expressions (`/^environment;account/`,
 * `/resource:connection/`), so the order of the parts is part of that contract: every row builds
 * its value here, in the order it lists, rather than joining strings its own way.
 */
export function contextValueOf(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part.length > 0).join(';');
}

/** `name` when the flag holds (any truthy value, as a document's field may be), else nothing. */
export function flag(holds: unknown, name: string): string | undefined {
  return holds ? name : undefined;
}
