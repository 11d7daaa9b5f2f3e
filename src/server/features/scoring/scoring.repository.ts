/** Queries of block scoring, named for what the service needs. Every method runs on the caller's handle. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import {
  blocks,
  scoreSheets,
  scores,
  scoringCriteria,
  scoringResults,
  scoringSets,
  type EvidenceLink,
  type TieRuleRow,
} from '../../platform/db/schema';
import type { Criterion } from '../../../domain/scoring';

export interface BlockRow {
  id: string;
  year: number;
  name: string;
  organizerUnitId: string;
  organizerName: string;
  leadUnitId: string | null;
  deputyUnitId: string | null;
  members: { unitId: string; code: string; name: string }[];
}

export type SetRow = typeof scoringSets.$inferSelect;
export type SheetRow = {
  id: string;
  setId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  status: 'draft' | 'submitted' | 'checked';
  version: number;
};
export type ScoreDbRow = typeof scores.$inferSelect;

const num = (v: unknown) => Number(v);

/** `[criterionId, own score, checked score]` (numeric comes back from json as a JSON number). */
export type ScoreTriple = [string, number | null, number | null];

export const scoringRepository = {
  /** Blocks with their members (by unit code, the rotation order). */
  async findBlocks(tx: DbOrTx, where: ReturnType<typeof sql>): Promise<BlockRow[]> {
    const res = (await tx.execute(sql`
      select b.id, b.year, b.name, b.organizer_unit_id as "organizerUnitId", o.name as "organizerName",
        b.lead_unit_id as "leadUnitId", b.deputy_unit_id as "deputyUnitId",
        coalesce((select json_agg(json_build_object('unitId', u.id, 'code', u.code, 'name', u.name) order by u.code)
                  from block_members m join units u on u.id = m.unit_id where m.block_id = b.id), '[]'::json) as members
      from blocks b join units o on o.id = b.organizer_unit_id
      where ${where}
      order by b.year desc, b.name`)) as unknown as { rows: BlockRow[] };
    return res.rows.map((r) => ({ ...r, year: num(r.year) }));
  },

  async findBlock(tx: DbOrTx, blockId: string): Promise<BlockRow | undefined> {
    return (await this.findBlocks(tx, sql`b.id = ${blockId}`))[0];
  },

  /** The block of the same name in another year (last year's covenant, next year's rotation). */
  async findSameBlockInYear(tx: DbOrTx, block: BlockRow, year: number): Promise<BlockRow | undefined> {
    return (await this.findBlocks(tx, sql`b.name = ${block.name} and b.year = ${year}`))[0];
  },

  /** The block's set; `lock` takes the row lock that serialises status changes against sheet saves. */
  async findSetOfBlock(
    tx: DbOrTx,
    blockId: string,
    lock: 'update' | 'share' | null = null,
  ): Promise<SetRow | undefined> {
    const q = tx.select().from(scoringSets).where(eq(scoringSets.blockId, blockId));
    const rows = await (lock === 'update' ? q.for('update') : lock === 'share' ? q.for('share') : q);
    return rows[0];
  },

  async setStatusesOfBlocks(tx: DbOrTx, blockIds: string[]): Promise<Map<string, SetRow['status']>> {
    if (blockIds.length === 0) return new Map();
    const rows = await tx
      .select({ blockId: scoringSets.blockId, status: scoringSets.status })
      .from(scoringSets)
      .where(inArray(scoringSets.blockId, blockIds));
    return new Map(rows.map((r) => [r.blockId, r.status]));
  },

  async insertSet(
    tx: DbOrTx,
    values: { blockId: string; tieRules: TieRuleRow[]; copiedFromSetId: string | null; now: Date },
  ): Promise<SetRow> {
    const [row] = await tx
      .insert(scoringSets)
      .values({
        blockId: values.blockId,
        tieRules: values.tieRules,
        copiedFromSetId: values.copiedFromSetId,
        createdAt: values.now,
        updatedAt: values.now,
      })
      .returning();
    return row!;
  },

  async updateSet(tx: DbOrTx, set: SetRow, patch: Partial<SetRow>, now: Date): Promise<SetRow> {
    const [row] = await tx
      .update(scoringSets)
      .set({ ...patch, updatedAt: now, version: set.version + 1 })
      .where(eq(scoringSets.id, set.id))
      .returning();
    return row!;
  },

  async listCriteria(tx: DbOrTx, setId: string): Promise<Criterion[]> {
    const rows = await tx
      .select()
      .from(scoringCriteria)
      .where(eq(scoringCriteria.setId, setId))
      .orderBy(asc(scoringCriteria.sortOrder));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      label: r.label,
      parentId: r.parentId,
      kind: r.kind as Criterion['kind'],
      maxPoints: num(r.maxPoints),
      minPoints: num(r.minPoints),
      evidenceRequired: r.evidenceRequired,
      order: r.sortOrder,
    }));
  },

  /** Replaces the whole tree (a draft set has no scores yet); parents are given by code. */
  async replaceCriteria(
    tx: DbOrTx,
    setId: string,
    items: {
      code: string;
      label: string;
      parentCode: string | null;
      kind: string;
      maxPoints: number;
      minPoints: number;
      evidenceRequired: boolean;
    }[],
  ): Promise<void> {
    await tx.delete(scoringCriteria).where(eq(scoringCriteria.setId, setId));
    if (items.length === 0) return;
    const inserted = await tx
      .insert(scoringCriteria)
      .values(
        items.map((c, i) => ({
          setId,
          code: c.code,
          label: c.label,
          kind: c.kind,
          maxPoints: c.maxPoints,
          minPoints: c.minPoints,
          evidenceRequired: c.evidenceRequired,
          sortOrder: i + 1,
        })),
      )
      .returning({ id: scoringCriteria.id, code: scoringCriteria.code });
    const idOf = new Map(inserted.map((r) => [r.code, r.id]));
    for (const c of items.filter((x) => x.parentCode !== null)) {
      await tx
        .update(scoringCriteria)
        .set({ parentId: idOf.get(c.parentCode!)! })
        .where(eq(scoringCriteria.id, idOf.get(c.code)!));
    }
  },

  async createSheets(tx: DbOrTx, setId: string, unitIds: string[], now: Date): Promise<void> {
    if (unitIds.length === 0) return;
    await tx
      .insert(scoreSheets)
      .values(unitIds.map((unitId) => ({ setId, unitId, updatedAt: now })))
      .onConflictDoNothing();
  },

  async listSheets(tx: DbOrTx, setId: string, onlyUnitId: string | null = null): Promise<SheetRow[]> {
    const res = (await tx.execute(sql`
      select s.id, s.set_id as "setId", s.unit_id as "unitId", u.code as "unitCode", u.name as "unitName",
        s.status, s.version
      from score_sheets s join units u on u.id = s.unit_id
      where s.set_id = ${setId} ${onlyUnitId ? sql`and s.unit_id = ${onlyUnitId}` : sql``}
      order by u.code`)) as unknown as { rows: SheetRow[] };
    return res.rows.map((r) => ({ ...r, version: num(r.version) }));
  },

  /** One sheet with its set and block, locked for the save that follows when `forUpdate`. */
  async findSheet(
    tx: DbOrTx,
    sheetId: string,
    forUpdate = false,
  ): Promise<(SheetRow & { blockId: string }) | undefined> {
    const res = (await tx.execute(sql`
      select s.id, s.set_id as "setId", s.unit_id as "unitId", u.code as "unitCode", u.name as "unitName",
        s.status, s.version, st.block_id as "blockId"
      from score_sheets s join units u on u.id = s.unit_id join scoring_sets st on st.id = s.set_id
      where s.id = ${sheetId}
      ${forUpdate ? sql`for update of s` : sql``}`)) as unknown as {
      rows: (SheetRow & { blockId: string })[];
    };
    const r = res.rows[0];
    return r ? { ...r, version: num(r.version) } : undefined;
  },

  /**
   * Bumps a sheet's version only if it still has the version the caller read: the second of two officers
   * saving the same sheet matches nothing and is told (CONFLICT.VERSION).
   */
  async bumpSheet(
    tx: DbOrTx,
    sheetId: string,
    readVersion: number,
    patch: { status?: SheetRow['status']; submittedAt?: Date; checkedAt?: Date },
    now: Date,
  ): Promise<boolean> {
    const rows = await tx
      .update(scoreSheets)
      .set({ ...patch, updatedAt: now, version: readVersion + 1 })
      .where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.version, readVersion)))
      .returning({ id: scoreSheets.id });
    return rows.length === 1;
  },

  async listScores(tx: DbOrTx, sheetIds: string[]): Promise<ScoreDbRow[]> {
    if (sheetIds.length === 0) return [];
    const rows = await tx.select().from(scores).where(inArray(scores.sheetId, sheetIds));
    return rows.map((r) => ({
      ...r,
      selfScore: r.selfScore === null ? null : num(r.selfScore),
      checkedScore: r.checkedScore === null ? null : num(r.checkedScore),
    }));
  },

  async saveSelfScores(
    tx: DbOrTx,
    sheetId: string,
    items: { criterionId: string; selfScore: number | null; evidence: EvidenceLink[]; note: string | null }[],
  ): Promise<void> {
    for (const s of items) {
      await tx
        .insert(scores)
        .values({ sheetId, ...s })
        .onConflictDoUpdate({
          target: [scores.sheetId, scores.criterionId],
          set: { selfScore: s.selfScore, evidence: s.evidence, note: s.note },
        });
    }
  },

  /** Replaces one score's evidence (an uploaded file added), creating the score row if the member had none. */
  async saveEvidence(
    tx: DbOrTx,
    sheetId: string,
    criterionId: string,
    evidence: EvidenceLink[],
  ): Promise<void> {
    await tx
      .insert(scores)
      .values({ sheetId, criterionId, evidence })
      .onConflictDoUpdate({ target: [scores.sheetId, scores.criterionId], set: { evidence } });
  },

  async saveChecks(
    tx: DbOrTx,
    sheetId: string,
    items: { criterionId: string; checkedScore: number | null; reason: string }[],
    userId: string | null,
  ): Promise<void> {
    for (const s of items) {
      const values = { checkedScore: s.checkedScore, checkReason: s.reason, checkedBy: userId };
      await tx
        .insert(scores)
        .values({ sheetId, criterionId: s.criterionId, ...values })
        .onConflictDoUpdate({ target: [scores.sheetId, scores.criterionId], set: values });
    }
  },

  /**
   * Share of women among the people rated in each unit (or a unit under it) in the year: the data behind
   * the legal tie preference for collectives with ≥ 70% women. null when nobody was rated.
   */
  async womenShares(tx: DbOrTx, unitIds: string[], year: number): Promise<Map<string, number | null>> {
    const out = new Map<string, number | null>(unitIds.map((id) => [id, null]));
    if (unitIds.length === 0) return out;
    const res = (await tx.execute(sql`
      with recursive roots as (
        select (value #>> '{}')::uuid as root from json_array_elements(${JSON.stringify(unitIds)}::json)
      ), tree as (
        select root, root as unit_id from roots
        union all
        select t.root, u.id from tree t join units u on u.parent_id = t.unit_id
      )
      select t.root as "unitId", count(*) as rated,
        count(*) filter (where p.sex = 'female') as women
      from tree t
      join person_evaluations e on e.unit_id = t.unit_id and e.year = ${year}
      join people p on p.id = e.person_id
      group by t.root`)) as unknown as { rows: { unitId: string; rated: unknown; women: unknown }[] };
    for (const r of res.rows) out.set(r.unitId, num(r.rated) > 0 ? num(r.women) / num(r.rated) : null);
    return out;
  },

  async findResult(tx: DbOrTx, setId: string) {
    return (await tx.select().from(scoringResults).where(eq(scoringResults.setId, setId)))[0];
  },

  /** The code of the dossier made from a proposal (the board links to it). */
  async dossierCode(tx: DbOrTx, dossierId: string): Promise<string | undefined> {
    const res = (await tx.execute(sql`select code from dossiers where id = ${dossierId}`)) as unknown as {
      rows: { code: string }[];
    };
    return res.rows[0]?.code;
  },

  async insertResult(tx: DbOrTx, values: typeof scoringResults.$inferInsert) {
    await tx.insert(scoringResults).values(values);
  },

  async updateResult(
    tx: DbOrTx,
    setId: string,
    version: number,
    patch: Partial<typeof scoringResults.$inferInsert>,
  ) {
    await tx
      .update(scoringResults)
      .set({ ...patch, version: version + 1 })
      .where(eq(scoringResults.setId, setId));
  },
};

