/**
 * Mapper 2.0 (`import.mappings`): a recursive list where each entry generates one field of the
 * output from `extract` (`$.path`, `{{template}}` or a literal), typed by `dataType`, with
 * `default`, nested `mappings` for objects, and `buildArrayHelper` for arrays of objects.
 * Only entries with `status: "Active"` take part.
 */
import { assertSafeKey, isObject, JsonObject, setOwn } from '../json';
import { convert, isEmpty } from './convert';
import { extractV2 } from './expressions';

export function applyMappings2(mappings: unknown[], record: unknown): JsonObject {
  const out: JsonObject = {};
  for (const mapping of mappings) {
    if (!isObject(mapping) || mapping.status !== 'Active' || typeof mapping.generate !== 'string') continue;
    assertSafeKey(mapping.generate, 'A mapping\'s "generate"');
    const value = evaluate(mapping, record);
    if (value !== undefined) setOwn(out, mapping.generate, value);
  }
  return out;
}

function evaluate(mapping: JsonObject, record: unknown): unknown {
  const dataType = typeof mapping.dataType === 'string' ? mapping.dataType.toLowerCase() : 'string';
  const extract = typeof mapping.extract === 'string' ? mapping.extract : undefined;
  const children = Array.isArray(mapping.mappings) ? mapping.mappings : undefined;

  if (dataType === 'object') {
    const context = extract ? extractV2(record, extract) : record;
    if (children) return applyMappings2(children, context);
    return context;
  }

  if (dataType === 'objectarray' || dataType === 'arrayarray') {
    if (Array.isArray(mapping.buildArrayHelper)) {
      return mapping.buildArrayHelper.filter(isObject).flatMap((helper) => buildFromHelper(helper, record));
    }
    const source = extract ? extractV2(record, extract) : undefined;
    const items = Array.isArray(source) ? source : isEmpty(source) ? [] : [source];
    return children ? items.map((item) => applyMappings2(children, item)) : items;
  }

  let value = extract !== undefined ? extractV2(record, extract) : undefined;
  if (isEmpty(value) && mapping.default !== undefined) value = mapping.default;
  return convert(value, dataType);
}

function buildFromHelper(helper: JsonObject, record: unknown): unknown[] {
  const children = Array.isArray(helper.mappings) ? helper.mappings : undefined;
  if (typeof helper.extract !== 'string') return children ? [applyMappings2(children, record)] : [];
  const source = extractV2(record, helper.extract);
  const items = Array.isArray(source) ? source : isEmpty(source) ? [] : [source];
  return children ? items.map((item) => applyMappings2(children, item)) : items;
}
