/**
 * The sandbox validates against the same enums the JSON schemas offer in the editor: a value the
 * schema suggests is one the sandbox accepts, and the other way round. One list drifting from the
 * other would make IntelliSense offer what a save then refuses.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RESOURCE_KINDS } from '../../src/model/resourceKinds';
import { CONNECTION_TYPES, EXPORT_ADAPTOR_TYPES, EXPORT_TYPES, IMPORT_ADAPTOR_TYPES } from '../../src/sandbox/validation';

function schemaEnum(kind: string, property: string): string[] {
  const file = path.join(__dirname, '../../../media/schemas', `${kind}.schema.json`);
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties: Record<string, { enum?: string[] }> };
  const values = schema.properties[property]?.enum;
  assert.ok(values, `${kind}.schema.json has an enum for ${property}`);
  return [...values].sort();
}

describe('sandbox enums and schema enums', () => {
  for (const [kind, property, sandbox] of [
    ['export', 'adaptorType', EXPORT_ADAPTOR_TYPES],
    ['export', 'type', EXPORT_TYPES],
    ['import', 'adaptorType', IMPORT_ADAPTOR_TYPES],
    ['connection', 'type', CONNECTION_TYPES],
  ] as const) {
    it(`${kind} ${property}: the same values on both sides`, () => {
      assert.deepStrictEqual(schemaEnum(kind, property), [...sandbox].sort());
    });
  }
});

describe('schema enum descriptions', () => {
  // The editor pairs descriptions with values by position: one missing shifts every later one.
  for (const { fileSuffix, schema } of Object.values(RESOURCE_KINDS)) {
    if (!schema) continue;
    it(`${fileSuffix}: every enum with descriptions has one per value`, () => {
      const file = path.join(__dirname, '../../../media/schemas', schema);
      const walk = (node: unknown, at: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const { enum: values, enumDescriptions } = node as { enum?: unknown[]; enumDescriptions?: unknown[] };
        if (values && enumDescriptions) assert.strictEqual(enumDescriptions.length, values.length, `${fileSuffix}${at}`);
        for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
      };
      walk(JSON.parse(fs.readFileSync(file, 'utf8')), '');
    });
  }
  it('describes the export types, including tranlinedelta', () => {
    const file = path.join(__dirname, '../../../media/schemas', 'export.schema.json');
    const type = (JSON.parse(fs.readFileSync(file, 'utf8')) as { properties: { type: { enum: string[]; enumDescriptions: string[] } } })
      .properties.type;
    assert.match(type.enumDescriptions[type.enum.indexOf('tranlinedelta')]!, /NetSuite transaction lines/);
  });
});
