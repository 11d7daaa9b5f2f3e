/**
 * Block covenant and scoring: the lead (or deputy) unit of a block edits the criteria set or copies last
 * year's, opens it; each member self-scores its own sheet; lead and deputy cross-check with a reason; the
 * block meeting approves and the ranking is locked; the lead proposes the flag and the Bằng khen and records
 * next year's lead and deputy by rotation. Every write is one transaction with its audit row.
 */
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import type { TieRuleRow } from '../../platform/db/schema';
import {
  describeDecision,
  describeProblem,
  missingEvidence,
  nextLeadership,
  rank,
  sheetTotals,
  validateCriteria,
  validateScore,
  WOMEN_PREFERENCE,
  type Criterion,
  type ScoreValue,
  type TieRule,
} from '../../../domain/scoring';
import type {
  BlockSummary,
  CheckScoreInput,
  CriteriaSaveInput,
  ProposalInput,
  RankingRow,
  RotationInput,
  ScoringBoard,
  ScoringResult,
  SelfScoreInput,
  Sheet,
} from '../../../shared/scoring/scoring.schema';
import {
  scoringRepository as repo,
  scoringYearRepository as yearRepo,
  type BlockRow,
  type ScoreDbRow,
  type SetRow,
  type SheetRow,
} from './scoring.repository';
import { saveBlockIn } from '../registry/registry.service';
import { createProposalDossier } from '../dossiers/dossiers.service';
import { MAX_ATTACHMENT_BYTES, MIME, sniffFile, type FileStore } from '../../platform/files';
import { fmtPoints } from './scoring.export';
import type { EvidenceLink } from '../../platform/db/schema';

export interface Viewer {
  actor: Actor;
  /** read:scoring:any (department, block leads) or own (a member unit's officer). */
  scope: 'any' | 'own';
  /** Holds lead:scoring:own: may lead if the user's unit leads or deputises the block that year. */
  mayLead: boolean;
}

const isLeadOf = (v: Viewer, b: BlockRow) =>
  v.mayLead &&
  v.actor.unitId !== null &&
  (v.actor.unitId === b.leadUnitId || v.actor.unitId === b.deputyUnitId);
const isMemberOf = (v: Viewer, b: BlockRow) => b.members.some((m) => m.unitId === v.actor.unitId);

const toTieRules = (input: CriteriaSaveInput['tieRules']): TieRuleRow[] =>
  input.map(
    (r) => (r.kind === 'criterion' ? { kind: 'criterion', code: r.code } : WOMEN_PREFERENCE) as TieRuleRow,
  );

function problemsToFields(problems: { text: string; key: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.key] = fields[p.key] ? `${fields[p.key]}; ${p.text}` : p.text;
  return fields;
}

const asScoreValues = (rows: ScoreDbRow[]): ScoreValue[] =>
  rows.map((r) => ({
    criterionId: r.criterionId,
    selfScore: r.selfScore,
    checkedScore: r.checkedScore,
    evidenceCount: r.evidence.length,
  }));

/** The ranking of a set, computed from the scores as they stand (also used by the benchmark). */
export async function computeRanking(
  tx: DbOrTx,
  block: BlockRow,
  set: SetRow,
  criteria?: Criterion[],
): Promise<RankingRow[]> {
  const crit = criteria ?? (await repo.listCriteria(tx, set.id));
  const sheets = await repo.listSheets(tx, set.id);
  const all = await repo.listScores(
    tx,
    sheets.map((s) => s.id),
  );
  const bySheet = new Map<string, ScoreDbRow[]>();
  for (const s of all) bySheet.set(s.sheetId, [...(bySheet.get(s.sheetId) ?? []), s]);
  const shares = await repo.womenShares(
    tx,
    sheets.map((s) => s.unitId),
    block.year,
  );
  const totals = new Map(
    sheets.map((s) => [s.unitId, sheetTotals(crit, asScoreValues(bySheet.get(s.id) ?? []))]),
  );
  const ranked = rank(
    sheets.map((s) => ({
      unitId: s.unitId,
      name: s.unitName,
      total: totals.get(s.unitId)!.total,
      byCode: totals.get(s.unitId)!.byCode,
      womenShare: shares.get(s.unitId) ?? null,
    })),
    set.tieRules as TieRule[],
  );
  const codeOf = new Map(sheets.map((s) => [s.unitId, s.unitCode]));
  return ranked.map((r) => ({
    rank: r.rank,
    unitId: r.unitId,
    unitCode: codeOf.get(r.unitId)!,
    unitName: r.name,
    total: r.total,
    selfTotal: totals.get(r.unitId)!.selfTotal,
    womenShare: r.womenShare,
    decidedBy: describeDecision(r.decidedBy),
  }));
}

/**
 * Every block's ranking for a year in six reads (blocks, sets, criteria, sheets, scores, shares of women),
 * ranked in memory: the department's overview of its blocks, and what the benchmark times.
 */
