/**
 * Reference data of the eligibility engine: the base salaries in force since Nghị định 91/2017 (also inserted
 * by migration 0004 on a new database; re-inserted here after a test reset), and a demo local pack — an
 * example of a province's own rule, disabled, for the admin page.
 */
import { baseSalaries, localRulePacks } from '../platform/db/schema';
import type { DbOrTx } from '../platform/db/database';
import type { LocalPack } from '../../domain/rules/types';

export const KNOWN_BASE_SALARIES = [
  { effectiveFrom: '2018-07-01', amount: 1_390_000, instrument: 'Nghị định 72/2018/NĐ-CP', note: null },
  {
    effectiveFrom: '2019-07-01',
    amount: 1_490_000,
    instrument: 'Nghị định 38/2019/NĐ-CP',
    note: 'Mức 1.600.000 dự kiến từ 01/07/2020 không được thực hiện; giữ đến 30/06/2023',
  },
  { effectiveFrom: '2023-07-01', amount: 1_800_000, instrument: 'Nghị định 24/2023/NĐ-CP', note: null },
  { effectiveFrom: '2024-07-01', amount: 2_340_000, instrument: 'Nghị định 73/2024/NĐ-CP', note: null },
];

/** A province that still excludes long absences from LĐTT and keeps a CSTĐCS cap after 2024. */
export const DEMO_LOCAL_PACK: LocalPack = {
  id: 'CM-2025',
  name: 'Quy chế thi đua, khen thưởng tỉnh Cà Mau (ví dụ)',
  issuer: 'UBND tỉnh Cà Mau',
  effectiveFrom: '2025-07-01',
  criteria: [
    {
      awardCode: 'LDTT',
      recipientKind: 'individual',
      criterion: {
        id: 'absence',
        label:
          'Nghỉ dưới 40 ngày làm việc (không tính thai sản, điều trị thương tích do cứu người, chiến đấu)',
        fact: 'absenceWorkingDays',
        params: { countedAsWork: ['maternity', 'injury_rescue', 'injury_combat'] },
        op: 'lt',
        value: 40,
        citation: {
          instrument: 'Quy chế thi đua, khen thưởng tỉnh Cà Mau (ví dụ minh họa)',
          verified: false,
          note: 'Dữ liệu mẫu',
        },
      },
    },
  ],
  quotas: [
    {
      id: 'CSTDCS_SHARE_OF_LDTT',
      awardCode: 'CSTDCS',
      basisAwardCode: 'LDTT',
      maxShare: 0.28,
      rounding: 'floor',
      citation: {
        instrument: 'Quy chế thi đua, khen thưởng tỉnh Cà Mau (ví dụ minh họa)',
        verified: false,
        note: 'Dữ liệu mẫu',
      },
    },
  ],
  citation: {
    instrument: 'Quy chế thi đua, khen thưởng tỉnh Cà Mau (ví dụ minh họa)',
    verified: false,
    note: 'Dữ liệu mẫu',
  },
};

export async function seedRules(tx: DbOrTx, options: { demo: boolean }) {
  await tx.insert(baseSalaries).values(KNOWN_BASE_SALARIES).onConflictDoNothing();
  if (options.demo)
    await tx
      .insert(localRulePacks)
      .values({
        id: DEMO_LOCAL_PACK.id,
        name: DEMO_LOCAL_PACK.name,
        issuer: DEMO_LOCAL_PACK.issuer,
        effectiveFrom: DEMO_LOCAL_PACK.effectiveFrom,
        effectiveTo: null,
        enabled: false,
        content: DEMO_LOCAL_PACK,
      })
      .onConflictDoNothing();
}
