/**
 * Applies registry records (from a JSON dataset or spreadsheets) to the database, idempotently by natural
 * keys, inside the caller's transaction. Reports row-level errors (bad values, unknown references,
 * conflicting duplicates, records outside the importer's units) and warnings (probable duplicate people).
 * The caller commits only when there are no errors, so an import is all-or-nothing.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type { ZodType } from 'zod';
import {
  DATASET_KINDS,
  DATASET_ORDER,
  type AwardRecord,
  type BlockRecord,
  type DatasetKind,
  type DisciplineRecord,
  type InitiativeRecord,
  type LeaveRecord,
  type PersonEvaluationRecord,
  type PersonRecord,
  type PersonUnitRecord,
  type SuccessionRecord,
  type TrainingRecord,
  type UnitEvaluationRecord,
  type UnitRecord,
} from '../../../shared/registry/dataset.schema';
import type { ImportCounts, ImportIssue } from '../../../shared/registry/import.schema';
import { foldVietnamese, personSortKey, splitVietnameseName } from '../../../shared/vietnamese';
import { upsertBatch, type UpsertResult } from './upsert';

export interface Located<T> {
  /** Where the record came from, as the officer sees it: sheet row or array position (1-based). */
  row: number;
  record: T;
}

export type RecordOf<K extends DatasetKind> = K extends 'units'
  ? UnitRecord
  : K extends 'successions'
    ? SuccessionRecord
    : K extends 'blocks'
      ? BlockRecord
      : K extends 'people'
        ? PersonRecord
        : K extends 'personUnits'
          ? PersonUnitRecord
          : K extends 'personEvaluations'
            ? PersonEvaluationRecord
            : K extends 'leaves'
              ? LeaveRecord
              : K extends 'trainings'
                ? TrainingRecord
                : K extends 'unitEvaluations'
                  ? UnitEvaluationRecord
                  : K extends 'disciplines'
                    ? DisciplineRecord
                    : K extends 'initiatives'
                      ? InitiativeRecord
                      : AwardRecord;

export type LocatedDataset = { [K in DatasetKind]?: Located<RecordOf<K>>[] };

export interface ImportScope {
  /** Unit ids the importer may touch; null for every unit. */
  unitIds: Set<string> | null;
}

export interface ApplyResult {
  byKind: Partial<Record<DatasetKind, ImportCounts>>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Validate raw records one by one, so that one bad record is one row error, not a failed file. */
export function validateRecords<K extends DatasetKind>(
  kind: K,
  raw: { row: number; value: unknown; columnOf?: (field: string) => string }[],
  errors: ImportIssue[],
): Located<RecordOf<K>>[] {
  const schema = DATASET_KINDS[kind] as unknown as ZodType<RecordOf<K>>;
  const out: Located<RecordOf<K>>[] = [];
  for (const item of raw) {
    const parsed = schema.safeParse(item.value);
    if (parsed.success) {
      out.push({ row: item.row, record: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || null;
      const value = field ? valueAt(item.value, issue.path as (string | number)[]) : null;
      errors.push({
        kind,
        row: item.row,
        column: field ? (item.columnOf?.(field) ?? field) : null,
        value,
        message: issue.message,
      });
    }
  }
  return out;
}

function valueAt(obj: unknown, path: (string | number)[]): string | null {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  if (cur === undefined || cur === null) return null;
  return typeof cur === 'string' ? cur.slice(0, 200) : JSON.stringify(cur).slice(0, 200);
}

const rowsOf = async <T>(tx: DbOrTx, q: ReturnType<typeof sql>) =>
  ((await tx.execute(q)) as unknown as { rows: T[] }).rows;

const counts = (r: UpsertResult<Record<string, unknown>>): ImportCounts => ({
  inserted: r.inserted,
  updated: r.updated,
  unchanged: r.unchanged,
});

function add(a: ImportCounts | undefined, b: ImportCounts): ImportCounts {
  return a
    ? {
        inserted: a.inserted + b.inserted,
        updated: a.updated + b.updated,
        unchanged: a.unchanged + b.unchanged,
      }
    : b;
}

/**
 * Records of one kind, a chunk at a time (the JSON dataset streams from the file; spreadsheets and the
 * demo seed pass arrays). Called once, with the list where reading and validation problems go.
 */
export type ChunkSource<K extends DatasetKind> = (
  errors: ImportIssue[],
) => AsyncIterable<Located<RecordOf<K>>[]>;
export type DatasetChunks = { [K in DatasetKind]?: ChunkSource<K> };

/** Records applied at a time: small enough to keep memory flat, big enough for few round trips. */
export const CHUNK_RECORDS = 2000;

/** An in-memory dataset as chunks. */
export function chunksOf(data: LocatedDataset, size = CHUNK_RECORDS): DatasetChunks {
  const out: Partial<Record<DatasetKind, ChunkSource<DatasetKind>>> = {};
  for (const kind of DATASET_ORDER) {
    const list = data[kind] as Located<RecordOf<DatasetKind>>[] | undefined;
    if (!list) continue;
    out[kind] = async function* () {
      for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
    };
  }
  return out as DatasetChunks;
}

/** 53-bit hash of a string (cyrb53): compares a repeated record with the first one without keeping it. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The natural keys seen so far for one kind: key → where it was first seen and a hash of its content.
 * This is what stays in memory of a streamed kind (not the records). Kept out of the JS heap's objects:
 * the keys' UTF-8 bytes in one growing byte arena, an open-addressing table of entry numbers, and typed
 * arrays for the rows and content hashes — about 40 bytes a key instead of ~100 for a Map of strings.
 */
export class KeyIndex {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** Entry i's key is arena[starts[i], starts[i + 1]). */
  private starts = new Uint32Array(1024);
  private rows = new Uint32Array(1024);
  private hashes = new Float64Array(1024);
  private size = 0;
  /** Entry number + 1, 0 for empty; length a power of two, at most half full. */
  private table = new Int32Array(2048);
  private scratch = Buffer.allocUnsafe(256);

  /** undefined when new (and remembers it); otherwise the first row and whether the content is the same. */
  see(key: string, row: number, record: unknown): { row: number; same: boolean } | undefined {
    const content = hash53(JSON.stringify(record));
    if (Buffer.byteLength(key) > this.scratch.length)
      this.scratch = Buffer.allocUnsafe(Buffer.byteLength(key) * 2);
    const n = this.scratch.write(key, 0, 'utf8');
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ this.scratch[i]!, 16777619);
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]! - 1;
      if (entry < 0) {
        this.add(n, row, content, slot);
        return undefined;
      }
      if (this.equals(entry, n)) return { row: this.rows[entry]!, same: this.hashes[entry] === content };
    }
  }