export async function computeYearRankings(
  tx: DbOrTx,
  year: number,
): Promise<{ blockId: string; blockName: string; status: string; ranking: RankingRow[] }[]> {
  // Independent reads run side by side on a pool (PostgreSQL); PGlite serialises them anyway.
  const [blocksOfYear, sets] = await Promise.all([
    repo.findBlocks(tx, sql`b.year = ${year}`),
    yearRepo.setsOfYear(tx, year),
  ]);
  const setIds = sets.map((s) => s.id);
  const [criteria, sheets, scoreRows, shares] = await Promise.all([
    yearRepo.criteriaOfSets(tx, setIds),
    yearRepo.sheetsOfSets(tx, setIds),
    yearRepo.scoresOfSets(tx, setIds),
    repo.womenShares(tx, [...new Set(blocksOfYear.flatMap((b) => b.members.map((m) => m.unitId)))], year),
  ]);
  const bySheet = new Map<string, ScoreValue[]>();
  for (const [sheetId, triples] of scoreRows)
    bySheet.set(
      sheetId,
      triples.map(([criterionId, selfScore, checkedScore]) => ({
        criterionId,
        selfScore,
        checkedScore,
        evidenceCount: 0,
      })),
    );
  const sheetsBySet = new Map<string, SheetRow[]>();
  for (const s of sheets) sheetsBySet.set(s.setId, [...(sheetsBySet.get(s.setId) ?? []), s]);
  const name = new Map(blocksOfYear.map((b) => [b.id, b.name]));
  return sets.map((set) => {
    const crit = criteria.get(set.id) ?? [];
    const mine = sheetsBySet.get(set.id) ?? [];
    const totals = new Map(mine.map((s) => [s.unitId, sheetTotals(crit, bySheet.get(s.id) ?? [])]));
    const ranked = rank(
      mine.map((s) => ({
        unitId: s.unitId,
        name: s.unitName,
        total: totals.get(s.unitId)!.total,
        byCode: totals.get(s.unitId)!.byCode,
        womenShare: shares.get(s.unitId) ?? null,
      })),
      set.tieRules as TieRule[],
    );
    const codeOf = new Map(mine.map((s) => [s.unitId, s.unitCode]));
    return {
      blockId: set.blockId,
      blockName: name.get(set.blockId) ?? '',
      status: set.status,
      ranking: ranked.map((r) => ({
        rank: r.rank,
        unitId: r.unitId,
        unitCode: codeOf.get(r.unitId)!,
        unitName: r.name,
        total: r.total,
        selfTotal: totals.get(r.unitId)!.selfTotal,
        womenShare: r.womenShare,
        decidedBy: describeDecision(r.decidedBy),
      })),
    };
  });
}

function sheetOut(sheet: SheetRow, criteria: Criterion[], rows: ScoreDbRow[]): Sheet {
  const t = sheetTotals(criteria, asScoreValues(rows));
  return {
    id: sheet.id,
    unitId: sheet.unitId,
    unitCode: sheet.unitCode,
    unitName: sheet.unitName,
    status: sheet.status,
    version: sheet.version,
    scores: rows.map((r) => ({
      criterionId: r.criterionId,
      selfScore: r.selfScore,
      checkedScore: r.checkedScore,
      checkReason: r.checkReason,
      evidence: r.evidence,
      note: r.note,
    })),
    total: t.total,
    selfTotal: t.selfTotal,
    bonus: t.bonus,
    penalty: t.penalty,
    adjusted: t.adjusted,
  };
}

/**
 * Scores out of their criterion's range, or for a criterion of another set, as form fields (one place for the
 * member's own scores and the lead's checked scores).
 */
function scoreProblems(
  criteria: Awaited<ReturnType<typeof repo.listCriteria>>,
  scores: { criterionId: string; score: number | null }[],
  field: 'selfScore' | 'checkedScore',
): { key: string; text: string }[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const fields: { key: string; text: string }[] = [];
  scores.forEach((s, i) => {
    const c = byId.get(s.criterionId);
    if (!c) {
      fields.push({ key: `scores.${i}.criterionId`, text: 'Tiêu chí không thuộc bộ tiêu chí này' });
      return;
    }
    const p = s.score === null ? null : validateScore(c, s.score);
    if (p) fields.push({ key: `scores.${i}.${field}`, text: describeProblem(p) });
  });
  return fields;
}

/** Where a member's uploaded evidence file is downloaded from (the sheet's readers only). */
export const evidenceUrl = (sheetId: string, sha: string) => `/api/scoring/sheets/${sheetId}/evidence/${sha}`;

/** "Khối thi đua …" as people write it, whether or not the block's name already begins with "Khối". */
const blockTitle = (name: string) => (/^khối/i.test(name.trim()) ? name.trim() : `Khối ${name.trim()}`);

/** What the nominee's achievement summary says of its place: "Xếp thứ 1/8 với 96,5 điểm". */
export const placeSummary = (rank: number, of: number, total: number) =>
  `Xếp thứ ${rank}/${of} với ${fmtPoints(total)} điểm`;

/**
 * @param files where uploaded evidence is kept (the dossiers' store); the benchmark, which uploads
 *   nothing, builds the service without one.
 */
