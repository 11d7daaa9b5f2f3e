/**
 * The JSON Schema of the dataset format, generated from the zod schemas (zod 4's own converter, input
 * side: what a file may contain, defaults optional). `scripts/gen-dataset-schema.ts` writes it to
 * docs/dataset.schema.json; a test keeps the committed file equal to this output.
 */
import { z } from '../../../../shared/zod';
import { datasetSchema } from '../../../../shared/registry/dataset.schema';

export const DATASET_SCHEMA_PATH = 'docs/dataset.schema.json';

export function datasetJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(datasetSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    $id: 'urn:vinhdanh:dataset:1',
    title: 'VinhDanh dataset (format "vinhdanh-dataset", version 1)',
    description:
      'Registry records of VinhDanh (units, successions, blocks, people and their history, evaluations, leave, training, discipline, initiatives, awards), referring to each other by code. Generated from src/shared/registry/dataset.schema.ts; see docs/dataset-format.md. Codes are trimmed and upper-cased before the pattern is checked.',
    ...rest,
  };
}

/** The file's exact text (2-space JSON, final newline). */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}

/**
 * The text as committed: formatted by the project's Prettier so `prettier --check` passes. Prettier is a
 * development dependency, loaded only here (the script and its test), never by the server.
 */
export async function formattedDatasetJsonSchema(path: string): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(datasetJsonSchemaText(), { ...options, parser: 'json' });
}