  private equals(entry: number, n: number): boolean {
    const from = this.starts[entry]!;
    const to = entry + 1 < this.size ? this.starts[entry + 1]! : this.used;
    if (to - from !== n) return false;
    for (let i = 0; i < n; i++) if (this.arena[from + i] !== this.scratch[i]) return false;
    return true;
  }

  private add(n: number, row: number, content: number, slot: number) {
    if (this.used + n > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + n));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    if (this.size === this.starts.length) {
      const grow = <T extends Uint32Array | Float64Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, (k) => new Uint32Array(k));
      this.rows = grow(this.rows, (k) => new Uint32Array(k));
      this.hashes = grow(this.hashes, (k) => new Float64Array(k));
    }
    this.arena.set(this.scratch.subarray(0, n), this.used);
    this.starts[this.size] = this.used;
    this.rows[this.size] = row;
    this.hashes[this.size] = content;
    this.used += n;
    this.table[slot] = ++this.size;
    if (this.size * 2 > this.table.length) this.rehash();
  }

  private rehash() {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      const from = this.starts[entry]!;
      const to = entry + 1 < this.size ? this.starts[entry + 1]! : this.used;
      let h = 0x811c9dc5;
      for (let i = from; i < to; i++) h = Math.imul(h ^ this.arena[i]!, 16777619);
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = entry + 1;
    }
    this.table = table;
  }
}

export async function applyDataset(
  tx: DbOrTx,
  data: LocatedDataset,
  scope: ImportScope,
): Promise<ApplyResult> {
  return applyDatasetChunks(tx, chunksOf(data), scope);
}

/**
 * Applies the kinds in dependency order (DATASET_ORDER), each a chunk at a time. Units, successions and
 * blocks (a catalogue: hundreds of records) are gathered whole, because units are written parents first;
 * every other kind is validated, checked and written chunk by chunk, keeping only key maps in memory.
 */
