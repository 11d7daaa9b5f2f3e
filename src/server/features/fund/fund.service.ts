/**
 * The emulation fund: the ledger of each fund-holding unit per year (income and spending), its budget base,
 * the prize payments recorded from issued decisions (one entry per decision, the amount being the decision's
 * prize total) and the legal checks (src/domain/fund). Every write is one transaction with its audit row.
 */
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import { fundChecks, fundPackForYear, fundTotals, type LedgerEntry } from '../../../domain/fund';
import { compareVietnamese } from '../../../shared/vietnamese';
import type {
  FundBudget,
  FundBudgetInput,
  FundChecks,
  FundEntry,
  FundEntryInput,
  FundEntryUpdate,
  FundPendingPrize,
  FundPrizeInput,
  FundSummary,
  FundUnit,
  FundUnitSummary,
} from '../../../shared/fund/fund.schema';
import { fundBudgetInput, fundEntryInput, fundEntryUpdate } from '../../../shared/fund/fund.schema';
import { fundRepository as repo } from './fund.repository';

const asLedger = (e: FundEntry): LedgerEntry => ({
  entryDate: e.entryDate,
  direction: e.direction,
  category: e.category,
  amount: e.amount,
});

/** Records an issued decision's prizes in its issuer's fund (used by the service and the demo seed). */
export async function recordPrizeInTx(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  input: FundPrizeInput,
): Promise<Result<FundEntry>> {
  const d = await repo.issuedDecision(tx, input.decisionId);
  if (!d) return fail('NOT_FOUND');
  if (d.status !== 'issued' || d.kind !== 'award' || d.prizeTotal <= 0 || !d.decidedOn)
    return fail('FUND.DECISION_NOT_PAYABLE');
  if (await repo.entryForDecision(tx, d.id)) return fail('FUND.DECISION_RECORDED');
  const entryDate = input.entryDate ?? d.decidedOn;
  const year = Number(entryDate.slice(0, 4));
  const id = await repo.insertEntry(tx, {
    unitId: d.issuerUnitId,
    year,
    entryDate,
    direction: 'expense',
    category: 'prize',
    amount: d.prizeTotal,
    description: `Chi tiền thưởng theo Quyết định số ${d.number}`,
    decisionId: d.id,
    createdBy: actor.id,
  });
  const entry = (await repo.entry(tx, id))!;
  await recordAudit(
    tx,
    actor,
    { action: 'fund.prize.record', entityType: 'fund_entry', entityId: id, after: entry },
    clock,
  );
  return ok(entry);
}

