/** Evaluates an import's mapping (Mapper 1.0 or 2.0) over records, as `/import/map` does. */
import { SandboxError } from '../apiError';
import { isObject, JsonObject } from '../json';
import { applyMapping1, checkMapping1 } from './mapper1';
import { applyMappings2 } from './mapper2';

export function mapRecords(importDoc: unknown, records: unknown, validationStatus: number): JsonObject[] {
  if (!isObject(importDoc)) throw SandboxError.badRequest('invalid_body', 'The body needs an `import` object.', 'import');
  if (!Array.isArray(records)) throw SandboxError.badRequest('invalid_body', 'The body needs `data`, an array of records.', 'data');
  if (Array.isArray(importDoc.mappings)) {
    const missing = importDoc.mappings.findIndex((m) => isObject(m) && m.status === undefined);
    if (missing >= 0) {
      throw new SandboxError(validationStatus, [
        { code: 'invalid_field', message: 'Mapping object must have status field present.', field: `mappings[${missing}].status` },
      ]);
    }
    const mappings = importDoc.mappings;
    return records.map((record) => applyMappings2(mappings, record));
  }
  if (importDoc.mapping !== undefined) {
    const mapping = importDoc.mapping;
    const errors = checkMapping1(mapping);
    // checkMapping1 refuses anything but an object.
    if (errors.length || !isObject(mapping)) throw new SandboxError(validationStatus, errors);
    return records.map((record) => applyMapping1(mapping, record));
  }
  // No mapping: records pass through unchanged.
  return records.map((record: unknown) => (isObject(record) ? { ...record } : { value: record }));
}
