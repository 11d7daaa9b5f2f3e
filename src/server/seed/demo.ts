/**
 * Demo data: the Bạc Liêu Department of Agriculture and the 2020 emulation block of its public units, from
 * the origin article (../shared/seed). Units the article does not name are invented and flagged `isDemo`.
 * People are fictional. Later issues extend this seed.
 */
import { count } from 'drizzle-orm';
import type { Database, DbOrTx } from '../platform/db/database';
import { appMeta, blockMembers, blocks, units, users } from '../platform/db/schema';
import { hashPassword } from '../platform/passwords';
import { recordAudit } from '../platform/audit';
import { systemActor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Role } from '../../shared/permissions';

export const DEMO_PASSWORD = 'VinhDanh2020';

interface SeedUnit {
  code: string;
  name: string;
  shortName?: string;
  kind: string;
  parent?: string;
  documentSymbol?: string;
  isDemo?: boolean;
  activeFrom: string;
}

/** Bạc Liêu province was re-established on 1997-01-01 (Nghị quyết of the National Assembly, 1996). */
export const DEMO_UNITS: SeedUnit[] = [
  {
    code: 'BL-UBND',
    name: 'Ủy ban nhân dân tỉnh Bạc Liêu',
    shortName: 'UBND tỉnh Bạc Liêu',
    kind: 'state_agency',
    documentSymbol: 'UBND',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-SNN',
    name: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu',
    shortName: 'Sở NN&PTNT',
    kind: 'state_agency',
    parent: 'BL-UBND',
    documentSymbol: 'SNN',
    activeFrom: '1997-01-01',
  },
  { code: 'BL-SNN-VP', name: 'Văn phòng Sở', kind: 'division', parent: 'BL-SNN', activeFrom: '1997-01-01' },
  // The block's eight members (2020).
  {
    code: 'BL-TTKN',
    name: 'Trung tâm Khuyến nông tỉnh Bạc Liêu',
    shortName: 'TT Khuyến nông',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-TTNS',
    name: 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh Bạc Liêu',
    shortName: 'TT Nước sạch và VSMTNT',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-BQLR',
    name: 'Ban Quản lý rừng đặc dụng – phòng hộ ven biển Bạc Liêu',
    shortName: 'BQL rừng phòng hộ ven biển',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  // Named in the article by field only; the exact names are plausible reconstructions.
  {
    code: 'BL-BQLCC',
    name: 'Ban Quản lý cảng cá tỉnh Bạc Liêu',
    shortName: 'BQL cảng cá',
    kind: 'public_service',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  {
    code: 'BL-CCCNTY',
    name: 'Chi cục Chăn nuôi và Thú y tỉnh Bạc Liêu',
    shortName: 'CC Chăn nuôi và Thú y',
    kind: 'state_agency',
    parent: 'BL-SNN',
    activeFrom: '1997-01-01',
  },
  // Not named in the article: invented for the demo.
  {
    code: 'BL-TTGIONG',
    name: 'Trung tâm Giống nông nghiệp (dữ liệu mẫu)',
    kind: 'public_service',
    parent: 'BL-SNN',
    isDemo: true,
    activeFrom: '2005-01-01',
  },
  {
    code: 'BL-TTKNGHIEM',
    name: 'Trung tâm Kiểm nghiệm nông sản (dữ liệu mẫu)',
    kind: 'public_service',
    parent: 'BL-SNN',
    isDemo: true,
    activeFrom: '2008-01-01',
  },
  {
    code: 'BL-BQLDA',
    name: 'Ban Quản lý dự án nông nghiệp (dữ liệu mẫu)',
    kind: 'public_service',
    parent: 'BL-SNN',
    isDemo: true,
    activeFrom: '2010-01-01',
  },
];

export const BLOCK_2020_MEMBERS = [
  'BL-TTKN',
  'BL-TTNS',
  'BL-BQLR',
  'BL-BQLCC',
  'BL-CCCNTY',
  'BL-TTGIONG',
  'BL-TTKNGHIEM',
  'BL-BQLDA',
];

/** One fictional account per role. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string }[] = [
  { username: 'admin', displayName: 'Phan Quốc Bảo', role: 'admin', unit: 'BL-SNN-VP' },
  { username: 'canbo', displayName: 'Lê Thị Ngọc Hân', role: 'officer', unit: 'BL-SNN-VP' },
  { username: 'khoitruong', displayName: 'Trần Văn Khải', role: 'block_lead', unit: 'BL-TTKN' },
  { username: 'donvi', displayName: 'Võ Thị Mỹ Linh', role: 'unit_officer', unit: 'BL-TTNS' },
  { username: 'hoidong', displayName: 'Huỳnh Minh Tâm', role: 'council_member', unit: 'BL-SNN' },
  { username: 'lanhdao', displayName: 'Đặng Hoàng Phúc', role: 'leader', unit: 'BL-SNN' },
];

export async function isEmpty(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(units);
  return Number(rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(database: Database, clock: Clock): Promise<{ seeded: boolean }> {
  // Most starts find data already there: skip the (deliberately slow) password hash then.
  if (!(await isEmpty(database.db))) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) return { seeded: false };
    const ids = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      const [row] = await tx
        .insert(units)
        .values({
          code: u.code,
          name: u.name,
          shortName: u.shortName ?? null,
          kind: u.kind,
          parentId: u.parent ? ids.get(u.parent)! : null,
          documentSymbol: u.documentSymbol ?? null,
          isDemo: u.isDemo ?? false,
          activeFrom: u.activeFrom,
        })
        .returning({ id: units.id });
      ids.set(u.code, row!.id);
    }
    for (const u of DEMO_USERS) {
      await tx.insert(users).values({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitId: ids.get(u.unit)!,
        passwordHash,
        // Never chosen by its user: production start-up forces a change (see ensureProductionPasswords).
        passwordChangedAt: null,
        mustChangePassword: false,
      });
    }
    const [block] = await tx
      .insert(blocks)
      .values({
        year: 2020,
        name: 'Khối thi đua các đơn vị sự nghiệp công lập, đơn vị tổ chức hành chính có sự nghiệp',
        organizerUnitId: ids.get('BL-SNN')!,
        leadUnitId: ids.get('BL-TTKN')!,
        // The article does not name the deputy; the demo picks one.
        deputyUnitId: ids.get('BL-TTNS')!,
      })
      .returning({ id: blocks.id });
    await tx
      .insert(blockMembers)
      .values(BLOCK_2020_MEMBERS.map((code) => ({ blockId: block!.id, unitId: ids.get(code)! })));
    await tx.insert(appMeta).values({ key: 'demo_seeded_at', value: clock().toISOString() });
    await recordAudit(
      tx,
      systemActor(null, 'seed'),
      {
        action: 'seed.demo',
        entityType: 'system',
        after: { units: DEMO_UNITS.length, users: DEMO_USERS.length, blocks: 1 },
      },
      clock,
    );
    return { seeded: true };
  });
}
