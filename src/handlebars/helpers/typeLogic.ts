/** integrator.io's typeLogic helpers (see typeLogic.info.ts for what each does and where the docs are silent). */
import { HelperFunction } from '../helperTypes';

/** An object a template can hold (parsed JSON): not null, not a primitive. */
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** `true` when a collection has nothing in it; a missing value has nothing either. */
function hasNoItems(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value) || typeof value === 'string') return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** `true` when `key` is an own, enumerable property of `object` (inherited ones do not count). */
function hasOwn(object: unknown, key: unknown): boolean {
  if (!isObject(object) || (typeof key !== 'string' && typeof key !== 'number')) return false;
  return Object.prototype.propertyIsEnumerable.call(object, key);
}

export const TYPE_LOGIC_HELPERS: Record<string, HelperFunction> = {
  // Loose equality, as the docs say (handlebars-helpers' eq is strict): 5 equals "5".
  eq: (a, b) => a == b,
  hasNoItems: (value) => hasNoItems(value),
  hasOwn: (object, key) => hasOwn(object, key),
  // JavaScript truthiness, as the docs say (not handlebars-helpers' `falsey`, for which "no" or [] is falsey).
  isFalsey: (value) => !value,
  isTruthy: (value) => !!value,
  // typeof, with arrays as "array"; null stays "object" as the docs say.
  typeOf: (value) => (Array.isArray(value) ? 'array' : typeof value),
};
