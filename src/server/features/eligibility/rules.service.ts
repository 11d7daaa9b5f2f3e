/**
 * Rule packs as the admin sees them (national packs with their citations, local packs stored and audited),
 * the dated base-salary table, and prize money computed from both.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import { baseSalaries, localRulePacks } from '../../platform/db/schema';
import { NATIONAL_PACKS, packForDate, packForYear } from '../../../domain/rules/packs';
import { validateLocalPack } from '../../../domain/rules/validate';
import type { Citation, CriterionNode, RulePack } from '../../../domain/rules/types';
import { FACTS, OPERATORS_BY_TYPE } from '../../../domain/eligibility/facts';
import { awardPrize } from '../../../domain/money/award-prize';
import type {
  BaseSalary,
  BaseSalaryInput,
  LocalPackInput,
  LocalPackRow,
  LocalPackUpdate,
  PacksResponse,
  PrizeResponse,
} from '../../../shared/eligibility/eligibility.schema';
import type { z } from '../../../shared/zod';
import type { prizeQuery } from '../../../shared/eligibility/eligibility.schema';
import { layeredPack } from './local-packs';

function citationsOf(nodes: CriterionNode[]): Citation[] {
  return nodes.flatMap((n) =>
    'all' in n ? citationsOf(n.all) : 'any' in n ? citationsOf(n.any) : [n.citation],
  );
}

export function unverifiedCount(pack: RulePack): number {
  const all = [
    ...pack.rules.flatMap((r) => citationsOf(r.criteria)),
    ...pack.quotas.map((q) => q.citation),
    ...pack.prizes.map((p) => p.citation),
    ...pack.votes.map((v) => v.citation),
  ];
  return all.filter((c) => !c.verified).length;
}

type LocalRow = typeof localRulePacks.$inferSelect;
const toLocalRow = (r: LocalRow): LocalPackRow => ({
  id: r.id,
  name: r.name,
  issuer: r.issuer,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
  enabled: r.enabled,
  content: r.content,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});
type SalaryRow = typeof baseSalaries.$inferSelect;
const toSalary = (r: SalaryRow): BaseSalary => ({
  id: r.id,
  effectiveFrom: r.effectiveFrom,
  amount: r.amount,
  instrument: r.instrument,
  note: r.note,
  version: r.version,
});

function invalidPack(issues: Array<{ path: string; message: string }>) {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.path || 'content'] = fields[i.path || 'content'] ?? i.message;
  return fail<never>(
    'RULES.INVALID_PACK',
    fields,
    `Bộ quy định địa phương không hợp lệ: ${issues.map((i) => i.message).join('; ')}`,
  );
}

export function createRulesService(database: Database, clock: Clock) {
  const { db } = database;

  return {
    async packs(): Promise<PacksResponse> {
      const local = await db
        .select()
        .from(localRulePacks)
        .orderBy(asc(localRulePacks.effectiveFrom), asc(localRulePacks.id));
      return {
        national: NATIONAL_PACKS.map((p) => ({ ...p, unverifiedCount: unverifiedCount(p) })),
        local: local.map(toLocalRow),
        facts: Object.entries(FACTS).map(([name, f]) => ({
          name,
          type: f.type,
          subjects: [...f.subjects],
          describe: f.describe,
          operators: [...OPERATORS_BY_TYPE[f.type]],
        })),
      };
    },

    async createLocal(actor: Actor, input: LocalPackInput): Promise<Result<LocalPackRow>> {
      const { enabled, ...content } = input;
      const v = validateLocalPack(content, NATIONAL_PACKS);
      if (!v.ok) return invalidPack(v.issues);
      try {
        return await db.transaction(async (tx) => {
          const row = (
            await tx
              .insert(localRulePacks)
              .values({
                id: content.id,
                name: content.name,
                issuer: content.issuer,
                effectiveFrom: content.effectiveFrom,
                effectiveTo: content.effectiveTo ?? null,
                enabled,
                content: v.pack,
              })
              .returning()
          )[0]!;
          await recordAudit(
            tx,
            actor,
            {
              action: 'rules.local.create',
              entityType: 'local_rule_pack',
              entityId: row.id,
              before: null,
              after: toLocalRow(row),
            },
            clock,
          );
          return ok(toLocalRow(row));
        });
      } catch (e) {
        if (isUniqueViolation(e)) return fail('RULES.PACK_EXISTS', { id: 'Mã đã tồn tại' });
        throw e;
      }
    },

    async updateLocal(actor: Actor, id: string, input: LocalPackUpdate): Promise<Result<LocalPackRow>> {
      const { enabled, version, ...rest } = input;
      const content = { ...rest, id };
      const v = validateLocalPack(content, NATIONAL_PACKS);
      if (!v.ok) return invalidPack(v.issues);
      return db.transaction(async (tx) => {
        const before = (
          await tx.select().from(localRulePacks).where(eq(localRulePacks.id, id)).for('update')
        )[0];
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        const row = (
          await tx
            .update(localRulePacks)
            .set({
              name: content.name,
              issuer: content.issuer,
              effectiveFrom: content.effectiveFrom,
              effectiveTo: content.effectiveTo ?? null,
              enabled,
              content: v.pack,
              version: version + 1,
              updatedAt: clock(),
            })
            .where(eq(localRulePacks.id, id))
            .returning()
        )[0]!;
        await recordAudit(
          tx,
          actor,
          {
            action: 'rules.local.update',
            entityType: 'local_rule_pack',
            entityId: id,
            before: toLocalRow(before),
            after: toLocalRow(row),
          },
          clock,
        );
        return ok(toLocalRow(row));
      });
    },

    async toggleLocal(
      actor: Actor,
      id: string,
      enabled: boolean,
      version: number,
    ): Promise<Result<LocalPackRow>> {
      return db.transaction(async (tx) => {
        const before = (
          await tx.select().from(localRulePacks).where(eq(localRulePacks.id, id)).for('update')
        )[0];
        if (!before) return fail('NOT_FOUND');
        if (before.version !== version) return fail('CONFLICT.VERSION');
        const row = (
          await tx
            .update(localRulePacks)
            .set({ enabled, version: version + 1, updatedAt: clock() })
            .where(eq(localRulePacks.id, id))
            .returning()
        )[0]!;
        await recordAudit(
          tx,
          actor,
          {
            action: enabled ? 'rules.local.enable' : 'rules.local.disable',
            entityType: 'local_rule_pack',
            entityId: id,
            before: { enabled: before.enabled, version: before.version },
            after: { enabled: row.enabled, version: row.version },
          },
          clock,
        );
        return ok(toLocalRow(row));
      });
    },

    async salaries(): Promise<BaseSalary[]> {
      return (await db.select().from(baseSalaries).orderBy(asc(baseSalaries.effectiveFrom))).map(toSalary);
    },

    async createSalary(actor: Actor, input: BaseSalaryInput): Promise<Result<BaseSalary>> {
      try {
        return await db.transaction(async (tx) => {
          const row = (
            await tx
              .insert(baseSalaries)
              .values({
                effectiveFrom: input.effectiveFrom,
                amount: input.amount,
                instrument: input.instrument,
                note: input.note ?? null,
              })
              .returning()
          )[0]!;
          await recordAudit(
            tx,
            actor,
            {
              action: 'salary.create',
              entityType: 'base_salary',
              entityId: row.id,
              before: null,
              after: toSalary(row),
            },
            clock,
          );
          return ok(toSalary(row));
        });
      } catch (e) {
        if (isUniqueViolation(e))
          return fail('SALARY.DATE_TAKEN', { effectiveFrom: 'Đã có mức lương từ ngày này' });
        throw e;
      }
    },

    async updateSalary(
      actor: Actor,
      id: string,
      input: BaseSalaryInput & { version: number },
    ): Promise<Result<BaseSalary>> {
      try {
        return await db.transaction(async (tx) => {
          const before = (
            await tx.select().from(baseSalaries).where(eq(baseSalaries.id, id)).for('update')
          )[0];
          if (!before) return fail('NOT_FOUND');
          if (before.version !== input.version) return fail('CONFLICT.VERSION');
          const row = (
            await tx
              .update(baseSalaries)
              .set({
                effectiveFrom: input.effectiveFrom,
                amount: input.amount,
                instrument: input.instrument,
                note: input.note ?? null,
                version: before.version + 1,
                updatedAt: clock(),
              })
              .where(eq(baseSalaries.id, id))
              .returning()
          )[0]!;
          await recordAudit(
            tx,
            actor,
            {
              action: 'salary.update',
              entityType: 'base_salary',
              entityId: id,
              before: toSalary(before),
              after: toSalary(row),
            },
            clock,
          );
          return ok(toSalary(row));
        });
      } catch (e) {
        if (isUniqueViolation(e))
          return fail('SALARY.DATE_TAKEN', { effectiveFrom: 'Đã có mức lương từ ngày này' });
        throw e;
      }
    },

    async deleteSalary(actor: Actor, id: string): Promise<Result<{ id: string }>> {
      return db.transaction(async (tx) => {
        const before = (await tx.select().from(baseSalaries).where(eq(baseSalaries.id, id)).for('update'))[0];
        if (!before) return fail('NOT_FOUND');
        await tx.delete(baseSalaries).where(eq(baseSalaries.id, id));
        await recordAudit(
          tx,
          actor,
          {
            action: 'salary.delete',
            entityType: 'base_salary',
            entityId: id,
            before: toSalary(before),
            after: null,
          },
          clock,
        );
        return ok({ id });
      });
    },

    async prize(q: z.infer<typeof prizeQuery>): Promise<Result<PrizeResponse>> {
      const national = q.year ? packForYear(q.year) : packForDate(q.decisionDate);
      const pack = await layeredPack(db, national, q.decisionDate);
      const salaries = (await db.select().from(baseSalaries)).map((s) => ({
        effectiveFrom: s.effectiveFrom,
        amount: s.amount,
        instrument: s.instrument,
      }));
      const r = awardPrize(pack, salaries, {
        awardCode: q.awardCode,
        recipientKind: q.recipientKind,
        decisionDate: q.decisionDate,
        ...(q.issuerLevel ? { issuerLevel: q.issuerLevel } : {}),
      });
      if (!r.ok) return fail('VALIDATION.FAILED', { awardCode: r.message }, r.message);
      return ok({
        packId: pack.id,
        amount: r.amount,
        words: r.words,
        coefficient: r.coefficient,
        multiplier: r.multiplier,
        baseSalary: r.baseSalary,
        formula: r.formula,
        citation: r.citation,
      });
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
