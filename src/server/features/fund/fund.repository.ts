/** Queries of the emulation fund's ledger and budgets, with intent-named methods. */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type { FundBudget, FundEntry, FundPendingPrize, FundUnit } from '../../../shared/fund/fund.schema';

async function rowsOf<T>(tx: DbOrTx, q: SQL): Promise<T[]> {
  const r = (await tx.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

const ENTRY_COLUMNS = sql`e.id, e.unit_id as "unitId", u.name as "unitName", e.year, e.entry_date::text as "entryDate",
  e.direction, e.category, e.amount, e.description, e.decision_id as "decisionId", d.number as "decisionNumber",
  e.version`;
const ENTRY_FROM = sql`from fund_entries e join units u on u.id = e.unit_id left join decisions d on d.id = e.decision_id`;

/** Counts and bigints come back as strings from node-postgres and numbers from PGlite. */
const fixEntry = (r: FundEntry): FundEntry => ({
  ...r,
  year: Number(r.year),
  amount: Number(r.amount),
  version: Number(r.version),
});

export interface NewEntry {
  unitId: string;
  year: number;
  entryDate: string;
  direction: string;
  category: string;
  amount: number;
  description: string;
  decisionId: string | null;
  createdBy: string | null;
}

export const fundRepository = {
  async entries(tx: DbOrTx, year: number, unitId?: string): Promise<FundEntry[]> {
    const rows = await rowsOf<FundEntry>(
      tx,
      sql`select ${ENTRY_COLUMNS} ${ENTRY_FROM} where e.year = ${year}
        ${unitId ? sql`and e.unit_id = ${unitId}` : sql``}
        order by e.entry_date, case e.direction when 'income' then 0 else 1 end, e.created_at, e.id`,
    );
    return rows.map(fixEntry);
  },

  async entry(tx: DbOrTx, id: string, lock = false): Promise<FundEntry | undefined> {
    if (lock) await tx.execute(sql`select id from fund_entries where id = ${id} for update`);
    const [r] = await rowsOf<FundEntry>(tx, sql`select ${ENTRY_COLUMNS} ${ENTRY_FROM} where e.id = ${id}`);
    return r ? fixEntry(r) : undefined;
  },

  async insertEntry(tx: DbOrTx, e: NewEntry): Promise<string> {
    const [r] = await rowsOf<{ id: string }>(
      tx,
      sql`insert into fund_entries (unit_id, year, entry_date, direction, category, amount, description, decision_id, created_by)
        values (${e.unitId}, ${e.year}, ${e.entryDate}, ${e.direction}, ${e.category}, ${e.amount}, ${e.description},
          ${e.decisionId}, ${e.createdBy})
        returning id`,
    );
    return r!.id;
  },

  async updateEntry(
    tx: DbOrTx,
    id: string,
    e: Omit<NewEntry, 'decisionId' | 'createdBy'>,
    now: Date,
  ): Promise<void> {
    await tx.execute(
      sql`update fund_entries set unit_id = ${e.unitId}, year = ${e.year}, entry_date = ${e.entryDate},
        direction = ${e.direction}, category = ${e.category}, amount = ${e.amount}, description = ${e.description},
        updated_at = ${now.toISOString()}, version = version + 1
        where id = ${id}`,
    );
  },

  async deleteEntry(tx: DbOrTx, id: string): Promise<void> {
    await tx.execute(sql`delete from fund_entries where id = ${id}`);
  },

  async unit(tx: DbOrTx, id: string): Promise<FundUnit | undefined> {
    const [r] = await rowsOf<FundUnit>(tx, sql`select id, code, name from units where id = ${id}`);
    return r;
  },

  /** Units that may hold a fund: the issuing bodies (those with a document symbol) and any with entries. */
  async fundUnits(tx: DbOrTx): Promise<FundUnit[]> {
    return rowsOf<FundUnit>(
      tx,
      sql`select id, code, name from units
        where document_symbol is not null or id in (select unit_id from fund_entries)
          or id in (select unit_id from fund_budgets)`,
    );
  },

  async budget(tx: DbOrTx, unitId: string, year: number): Promise<FundBudget | undefined> {
    const [r] = await rowsOf<FundBudget>(
      tx,
      sql`select unit_id as "unitId", year, recurrent_spending as "recurrentSpending", remote_area as "remoteArea"
        from fund_budgets where unit_id = ${unitId} and year = ${year}`,
    );
    return r ? { ...r, year: Number(r.year), recurrentSpending: Number(r.recurrentSpending) } : undefined;
  },

  async budgets(tx: DbOrTx, year: number): Promise<FundBudget[]> {
    const rows = await rowsOf<FundBudget>(
      tx,
      sql`select unit_id as "unitId", year, recurrent_spending as "recurrentSpending", remote_area as "remoteArea"
        from fund_budgets where year = ${year}`,
    );
    return rows.map((r) => ({ ...r, year: Number(r.year), recurrentSpending: Number(r.recurrentSpending) }));
  },

  async upsertBudget(tx: DbOrTx, b: FundBudget, now: Date): Promise<void> {
    await tx.execute(
      sql`insert into fund_budgets (unit_id, year, recurrent_spending, remote_area, updated_at)
        values (${b.unitId}, ${b.year}, ${b.recurrentSpending}, ${b.remoteArea}, ${now.toISOString()})
        on conflict (unit_id, year) do update set recurrent_spending = excluded.recurrent_spending,
          remote_area = excluded.remote_area, updated_at = excluded.updated_at`,
    );
  },

  /**
   * Issued award decisions dated in the year whose prizes are not yet in any fund: the prize payments "not
   * yet recorded". The fund that pays is the issuer's (the body whose head signed the decision).
   */
  async pendingPrizes(tx: DbOrTx, year: number, issuerUnitId?: string): Promise<FundPendingPrize[]> {
    const rows = await rowsOf<FundPendingPrize>(
      tx,
      sql`select d.id as "decisionId", d.number, d.decided_on::text as "decidedOn", d.summary,
          d.issuer_unit_id as "issuerUnitId", u.name as "issuerName", d.prize_total as "prizeTotal"
        from decisions d join units u on u.id = d.issuer_unit_id
        where d.status = 'issued' and d.kind = 'award' and coalesce(d.prize_total, 0) > 0
          and d.decided_on >= ${`${year}-01-01`} and d.decided_on <= ${`${year}-12-31`}
          ${issuerUnitId ? sql`and d.issuer_unit_id = ${issuerUnitId}` : sql``}
          and not exists (select 1 from fund_entries e where e.decision_id = d.id)
        order by d.decided_on, d.seq`,
    );
    return rows.map((r) => ({ ...r, prizeTotal: Number(r.prizeTotal) }));
  },

  async issuedDecision(
    tx: DbOrTx,
    id: string,
  ): Promise<
    | {
        id: string;
        status: string;
        kind: string;
        number: string | null;
        decidedOn: string | null;
        issuerUnitId: string;
        prizeTotal: number;
      }
    | undefined
  > {
    const [r] = await rowsOf<{
      id: string;
      status: string;
      kind: string;
      number: string | null;
      decidedOn: string | null;
      issuerUnitId: string;
      prizeTotal: number | string | null;
    }>(
      tx,
      sql`select id, status, kind, number, decided_on::text as "decidedOn", issuer_unit_id as "issuerUnitId",
        prize_total as "prizeTotal" from decisions where id = ${id} for update`,
    );
    return r ? { ...r, prizeTotal: Number(r.prizeTotal ?? 0) } : undefined;
  },

  async entryForDecision(tx: DbOrTx, decisionId: string): Promise<string | undefined> {
    const [r] = await rowsOf<{ id: string }>(
      tx,
      sql`select id from fund_entries where decision_id = ${decisionId}`,
    );
    return r?.id;
  },
};
