/**
 * Copies of documents from a folder or an account are built field by field. JSON.parse keeps a
 * `__proto__` key as an own field, and it must stay one: assigned with `=`, it would become the
 * copy's prototype instead, left out of the hash a plan compares and out of what an apply sends,
 * while still answering property reads.
 */

/** Sets `key` as an own, enumerable data field of `target`, whatever its name. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
