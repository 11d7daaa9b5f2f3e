/**
 * Writes docs/dataset.schema.json from the zod dataset schema.
 *   npx tsx scripts/gen-dataset-schema.ts          write the file
 *   npx tsx scripts/gen-dataset-schema.ts --check  exit 1 if the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DATASET_SCHEMA_PATH,
  formattedDatasetJsonSchema,
} from '../src/server/features/registry/excel/dataset-json-schema';

const path = resolve(import.meta.dirname, '..', DATASET_SCHEMA_PATH);
const text = await formattedDatasetJsonSchema(path);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${DATASET_SCHEMA_PATH} is stale: run npx tsx scripts/gen-dataset-schema.ts`);
    process.exit(1);
  }
  console.log(`${DATASET_SCHEMA_PATH} is up to date`);
} else {
  writeFileSync(path, text);
  console.log(`wrote ${DATASET_SCHEMA_PATH} (${text.length} bytes)`);
}
