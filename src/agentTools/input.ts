/**
 * Readers for a tool's input. A model writes the input, and a model can be talked into anything
 * by what it read, so every field is checked here: types, lengths, ranges, known values. Unknown
 * fields are refused rather than ignored, so a misspelt field is said, not silently dropped.
 */
import { isJsonObject, JsonObject } from '../api/types';
import { ToolContext, ToolEnvironment, ToolInputError } from './types';

const MAX_TEXT = 200;

export function inputObject(input: unknown, allowed: readonly string[]): JsonObject {
  if (!isJsonObject(input)) throw new ToolInputError('The input must be a JSON object.');
  const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new ToolInputError(`Unknown input field(s): ${unknown.join(', ')}. Known: ${allowed.join(', ')}.`);
  return input;
}

export function requiredText(input: JsonObject, key: string, max = MAX_TEXT): string {
  const value = optionalText(input, key, max);
  if (value === undefined) throw new ToolInputError(`"${key}" is required: a non-empty string.`);
  return value;
}

export function optionalText(input: JsonObject, key: string, max = MAX_TEXT): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new ToolInputError(`"${key}" must be a non-empty string.`);
  if (value.length > max) throw new ToolInputError(`"${key}" is longer than ${max} characters.`);
  return value.trim();
}

/** An id as the API gives them: letters, digits, `-` and `_` only, so it is safe in a path. */
export function requiredId(input: JsonObject, key: string): string {
  const value = requiredText(input, key, 64);
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new ToolInputError(`"${key}" is not an integrator.io id (letters, digits, - and _).`);
  return value;
}

export function optionalInteger(input: JsonObject, key: string, min: number, max: number): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ToolInputError(`"${key}" must be a whole number from ${min} to ${max}.`);
  return value;
}

export function oneOf<T extends string>(input: JsonObject, key: string, values: readonly T[]): T | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    throw new ToolInputError(`"${key}" must be one of: ${values.join(', ')}.`);
  return value as T;
}

/** `{ environment }` when the input names one, else nothing: spread into what a tool's reader returns. */
export function environmentField(input: JsonObject): { environment?: string } {
  const environment = optionalText(input, 'environment');
  return environment ? { environment } : {};
}

/** A resource a tool is about: a kind among `kinds` (required) and its id. */
export function resourceOf<K extends string>(input: JsonObject, kinds: readonly K[]): { kind: K; id: string } {
  const kind = oneOf(input, 'kind', kinds);
  if (!kind) throw new ToolInputError(`"kind" is required: one of ${kinds.join(', ')}.`);
  return { kind, id: requiredId(input, 'id') };
}

/** How a tool pages: the largest offset and page it takes, and the page it gives when asked for none. */
export interface Paging {
  maxOffset: number;
  maxLimit: number;
  defaultLimit: number;
}

/** `offset` (0 when absent) and `limit` (the default when absent), each within its range. */
export function pageOf(input: JsonObject, paging: Paging): { offset: number; limit: number } {
  return {
    offset: optionalInteger(input, 'offset', 0, paging.maxOffset) ?? 0,
    limit: optionalInteger(input, 'limit', 1, paging.maxLimit) ?? paging.defaultLimit,
  };
}

/**
 * The environment an input names, by id or by name (case-insensitive); the only one there is
 * when it names none. An ambiguous or unknown name lists what there is to choose from.
 */
export function environmentOf(context: ToolContext, wanted: string | undefined): ToolEnvironment {
  const all = context.environments();
  const choices = () => all.map((env) => `"${env.name}" (${env.id})`).join(', ') || 'none';
  if (wanted === undefined) {
    if (all.length === 1) return all[0]!;
    throw new ToolInputError(`Say which environment: ${choices()}.`);
  }
  const byId = all.find((env) => env.id === wanted);
  if (byId) return byId;
  const byName = all.filter((env) => env.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  throw new ToolInputError(`${byName.length ? 'Several' : 'No'} environments match "${wanted}". Environments: ${choices()}.`);
}

/** Where a result came from, as each result says it (production first, as every guard says it). */
export function environmentLabel(env: ToolEnvironment): { id: string; name: string; production: boolean } {
  return { id: env.id, name: env.name, production: env.production };
}

export const MAX_RECORDS = 100;
/** Records as JSON text: enough for real samples, not a way to make a worker or the API parse megabytes. */
const MAX_RECORDS_TEXT = 200_000;

/** Sample records: JSON objects, at most MAX_RECORDS of them; none is one empty record. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [{}];
  if (!Array.isArray(value) || !value.every(isJsonObject)) throw new ToolInputError('"records" must be an array of JSON objects.');
  if (value.length > MAX_RECORDS) throw new ToolInputError(`"records" holds at most ${MAX_RECORDS} records.`);
  if (JSON.stringify(value).length > MAX_RECORDS_TEXT)
    throw new ToolInputError(`"records" is larger than ${MAX_RECORDS_TEXT} characters of JSON.`);
  return value.length ? value : [{}];
}
