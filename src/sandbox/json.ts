/** Small JSON helpers the sandbox uses everywhere: deep copy, deep equality, dot paths. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: unknown };

/** A value as text: strings as they are, other values as JSON (never "[object Object]"). */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

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

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']; `[*]` becomes '*'. */
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
  return parts;
}

/** Reads a value at a path; a key that holds dots or spaces is found as a whole key first. */
export function getPath(source: unknown, path: string): unknown {
  if (isObject(source) && Object.prototype.hasOwnProperty.call(source, path)) return source[path];
  let current: unknown = source;
  for (const part of splitPath(path)) {
    if (current === null || current === undefined) return undefined;
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isObject(current) ? current[part] : undefined;
  }
  return current;
}

/** Writes a value at a path, creating objects (or arrays, before a numeric index) on the way. */
export function setPath(target: JsonObject, path: string, value: unknown): void {
  const parts = splitPath(path);
  let current: JsonObject | unknown[] = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const key = part as string & number;
    if (last) {
      (current as Record<string | number, unknown>)[key] = value;
      return;
    }
    const existing = (current as Record<string | number, unknown>)[key];
    if (existing === null || typeof existing !== 'object') {
      const created: JsonObject | unknown[] = typeof parts[i + 1] === 'number' ? [] : {};
      (current as Record<string | number, unknown>)[key] = created;
      current = created;
    } else {
      current = existing as JsonObject | unknown[];
    }
  });
}

/** Removes a value at a dot path; true if something was there. */
export function deletePath(target: JsonObject, path: string): boolean {
  const parts = splitPath(path);
  const last = parts.pop();
  if (last === undefined) return false;
  const parent = parts.length ? getPath(target, parts.join('.')) : target;
  if (parent === null || typeof parent !== 'object' || !(String(last) in parent)) return false;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<string, unknown>)[String(last)];
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
