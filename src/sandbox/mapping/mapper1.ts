/**
 * Mapper 1.0 (`import.mapping`): `fields` write values at `generate` paths (building nested
 * objects), from an `extract` path or template, a `hardCodedValue`, or a `default`, converted by
 * `dataType`; `lists` build arrays of objects from a source array (`items[*].sku`).
 */
import { ErrorDetail } from '../apiError';
import { getPath, isObject, JsonObject, setPath } from '../json';
import { convert, isEmpty } from './convert';
import { extractValue } from './expressions';

export function checkMapping1(mapping: unknown): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!isObject(mapping)) return [{ code: 'invalid_field', message: '`mapping` must be an object.', field: 'mapping' }];
  const checkFields = (fields: unknown, base: string) => {
    if (fields === undefined) return;
    if (!Array.isArray(fields)) return errors.push({ code: 'invalid_field', message: `\`${base}\` must be an array.`, field: base });
    fields.forEach((f, i) => {
      if (!isObject(f) || typeof f.generate !== 'string' || !f.generate) {
        errors.push({ code: 'missing_required_field', message: '`generate` is required.', field: `${base}[${i}].generate` });
      }
    });
    return undefined;
  };
  checkFields(mapping.fields, 'mapping.fields');
  if (Array.isArray(mapping.lists)) {
    mapping.lists.forEach((list, i) => {
      if (!isObject(list) || typeof list.generate !== 'string') {
        errors.push({ code: 'missing_required_field', message: '`generate` is required.', field: `mapping.lists[${i}].generate` });
      } else checkFields(list.fields, `mapping.lists[${i}].fields`);
    });
  }
  return errors;
}

export function applyMapping1(mapping: JsonObject, record: unknown): JsonObject {
  const out: JsonObject = {};
  for (const field of asFields(mapping.fields)) writeField(out, field, record, record);
  for (const list of Array.isArray(mapping.lists) ? mapping.lists.filter(isObject) : []) {
    const fields = asFields(list.fields);
    const { items, prefix } = sourceItems(list, fields, record);
    const built = items.map((item) => {
      const element: JsonObject = {};
      for (const field of fields) writeField(element, relativeField(field, prefix), item, record);
      return element;
    });
    setPath(out, String(list.generate), built);
  }
  return out;
}

function writeField(target: JsonObject, field: JsonObject, source: unknown, record: unknown): void {
  let value: unknown;
  if (field.hardCodedValue !== undefined) value = field.hardCodedValue;
  else if (typeof field.extract === 'string')
    value = extractValue(field.extract.startsWith('$record.') ? record : source, field.extract.replace(/^\$record\./, ''));
  if (isEmpty(value) && field.default !== undefined) value = field.default;
  if (isEmpty(value) && field.discardIfEmpty === true) return;
  if (value === undefined) return;
  setPath(target, String(field.generate), convert(value, typeof field.dataType === 'string' ? field.dataType : undefined));
}

/** The array a list iterates over: its `jsonPath`, or the `x[*]` prefix its fields extract from. */
function sourceItems(list: JsonObject, fields: JsonObject[], record: unknown): { items: unknown[]; prefix: string | undefined } {
  if (typeof list.jsonPath === 'string' && list.jsonPath) {
    const value = getPath(record, list.jsonPath.replace(/^\$\./, '').replace(/\[\*\]$/, ''));
    return { items: Array.isArray(value) ? value : value === undefined ? [] : [value], prefix: undefined };
  }
  for (const field of fields) {
    const match = typeof field.extract === 'string' ? /^(.+?)\[\*\]\.?/.exec(field.extract) : null;
    if (match) {
      const value = getPath(record, match[1]!);
      return { items: Array.isArray(value) ? value : [], prefix: match[0] };
    }
  }
  return { items: [record], prefix: undefined };
}

/** Rewrites `lines[*].sku` to `sku` for use against one element of `lines`. */
function relativeField(field: JsonObject, prefix: string | undefined): JsonObject {
  if (!prefix || typeof field.extract !== 'string' || !field.extract.startsWith(prefix)) return field;
  return { ...field, extract: field.extract.slice(prefix.length) };
}

function asFields(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
