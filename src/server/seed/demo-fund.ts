/**
 * Demo data for issue 7's fund and certificates: the default Giấy khen and Bằng khen templates (always), and
 * — with the demo registry, whose 2020 decisions are issued — the 2020 ledgers of the Sở and the province:
 * the budget share and its base, a donation, the prize payments of every issued decision dated 2020 (one
 * entry each, recorded as the app records them) and a movement spending line. The amounts are invented (the
 * origin article gives none) and chosen within the legal shares of Nghị định 91/2017.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { systemActor } from '../platform/actor';
import { recordAudit } from '../platform/audit';
import { fundRepository } from '../features/fund/fund.repository';
import { recordPrizeInTx } from '../features/fund/fund.service';
import { seedDefaultTemplates } from '../features/certificates/certificates.service';

interface DemoLine {
  unit: string;
  entryDate: string;
  direction: 'income' | 'expense';
  category: string;
  amount: number;
  description: string;
}

const LINES: DemoLine[] = [
  {
    unit: 'BL-SNN',
    entryDate: '2020-01-02',
    direction: 'income',
    category: 'carried_over',
    amount: 18_600_000,
    description: 'Kết dư quỹ năm 2019 chuyển sang',
  },
  {
    unit: 'BL-SNN',
    entryDate: '2020-02-14',
    direction: 'income',
    category: 'budget_share',
    amount: 300_000_000,
    description: 'Trích lập quỹ thi đua, khen thưởng từ dự toán chi thường xuyên năm 2020',
  },
  {
    unit: 'BL-SNN',
    entryDate: '2020-06-05',
    direction: 'income',
    category: 'donation',
    amount: 50_000_000,
    description: 'Hợp tác xã nông nghiệp (minh họa) ủng hộ quỹ thi đua, khen thưởng',
  },
  {
    unit: 'BL-SNN',
    entryDate: '2020-08-10',
    direction: 'expense',
    category: 'movement',
    amount: 45_000_000,
    description: 'Hội nghị phát động, sơ kết phong trào thi đua năm 2020 của ngành',
  },
  {
    unit: 'BL-UBND',
    entryDate: '2020-02-20',
    direction: 'income',
    category: 'budget_share',
    amount: 1_500_000_000,
    description: 'Trích lập quỹ thi đua, khen thưởng cấp tỉnh năm 2020',
  },
];

/** Recurrent budget spending of 2020 (invented): the base of the 1,0% ceiling. */
const BUDGETS = [
  { unit: 'BL-SNN', recurrentSpending: 32_500_000_000 },
  { unit: 'BL-UBND', recurrentSpending: 2_150_000_000_000 },
];

export async function seedDemoFund(
  tx: DbOrTx,
  clock: Clock,
  options: { ledger: boolean },
): Promise<{ templates: number; entries: number; prizes: number }> {
  const templates = await seedDefaultTemplates(tx);
  if (!options.ledger) return { templates, entries: 0, prizes: 0 };
  const actor = systemActor(null, 'seed');
  const ids = new Map(
    (
      (await tx.execute(sql`select code, id from units where code in ('BL-SNN', 'BL-UBND')`)) as unknown as {
        rows: { code: string; id: string }[];
      }
    ).rows.map((r) => [r.code, r.id]),
  );
  for (const b of BUDGETS) {
    const unitId = ids.get(b.unit);
    if (unitId)
      await fundRepository.upsertBudget(
        tx,
        { unitId, year: 2020, recurrentSpending: b.recurrentSpending, remoteArea: false },
        clock(),
      );
  }
  let entries = 0;
  for (const l of LINES) {
    const unitId = ids.get(l.unit);
    if (!unitId) continue;
    await fundRepository.insertEntry(tx, { ...l, unitId, year: 2020, decisionId: null, createdBy: null });
    entries++;
  }
  // The prize payments of the issued 2020 decisions, recorded as the officer's one click records them.
  let prizes = 0;
  for (const p of await fundRepository.pendingPrizes(tx, 2020)) {
    const r = await recordPrizeInTx(tx, clock, actor, { decisionId: p.decisionId });
    if (r.ok) prizes++;
  }
  await recordAudit(
    tx,
    actor,
    { action: 'seed.fund', entityType: 'system', after: { templates, entries, prizes, year: 2020 } },
    clock,
  );
  return { templates, entries, prizes };
}
