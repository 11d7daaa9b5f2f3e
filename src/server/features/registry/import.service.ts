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
import {
  applyDatasetChunks,
  chunksOf,
  CHUNK_RECORDS,
  validateRecords,
  type ChunkSource,
  type DatasetChunks,
  type ImportScope,
  type Located,
  type LocatedDataset,
  type RecordOf,
} from './dataset-import';
import {
  arrayElements,
  bufferSource,
  indexDocument,
  JsonSyntaxError,
  type ByteSource,
  type ValueRange,
} from './json-stream';

class Rollback extends Error {}

export interface ImportInput {
  /** The records in memory (spreadsheets, uploads)… */
  data?: LocatedDataset;
  /** …or streamed a chunk at a time (a JSON dataset file, see openJsonDataset). */
  chunks?: DatasetChunks;
  /** Problems found while reading the file (before any database work). */
  readErrors: ImportIssue[];
  readWarnings?: ImportIssue[];
  /** For the audit row: the file's bytes, or their sha256 when they were never held whole. */
  source: { name: string; bytes?: Buffer | string; sha256?: string; kind: string };
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
      const result = await applyDatasetChunks(tx, input.chunks ?? chunksOf(input.data ?? {}), scope);
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
          entityId: (
            input.source.sha256 ??
            createHash('sha256')
              .update(input.source.bytes ?? '')
              .digest('hex')
          ).slice(0, 16),
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

/** A problem with the file as a whole (row 0). */
const fileIssue = (message: string, column: string | null = null): ImportIssue => ({
  kind: 'dataset',
  row: 0,
  column,
  value: null,
  message,
});

const syntaxIssue = (err: JsonSyntaxError) => fileIssue(`Tệp không phải JSON hợp lệ: ${err.message}`);

/** An opened JSON dataset: what the index pass found, and each kind's records to be read on demand. */
export interface JsonDataset {
  /** Problems with the document itself (syntax, envelope, unknown keys), found before any record. */
  errors: ImportIssue[];
  /** Elements of each kind's array, as counted by the index pass. */
  counts: Partial<Record<DatasetKind, number>>;
  /** Where each kind's array is. */
  ranges: Partial<Record<DatasetKind, ValueRange>>;
  /** sha256 of the whole file, hex. */
  sha256: string;
  /** Read block size (tests make it tiny to put block boundaries everywhere). */
  blockBytes?: number;
}

/**
 * The index pass over a JSON dataset (docs/dataset-format.md): checks the document's structure and
 * envelope and finds each kind's array, reading the file once a block at a time (see json-stream.ts).
 * With `kind`, a bare array is that kind's records.
 */
export function indexJsonDataset(
  source: ByteSource,
  options: { kind?: DatasetKind; blockBytes?: number } = {},
): JsonDataset {
  const hash = createHash('sha256');
  const out: JsonDataset = { errors: [], counts: {}, ranges: {}, sha256: '', blockBytes: options.blockBytes };
  let index: ReturnType<typeof indexDocument>;
  try {
    index = indexDocument(source, (block) => hash.update(block), options.blockBytes);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    out.errors.push(syntaxIssue(err));
    return out;
  } finally {
    out.sha256 = hash.digest('hex');
  }
  if (index.top === 'array' && options.kind) {
    out.ranges[options.kind] = index.range;
    out.counts[options.kind] = index.elements;
    return out;
  }
  if (index.top !== 'object') {
    out.errors.push(fileIssue('Tệp dữ liệu phải là một đối tượng JSON'));
    return out;
  }
  // As JSON.parse: a repeated key's last value wins.
  const members = new Map(index.members.map((m) => [m.key, m]));
  // The envelope is checked strictly; records are checked one by one as they are read.
  const envelope = datasetSchema.pick({ format: true, version: true }).safeParse({
    format: members.get('format')?.value,
    version: members.get('version')?.value,
  });
  if (!envelope.success) {
    out.errors.push(...envelope.error.issues.map((i) => ({ ...fileIssue(i.message, i.path.join('.')) })));
    return out;
  }
  const known = new Set<string>(['format', 'version', 'generatedAt', 'description', ...DATASET_ORDER]);
  for (const key of members.keys()) {
    if (!known.has(key)) out.errors.push(fileIssue(`Khóa không được hỗ trợ: "${key}"`, key));
  }
  for (const kind of DATASET_ORDER) {
    const member = members.get(kind);
    if (!member) continue;
    if (member.elements < 0) {
      out.errors.push({ kind, row: 0, column: null, value: null, message: `"${kind}" phải là một mảng` });
      continue;
    }
    out.ranges[kind] = member.range;
    out.counts[kind] = member.elements;
  }
  return out;
}

/**
 * One kind's records, read from its array an element at a time, parsed, validated, in chunks. A record
 * that is not valid JSON is one row error; a broken separator between records stops the kind with a file
 * error (the index pass already checked that the brackets balance).
 */
function* kindRecords<K extends DatasetKind>(
  source: ByteSource,
  kind: K,
  range: ValueRange,
  errors: ImportIssue[],
  size: number,
  blockBytes?: number,
): Generator<Located<RecordOf<K>>[]> {
  let batch: { row: number; value: unknown }[] = [];
  try {
    for (const { position, text } of arrayElements(source, range, blockBytes)) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        errors.push({
          kind,
          row: position,
          column: null,
          value: text.slice(0, 200),
          message: `Bản ghi không phải JSON hợp lệ: ${(err as Error).message}`,
        });
        continue;
      }
      batch.push({ row: position, value });
      if (batch.length >= size) {
        yield validateRecords(kind, batch, errors);
        batch = [];
      }
    }
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    errors.push(syntaxIssue(err));
  }
  if (batch.length) yield validateRecords(kind, batch, errors);
}

/** The kinds of an indexed dataset as chunk sources for runImport (the source must stay open until then). */
export function jsonDatasetChunks(
  source: ByteSource,
  dataset: JsonDataset,
  size = CHUNK_RECORDS,
): DatasetChunks {
  const out: Partial<Record<DatasetKind, ChunkSource<DatasetKind>>> = {};
  for (const kind of DATASET_ORDER) {
    const range = dataset.ranges[kind];
    if (!range) continue;
    out[kind] = async function* (errors) {
      yield* kindRecords(source, kind, range, errors, size, dataset.blockBytes);
    };
  }
  return out as DatasetChunks;
}

/**
 * Reads a JSON dataset document held in memory (an upload): structure errors stop it, record errors are
 * reported per record. The same reader as the streamed import, gathered into arrays.
 */
export function readJsonDataset(
  text: string | Buffer,
  options: { kind?: DatasetKind } = {},
): { data: LocatedDataset; errors: ImportIssue[] } {
  const source = bufferSource(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  const dataset = indexJsonDataset(source, options);
  const errors = [...dataset.errors];
  const data: LocatedDataset = {};
  for (const kind of DATASET_ORDER) {
    const range = dataset.ranges[kind];
    if (!range) continue;
    const list: Located<RecordOf<DatasetKind>>[] = [];
    for (const chunk of kindRecords(source, kind, range, errors, CHUNK_RECORDS))
      for (const item of chunk) list.push(item);
    (data as Record<DatasetKind, unknown>)[kind] = list;
  }
  return { data, errors };
}
