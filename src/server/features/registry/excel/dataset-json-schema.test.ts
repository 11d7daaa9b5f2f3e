import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASET_ORDER, datasetSchema } from '../../../../shared/registry/dataset.schema';
import { SHEETS } from './sheets';
import {
  DATASET_SCHEMA_PATH,
  datasetJsonSchema,
  datasetJsonSchemaText,
  formattedDatasetJsonSchema,
} from './dataset-json-schema';

describe('dataset JSON Schema', () => {
  it('the committed docs/dataset.schema.json is what scripts/gen-dataset-schema.ts generates', async () => {
    const path = resolve(import.meta.dirname, '../../../../..', DATASET_SCHEMA_PATH);
    const generated = await formattedDatasetJsonSchema(path);
    expect(readFileSync(path, 'utf8')).toBe(generated);
    expect(JSON.parse(generated)).toEqual(JSON.parse(datasetJsonSchemaText()));
  });

  it('describes the envelope and every record kind', () => {
    const schema = datasetJsonSchema() as {
      properties: Record<string, { const?: unknown; items?: { required?: string[] } }>;
      required: string[];
    };
    expect(schema.properties.format!.const).toBe('vinhdanh-dataset');
    expect(schema.properties.version!.const).toBe(1);
    expect(schema.required.sort()).toEqual(['format', 'version']);
    for (const kind of DATASET_ORDER) expect(schema.properties[kind]?.items, kind).toBeTruthy();
    expect(schema.properties.people!.items!.required).toEqual(['code', 'fullName', 'sex']);
    // The schema is the zod schema's: a document zod accepts has the keys the JSON Schema lists.
    const keys = Object.keys(datasetSchema.shape).sort();
    expect(Object.keys(schema.properties).sort()).toEqual(keys);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('docs/dataset-format.md', () => {
  it('lists every sheet, header and field of the templates', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../../docs/dataset-format.md'), 'utf8');
    for (const kind of DATASET_ORDER) {
      expect(doc, kind).toContain(`\`${kind}\` — sheet "${SHEETS[kind].sheetName}"`);
      for (const c of SHEETS[kind].columns) {
        const row = new RegExp(`\\|\\s*${escape(c.header)}\\s*\\|\\s*\`${c.field}\`\\s*\\|`);
        expect(doc, `${kind}.${c.field}`).toMatch(row);
      }
    }
  });
});