export async function applyDatasetChunks(
  tx: DbOrTx,
  chunks: DatasetChunks,
  scope: ImportScope,
): Promise<ApplyResult> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const byKind: ApplyResult['byKind'] = {};
  const issue = (kind: DatasetKind, row: number, column: string | null, value: unknown, message: string) =>
    errors.push({
      kind,
      row,
      column,
      value: value === null || value === undefined ? null : String(value),
      message,
    });
  const finish = (): ApplyResult => {
    errors.sort(
      (a, b) =>
        DATASET_ORDER.indexOf(a.kind as DatasetKind) - DATASET_ORDER.indexOf(b.kind as DatasetKind) ||
        a.row - b.row,
    );
    return { byKind, errors, warnings };
  };
  async function* each<K extends DatasetKind>(kind: K): AsyncGenerator<Located<RecordOf<K>>[]> {
    const source = chunks[kind] as ChunkSource<K> | undefined;
    if (!source) return;
    for await (const chunk of source(errors)) if (chunk.length) yield chunk;
  }
  async function all<K extends DatasetKind>(kind: K): Promise<Located<RecordOf<K>>[]> {
    const out: Located<RecordOf<K>>[] = [];
    for await (const chunk of each(kind)) for (const item of chunk) out.push(item);
    return out;
  }
  const tally = (kind: DatasetKind, c: ImportCounts) => (byKind[kind] = add(byKind[kind], c));

  // Reference maps, filled as records are looked up or written.
  const unitIds = new Map<string, string>(
    (await rowsOf<{ code: string; id: string }>(tx, sql`select code, id from units`)).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const personIds = new Map<string, string>();
  const personUnit = new Map<string, string | null>();
  const missingPeople = new Set<string>();
  /** Looks up, once, the people a chunk names that are not known yet. */
  const lookUpPeople = async (codes: Iterable<string>) => {
    const wanted = new Set<string>();
    for (const c of codes) if (!personIds.has(c) && !missingPeople.has(c)) wanted.add(c);
    if (!wanted.size) return;
    const found = await rowsOf<{ code: string; id: string; current_unit_id: string | null }>(
      tx,
      sql`select p.code, p.id, p.current_unit_id from people p
          join json_array_elements_text(${JSON.stringify([...wanted])}::json) as c(code) on c.code = p.code`,
    );
    for (const r of found) {
      personIds.set(r.code, r.id);
      personUnit.set(r.code, r.current_unit_id);
      wanted.delete(r.code);
    }
    for (const c of wanted) missingPeople.add(c);
  };

  const inScope = (unitId: string | null | undefined) =>
    !scope.unitIds || (!!unitId && scope.unitIds.has(unitId));
  const unitRef = (
    kind: DatasetKind,
    row: number,
    column: string,
    code: string | null | undefined,
  ): string | null | undefined => {
    if (code === null || code === undefined) return code;
    const id = unitIds.get(code);
    if (!id) {
      issue(kind, row, column, code, `Không tìm thấy đơn vị có mã "${code}"`);
      return undefined;
    }
    return id;
  };
  const personRef = (kind: DatasetKind, row: number, column: string, code: string): string | undefined => {
    const id = personIds.get(code);
    if (!id) {
      issue(kind, row, column, code, `Không tìm thấy cán bộ có mã "${code}"`);
      return undefined;
    }
    if (scope.unitIds && !inScope(personUnit.get(code))) {
      issue(kind, row, column, code, `Cán bộ "${code}" không thuộc đơn vị của bạn`);
      return undefined;
    }
    return id;
  };

  /**
   * Conflicting duplicates (same key, different content) are errors; exact repeats are skipped with a
   * warning. The index lives as long as its kind is being read, across chunks.
   */
  function dedupe<T>(kind: DatasetKind, index: KeyIndex, items: Located<T>[], keyOf: (r: T) => string) {
    const out: Located<T>[] = [];
    for (const item of items) {
      const key = keyOf(item.record);
      const first = index.see(key, item.row, item.record);
      if (!first) out.push(item);
      else if (first.same) {
        warnings.push({
          kind,
          row: item.row,
          column: null,
          value: key,
          message: `Dòng lặp lại dòng ${first.row}; đã bỏ qua`,
        });
      } else {
        issue(kind, item.row, null, key, `Trùng khóa với dòng ${first.row} nhưng khác nội dung`);
      }
    }
    return out;
  }

  /** Streams one kind: dedupe each chunk by its natural key, then hand it to `apply`. */
  async function stream<K extends DatasetKind>(
    kind: K,
    keyOf: (r: RecordOf<K>) => string,
    apply: (items: Located<RecordOf<K>>[]) => Promise<void>,
  ) {
    const index = new KeyIndex();
    for await (const chunk of each(kind)) {
      const items = dedupe(kind, index, chunk, keyOf);
      if (items.length) await apply(items);
    }
  }

  const units = await all('units');
  const successions = await all('successions');
  const blocks = await all('blocks');
  if (scope.unitIds) {
    for (const [kind, items] of [
      ['units', units],
      ['successions', successions],
      ['blocks', blocks],
    ] as const) {
      for (const item of items) {
        issue(
          kind,
          item.row,
          null,
          null,
          'Chỉ cán bộ TĐKT cơ quan hoặc quản trị viên được nhập danh mục đơn vị và khối thi đua',
        );
      }
    }
    if (units.length || successions.length || blocks.length) {
      // Nothing more is applied, but every record is still read so that its own errors are reported.
      for (const kind of DATASET_ORDER.slice(3)) for await (const chunk of each(kind)) void chunk;
      return finish();
    }
  }

  // ── units: parents before children (levels), parents may be in the file or already in the database.
  const unitItems = dedupe('units', new KeyIndex(), units, (r) => r.code);
  if (unitItems.length) {
    const inFile = new Map(unitItems.map((u) => [u.record.code, u]));
    const depth = new Map<string, number>();
    const depthOf = (code: string, trail: Set<string>): number => {
      if (depth.has(code)) return depth.get(code)!;
      const item = inFile.get(code)!;
      const parent = item.record.parentCode;
      let d = 0;
      if (parent && inFile.has(parent)) {
        if (trail.has(parent)) {
          issue('units', item.row, 'parentCode', parent, 'Vòng lặp cấp trên – cấp dưới giữa các đơn vị');
          d = 0;
        } else d = depthOf(parent, new Set([...trail, code])) + 1;
      }
      depth.set(code, d);
      return d;
    };
    for (const u of unitItems) depthOf(u.record.code, new Set([u.record.code]));
    const maxDepth = Math.max(...depth.values());
    let total: ImportCounts | undefined;
    for (let level = 0; level <= maxDepth; level++) {
      const rows: Record<string, unknown>[] = [];
      for (const { row, record: u } of unitItems.filter((x) => depth.get(x.record.code) === level)) {
        const parentId = u.parentCode ? unitRef('units', row, 'parentCode', u.parentCode) : null;
        if (parentId === undefined) continue;
        if (u.activeTo && u.activeTo < u.activeFrom) {
          issue('units', row, 'activeTo', u.activeTo, 'Ngày ngừng hoạt động phải sau ngày bắt đầu');
          continue;
        }
        rows.push({
          code: u.code,
          name: u.name,
          short_name: u.shortName ?? null,
          kind: u.kind,
          parent_id: parentId,
          document_symbol: u.documentSymbol ?? null,
          active_from: u.activeFrom,
          active_to: u.activeTo ?? null,
          is_demo: u.isDemo ?? false,
        });
      }
      const result = await upsertBatch<{ code: string }>(
        tx,
        {
          table: 'units',
          columns: {
            code: 'text',
            name: 'text',
            short_name: 'text',
            kind: 'text',
            parent_id: 'uuid',
            document_symbol: 'text',
            active_from: 'date',
            active_to: 'date',
            is_demo: 'boolean',
          },
          conflict: ['code'],
          updatable: [
            'name',
            'short_name',
            'kind',
            'parent_id',
            'document_symbol',
            'active_from',
            'active_to',
            'is_demo',
          ],
          onUpdate: 'version = units.version + 1, updated_at = now()',
          returning: ['code'],
        },
        rows,
      );
      for (const r of result.changed) unitIds.set(r.code, r.id);
      total = add(total, counts(result));
    }
    byKind.units = total;
  }

  // ── successions
  const successionItems = dedupe(
    'successions',
    new KeyIndex(),
    successions,
    (r) => `${r.predecessorCode}>${r.successorCode}`,
  );
  if (successionItems.length) {
    const rows = successionItems.flatMap(({ row, record: s }) => {
      const pred = unitRef('successions', row, 'predecessorCode', s.predecessorCode);
      const succ = unitRef('successions', row, 'successorCode', s.successorCode);
      if (!pred || !succ) return [];
      if (pred === succ) {
        issue('successions', row, 'successorCode', s.successorCode, 'Đơn vị không thể kế thừa chính nó');
        return [];
      }
      return [
        { predecessor_id: pred, successor_id: succ, effective_date: s.effectiveDate, note: s.note ?? null },
      ];
    });
    byKind.successions = counts(
      await upsertBatch(
        tx,
        {
          table: 'unit_successions',
          columns: { predecessor_id: 'uuid', successor_id: 'uuid', effective_date: 'date', note: 'text' },
          conflict: ['predecessor_id', 'successor_id'],
          updatable: ['effective_date', 'note'],
        },
        rows,
      ),
    );
  }

  // ── blocks and their members
  const blockItems = dedupe('blocks', new KeyIndex(), blocks, (r) => `${r.year}|${r.name}`);
  if (blockItems.length) {
    const prepared = blockItems.flatMap(({ row, record: b }) => {
      const organizer = unitRef('blocks', row, 'organizerCode', b.organizerCode);
      const lead = b.leadCode ? unitRef('blocks', row, 'leadCode', b.leadCode) : null;
      const deputy = b.deputyCode ? unitRef('blocks', row, 'deputyCode', b.deputyCode) : null;
      const members = b.memberCodes.map((c) => unitRef('blocks', row, 'memberCodes', c));
      if (!organizer || lead === undefined || deputy === undefined || members.some((m) => !m)) return [];
      for (const [field, code] of [
        ['leadCode', b.leadCode],
        ['deputyCode', b.deputyCode],
      ] as const) {
        if (code && !b.memberCodes.includes(code))
          issue('blocks', row, field, code, 'Khối trưởng, Khối phó phải là thành viên của khối');
      }
      return [{ row, b, organizer, lead, deputy, members: [...new Set(members as string[])].sort() }];
    });
    const result = await upsertBatch<{ year: number; name: string }>(
      tx,
      {
        table: 'blocks',
        columns: {
          year: 'int',
          name: 'text',
          organizer_unit_id: 'uuid',
          lead_unit_id: 'uuid',
          deputy_unit_id: 'uuid',
        },
        conflict: ['year', 'name'],
        updatable: ['organizer_unit_id', 'lead_unit_id', 'deputy_unit_id'],
        onUpdate: 'version = blocks.version + 1, updated_at = now()',
        returning: ['year', 'name'],
      },
      prepared.map((p) => ({
        year: p.b.year,
        name: p.b.name,
        organizer_unit_id: p.organizer,
        lead_unit_id: p.lead,
        deputy_unit_id: p.deputy,
      })),
    );
    const c = counts(result);
    const ids = await rowsOf<{ id: string; year: number; name: string }>(
      tx,
      sql`select b.id, b.year, b.name from blocks b join json_to_recordset(${JSON.stringify(prepared.map((p) => ({ year: p.b.year, name: p.b.name })))}::json) as x(year int, name text) on x.year = b.year and x.name = b.name`,
    );
    const changedIds = new Set(result.changed.map((r) => r.id));
    for (const p of prepared) {
      const id = ids.find((r) => r.year === p.b.year && r.name === p.b.name)!.id;
      const existing = (
        await rowsOf<{ unit_id: string }>(
          tx,
          sql`select unit_id from block_members where block_id = ${id} order by unit_id`,
        )
      )
        .map((r) => r.unit_id)
        .sort();
      if (JSON.stringify(existing) !== JSON.stringify(p.members)) {
        await tx.execute(sql`delete from block_members where block_id = ${id}`);
        await tx.execute(
          sql`insert into block_members (block_id, unit_id) select ${id}::uuid, m.u::uuid from json_array_elements_text(${JSON.stringify(p.members)}::json) as m(u)`,
        );
        if (!changedIds.has(id)) {
          c.unchanged--;
          c.updated++;
        }
      }
    }
    byKind.blocks = c;
  }

  // ── people (+ probable-duplicate warnings)
  /** Scoped imports: new people still waiting for a unit history in the importer's units (code → row). */
  const unplaced = new Map<string, number>();
  /** Folded name + birth date → first person in the file with it. */
  const byNameDob = new Map<string, { row: number; code: string }>();
  /** People this import inserted: the probe for existing look-alikes must not find them. */
  const insertedPeople = new Set<string>();
  await stream(
    'people',
    (r) => r.code,
    async (peopleItems) => {
      await lookUpPeople(peopleItems.map((p) => p.record.code));
      if (scope.unitIds) {
        // A unit officer may add people only together with a unit history placing them in their units;
        // the history comes later in the file, so the new ones wait in `unplaced` (checked below).
        for (const { row, record: p } of peopleItems) {
          const known = personIds.has(p.code);
          if (known && !inScope(personUnit.get(p.code))) {
            issue('people', row, 'code', p.code, notYourPerson(p.code));
          } else if (!known) unplaced.set(p.code, row);
        }
      }
      for (const item of peopleItems) {
        if (!item.record.dateOfBirth) continue;
        const k = `${foldVietnamese(item.record.fullName)}|${item.record.dateOfBirth}`;
        const other = byNameDob.get(k);
        if (other && other.code !== item.record.code) {
          warnings.push({
            kind: 'people',
            row: item.row,
            column: 'fullName',
            value: item.record.fullName,
            message: `Có thể trùng người với dòng ${other.row} (mã ${other.code}): cùng họ tên và ngày sinh`,
          });
        } else byNameDob.set(k, { row: item.row, code: item.record.code });
      }
      const probe = peopleItems
        .filter((p) => p.record.dateOfBirth)
        .map((p) => ({ f: foldVietnamese(p.record.fullName), d: p.record.dateOfBirth, c: p.record.code }));
      if (probe.length) {
        const dups = await rowsOf<{ c: string; code: string }>(
          tx,
          sql`select x.c, p.code from json_to_recordset(${JSON.stringify(probe)}::json) as x(f text, d date, c text)
              join people p on vd_fold(p.full_name) = x.f and p.date_of_birth = x.d and p.code <> x.c`,
        );
        const rowOf = new Map(peopleItems.map((p) => [p.record.code, p]));
        for (const d of dups) {
          if (insertedPeople.has(d.code)) continue;
          const item = rowOf.get(d.c)!;
          warnings.push({
            kind: 'people',
            row: item.row,
            column: 'fullName',
            value: item.record.fullName,
            message: `Có thể trùng với cán bộ đã có mã ${d.code}: cùng họ tên và ngày sinh`,
          });
        }
      }
      const result = await upsertBatch<{ code: string }>(
        tx,
        {
          table: 'people',
          columns: {
            code: 'text',
            full_name: 'text',
            family_name: 'text',
            middle_name: 'text',
            given_name: 'text',
            sort_key: 'text',
            sex: 'text',
            date_of_birth: 'date',
            ethnicity: 'text',
            personal_id_number: 'text',
            position: 'text',
            is_leader: 'boolean',
            is_demo: 'boolean',
          },
          conflict: ['code'],
          updatable: [
            'full_name',
            'family_name',
            'middle_name',
            'given_name',
            'sort_key',
            'sex',
            'date_of_birth',
            'ethnicity',
            'personal_id_number',
            'position',
            'is_leader',
            'is_demo',
          ],
          onUpdate: 'version = people.version + 1, updated_at = now()',
          returning: ['code'],
        },
        peopleItems.map(({ record: p }) => {
          const parts = splitVietnameseName(p.fullName);
          return {
            code: p.code,
            full_name: p.fullName.replace(/\s+/g, ' '),
            family_name: parts.familyName,
            middle_name: parts.middleName,
            given_name: parts.givenName,
            sort_key: personSortKey(p.fullName),
            sex: p.sex,
            date_of_birth: p.dateOfBirth ?? null,
            ethnicity: p.ethnicity ?? null,
            personal_id_number: p.personalIdNumber ?? null,
            position: p.position ?? null,
            is_leader: p.isLeader,
            is_demo: p.isDemo ?? false,
          };
        }),
      );
      for (const r of result.changed) {
        if (!personIds.has(r.code)) personUnit.set(r.code, null);
        if (r.inserted) insertedPeople.add(r.code);
        personIds.set(r.code, r.id);
        missingPeople.delete(r.code);
      }
      tally('people', counts(result));
    },
  );
  insertedPeople.clear();
  byNameDob.clear();

  // ── unit history; then each affected person's current unit
  await stream(
    'personUnits',
    (r) => `${r.personCode}|${r.fromDate}`,
    async (historyItems) => {
      await lookUpPeople(historyItems.map((h) => h.record.personCode));
      const rows = historyItems.flatMap(({ row, record: h }) => {
        unplaced.delete(h.personCode);
        const unit = unitRef('personUnits', row, 'unitCode', h.unitCode);
        if (!unit) return [];
        if (scope.unitIds && !inScope(unit)) {
          issue(
            'personUnits',
            row,
            'unitCode',
            h.unitCode,
            `Đơn vị "${h.unitCode}" không thuộc phạm vi của bạn`,
          );
          return [];
        }
        if (!personIds.has(h.personCode)) {
          issue(
            'personUnits',
            row,
            'personCode',
            h.personCode,
            `Không tìm thấy cán bộ có mã "${h.personCode}"`,
          );
          return [];
        }
        return [
          {
            person_id: personIds.get(h.personCode),
            unit_id: unit,
            from_date: h.fromDate,
            to_date: h.toDate ?? null,
            position: h.position ?? null,
          },
        ];
      });
      tally(
        'personUnits',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'person_unit_history',
              columns: {
                person_id: 'uuid',
                unit_id: 'uuid',
                from_date: 'date',
                to_date: 'date',
                position: 'text',
              },
              conflict: ['person_id', 'from_date'],
              updatable: ['unit_id', 'to_date', 'position'],
            },
            rows,
          ),
        ),
      );
      // A person's history may span chunks: each chunk recomputes from the table, the last one wins.
      const affected = [...new Set(rows.map((r) => r.person_id as string))];
      if (affected.length)
        await tx.execute(sql`
          update people p set current_unit_id = h.unit_id
          from (
            select distinct on (person_id) person_id, unit_id
            from person_unit_history
            where person_id in (select (value #>> '{}')::uuid from json_array_elements(${JSON.stringify(affected)}::json))
            order by person_id, (to_date is null) desc, from_date desc
          ) h
          where p.id = h.person_id and p.current_unit_id is distinct from h.unit_id`);
      for (const h of historyItems) {
        const id = personIds.get(h.record.personCode);
        if (id && !h.record.toDate)
          personUnit.set(h.record.personCode, unitIds.get(h.record.unitCode) ?? null);
      }
    },
  );
  for (const [code, row] of unplaced) issue('people', row, 'code', code, notYourPerson(code));
  unplaced.clear();

  // ── person-keyed yearly records
  const personRows = async <T extends { personCode: string }>(
    kind: DatasetKind,
    items: Located<T>[],
    map: (r: T, personId: string, row: number) => Record<string, unknown> | null,
  ) => {
    await lookUpPeople(items.map((i) => i.record.personCode));
    return items.flatMap(({ row, record }) => {
      const person = personRef(kind, row, 'personCode', record.personCode);
      if (!person) return [];
      const mapped = map(record, person, row);
      return mapped ? [mapped] : [];
    });
  };

  await stream(
    'personEvaluations',
    (r) => `${r.personCode}|${r.year}`,
    async (evalItems) => {
      const rows = await personRows('personEvaluations', evalItems, (e, person, row) => {
        const unit = e.unitCode ? unitRef('personEvaluations', row, 'unitCode', e.unitCode) : null;
        if (unit === undefined) return null;
        return {
          person_id: person,
          year: e.year,
          rating: e.rating,
          unit_id: unit,
          employment_start_date: e.employmentStartDate ?? null,
          note: e.note ?? null,
        };
      });
      tally(
        'personEvaluations',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'person_evaluations',
              columns: {
                person_id: 'uuid',
                year: 'int',
                rating: 'text',
                unit_id: 'uuid',
                employment_start_date: 'date',
                note: 'text',
              },
              conflict: ['person_id', 'year'],
              updatable: ['rating', 'unit_id', 'employment_start_date', 'note'],
            },
            rows,
          ),
        ),
      );
    },
  );

  await stream(
    'leaves',
    (r) => `${r.personCode}|${r.kind}|${r.fromDate}`,
    async (leaveItems) => {
      tally(
        'leaves',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'person_leaves',
              columns: { person_id: 'uuid', kind: 'text', from_date: 'date', to_date: 'date', note: 'text' },
              conflict: ['person_id', 'kind', 'from_date'],
              updatable: ['to_date', 'note'],
            },
            await personRows('leaves', leaveItems, (l, person) => ({
              person_id: person,
              kind: l.kind,
              from_date: l.fromDate,
              to_date: l.toDate,
              note: l.note ?? null,
            })),
          ),
        ),
      );
    },
  );

  await stream(
    'trainings',
    (r) => `${r.personCode}|${r.fromDate}`,
    async (trainingItems) => {
      tally(
        'trainings',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'person_trainings',
              columns: {
                person_id: 'uuid',
                from_date: 'date',
                to_date: 'date',
                grade: 'text',
                institution: 'text',
                good_conduct: 'boolean',
              },
              conflict: ['person_id', 'from_date'],
              updatable: ['to_date', 'grade', 'institution', 'good_conduct'],
            },
            await personRows('trainings', trainingItems, (t, person) => ({
              person_id: person,
              from_date: t.fromDate,
              to_date: t.toDate,
              grade: t.grade ?? null,
              institution: t.institution ?? null,
              good_conduct: t.goodConduct,
            })),
          ),
        ),
      );
    },
  );

  await stream(
    'unitEvaluations',
    (r) => `${r.unitCode}|${r.year}`,
    async (unitEvalItems) => {
      const rows = unitEvalItems.flatMap(({ row, record: e }) => {
        const unit = unitRef('unitEvaluations', row, 'unitCode', e.unitCode);
        if (!unit) return [];
        if (!inScope(unit)) {
          issue(
            'unitEvaluations',
            row,
            'unitCode',
            e.unitCode,
            `Đơn vị "${e.unitCode}" không thuộc phạm vi của bạn`,
          );
          return [];
        }
        return [
          {
            unit_id: unit,
            year: e.year,
            rating: e.rating,
            member_count: e.memberCount,
            note: e.note ?? null,
          },
        ];
      });
      tally(
        'unitEvaluations',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'unit_evaluations',
              columns: { unit_id: 'uuid', year: 'int', rating: 'text', member_count: 'int', note: 'text' },
              conflict: ['unit_id', 'year'],
              updatable: ['rating', 'member_count', 'note'],
            },
            rows,
          ),
        ),
      );
    },
  );

  await stream(
    'disciplines',
    (r) => `${r.personCode}|${r.decisionNumber}`,
    async (disciplineItems) => {
      tally(
        'disciplines',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'disciplines',
              columns: {
                person_id: 'uuid',
                level: 'text',
                decision_number: 'text',
                decision_date: 'date',
                from_date: 'date',
                to_date: 'date',
                reason: 'text',
              },
              conflict: ['person_id', 'decision_number'],
              updatable: ['level', 'decision_date', 'from_date', 'to_date', 'reason'],
            },
            await personRows('disciplines', disciplineItems, (d, person) => ({
              person_id: person,
              level: d.level,
              decision_number: d.decisionNumber,
              decision_date: d.decisionDate,
              from_date: d.fromDate,
              to_date: d.toDate ?? null,
              reason: d.reason ?? null,
            })),
          ),
        ),
      );
    },
  );

  // ── initiatives and their authors
  await stream(
    'initiatives',
    (r) => r.code,
    async (initiativeItems) => {
      await lookUpPeople(initiativeItems.flatMap((i) => i.record.authorCodes));
      const prepared = initiativeItems.flatMap(({ row, record: i }) => {
        const authors = i.authorCodes.map((c) => personRef('initiatives', row, 'authorCodes', c));
        if (authors.some((a) => !a)) return [];
        return [{ i, authors: [...new Set(authors as string[])].sort() }];
      });
      const result = await upsertBatch<{ code: string }>(
        tx,
        {
          table: 'initiatives',
          columns: {
            code: 'text',
            kind: 'text',
            title: 'text',
            level: 'text',
            recognition_date: 'date',
            effect_scope: 'text',
            recognizing_body: 'text',
          },
          conflict: ['code'],
          updatable: ['kind', 'title', 'level', 'recognition_date', 'effect_scope', 'recognizing_body'],
          onUpdate: 'version = initiatives.version + 1, updated_at = now()',
          returning: ['code'],
        },
        prepared.map(({ i }) => ({
          code: i.code,
          kind: i.kind,
          title: i.title,
          level: i.level,
          recognition_date: i.recognitionDate,
          effect_scope: i.effectScope,
          recognizing_body: i.recognizingBody,
        })),
      );
      const c = counts(result);
      const changed = new Set(result.changed.map((r) => r.code));
      const existing = prepared.length
        ? await rowsOf<{ code: string; id: string; authors: string[] | null }>(
            tx,
            sql`select i.code, i.id, (select array_agg(a.person_id::text order by a.person_id) from initiative_authors a where a.initiative_id = i.id) as authors
                from initiatives i join json_array_elements_text(${JSON.stringify(prepared.map((p) => p.i.code))}::json) as c(code) on c.code = i.code`,
          )
        : [];
      const byCode = new Map(existing.map((e) => [e.code, e]));
      const authorRows: { initiative_id: string; person_id: string }[] = [];
      const resetIds: string[] = [];
      for (const p of prepared) {
        const e = byCode.get(p.i.code)!;
        const current = [...(e.authors ?? [])].sort();
        if (JSON.stringify(current) !== JSON.stringify(p.authors)) {
          resetIds.push(e.id);
          for (const a of p.authors) authorRows.push({ initiative_id: e.id, person_id: a });
          if (!changed.has(p.i.code)) {
            c.unchanged--;
            c.updated++;
          }
        }
      }
      if (resetIds.length) {
        await tx.execute(
          sql`delete from initiative_authors where initiative_id in (select (value #>> '{}')::uuid from json_array_elements(${JSON.stringify(resetIds)}::json))`,
        );
        await upsertBatch(
          tx,
          {
            table: 'initiative_authors',
            columns: { initiative_id: 'uuid', person_id: 'uuid' },
            conflict: ['initiative_id', 'person_id'],
            updatable: [],
            noId: true,
          },
          authorRows,
        );
      }
      tally('initiatives', c);
    },
  );

  // ── award history
  const awardKey = (a: AwardRecord) =>
    a.recipientKind === 'individual'
      ? `P:${a.personCode}`
      : a.recipientKind === 'collective'
        ? `U:${a.unitCode}`
        : `H:${foldVietnamese(a.householdName ?? '')}|${foldVietnamese(a.householdAddress ?? '')}`;
  await stream(
    'awards',
    (r) => `${awardKey(r)}|${r.awardCode}|${r.year}|${r.decisionNumber}`,
    async (awardItems) => {
      await lookUpPeople(awardItems.flatMap((a) => (a.record.personCode ? [a.record.personCode] : [])));
      const rows = awardItems.flatMap(({ row, record: a }) => {
        let personId: string | null = null;
        let unitId: string | null = null;
        if (a.recipientKind === 'individual') {
          const p = personRef('awards', row, 'personCode', a.personCode!);
          if (!p) return [];
          personId = p;
        }
        if (a.recipientKind === 'collective') {
          const u = unitRef('awards', row, 'unitCode', a.unitCode);
          if (!u) return [];
          if (!inScope(u)) {
            issue(
              'awards',
              row,
              'unitCode',
              a.unitCode,
              `Đơn vị "${a.unitCode}" không thuộc phạm vi của bạn`,
            );
            return [];
          }
          unitId = u;
        }
        return [
          {
            recipient_kind: a.recipientKind,
            person_id: personId,
            unit_id: unitId,
            household_name: a.recipientKind === 'household' ? a.householdName : null,
            household_address: a.recipientKind === 'household' ? (a.householdAddress ?? null) : null,
            recipient_key: awardKey(a),
            award_code: a.awardCode,
            year: a.year,
            track: a.track,
            issuer: a.issuer,
            decision_number: a.decisionNumber,
            decision_date: a.decisionDate,
            note: a.note ?? null,
          },
        ];
      });
      tally(
        'awards',
        counts(
          await upsertBatch(
            tx,
            {
              table: 'awards',
              columns: {
                recipient_kind: 'text',
                person_id: 'uuid',
                unit_id: 'uuid',
                household_name: 'text',
                household_address: 'text',
                recipient_key: 'text',
                award_code: 'text',
                year: 'int',
                track: 'text',
                issuer: 'text',
                decision_number: 'text',
                decision_date: 'date',
                note: 'text',
              },
              conflict: ['recipient_key', 'award_code', 'year', 'decision_number'],
              updatable: ['track', 'issuer', 'decision_date', 'note', 'household_name', 'household_address'],
            },
            rows,
          ),
        ),
      );
    },
  );

  return finish();
}

const notYourPerson = (code: string) =>
  `Cán bộ "${code}" không thuộc đơn vị của bạn (cần quá trình công tác tại đơn vị của bạn)`;
