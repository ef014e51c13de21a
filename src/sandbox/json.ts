/**
 * Small JSON helpers the sandbox uses everywhere: deep copy, deep equality, dot paths.
 *
 * Paths come from clients (projections, JSON Patch, mappings), and the sandbox shares its
 * process, and so `Object.prototype`, with every other extension in the extension host. A
 * path that names `__proto__`, `constructor` or `prototype` is therefore refused outright
 * (`UnsafePathError`, a 400), and keys are written as own properties only.
 */
import { SandboxError } from './apiError';

export type JsonObject = { [key: string]: unknown };

/** A value as text: strings as they are, other values as JSON (never "[object Object]"). */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** A deep copy of JSON data: a JSON round trip of a document keeps all a document has. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Keys that reach an object's prototype machinery instead of its own data. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string | number): boolean {
  return typeof key === 'string' && UNSAFE_KEYS.has(key);
}

/** Refuses a key that would reach a prototype, with the 400 a client can act on. */
export function assertSafeKey(key: string | number, where: string): void {
  if (isUnsafeKey(key)) {
    throw SandboxError.badRequest('invalid_path', `${where}: "${String(key)}" is not allowed as a field name or path segment.`);
  }
}

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']; `[*]` becomes '*'. Refuses prototype segments. */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+|\*|"[^"]*"|'[^']*')\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(path))) {
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) {
      const inner = match[2];
      if (/^\d+$/.test(inner)) parts.push(Number(inner));
      else if (inner === '*') parts.push('*');
      else parts.push(inner.slice(1, -1));
    }
  }
  for (const part of parts) assertSafeKey(part, `The path "${path}"`);
  return parts;
}

/** Reads a value at a path; a key that holds dots or spaces is found as a whole key first. */
export function getPath(source: unknown, path: string): unknown {
  if (isObject(source) && Object.hasOwn(source, path) && !isUnsafeKey(path)) return source[path];
  let current: unknown = source;
  for (const part of splitPath(path)) {
    if (current === null || current === undefined) return undefined;
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isObject(current) && Object.hasOwn(current, part) ? current[part] : undefined;
  }
  return current;
}

/** Writes a value at a path, creating objects (or arrays, before a numeric index) on the way. */
export function setPath(target: JsonObject, path: string, value: unknown): void {
  const parts = splitPath(path);
  // An object or an array: either is walked by own keys, and an index is a key like any other.
  let current: object = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (last) {
      setOwn(current, part, value);
      return;
    }
    const existing: unknown = Object.hasOwn(current, part) ? Reflect.get(current, part) : undefined;
    if (existing === null || typeof existing !== 'object') {
      const created: JsonObject | unknown[] = typeof parts[i + 1] === 'number' ? [] : {};
      setOwn(current, part, created);
      current = created;
    } else {
      current = existing;
    }
  });
}

/** Writes `key` as an own data property, whatever its name (plain `=` on "__proto__" would not). */
export function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Removes a value at a dot path; true if something was there. */
export function deletePath(target: JsonObject, path: string): boolean {
  const parts = splitPath(path);
  const last = parts.pop();
  if (last === undefined) return false;
  const parent = parts.length ? getPath(target, parts.join('.')) : target;
  if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, String(last))) return false;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else Reflect.deleteProperty(parent, String(last));
  return true;
}

/** A stable, small hash of a string, for deterministic simulated data. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A seeded pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
