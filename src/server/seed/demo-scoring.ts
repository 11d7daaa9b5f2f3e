/**
 * Demo block scoring: the origin article's block for 2021 (the same eight members; the article's lead,
 * Trung tâm Khuyến nông, re-elected — a demo choice, so that the demo lead account runs it) with a
 * plausible covenant, open for scoring, no sheet submitted yet. The criteria are invented for the demo:
 * no national template exists (law.md "Blocks").
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { blockMembers, blocks, units } from '../platform/db/schema';
import { scoringRepository as repo } from '../features/scoring/scoring.repository';
import { WOMEN_PREFERENCE } from '../../domain/scoring';
import { BLOCK_2020_MEMBERS, BLOCK_NAME } from './demo-registry';

type Item = {
  code: string;
  label: string;
  parentCode: string | null;
  kind: 'score' | 'bonus' | 'penalty' | 'group';
  maxPoints: number;
  minPoints: number;
  evidenceRequired: boolean;
};

const g = (code: string, label: string, maxPoints: number): Item => ({
  code,
  label,
  parentCode: null,
  kind: 'group',
  maxPoints,
  minPoints: 0,
  evidenceRequired: false,
});
const s = (code: string, label: string, maxPoints: number, evidenceRequired = false): Item => ({
  code,
  label,
  parentCode: code.slice(0, 1),
  kind: 'score',
  maxPoints,
  minPoints: 0,
  evidenceRequired,
});

/** 100 points in four groups, plus up to 5 bonus points and up to 5 penalty points. */
export const DEMO_CRITERIA_2021: Item[] = [
  g('A', 'Thực hiện nhiệm vụ chính trị, chuyên môn được giao', 40),
  s('A1', 'Hoàn thành và vượt các chỉ tiêu kế hoạch nhà nước giao trong năm', 15, true),
  s('A2', 'Chất lượng, hiệu quả cung ứng dịch vụ sự nghiệp công', 10),
  s('A3', 'Ứng dụng tiến bộ kỹ thuật, chuyển giao mô hình sản xuất cho nông dân', 10),
  s('A4', 'Thực hiện chế độ báo cáo định kỳ đầy đủ, đúng hạn', 5),
  g('B', 'Công tác thi đua, khen thưởng', 25),
  s('B1', 'Đăng ký thi đua và ký kết giao ước thi đua đầu năm', 5),
  s('B2', 'Tổ chức phong trào thi đua thường xuyên và theo chuyên đề', 10, true),
  s('B3', 'Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến', 5),
  s('B4', 'Hồ sơ đề nghị khen thưởng đúng quy định, đúng thời hạn', 5),
  g('C', 'Cải cách hành chính, kỷ luật, kỷ cương; thực hành tiết kiệm, phòng, chống tham nhũng', 20),
  s('C1', 'Cải cách thủ tục hành chính, ứng dụng công nghệ thông tin, chuyển đổi số', 8),
  s('C2', 'Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực', 6),
  s('C3', 'Chấp hành kỷ luật, kỷ cương hành chính', 6),
  g('D', 'Xây dựng tổ chức, đoàn thể và công tác an sinh xã hội', 15),
  s('D1', 'Xây dựng tổ chức Đảng, đoàn thể trong sạch, vững mạnh', 5),
  s('D2', 'Tham gia hoạt động xã hội, từ thiện (nhà tình thương, quỹ vì người nghèo…)', 5, true),
  s('D3', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 5),
  {
    code: 'T1',
    label: 'Điểm thưởng: sáng kiến, mô hình mới được cấp có thẩm quyền công nhận',
    parentCode: null,
    kind: 'bonus',
    maxPoints: 5,
    minPoints: 0,
    evidenceRequired: true,
  },
  {
    code: 'P1',
    label: 'Điểm trừ: để xảy ra vi phạm bị xử lý kỷ luật, báo cáo trễ hạn',
    parentCode: null,
    kind: 'penalty',
    maxPoints: 0,
    minPoints: -5,
    evidenceRequired: false,
  },
];

export async function seedDemoScoring(tx: DbOrTx, clock: Clock): Promise<{ scoringSets: number }> {
  const rows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, [...BLOCK_2020_MEMBERS, 'BL-SNN']));
  const id = new Map(rows.map((r) => [r.code, r.id]));
  const existing = await tx
    .select({ id: blocks.id })
    .from(blocks)
    .where(and(eq(blocks.year, 2021), eq(blocks.name, BLOCK_NAME)));
  let blockId = existing[0]?.id;
  if (!blockId) {
    const [row] = await tx
      .insert(blocks)
      .values({
        year: 2021,
        name: BLOCK_NAME,
        organizerUnitId: id.get('BL-SNN')!,
        leadUnitId: id.get('BL-TTKN')!,
        deputyUnitId: id.get('BL-TTNS')!,
      })
      .returning({ id: blocks.id });
    blockId = row!.id;
    await tx
      .insert(blockMembers)
      .values(BLOCK_2020_MEMBERS.map((code) => ({ blockId: blockId!, unitId: id.get(code)! })));
  }
  const now = clock();
  const set = await repo.insertSet(tx, {
    blockId,
    tieRules: [{ kind: 'criterion', code: 'A' }, { kind: 'criterion', code: 'B' }, WOMEN_PREFERENCE],
    copiedFromSetId: null,
    now,
  });
  await repo.replaceCriteria(tx, set.id, DEMO_CRITERIA_2021);
  await repo.updateSet(tx, set, { status: 'open', openedAt: now }, now);
  await repo.createSheets(
    tx,
    set.id,
    BLOCK_2020_MEMBERS.map((code) => id.get(code)!),
    now,
  );
  return { scoringSets: 1 };
}
