/**
 * Where a field the API names ("http.baseURI", "mappings[2].generate", "pageSize") sits in a
 * document's text, so its error can be shown on that line. A field the document does not hold
 * (a required one that is missing) is placed on its nearest parent that it does hold, down to the
 * document's opening brace.
 */
import { findNodeAtLocation, Node, parseTree } from 'jsonc-parser';

export interface FieldLocation {
  offset: number;
  length: number;
  /** Whether the field itself was found (false: a parent stands in for a missing field). */
  exact: boolean;
}

/** `a.b[2].c` → ['a', 'b', 2, 'c']. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

export function locateField(text: string, field: string): FieldLocation | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const path = fieldPath(field);
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    // A property's key is where the eye goes: mark "key": value from its key.
    const target: Node = node.parent?.type === 'property' ? node.parent : node;
    const exact = depth === path.length;
    // A stand-in parent is marked on its first character only, not as a whole block.
    return { offset: target.offset, length: exact ? target.length : 1, exact };
  }
  return undefined;
}