export function createScoringService(database: Database, clock: Clock, files?: FileStore) {
  const { db } = database;

  async function loadBoard(tx: DbOrTx, viewer: Viewer, block: BlockRow): Promise<ScoringBoard> {
    const set = await repo.findSetOfBlock(tx, block.id);
    const canLead = isLeadOf(viewer, block);
    const base = {
      block: {
        id: block.id,
        year: block.year,
        name: block.name,
        organizerName: block.organizerName,
        leadUnitId: block.leadUnitId,
        deputyUnitId: block.deputyUnitId,
        members: block.members,
      },
      viewer: { canLead, ownUnitId: isMemberOf(viewer, block) ? viewer.actor.unitId : null },
    };
    if (!set) return { ...base, set: null, criteria: [], sheets: [], ranking: [], result: null };
    const criteria = await repo.listCriteria(tx, set.id);
    // The department and the block's leads read every sheet; a member reads its own.
    const seesAll = viewer.scope === 'any' || canLead;
    const sheets = await repo.listSheets(tx, set.id, seesAll ? null : (viewer.actor.unitId ?? ''));
    const rows = await repo.listScores(
      tx,
      sheets.map((s) => s.id),
    );
    const result = await repo.findResult(tx, set.id);
    const ranking =
      set.status === 'locked' && result
        ? lockedRanking(result.ranking as unknown as RankingRow[])
        : seesAll && set.status !== 'draft'
          ? await computeRanking(tx, block, set, criteria)
          : [];
    return {
      ...base,
      set: {
        id: set.id,
        status: set.status as 'draft' | 'open' | 'locked',
        tieRules: set.tieRules,
        copiedFromSetId: set.copiedFromSetId,
        lockedAt: set.lockedAt?.toISOString() ?? null,
        meetingNote: set.meetingNote,
        version: set.version,
      },
      criteria,
      sheets: sheets.map((s) =>
        sheetOut(
          s,
          criteria,
          rows.filter((r) => r.sheetId === s.id),
        ),
      ),
      ranking,
      result: result
        ? resultOut(
            result,
            result.proposalDossierId
              ? {
                  id: result.proposalDossierId,
                  code: (await repo.dossierCode(tx, result.proposalDossierId)) ?? '',
                }
              : null,
          )
        : null,
    };
  }

  const lockedRanking = (rows: RankingRow[]) => rows;

  function resultOut(
    r: NonNullable<Awaited<ReturnType<typeof repo.findResult>>>,
    proposalDossier: ScoringResult['proposalDossier'] = null,
  ): ScoringResult {
    return {
      flagUnitId: r.flagUnitId,
      bkUnitIds: r.bkUnitIds,
      proposalNote: r.proposalNote,
      proposedAt: r.proposedAt?.toISOString() ?? null,
      nextLeadUnitId: r.nextLeadUnitId,
      nextDeputyUnitId: r.nextDeputyUnitId,
      nextBlockId: r.nextBlockId,
      proposalDossier,
      version: r.version,
    };
  }

  /** A block the viewer may read: the department and leads any; a member unit's officer its own blocks. */
  async function readableBlock(tx: DbOrTx, viewer: Viewer, blockId: string): Promise<Result<BlockRow>> {
    const block = await repo.findBlock(tx, blockId);
    if (!block) return fail('NOT_FOUND');
    if (viewer.scope === 'own' && !isMemberOf(viewer, block)) return fail('NOT_FOUND');
    return ok(block);
  }

  /** The block, when the viewer's unit leads or deputises it that year. */
  async function ledBlock(tx: DbOrTx, viewer: Viewer, blockId: string): Promise<Result<BlockRow>> {
    const block = await repo.findBlock(tx, blockId);
    if (!block) return fail('NOT_FOUND');
    if (!isLeadOf(viewer, block)) return fail('SCORING.NOT_LEAD');
    return ok(block);
  }

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) {
    await recordAudit(tx, actor, { action, entityType, entityId, before, after }, clock);
  }

  function checkCriteria(input: CriteriaSaveInput): Result<Criterion[]> {
    const codes = new Set(input.criteria.map((c) => c.code));
    const tree: Criterion[] = input.criteria.map((c, i) => ({
      id: c.code,
      code: c.code,
      label: c.label,
      parentId: c.parentCode,
      kind: c.kind,
      maxPoints: c.maxPoints,
      minPoints: c.minPoints,
      evidenceRequired: c.evidenceRequired,
      order: i + 1,
    }));
    const fields: { key: string; text: string }[] = [];
    input.criteria.forEach((c, i) => {
      if (c.parentCode !== null && !codes.has(c.parentCode))
        fields.push({ key: `criteria.${i}.parentCode`, text: `Không có nhóm mã ${c.parentCode}` });
    });
    const problems = validateCriteria(tree, toTieRules(input.tieRules) as TieRule[]);
    for (const p of problems) {
      const idx = 'criterionCode' in p ? input.criteria.findIndex((c) => c.code === p.criterionCode) : -1;
      fields.push({
        key: p.code === 'TIE_RULE_UNKNOWN_CRITERION' ? 'tieRules' : idx >= 0 ? `criteria.${idx}` : 'criteria',
        text: describeProblem(p),
      });
    }
    return fields.length ? fail('SCORING.INVALID_CRITERIA', problemsToFields(fields)) : ok(tree);
  }

  return {
    /** The blocks of a year with where their scoring stands, for the picker. */
    async listBlocks(viewer: Viewer, year?: number): Promise<BlockSummary[]> {
      const blocks = (
        await repo.findBlocks(db, year === undefined ? sql`true` : sql`b.year = ${year}`)
      ).filter((b) => viewer.scope === 'any' || isMemberOf(viewer, b));
      const statuses = await repo.setStatusesOfBlocks(
        db,
        blocks.map((b) => b.id),
      );
      return blocks.map((b) => ({
        blockId: b.id,
        year: b.year,
        name: b.name,
        status: (statuses.get(b.id) as BlockSummary['status']) ?? null,
        leadUnitId: b.leadUnitId,
        deputyUnitId: b.deputyUnitId,
        canLead: isLeadOf(viewer, b),
        member: isMemberOf(viewer, b),
      }));
    },

    async board(viewer: Viewer, blockId: string): Promise<Result<ScoringBoard>> {
      const block = await readableBlock(db, viewer, blockId);
      if (!block.ok) return block;
      return ok(await loadBoard(db, viewer, block.value));
    },

    /** Creates or replaces the criteria tree while the set is a draft. */
    async saveCriteria(
      viewer: Viewer,
      blockId: string,
      input: CriteriaSaveInput,
    ): Promise<Result<ScoringBoard>> {
      const tree = checkCriteria(input);
      if (!tree.ok) return tree;
      return db.transaction(async (tx) => {
        const block = await ledBlock(tx, viewer, blockId);
        if (!block.ok) return block;
        let set = await repo.findSetOfBlock(tx, blockId, 'update');
        const before = set ? { set, criteria: await repo.listCriteria(tx, set.id) } : null;
        if (set) {
          if (set.status === 'locked') return fail('SCORING.LOCKED');
          if (set.status !== 'draft') return fail('SCORING.NOT_DRAFT');
          if (input.version !== undefined && input.version !== set.version) return fail('CONFLICT.VERSION');
          set = await repo.updateSet(tx, set, { tieRules: toTieRules(input.tieRules) }, clock());
        } else {
          set = await repo.insertSet(tx, {
            blockId,
            tieRules: toTieRules(input.tieRules),
            copiedFromSetId: null,
            now: clock(),
          });
        }
        await repo.replaceCriteria(tx, set.id, input.criteria);
        const after = { set, criteria: await repo.listCriteria(tx, set.id) };
        await audit(
          tx,
          viewer.actor,
          before ? 'scoring.criteria.update' : 'scoring.criteria.create',
          'scoring_set',
          set.id,
          before,
          after,
        );
        return ok(await loadBoard(tx, viewer, block.value));
      });
    },

    /** Copies last year's criteria and tie rules (the block of the same name) into a new draft set. */
    async copyCriteria(viewer: Viewer, blockId: string, fromBlockId?: string): Promise<Result<ScoringBoard>> {
      return db.transaction(async (tx) => {
        const block = await ledBlock(tx, viewer, blockId);
        if (!block.ok) return block;
        const existing = await repo.findSetOfBlock(tx, blockId, 'update');
        if (existing && existing.status !== 'draft')
          return fail(existing.status === 'locked' ? 'SCORING.LOCKED' : 'SCORING.NOT_DRAFT');
        const source = fromBlockId
          ? await repo.findBlock(tx, fromBlockId)
          : await repo.findSameBlockInYear(tx, block.value, block.value.year - 1);
        const sourceSet =
          source && source.id !== blockId ? await repo.findSetOfBlock(tx, source.id) : undefined;
        if (!sourceSet) return fail('SCORING.NOTHING_TO_COPY');
        const criteria = await repo.listCriteria(tx, sourceSet.id);
        const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
        const set = existing
          ? await repo.updateSet(
              tx,
              existing,
              { tieRules: sourceSet.tieRules, copiedFromSetId: sourceSet.id },
              clock(),
            )
          : await repo.insertSet(tx, {
              blockId,
              tieRules: sourceSet.tieRules,
              copiedFromSetId: sourceSet.id,
              now: clock(),
            });
        await repo.replaceCriteria(
          tx,
          set.id,
          criteria.map((c) => ({ ...c, parentCode: c.parentId ? codeOf.get(c.parentId)! : null })),
        );
        await audit(tx, viewer.actor, 'scoring.criteria.copy', 'scoring_set', set.id, existing ?? null, {
          set,
          fromSetId: sourceSet.id,
          criteria: criteria.length,
        });
        return ok(await loadBoard(tx, viewer, block.value));
      });
    },

    /** Opens the set for scoring: one sheet per member. */
    async open(viewer: Viewer, blockId: string, version: number): Promise<Result<ScoringBoard>> {
      return db.transaction(async (tx) => {
        const block = await ledBlock(tx, viewer, blockId);
        if (!block.ok) return block;
        const set = await repo.findSetOfBlock(tx, blockId, 'update');
        if (!set) return fail('SCORING.NO_SET');
        if (set.status === 'locked') return fail('SCORING.LOCKED');
        if (set.status !== 'draft') return fail('SCORING.NOT_DRAFT');
        if (set.version !== version) return fail('CONFLICT.VERSION');
        const after = await repo.updateSet(tx, set, { status: 'open', openedAt: clock() }, clock());
        await repo.createSheets(
          tx,
          set.id,
          block.value.members.map((m) => m.unitId),
          clock(),
        );
        await audit(
          tx,
          viewer.actor,
          'scoring.open',
          'scoring_set',
          set.id,
          { status: set.status },
          {
            status: after.status,
            sheets: block.value.members.length,
          },
        );
        return ok(await loadBoard(tx, viewer, block.value));
      });
    },

    /** A member scores its own sheet (never another member's). */
    async selfScore(viewer: Viewer, sheetId: string, input: SelfScoreInput): Promise<Result<Sheet>> {
      return db
        .transaction(async (tx) => {
          const sheet = await repo.findSheet(tx, sheetId, true);
          if (!sheet) return fail('NOT_FOUND');
          if (viewer.actor.unitId !== sheet.unitId) return fail('SCORING.NOT_OWN_SHEET');
          const set = (await repo.findSetOfBlock(tx, sheet.blockId, 'share'))!;
          if (set.status === 'locked') return fail('SCORING.LOCKED');
          if (set.status !== 'open') return fail('SCORING.NOT_OPEN');
          if (sheet.version !== input.version) return fail('CONFLICT.VERSION');
          const criteria = await repo.listCriteria(tx, set.id);
          const fields = scoreProblems(
            criteria,
            input.scores.map((x) => ({ criterionId: x.criterionId, score: x.selfScore })),
            'selfScore',
          );
          if (fields.length) return fail('SCORING.INVALID_SCORE', problemsToFields(fields));
          const before = await repo.listScores(tx, [sheet.id]);
          const kept = keptFiles(sheet.id, before, input.scores);
          if (!kept.ok) return kept;
          await repo.saveSelfScores(tx, sheet.id, kept.value);
          const after = await repo.listScores(tx, [sheet.id]);
          if (input.submit) {
            const missing = missingEvidence(criteria, asScoreValues(after));
            if (missing.length) {
              // Nothing of this save may stay: roll back by throwing a value the caller turns into the failure.
              throw new EvidenceMissing(
                problemsToFields(
                  missing.map((m) => ({
                    key: `evidence.${'criterionCode' in m ? m.criterionCode : ''}`,
                    text: describeProblem(m),
                  })),
                ),
              );
            }
          }
          const status = input.submit && sheet.status === 'draft' ? 'submitted' : sheet.status;
          const bumped = await repo.bumpSheet(
            tx,
            sheet.id,
            sheet.version,
            { status, ...(input.submit ? { submittedAt: clock() } : {}) },
            clock(),
          );
          if (!bumped) throw new VersionConflict();
          await audit(
            tx,
            viewer.actor,
            input.submit ? 'scoring.sheet.submit' : 'scoring.sheet.self_score',
            'score_sheet',
            sheet.id,
            before,
            after,
          );
          const fresh = (await repo.findSheet(tx, sheet.id))!;
          return ok(sheetOut(fresh, criteria, after));
        })
        .catch(recoverExpected);
    },

    /** Lead or deputy adjust a member's scores, each change with its reason. */
    async check(viewer: Viewer, sheetId: string, input: CheckScoreInput): Promise<Result<Sheet>> {
      return db
        .transaction(async (tx) => {
          const sheet = await repo.findSheet(tx, sheetId, true);
          if (!sheet) return fail('NOT_FOUND');
          const block = await ledBlock(tx, viewer, sheet.blockId);
          if (!block.ok) return block;
          const set = (await repo.findSetOfBlock(tx, sheet.blockId, 'share'))!;
          if (set.status === 'locked') return fail('SCORING.LOCKED');
          if (set.status !== 'open') return fail('SCORING.NOT_OPEN');
          if (sheet.version !== input.version) return fail('CONFLICT.VERSION');
          const criteria = await repo.listCriteria(tx, set.id);
          const fields = scoreProblems(
            criteria,
            input.scores.map((x) => ({ criterionId: x.criterionId, score: x.checkedScore })),
            'checkedScore',
          );
          if (fields.length) return fail('SCORING.INVALID_SCORE', problemsToFields(fields));
          const before = await repo.listScores(tx, [sheet.id]);
          await repo.saveChecks(tx, sheet.id, input.scores, viewer.actor.id);
          const after = await repo.listScores(tx, [sheet.id]);
          const bumped = await repo.bumpSheet(
            tx,
            sheet.id,
            sheet.version,
            input.done ? { status: 'checked', checkedAt: clock() } : {},
            clock(),
          );
          if (!bumped) throw new VersionConflict();
          await audit(tx, viewer.actor, 'scoring.sheet.check', 'score_sheet', sheet.id, before, {
            scores: after,
            reasons: input.scores.map((s) => ({ criterionId: s.criterionId, reason: s.reason })),
          });
          const fresh = (await repo.findSheet(tx, sheet.id))!;
          return ok(sheetOut(fresh, criteria, after));
        })
        .catch(recoverExpected);
    },

    /** After the block meeting approves: the ranking is frozen and nothing changes any more. */
    async lock(
      viewer: Viewer,
      blockId: string,
      input: { version: number; meetingNote: string },
    ): Promise<Result<ScoringBoard>> {
      return db.transaction(async (tx) => {
        const block = await ledBlock(tx, viewer, blockId);
        if (!block.ok) return block;
        const set = await repo.findSetOfBlock(tx, blockId, 'update');
        if (!set) return fail('SCORING.NO_SET');
        if (set.status === 'locked') return fail('SCORING.LOCKED');
        if (set.status !== 'open') return fail('SCORING.NOT_OPEN');
        if (set.version !== input.version) return fail('CONFLICT.VERSION');
        const sheets = await repo.listSheets(tx, set.id);
        const pending = sheets.filter((s) => s.status === 'draft');
        if (pending.length)
          return fail('SCORING.SHEETS_PENDING', {
            sheets: `Chưa nộp: ${pending.map((s) => s.unitName).join('; ')}`,
          });
        const ranking = await computeRanking(tx, block.value, set);
        const after = await repo.updateSet(
          tx,
          set,
          { status: 'locked', lockedAt: clock(), lockedBy: viewer.actor.id, meetingNote: input.meetingNote },
          clock(),
        );
        await repo.insertResult(tx, {
          setId: set.id,
          ranking: ranking as never,
          createdAt: clock(),
          updatedAt: clock(),
        });
        await audit(
          tx,
          viewer.actor,
          'scoring.lock',
          'scoring_set',
          set.id,
          { status: set.status },
          {
            status: after.status,
            meetingNote: input.meetingNote,
            ranking,
          },
        );
        return ok(await loadBoard(tx, viewer, block.value));
      });
    },

    /** The lead's proposal: the top member for the flag (CO_TINH), runners-up for Bằng khen (BK_TINH). */
    async propose(viewer: Viewer, blockId: string, input: ProposalInput): Promise<Result<ScoringBoard>> {
      return db.transaction(async (tx) => {
        const block = await ledBlock(tx, viewer, blockId);
        if (!block.ok) return block;
        const set = await repo.findSetOfBlock(tx, blockId, 'update');
        if (!set) return fail('SCORING.NO_SET');
        if (set.status !== 'locked') return fail('SCORING.NOT_LOCKED');
        const members = new Set(block.value.members.map((m) => m.unitId));
        const chosen = [...(input.flagUnitId ? [input.flagUnitId] : []), ...input.bkUnitIds];
        if (chosen.some((id) => !members.has(id)))
          return fail('SCORING.NOT_MEMBER', { flagUnitId: 'Đơn vị không thuộc khối' });
        if (input.flagUnitId && input.bkUnitIds.includes(input.flagUnitId))
          return fail('VALIDATION.FAILED', {
            bkUnitIds: 'Đơn vị đề nghị Cờ thi đua không đồng thời đề nghị Bằng khen',
          });
        const result = (await repo.findResult(tx, set.id))!;
        if (result.proposalDossierId) return fail('SCORING.PROPOSAL_DOSSIER_MADE');
        await repo.updateResult(tx, set.id, result.version, {
          flagUnitId: input.flagUnitId,
          bkUnitIds: [...new Set(input.bkUnitIds)],
          proposalNote: input.note,
          proposedAt: clock(),
          proposedBy: viewer.actor.id,
          updatedAt: clock(),
        });
        await audit(tx, viewer.actor, 'scoring.propose', 'scoring_set', set.id, resultOut(result), {
          flagUnitId: input.flagUnitId,
          bkUnitIds: input.bkUnitIds,
          note: input.note,
        });
        return ok(await loadBoard(tx, viewer, block.value));
      });
    },

    /**
     * The proposal made into a nomination dossier in one step (the lead unit's draft to the body that
     * organises the block): the flag unit for CO_TINH, the runners-up for BK_TINH, each with its place and
     * score. Made once: the result keeps the dossier, and a second call returns the same board.
     */
    async proposalDossier(viewer: Viewer, blockId: string): Promise<Result<ScoringBoard>> {
      return db
        .transaction(async (tx) => {
          const block = await ledBlock(tx, viewer, blockId);
          if (!block.ok) return block;
          const b = block.value;
          // The dossier is the lead unit's (the deputy could not open it afterwards).
          if (viewer.actor.unitId !== b.leadUnitId) return fail('SCORING.NOT_LEADER');
          const set = await repo.findSetOfBlock(tx, blockId, 'update');
          if (!set) return fail('SCORING.NO_SET');
          if (set.status !== 'locked') return fail('SCORING.NOT_LOCKED');
          const result = (await repo.findResult(tx, set.id))!;
          if (result.proposalDossierId) return ok(await loadBoard(tx, viewer, b));
          if (!result.proposedAt || (!result.flagUnitId && result.bkUnitIds.length === 0))
            return fail('SCORING.NO_PROPOSAL');
          const ranking = result.ranking as unknown as RankingRow[];
          const place = new Map(ranking.map((r) => [r.unitId, r]));
          const summary = (unitId: string) => {
            const r = place.get(unitId);
            return r
              ? `${placeSummary(r.rank, ranking.length, r.total)} (${blockTitle(b.name)}, năm ${b.year})`
              : '';
          };
          const nominees = [
            ...(result.flagUnitId
              ? [
                  {
                    unitId: result.flagUnitId,
                    awardCode: 'CO_TINH' as const,
                    achievementSummary: summary(result.flagUnitId),
                  },
                ]
              : []),
            ...result.bkUnitIds.map((unitId) => ({
              unitId,
              awardCode: 'BK_TINH' as const,
              achievementSummary: summary(unitId),
            })),
          ];
          const what = [
            ...(result.flagUnitId ? ['Cờ thi đua cấp tỉnh'] : []),
            ...(result.bkUnitIds.length ? ['Bằng khen'] : []),
          ].join(' và ');
          const made = await createProposalDossier(tx, viewer.actor, clock, {
            year: b.year,
            title: `Đề nghị tặng ${what} năm ${b.year} — ${blockTitle(b.name)}`,
            proposingUnitId: b.leadUnitId!,
            authorityUnitId: b.organizerUnitId,
            note: result.proposalNote ?? '',
            nominees,
          });
          if (!made.ok) throw new Expected(made);
          await repo.updateResult(tx, set.id, result.version, {
            proposalDossierId: made.value.id,
            updatedAt: clock(),
          });
          await audit(tx, viewer.actor, 'scoring.proposal.dossier', 'scoring_set', set.id, null, {
            dossierId: made.value.id,
            code: made.value.code,
            nominees: nominees.map((n) => ({ unitId: n.unitId, awardCode: n.awardCode })),
          });
          return ok(await loadBoard(tx, viewer, b));
        })
        .catch(recoverExpected);
    },

    /**
     * A member uploads a file as evidence for one criterion of its own sheet while scoring is open: judged
     * by its bytes (PDF, DOCX, JPEG, PNG; ≤ 20 MB), kept in the file store by checksum, added to the
     * score's evidence as a link to the sheet's download route.
     */
    async uploadEvidence(
      viewer: Viewer,
      sheetId: string,
      criterionId: string,
      fileName: string,
      bytes: Buffer,
    ): Promise<Result<Sheet>> {
      if (!files) throw new Error('scoring: no file store');
      if (bytes.length > MAX_ATTACHMENT_BYTES) return fail('DOSSIER.FILE_TOO_LARGE');
      const type = await sniffFile(bytes, fileName);
      if (!type) return fail('DOSSIER.FILE_TYPE');
      const writable = async (tx: DbOrTx) => {
        const sheet = await repo.findSheet(tx, sheetId, true);
        if (!sheet) return fail<never>('NOT_FOUND');
        if (viewer.actor.unitId !== sheet.unitId) return fail<never>('SCORING.NOT_OWN_SHEET');
        const set = (await repo.findSetOfBlock(tx, sheet.blockId, 'share'))!;
        if (set.status === 'locked') return fail<never>('SCORING.LOCKED');
        if (set.status !== 'open') return fail<never>('SCORING.NOT_OPEN');
        const criteria = await repo.listCriteria(tx, set.id);
        const c = criteria.find((x) => x.id === criterionId);
        if (!c || c.kind === 'group')
          return fail<never>('VALIDATION.FAILED', { criterionId: 'Tiêu chí không thuộc bộ tiêu chí này' });
        return ok({ sheet, criteria });
      };
      // Checked before the file is written, so a refused upload leaves nothing behind.
      const pre = await db.transaction(writable);
      if (!pre.ok) return pre;
      const sha = await files.put(bytes);
      return db
        .transaction(async (tx) => {
          const w = await writable(tx);
          if (!w.ok) return w;
          const { sheet, criteria } = w.value;
          const before = await repo.listScores(tx, [sheet.id]);
          const evidence = before.find((r) => r.criterionId === criterionId)?.evidence ?? [];
          const name = fileName.slice(0, 255);
          const entry: EvidenceLink = {
            label: name,
            url: evidenceUrl(sheet.id, sha),
            sha256: sha,
            fileName: name,
            mimeType: MIME[type],
            size: bytes.length,
          };
          if (!evidence.some((e) => e.sha256 === sha)) {
            if (evidence.length >= 20) return fail('SCORING.EVIDENCE_LIMIT');
            await repo.saveEvidence(tx, sheet.id, criterionId, [...evidence, entry]);
          }
          if (!(await repo.bumpSheet(tx, sheet.id, sheet.version, {}, clock()))) throw new VersionConflict();
          await audit(tx, viewer.actor, 'scoring.evidence.upload', 'score_sheet', sheet.id, null, {
            criterionId,
            fileName: name,
            mimeType: MIME[type],
            size: bytes.length,
            sha256: sha,
          });
          const after = await repo.listScores(tx, [sheet.id]);
          return ok(sheetOut((await repo.findSheet(tx, sheet.id))!, criteria, after));
        })
        .catch(recoverExpected);
    },

    /** An uploaded evidence file of a sheet, for whoever may read the sheet; checked against its checksum. */
    async evidenceFile(viewer: Viewer, sheetId: string, sha: string) {
      if (!files) throw new Error('scoring: no file store');
      const readable = await this.sheetBlockId(viewer, sheetId);
      if (!readable.ok) return readable;
      const entry = (await repo.listScores(db, [sheetId]))
        .flatMap((r) => r.evidence)
        .find((e) => e.sha256 === sha);
      if (!entry) return fail<never>('NOT_FOUND');
      return ok({
        fileName: entry.fileName ?? entry.label,
        mimeType: entry.mimeType ?? 'application/octet-stream',
        bytes: await files.get(sha),
      });
    },

    /** Next year's lead and deputy, by rotation unless the meeting chose others; written to next year's block. */
    async rotate(viewer: Viewer, blockId: string, input: RotationInput): Promise<Result<ScoringBoard>> {
      try {
        return await db.transaction(async (tx) => {
          const block = await ledBlock(tx, viewer, blockId);
          if (!block.ok) return block;
          const b = block.value;
          const set = await repo.findSetOfBlock(tx, blockId, 'update');
          if (!set) return fail('SCORING.NO_SET');
          if (set.status !== 'locked') return fail('SCORING.NOT_LOCKED');
          const proposed = nextLeadership(
            b.members.map((m) => m.unitId),
            b.leadUnitId,
            b.deputyUnitId,
          )!;
          const lead = input.leadUnitId ?? proposed.lead;
          const deputy = input.deputyUnitId === undefined ? proposed.deputy : input.deputyUnitId;
          const next = await repo.findSameBlockInYear(tx, b, b.year + 1);
          const members = next ? next.members.map((m) => m.unitId) : b.members.map((m) => m.unitId);
          if (!members.includes(lead) || (deputy !== null && (!members.includes(deputy) || deputy === lead)))
            return fail('SCORING.NOT_MEMBER', {
              leadUnitId: 'Khối trưởng, Khối phó phải là hai thành viên khác nhau của khối',
            });
          const saved = await saveBlockIn(tx, viewer.actor, clock, next?.id ?? null, {
            year: b.year + 1,
            name: b.name,
            organizerUnitId: next?.organizerUnitId ?? b.organizerUnitId,
            leadUnitId: lead,
            deputyUnitId: deputy,
            memberUnitIds: members,
          });
          if (!saved.ok) throw new Expected(saved);
          const result = (await repo.findResult(tx, set.id))!;
          await repo.updateResult(tx, set.id, result.version, {
            nextLeadUnitId: lead,
            nextDeputyUnitId: deputy,
            nextBlockId: saved.value.id,
            updatedAt: clock(),
          });
          await audit(tx, viewer.actor, 'scoring.rotate', 'scoring_set', set.id, resultOut(result), {
            nextLeadUnitId: lead,
            nextDeputyUnitId: deputy,
            nextBlockId: saved.value.id,
            byRotation: input.leadUnitId === undefined,
          });
          return ok(await loadBoard(tx, viewer, b));
        });
      } catch (err) {
        if (isUniqueViolation(err)) return fail('BLOCK.DUPLICATE');
        return recoverExpected(err);
      }
    },

    /**
     * Every block's ranking of a year, for the department (any); a member unit sees the locked rankings
     * of its own blocks only.
     */
    async yearRankings(viewer: Viewer, year: number) {
      const all = await computeYearRankings(db, year);
      if (viewer.scope === 'any') return all;
      const mine = new Set(
        (await repo.findBlocks(db, sql`b.year = ${year}`))
          .filter((b) => isMemberOf(viewer, b))
          .map((b) => b.id),
      );
      return all.filter((r) => mine.has(r.blockId) && r.status === 'locked');
    },

    /** What the exports draw: the board as this viewer sees it. */
    async exportModel(viewer: Viewer, blockId: string): Promise<Result<ScoringBoard>> {
      return this.board(viewer, blockId);
    },

    async sheetBlockId(viewer: Viewer, sheetId: string): Promise<Result<{ blockId: string }>> {
      const sheet = await repo.findSheet(db, sheetId);
      if (!sheet) return fail('NOT_FOUND');
      const block = (await repo.findBlock(db, sheet.blockId))!;
      if (viewer.scope === 'own' && viewer.actor.unitId !== sheet.unitId && !isLeadOf(viewer, block))
        return fail('NOT_FOUND');
      return ok({ blockId: sheet.blockId });
    },
  };
}