/** Bulk reads for every block of a year at once (the department's overview and the benchmark). */
export const scoringYearRepository = {
  async setsOfYear(tx: DbOrTx, year: number) {
    return tx
      .select({ set: scoringSets })
      .from(scoringSets)
      .innerJoin(blocks, eq(blocks.id, scoringSets.blockId))
      .where(eq(blocks.year, year))
      .then((rows) => rows.map((r) => r.set));
  },

  async criteriaOfSets(tx: DbOrTx, setIds: string[]): Promise<Map<string, Criterion[]>> {
    const out = new Map<string, Criterion[]>();
    if (!setIds.length) return out;
    const rows = await tx
      .select()
      .from(scoringCriteria)
      .where(inArray(scoringCriteria.setId, setIds))
      .orderBy(asc(scoringCriteria.sortOrder));
    for (const r of rows) {
      const list = out.get(r.setId) ?? [];
      list.push({
        id: r.id,
        code: r.code,
        label: r.label,
        parentId: r.parentId,
        kind: r.kind as Criterion['kind'],
        maxPoints: num(r.maxPoints),
        minPoints: num(r.minPoints),
        evidenceRequired: r.evidenceRequired,
        order: r.sortOrder,
      });
      out.set(r.setId, list);
    }
    return out;
  },

  async sheetsOfSets(tx: DbOrTx, setIds: string[]): Promise<SheetRow[]> {
    if (!setIds.length) return [];
    const res = (await tx.execute(sql`
      select s.id, s.set_id as "setId", s.unit_id as "unitId", u.code as "unitCode", u.name as "unitName",
        s.status, s.version
      from score_sheets s join units u on u.id = s.unit_id
      where s.set_id in (select (value #>> '{}')::uuid from json_array_elements(${JSON.stringify(setIds)}::json))
      order by u.code`)) as unknown as { rows: SheetRow[] };
    return res.rows.map((r) => ({ ...r, version: num(r.version) }));
  },

  /**
   * Only what totals need (no evidence, no reasons), one JSON array per sheet — `[criterionId, own,
   * checked]` triples: a few hundred rows instead of tens of thousands through the driver (cf. decision 030).
   */
  async scoresOfSets(tx: DbOrTx, setIds: string[]): Promise<Map<string, ScoreTriple[]>> {
    const out = new Map<string, ScoreTriple[]>();
    if (!setIds.length) return out;
    const res = (await tx.execute(sql`
      select sc.sheet_id as "sheetId",
        json_agg(json_build_array(sc.criterion_id, sc.self_score, sc.checked_score))::text as triples
      from scores sc join score_sheets sh on sh.id = sc.sheet_id
      where sh.set_id in (select (value #>> '{}')::uuid from json_array_elements(${JSON.stringify(setIds)}::json))
      group by sc.sheet_id`)) as unknown as { rows: { sheetId: string; triples: string }[] };
    for (const r of res.rows) out.set(r.sheetId, JSON.parse(r.triples) as ScoreTriple[]);
    return out;
  },
};
