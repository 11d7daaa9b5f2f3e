/**
 * Demo councils: the Department's (BL-SNN) Hội đồng Thi đua – Khen thưởng for 2020 and 2021, seven
 * fictional members each (the usual make-up of a department council: the director as chair, a deputy
 * director as vice-chair, heads of the office and the personnel division, the trade union, the youth union,
 * and a secretary from the office). The `hoidong` account sits on both as a member. Secret ballot.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { councilMembers, councils, units, users } from '../platform/db/schema';

export const DEMO_COUNCIL_MEMBERS = [
  { fullName: 'Nguyễn Thành Long', position: 'Giám đốc Sở', councilRole: 'chair' },
  { fullName: 'Trương Thị Mai', position: 'Phó Giám đốc Sở', councilRole: 'vice_chair' },
  { fullName: 'Huỳnh Minh Tâm', position: 'Chánh Văn phòng Sở', councilRole: 'member', username: 'hoidong' },
  { fullName: 'Lâm Văn Nghĩa', position: 'Trưởng phòng Tổ chức cán bộ', councilRole: 'member' },
  { fullName: 'Phan Thị Ngọc Ánh', position: 'Chủ tịch Công đoàn ngành', councilRole: 'member' },
  { fullName: 'Tô Quang Vinh', position: 'Bí thư Đoàn Thanh niên Sở', councilRole: 'member' },
  { fullName: 'Lê Thị Ngọc Hân', position: 'Chuyên viên Văn phòng Sở', councilRole: 'secretary' },
] as const;

export async function seedDemoCouncils(tx: DbOrTx): Promise<{ councils: number; members: number }> {
  const [snn] = await tx.select({ id: units.id }).from(units).where(eq(units.code, 'BL-SNN'));
  if (!snn) return { councils: 0, members: 0 };
  const [hoidong] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'hoidong'));
  let members = 0;
  for (const year of [2020, 2021]) {
    const [c] = await tx
      .insert(councils)
      .values({
        authorityUnitId: snn.id,
        year,
        name: `Hội đồng Thi đua – Khen thưởng Sở Nông nghiệp và Phát triển nông thôn năm ${year}`,
        ballotMode: 'secret',
      })
      .returning({ id: councils.id });
    for (const m of DEMO_COUNCIL_MEMBERS) {
      await tx.insert(councilMembers).values({
        councilId: c!.id,
        fullName: m.fullName,
        position: m.position,
        councilRole: m.councilRole,
        userId: 'username' in m && hoidong ? hoidong.id : null,
      });
      members++;
    }
  }
  return { councils: 2, members };
}
