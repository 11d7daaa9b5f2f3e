/**
 * Demo movements: the six 2020 movements of the origin article (../shared/seed), launched by the
 * Department (BL-SNN) for its 2020 block, with indicators and per-unit results that add up to the
 * article's figures (product.md, "What the seed article contains"):
 *   - political tasks: 08/08 members met or exceeded their state plan targets;
 *   - Hồ Chí Minh's thought, ethics and style: ongoing in all members (text);
 *   - institutional and administrative reform, IT: 04 legal normative documents drafted;
 *   - thrift, anti-waste, anti-corruption: law dissemination (text);
 *   - "Cả nước chung sức xây dựng nông thôn mới" 2016–2020: staff sent to appraise communes (text);
 *   - "Cả nước chung tay vì người nghèo": 01 member built 01 charity house worth 30.000.000 đồng; 100% of
 *     members gave 03 days' salary.
 * Which member drafted which legal document, and which built the house, the article does not say: that
 * split is demo data (the totals are the article's). Also 2021 registrations of the block's members: some
 * submitted, one approved, one returned, and the Trung tâm Nước sạch's still a draft.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import {
  blocks,
  movementIndicators,
  movementResults,
  movements,
  movementTargets,
  notifications,
  people,
  registrationItems,
  registrations,
  units,
} from '../platform/db/schema';
import { unitSubtree } from '../platform/sql';
import type { IndicatorKind } from '../../domain/movements/indicators';
import { BLOCK_2020_MEMBERS, BLOCK_NAME } from './demo-registry';

interface DemoIndicator {
  code: string;
  label: string;
  kind: IndicatorKind;
  target: number | null;
}

interface DemoMovement {
  name: string;
  kind: 'regular' | 'thematic';
  periodFrom: string;
  periodTo: string;
  goals: string;
  directives: string;
  indicators: DemoIndicator[];
  /** Per member code: free text and values (members not listed report the default). */
  results: (code: string) => { summary: string; values: Record<string, number | boolean> };
}

const LEGAL_DRAFTS: Record<string, number> = { 'BL-CCCNTY': 2, 'BL-BQLR': 1, 'BL-TTNS': 1 };
const CHARITY_HOUSE_BY = 'BL-TTKN';

export const DEMO_MOVEMENTS_2020: DemoMovement[] = [
  {
    name: 'Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2020',
    kind: 'regular',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    goals: 'Hoàn thành và hoàn thành vượt mức các chỉ tiêu kế hoạch nhà nước được giao năm 2020.',
    directives: 'Kế hoạch tổ chức phong trào thi đua năm 2020 của Sở Nông nghiệp và Phát triển nông thôn.',
    indicators: [
      {
        code: 'plan_met',
        label: 'Hoàn thành, vượt chỉ tiêu kế hoạch nhà nước',
        kind: 'boolean',
        target: null,
      },
    ],
    results: () => ({
      summary: 'Hoàn thành và hoàn thành vượt mức các chỉ tiêu kế hoạch nhà nước được giao.',
      values: { plan_met: true },
    }),
  },
  {
    name: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    kind: 'thematic',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    goals: 'Thực hiện Chỉ thị số 05-CT/TW thường xuyên, gắn với nhiệm vụ chuyên môn của từng đơn vị.',
    directives: 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.',
    indicators: [],
    results: () => ({
      summary: 'Duy trì thường xuyên việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
      values: {},
    }),
  },
  {
    name: 'Thi đua đẩy mạnh cải cách thể chế, thủ tục hành chính và ứng dụng công nghệ thông tin',
    kind: 'thematic',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    goals: 'Tham mưu xây dựng văn bản quy phạm pháp luật; cải cách thủ tục hành chính; ứng dụng CNTT.',
    directives: 'Kế hoạch cải cách hành chính năm 2020 của Sở.',
    indicators: [
      {
        code: 'legal_drafts',
        label: 'Văn bản quy phạm pháp luật tham mưu xây dựng',
        kind: 'count',
        target: null,
      },
    ],
    results: (code) => {
      const n = LEGAL_DRAFTS[code] ?? 0;
      return {
        summary: n
          ? `Tham mưu xây dựng ${String(n).padStart(2, '0')} văn bản quy phạm pháp luật (dữ liệu minh họa).`
          : 'Rà soát thủ tục hành chính, ứng dụng phần mềm quản lý văn bản (dữ liệu minh họa).',
        values: { legal_drafts: n },
      };
    },
  },
  {
    name: 'Thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng',
    kind: 'thematic',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    goals:
      'Tuyên truyền, phổ biến pháp luật về thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng.',
    directives: 'Luật Thực hành tiết kiệm, chống lãng phí; Luật Phòng, chống tham nhũng.',
    indicators: [],
    results: () => ({
      summary:
        'Tổ chức tuyên truyền, phổ biến pháp luật về tiết kiệm, chống lãng phí, phòng, chống tham nhũng.',
      values: {},
    }),
  },
  {
    name: 'Cả nước chung sức xây dựng nông thôn mới giai đoạn 2016–2020',
    kind: 'thematic',
    periodFrom: '2016-01-01',
    periodTo: '2020-12-31',
    goals: 'Phối hợp thẩm định, đánh giá các tiêu chí xã nông thôn mới.',
    directives: 'Quyết định số 1730/QĐ-TTg ngày 05/9/2016 của Thủ tướng Chính phủ.',
    indicators: [],
    results: () => ({
      summary: 'Cử cán bộ tham gia thẩm định, đánh giá các tiêu chí xã nông thôn mới.',
      values: {},
    }),
  },
  {
    name: 'Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau',
    kind: 'thematic',
    periodFrom: '2020-01-01',
    periodTo: '2020-12-31',
    goals: 'Hỗ trợ người nghèo: xây nhà tình thương, đóng góp ngày lương của cán bộ, viên chức.',
    directives: 'Quyết định số 1258/QĐ-TTg ngày 24/9/2016 của Thủ tướng Chính phủ.',
    indicators: [
      { code: 'charity_houses', label: 'Nhà tình thương xây dựng', kind: 'count', target: null },
      { code: 'charity_value', label: 'Giá trị nhà tình thương', kind: 'money', target: null },
      { code: 'salary_days', label: 'Số ngày lương toàn thể cán bộ đóng góp', kind: 'count', target: 3 },
    ],
    results: (code) =>
      code === CHARITY_HOUSE_BY
        ? {
            summary: 'Xây dựng 01 căn nhà tình thương trị giá 30.000.000 đồng; đóng góp 03 ngày lương.',
            values: { charity_houses: 1, charity_value: 30_000_000, salary_days: 3 },
          }
        : {
            summary: 'Toàn thể cán bộ, viên chức đóng góp 03 ngày lương.',
            values: { charity_houses: 0, charity_value: 0, salary_days: 3 },
          },
  },
];

