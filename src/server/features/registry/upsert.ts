/**
 * Batched, idempotent upserts for imports: one statement per batch of rows, passed as one JSON parameter
 * (`json_to_recordset`), so the same SQL runs on PGlite and node-postgres with no array-parameter quirks.
 * `ON CONFLICT … DO UPDATE … WHERE (old) IS DISTINCT FROM (new)` touches only rows that change, and
 * `RETURNING (xmax = 0)` tells inserted rows from updated ones; the rest are unchanged.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';

export interface UpsertSpec {
  table: string;
  /** Column name → SQL type, in insert order. */
  columns: Record<string, string>;
  /** The unique key (a unique index must exist on exactly these columns). */
  conflict: string[];
  /** Columns compared and updated on conflict (empty: insert-only). */
  updatable: string[];
  /** Also set on update (e.g. version bump). */
  onUpdate?: string;
  /** Extra columns to return. */
  returning?: string[];
  /** The table has no `id` column (link tables). */
  noId?: boolean;
}

export interface UpsertResult<R> {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Inserted or updated rows (unchanged rows are not returned). */
  changed: (R & { id: string; inserted: boolean })[];
}

export const BATCH_SIZE = 1000;

export async function upsertBatch<R extends Record<string, unknown> = Record<string, never>>(
  tx: DbOrTx,
  spec: UpsertSpec,
  rows: Record<string, unknown>[],
): Promise<UpsertResult<R>> {
  const total: UpsertResult<R> = { inserted: 0, updated: 0, unchanged: 0, changed: [] };
  const cols = Object.keys(spec.columns);
  const colList = cols.join(', ');
  const typed = cols.map((c) => `${c} ${spec.columns[c]}`).join(', ');
  const returning = ['(xmax = 0) as inserted', ...(spec.noId ? [] : ['id']), ...(spec.returning ?? [])].join(
    ', ',
  );
  const action = spec.updatable.length
    ? `do update set ${spec.updatable.map((c) => `${c} = excluded.${c}`).join(', ')}${spec.onUpdate ? `, ${spec.onUpdate}` : ''}
       where (${spec.updatable.map((c) => `${spec.table}.${c}`).join(', ')}, null) is distinct from (${spec.updatable.map((c) => `excluded.${c}`).join(', ')}, null)`
    : 'do nothing';
  const head = sql.raw(`insert into ${spec.table} (${colList}) select ${colList} from json_to_recordset(`);
  const tail = sql.raw(
    `::json) as x(${typed}) on conflict (${spec.conflict.join(', ')}) ${action} returning ${returning}`,
  );
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const payload = JSON.stringify(batch.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null]))));
    const query = sql`${head}${payload}${tail}`;
    const result = (await tx.execute(query)) as unknown as {
      rows: (R & { id: string; inserted: boolean })[];
    };
    for (const row of result.rows) {
      if (row.inserted) total.inserted++;
      else total.updated++;
      total.changed.push(row);
    }
    total.unchanged += batch.length - result.rows.length;
  }
  return total;
}