export function createFundService(database: Database, clock: Clock) {
  const { db } = database;

  async function unitSummaries(year: number): Promise<FundUnitSummary[]> {
    const [entries, budgets, pending, units] = await Promise.all([
      repo.entries(db, year),
      repo.budgets(db, year),
      repo.pendingPrizes(db, year),
      repo.fundUnits(db),
    ]);
    const pack = fundPackForYear(year);
    const ids = new Set<string>([
      ...entries.map((e) => e.unitId),
      ...budgets.map((b) => b.unitId),
      ...pending.map((p) => p.issuerUnitId),
    ]);
    const byId = new Map(units.map((u) => [u.id, u]));
    const out: FundUnitSummary[] = [];
    for (const unitId of ids) {
      const unit = byId.get(unitId) ?? (await repo.unit(db, unitId));
      if (!unit) continue;
      const own = entries.filter((e) => e.unitId === unitId).map(asLedger);
      const t = fundTotals(own);
      const budget = budgets.find((b) => b.unitId === unitId) ?? null;
      const verdicts = fundChecks(own, budget, pack);
      out.push({
        unitId,
        unitCode: unit.code,
        unitName: unit.name,
        opening: t.opening,
        income: t.income,
        expense: t.expense,
        balance: t.balance,
        budgetShare: t.budgetShare,
        donations: t.donations,
        prizes: t.prizes,
        movements: t.movements,
        unrecordedDecisions: pending.filter((p) => p.issuerUnitId === unitId).length,
        violations: verdicts.filter((v) => v.status === 'violation').length,
      });
    }
    return out.sort((a, b) => compareVietnamese(a.unitName, b.unitName));
  }

  async function audited<T>(work: (tx: DbOrTx) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      // Every failure is found before the first write, so a failed call changes nothing.
      return await db.transaction((tx) => work(tx));
    } catch (e) {
      if (isUniqueViolation(e)) return fail('FUND.DECISION_RECORDED');
      throw e;
    }
  }

  return {
    async units(): Promise<FundUnit[]> {
      const units = await repo.fundUnits(db);
      return units.sort((a, b) => compareVietnamese(a.name, b.name));
    },

    /** The dashboard's shape: `{ year, totals: { income, expense, balance, prizes, movements }, units }`. */
    async summary(year: number): Promise<FundSummary> {
      const units = await unitSummaries(year);
      const sum = (k: keyof FundUnitSummary) => units.reduce((s, u) => s + (u[k] as number), 0);
      return {
        year,
        totals: {
          income: sum('income'),
          expense: sum('expense'),
          balance: sum('balance'),
          prizes: sum('prizes'),
          movements: sum('movements'),
        },
        units,
      };
    },

    async entries(year: number, unitId?: string): Promise<FundEntry[]> {
      return repo.entries(db, year, unitId);
    },

    async checks(year: number, unitId: string): Promise<Result<FundChecks>> {
      const unit = await repo.unit(db, unitId);
      if (!unit) return fail('NOT_FOUND');
      const entries = (await repo.entries(db, year, unitId)).map(asLedger);
      const budget = (await repo.budget(db, unitId, year)) ?? null;
      const pack = fundPackForYear(year);
      return ok({ year, unitId, packName: pack.name, budget, verdicts: fundChecks(entries, budget, pack) });
    },

    async pendingPrizes(year: number, unitId?: string): Promise<FundPendingPrize[]> {
      return repo.pendingPrizes(db, year, unitId);
    },

    async budgets(year: number): Promise<FundBudget[]> {
      return repo.budgets(db, year);
    },

    async create(actor: Actor, raw: FundEntryInput): Promise<Result<FundEntry>> {
      const input = fundEntryInput.parse(raw);
      return audited(async (tx) => {
        if (!(await repo.unit(tx, input.unitId)))
          return fail('FUND.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
        const id = await repo.insertEntry(tx, {
          ...input,
          decisionId: null,
          createdBy: actor.id,
        });
        const entry = (await repo.entry(tx, id))!;
        await recordAudit(
          tx,
          actor,
          { action: 'fund.entry.create', entityType: 'fund_entry', entityId: id, after: entry },
          clock,
        );
        return ok(entry);
      });
    },

    async update(actor: Actor, id: string, raw: FundEntryUpdate): Promise<Result<FundEntry>> {
      const input = fundEntryUpdate.parse(raw);
      return audited(async (tx) => {
        const before = await repo.entry(tx, id, true);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== input.version) return fail('CONFLICT.VERSION');
        // A prize payment recorded from a decision keeps the decision's unit, amount and category; only its
        // date and text may change (delete it to record it again).
        if (
          before.decisionId &&
          (input.unitId !== before.unitId ||
            input.amount !== before.amount ||
            input.category !== before.category ||
            input.direction !== before.direction)
        )
          return fail('FUND.DECISION_ENTRY_LOCKED');
        if (!(await repo.unit(tx, input.unitId)))
          return fail('FUND.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
        await repo.updateEntry(tx, id, input, clock());
        const after = (await repo.entry(tx, id))!;
        await recordAudit(
          tx,
          actor,
          { action: 'fund.entry.update', entityType: 'fund_entry', entityId: id, before, after },
          clock,
        );
        return ok(after);
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<Result<{ id: string }>> {
      return audited(async (tx) => {
        const before = await repo.entry(tx, id, true);
        if (!before) return fail('NOT_FOUND');
        if (version !== undefined && before.version !== version) return fail('CONFLICT.VERSION');
        await repo.deleteEntry(tx, id);
        await recordAudit(
          tx,
          actor,
          { action: 'fund.entry.delete', entityType: 'fund_entry', entityId: id, before },
          clock,
        );
        return ok({ id });
      });
    },

    async recordPrize(actor: Actor, input: FundPrizeInput): Promise<Result<FundEntry>> {
      return audited((tx) => recordPrizeInTx(tx, clock, actor, input));
    },

    async setBudget(actor: Actor, raw: FundBudgetInput): Promise<Result<FundBudget>> {
      const input = fundBudgetInput.parse(raw);
      return audited(async (tx) => {
        if (!(await repo.unit(tx, input.unitId)))
          return fail('FUND.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
        const before = (await repo.budget(tx, input.unitId, input.year)) ?? null;
        await repo.upsertBudget(tx, input, clock());
        const after = (await repo.budget(tx, input.unitId, input.year))!;
        await recordAudit(
          tx,
          actor,
          {
            action: 'fund.budget.set',
            entityType: 'fund_budget',
            entityId: input.unitId,
            before,
            after,
          },
          clock,
        );
        return ok(after);
      });
    },
  };
}

export type FundService = ReturnType<typeof createFundService>;
