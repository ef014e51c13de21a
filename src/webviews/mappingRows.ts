/** The mapping preview's rows: one per mapped field of an import, Mapper 1.0 or 2.0. */
import { JsonObject } from '../api/types';
import { isJsonObject } from '../api/types';
import { isObject } from '../util/guards';
import { MappingRow } from './protocol/mapping';

/** One row per mapped field, Mapper 1.0 or 2.0 (nested fields flattened with their paths). */
export function mappingRows(importDoc: JsonObject): MappingRow[] {
  const rows: MappingRow[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  // The document as typed in the editor: any part may be missing or of another shape.
  const mapping = recordOf(importDoc.mapping);
  recordsOf(mapping.fields).forEach((f, i) =>
    rows.push({
      path: `mapping.fields[${i}]`,
      generate: text(f.generate ?? ''),
      source: f.hardCodedValue !== undefined ? `= ${text(f.hardCodedValue)}` : text(f.extract ?? ''),
      dataType: text(f.dataType ?? ''),
    }),
  );
  recordsOf(mapping.lists).forEach((list, l) =>
    recordsOf(list.fields).forEach((f, i) =>
      rows.push({
        path: `mapping.lists[${l}].fields[${i}]`,
        generate: `${text(list.generate ?? '')}[].${text(f.generate ?? '')}`,
        source: f.hardCodedValue !== undefined ? `= ${text(f.hardCodedValue)}` : text(f.extract ?? ''),
        dataType: text(f.dataType ?? ''),
      }),
    ),
  );
  const walk = (list: unknown, base: string, prefix: string) => {
    recordsOf(list).forEach((m, i) => {
      const path = `${base}[${i}]`;
      const generate = `${prefix}${text(m.generate ?? '')}`;
      rows.push({ path, generate, source: text(m.extract ?? (m.mappings ? '(object)' : '')), dataType: text(m.dataType ?? '') });
      walk(m.mappings, `${path}.mappings`, `${generate}.`);
    });
  };
  walk(importDoc.mappings, 'mappings', '');
  return rows;
}

/** The object's fields, or none when it is no object. */
function recordOf(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** A list's items as objects (an item of another kind reads as one without fields); none when it is no list. */
function recordsOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.map(recordOf) : [];
}

/**
 * The rows whose generated field no output record holds: the field was mapped, but its source was
 * empty or absent in the sample records (or the API dropped it). Shown marked, not silently absent.
 */
export function missingFromOutput(rows: readonly MappingRow[], output: readonly unknown[]): string[] {
  if (!output.length) return [];
  const has = (value: unknown, path: string[]): boolean => {
    if (!path.length) return value !== undefined;
    if (!isObject(value)) return false;
    const [head, ...rest] = path;
    if (head!.endsWith('[]')) {
      const list = value[head!.slice(0, -2)];
      return Array.isArray(list) && list.some((item) => has(item, rest));
    }
    return has(value[head!], rest);
  };
  return rows
    .filter((r) => r.generate && r.source !== '(object)')
    .filter((r) => !output.some((record) => has(record, r.generate.split('.').filter(Boolean))))
    .map((r) => r.path);
}
