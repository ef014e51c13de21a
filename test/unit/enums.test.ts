/**
 * The sandbox validates against the same enums the JSON schemas offer in the editor: a value the
 * schema suggests is one the sandbox accepts, and the other way round. One list drifting from the
 * other would make IntelliSense offer what a save then refuses.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
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
