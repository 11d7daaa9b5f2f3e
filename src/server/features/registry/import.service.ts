/**
 * Import orchestration: preview (everything applied in a transaction that is then rolled back, so the
 * counts are exact) and commit (applied and committed only when there is no error). One audit row per
 * committed import, naming the file's sha256 and the counts.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../platform/db/database';
import type { Actor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { recordAudit } from '../../platform/audit';
import { DATASET_ORDER, datasetSchema, type DatasetKind } from '../../../shared/registry/dataset.schema';
import type { ImportIssue, ImportSummary } from '../../../shared/registry/import.schema';
import { applyDataset, validateRecords, type ImportScope, type LocatedDataset } from './dataset-import';

class Rollback extends Error {}

export interface ImportInput {
  data: LocatedDataset;
  /** Problems found while reading the file (before any database work). */
  readErrors: ImportIssue[];
  readWarnings?: ImportIssue[];
  /** For the audit row. */
  source: { name: string; bytes: Buffer | string; kind: string };
}

export async function runImport(
  database: Database,
  actor: Actor,
  clock: Clock,
  input: ImportInput,
  scope: ImportScope,
  mode: 'preview' | 'commit',
): Promise<ImportSummary> {
  let summary: ImportSummary | undefined;
  try {
    await database.db.transaction(async (tx) => {
      const result = await applyDataset(tx, input.data, scope);
      const errors = [...input.readErrors, ...result.errors];
      const warnings = [...(input.readWarnings ?? []), ...result.warnings];
      const totals = { inserted: 0, updated: 0, unchanged: 0 };
      for (const c of Object.values(result.byKind)) {
        totals.inserted += c.inserted;
        totals.updated += c.updated;
        totals.unchanged += c.unchanged;
      }
      const commit = mode === 'commit' && errors.length === 0;
      summary = { committed: commit, ...totals, byKind: result.byKind, errors, warnings };
      if (!commit) throw new Rollback();
      await recordAudit(
        tx,
        actor,
        {
          action: 'registry.import',
          entityType: 'import',
          entityId: createHash('sha256').update(input.source.bytes).digest('hex').slice(0, 16),
          after: {
            file: input.source.name,
            kind: input.source.kind,
            ...totals,
            byKind: result.byKind,
            warnings: warnings.length,
          },
        },
        clock,
      );
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return summary!;
}

/** Reads a JSON dataset document: structure errors stop it, record errors are reported per record. */
export function readJsonDataset(text: string): { data: LocatedDataset; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      data: {},
      errors: [
        {
          kind: 'dataset',
          row: 0,
          column: null,
          value: null,
          message: `Tệp không phải JSON hợp lệ: ${(err as Error).message}`,
        },
      ],
    };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      data: {},
      errors: [
        {
          kind: 'dataset',
          row: 0,
          column: null,
          value: null,
          message: 'Tệp dữ liệu phải là một đối tượng JSON',
        },
      ],
    };
  }
  // The envelope is checked strictly; records are checked one by one below.
  const envelope = datasetSchema.pick({ format: true, version: true }).safeParse({
    format: (raw as Record<string, unknown>).format,
    version: (raw as Record<string, unknown>).version,
  });
  if (!envelope.success) {
    return {
      data: {},
      errors: envelope.error.issues.map((i) => ({
        kind: 'dataset',
        row: 0,
        column: i.path.join('.'),
        value: null,
        message: i.message,
      })),
    };
  }
  const known = new Set<string>(['format', 'version', 'generatedAt', 'description', ...DATASET_ORDER]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      errors.push({
        kind: 'dataset',
        row: 0,
        column: key,
        value: null,
        message: `Khóa không được hỗ trợ: "${key}"`,
      });
  }
  const data: LocatedDataset = {};
  for (const kind of DATASET_ORDER) {
    const list = (raw as Record<string, unknown>)[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ kind, row: 0, column: null, value: null, message: `"${kind}" phải là một mảng` });
      continue;
    }
    (data as Record<DatasetKind, unknown>)[kind] = validateRecords(
      kind,
      list.map((value, i) => ({ row: i + 1, value })),
      errors,
    );
  }
  return { data, errors };
}