/** 2021 registrations: unit → status and (for a return) the reason. Other members have not registered. */
export const DEMO_REGISTRATIONS_2021: Record<string, { status: string; reason?: string }> = {
  'BL-TTKN': { status: 'approved' },
  'BL-TTNS': { status: 'draft' },
  'BL-BQLR': { status: 'submitted' },
  'BL-BQLCC': { status: 'submitted' },
  'BL-CCCNTY': {
    status: 'returned',
    reason: 'Thiếu danh sách cá nhân đăng ký danh hiệu Lao động tiên tiến; đề nghị bổ sung.',
  },
};

export async function seedDemoMovements(
  tx: DbOrTx,
  now: Date,
): Promise<{ movements: number; registrations: number }> {
  const unitRows = await tx.select({ id: units.id, code: units.code }).from(units);
  const unitId = new Map(unitRows.map((u) => [u.code, u.id]));
  const block = (
    await tx
      .select({ id: blocks.id })
      .from(blocks)
      .where(and(eq(blocks.year, 2020), eq(blocks.name, BLOCK_NAME)))
  )[0];
  if (!block) throw new Error('Demo movements need the 2020 block');
  const members = BLOCK_2020_MEMBERS.map((c) => unitId.get(c)!);
  const launchedAt = new Date('2020-01-15T08:00:00+07:00');

  for (const m of DEMO_MOVEMENTS_2020) {
    const [row] = await tx
      .insert(movements)
      .values({
        name: m.name,
        kind: m.kind,
        year: 2020,
        launchingUnitId: unitId.get('BL-SNN')!,
        periodFrom: m.periodFrom,
        periodTo: m.periodTo,
        targetKind: 'block',
        targetBlockId: block.id,
        goals: m.goals,
        directives: m.directives,
        // The year is over: results are final.
        status: 'closed',
        launchedAt,
        closedAt: new Date('2020-12-31T17:00:00+07:00'),
      })
      .returning({ id: movements.id });
    const movementId = row!.id;
    if (m.indicators.length)
      await tx
        .insert(movementIndicators)
        .values(m.indicators.map((i, position) => ({ ...i, movementId, position })));
    await tx.insert(movementTargets).values(members.map((u) => ({ movementId, unitId: u })));
    await tx.insert(notifications).values(
      members.map((u) => ({
        unitId: u,
        kind: 'movement.launched',
        title: `Phát động phong trào: ${m.name}`,
        body: 'Sở Nông nghiệp và Phát triển nông thôn phát động phong trào thi đua.',
        entityType: 'movement',
        entityId: movementId,
        createdAt: launchedAt,
      })),
    );
    await tx.insert(movementResults).values(
      BLOCK_2020_MEMBERS.map((code) => ({
        movementId,
        unitId: unitId.get(code)!,
        ...m.results(code),
        createdAt: new Date('2020-12-15T08:00:00+07:00'),
        updatedAt: new Date('2020-12-15T08:00:00+07:00'),
      })),
    );
  }

  let n = 0;
  for (const [code, r] of Object.entries(DEMO_REGISTRATIONS_2021)) {
    const id = unitId.get(code)!;
    // Two of the unit's people (first in Vietnamese order) aim for Chiến sĩ thi đua cơ sở and LĐTT.
    const staff = await tx
      .select({ id: people.id })
      .from(people)
      .where(sql`${people.currentUnitId} in ${unitSubtree(id)}`)
      .orderBy(sql`${people.sortKey} collate "C"`, asc(people.id))
      .limit(2);
    const submitted = r.status !== 'draft';
    const [reg] = await tx
      .insert(registrations)
      .values({
        unitId: id,
        year: 2021,
        status: r.status,
        returnReason: r.reason ?? null,
        submittedAt: submitted ? new Date('2021-01-20T08:00:00+07:00') : null,
        decidedAt:
          r.status === 'approved' || r.status === 'returned' ? new Date('2021-01-28T08:00:00+07:00') : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: registrations.id });
    const items = [
      { recipientKind: 'collective', personId: null, awardCode: 'TTLDXS' },
      ...staff.map((p, i) => ({
        recipientKind: 'individual',
        personId: p.id,
        awardCode: i === 0 ? 'CSTDCS' : 'LDTT',
      })),
    ];
    await tx
      .insert(registrationItems)
      .values(items.map((it, position) => ({ ...it, registrationId: reg!.id, position })));
    n++;
  }
  return { movements: DEMO_MOVEMENTS_2020.length, registrations: n };
}