/**
 * The member's evidence as saved: links as typed; uploaded files only if already on this sheet (uploaded
 * through the upload route), with the sheet's own record of name, type and size (only the label may change).
 */
function keptFiles(
  sheetId: string,
  before: ScoreDbRow[],
  scores: SelfScoreInput['scores'],
): Result<
  { criterionId: string; selfScore: number | null; evidence: EvidenceLink[]; note: string | null }[]
> {
  const stored = new Map(before.flatMap((r) => r.evidence).flatMap((e) => (e.sha256 ? [[e.sha256, e]] : [])));
  const fields: Record<string, string> = {};
  const out = scores.map((s, i) => ({
    ...s,
    evidence: s.evidence.map((e, j): EvidenceLink => {
      if (!e.sha256) return { label: e.label, url: e.url };
      const known = stored.get(e.sha256);
      if (!known) {
        fields[`scores.${i}.evidence.${j}`] = 'Tệp minh chứng không thuộc phiếu điểm này';
        return { label: e.label, url: e.url };
      }
      return { ...known, label: e.label, url: evidenceUrl(sheetId, e.sha256) };
    }),
  }));
  return Object.keys(fields).length ? fail('SCORING.EVIDENCE_FILE_UNKNOWN', fields) : ok(out);
}

/** Expected failures found after a write began: thrown to roll the transaction back, then returned. */
class Expected extends Error {
  constructor(readonly result: Result<never>) {
    super('expected failure');
  }
}
class VersionConflict extends Expected {
  constructor() {
    super(fail('CONFLICT.VERSION'));
  }
}
class EvidenceMissing extends Expected {
  constructor(fields: Record<string, string>) {
    super(fail('SCORING.EVIDENCE_REQUIRED', fields));
  }
}

function recoverExpected(err: unknown): Result<never> {
  if (err instanceof Expected) return err.result;
  throw err;
}

export type ScoringService = ReturnType<typeof createScoringService>;
