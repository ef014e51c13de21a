/** Applies RFC 6902 JSON Patch operations (add, remove, replace, copy, move, test) to a document. */
import { SandboxError } from './apiError';
import { deepEqual, deletePath, getPath, isObject, JsonObject, setPath } from './json';

/** `/a/b~1c/0` → `a["b/c"][0]`-style dot path, as the json helpers read it. */
function pointerToPath(pointer: string): string {
  if (!pointer.startsWith('/')) throw SandboxError.badRequest('invalid_patch', `"${pointer}" is not a JSON Pointer.`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : part.includes('.') ? `["${part}"]` : part))
    .join('.')
    .replace(/\.\[/g, '[');
}

export function applyPatch(doc: JsonObject, operations: unknown[]): void {
  for (const op of operations) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw SandboxError.badRequest('invalid_patch', 'Each operation needs "op" and "path".');
    }
    const path = pointerToPath(op.path);
    switch (op.op) {
      case 'add':
      case 'replace':
        setPath(doc, path, op.value);
        break;
      case 'remove':
        deletePath(doc, path);
        break;
      case 'copy':
      case 'move': {
        if (typeof op.from !== 'string') throw SandboxError.badRequest('invalid_patch', `"${op.op}" needs "from".`);
        const from = pointerToPath(op.from);
        setPath(doc, path, getPath(doc, from));
        if (op.op === 'move') deletePath(doc, from);
        break;
      }
      case 'test':
        if (!deepEqual(getPath(doc, path), op.value))
          throw new SandboxError(409, [{ code: 'test_failed', message: `Test of ${op.path} failed.` }]);
        break;
      default:
        throw SandboxError.badRequest('invalid_patch', `Unknown operation "${op.op}".`);
    }
  }
}
