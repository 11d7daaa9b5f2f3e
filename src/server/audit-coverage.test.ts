/**
 * Every successful write through the API leaves exactly the audit row that names it, with the caller as
 * actor and the request id of the call; and every write route of the app is covered by this list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from './testing/harness';
import { auditLog, people, units, users } from './platform/db/schema';
// Issue 6: disclosure and council steps.
import { disclosures } from './platform/db/schema';
import { insertDossierUnderReview } from './testing/awarding-fixtures';
// Issue 6: decision steps.
import { makeDossier } from './features/decisions/decisions.fixtures';
// Issue 7: the emulation fund.
import { issuedDecision } from './features/fund/fund.fixtures';
import { defaultLayout } from '../domain/certificates';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

const id = async (table: 'units' | 'users', key: string) =>
  table === 'units'
    ? (await t.database.db.select().from(units).where(eq(units.code, key)))[0]!
    : (await t.database.db.select().from(users).where(eq(users.username, key)))[0]!;

const person = async (code: string) =>
  (await t.database.db.select().from(people).where(eq(people.code, code)))[0]!;

const scoringBlock = async (year: number) =>
  (
    await t.database.rows<{ id: string }>(
      sql`select id from blocks where year = ${year} and name = 'Khối chấm điểm kiểm tra'`,
    )
  )[0]!.id;

type Step = [
  route: string,
  action: string,
  run: () => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
];

/** Issue 6 (disclosure, council): what one step leaves for the next. */
const aw: Record<string, string> = {};
/** Issue 6 (decisions): the draft the steps create, edit and issue. */
const dc: Record<string, string> = {};
/** Issue 6 (dossiers): the dossier and nominees the steps create. */
const ds: Record<string, string> = {};
/** Issue 7 (news): the category, item and link the steps create. */
const nw: Record<string, string> = {};
/** Issue 7 (fund): the ledger entry the steps create, edit and delete. */
const fd: Record<string, string> = {};
const fundEntry = async (amount: number) => ({
  unitId: (await id('units', 'BL-SNN')).id,
  year: 2020,
  entryDate: '2020-03-02',
  direction: 'income',
  category: 'donation',
  amount,
  description: 'Đóng góp của doanh nghiệp',
});
const awJson = async (s: Session, method: string, url: string, body?: unknown) => {
  const res = await s.request(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string };
};
const sessionVersion = async () =>
  (
    (await awJson(await t.login('canbo'), 'GET', `/api/councils/sessions/${aw.session}`)).session as {
      version: number;
    }
  ).version;

const steps: Step[] = [
  [
    'POST /api/units',
    'unit.create',
    () =>
      admin.request('POST', '/api/units', {
        code: 'AC-1',
        name: 'Kiểm tra',
        kind: 'other',
        parentId: null,
        activeFrom: '2026-01-01',
      }),
  ],
  [
    'PATCH /api/units/:id',
    'unit.update',
    async () => {
      const u = await id('units', 'AC-1');
      return admin.request('PATCH', `/api/units/${u.id}`, { name: 'Kiểm tra 2', version: u.version });
    },
  ],
  [
    'POST /api/units/:id/deactivate',
    'unit.deactivate',
    async () => {
      const u = await id('units', 'AC-1');
      return admin.request('POST', `/api/units/${u.id}/deactivate`, {
        activeTo: '2026-02-01',
        version: u.version,
      });
    },
  ],
  [
    'POST /api/units/:id/reactivate',
    'unit.reactivate',
    async () => {
      const u = await id('units', 'AC-1');
      return admin.request('POST', `/api/units/${u.id}/reactivate`, { version: u.version });
    },
  ],
  [
    'POST /api/users',
    'user.create',
    async () =>
      admin.request('POST', '/api/users', {
        username: 'ac.user',
        displayName: 'Người Kiểm Tra',
        role: 'leader',
        unitId: (await id('units', 'AC-1')).id,
        password: 'KiemTra2026x',
      }),
  ],
  [
    'PATCH /api/users/:id',
    'user.update',
    async () => {
      const u = await id('users', 'ac.user');
      return admin.request('PATCH', `/api/users/${u.id}`, { role: 'officer', version: u.version });
    },
  ],
  [
    'POST /api/users/:id/reset-password',
    'user.reset_password',
    async () =>
      admin.request('POST', `/api/users/${(await id('users', 'ac.user')).id}/reset-password`, {
        newPassword: 'DatLai2026abc',
      }),
  ],
  [
    'POST /api/users/:id/unlock',
    'user.unlock',
    async () => admin.request('POST', `/api/users/${(await id('users', 'ac.user')).id}/unlock`),
  ],
  [
    'POST /api/users/:id/revoke-sessions',
    'user.revoke_sessions',
    async () => admin.request('POST', `/api/users/${(await id('users', 'ac.user')).id}/revoke-sessions`),
  ],
  [
    'POST /api/people',
    'person.create',
    async () =>
      admin.request('POST', '/api/people', {
        code: 'AC-P1',
        fullName: 'Phạm Thị Kiểm',
        sex: 'female',
        unitId: (await id('units', 'AC-1')).id,
        fromDate: '2020-01-01',
      }),
  ],
  [
    'PATCH /api/people/:id',
    'person.update',
    async () => {
      const p = await person('AC-P1');
      return admin.request('PATCH', `/api/people/${p.id}`, { position: 'Chuyên viên', version: p.version });
    },
  ],
  [
    'POST /api/people/:id/transfer',
    'person.transfer',
    async () =>
      admin.request('POST', `/api/people/${(await person('AC-P1')).id}/transfer`, {
        unitId: (await id('units', 'BL-TTKN')).id,
        fromDate: '2021-01-01',
      }),
  ],
  [
    'PUT /api/people/:id/evaluations/:year',
    'person.evaluation.create',
    async () =>
      admin.request('PUT', `/api/people/${(await person('AC-P1')).id}/evaluations/2021`, { rating: 'HTTNV' }),
  ],
  [
    'POST /api/people/:id/leaves',
    'person.leave.create',
    async () =>
      admin.request('POST', `/api/people/${(await person('AC-P1')).id}/leaves`, {
        kind: 'sick',
        fromDate: '2021-03-01',
        toDate: '2021-03-10',
      }),
  ],
  [
    'DELETE /api/people/:id/leaves/:recordId',
    'person.leave.delete',
    async () => {
      const p = await person('AC-P1');
      const prof = (await admin.request('GET', `/api/people/${p.id}`)).json();
      return admin.request('DELETE', `/api/people/${p.id}/leaves/${prof.leaves[0].id}`);
    },
  ],
  [
    'POST /api/people/:id/trainings',
    'person.training.create',
    async () =>
      admin.request('POST', `/api/people/${(await person('AC-P1')).id}/trainings`, {
        fromDate: '2019-01-01',
        toDate: '2019-03-01',
      }),
  ],
  [
    'DELETE /api/people/:id/trainings/:recordId',
    'person.training.delete',
    async () => {
      const p = await person('AC-P1');
      const prof = (await admin.request('GET', `/api/people/${p.id}`)).json();
      return admin.request('DELETE', `/api/people/${p.id}/trainings/${prof.trainings[0].id}`);
    },
  ],
  [
    'POST /api/people/:id/disciplines',
    'person.discipline.create',
    async () =>
      admin.request('POST', `/api/people/${(await person('AC-P1')).id}/disciplines`, {
        level: 'khien_trach',
        decisionNumber: '9/QĐ',
        decisionDate: '2021-05-01',
        fromDate: '2021-05-01',
      }),
  ],
  [
    'DELETE /api/people/:id/disciplines/:recordId',
    'person.discipline.delete',
    async () => {
      const p = await person('AC-P1');
      const prof = (await admin.request('GET', `/api/people/${p.id}`)).json();
      return admin.request('DELETE', `/api/people/${p.id}/disciplines/${prof.disciplines[0].id}`);
    },
  ],
  [
    'POST /api/registry/import',
    'registry.import',
    () =>
      admin.upload(
        '/api/registry/import?target=dataset&mode=commit',
        'd.json',
        JSON.stringify({
          format: 'vinhdanh-dataset',
          version: 1,
          people: [{ code: 'AC-P2', fullName: 'Võ Văn Nhập', sex: 'male' }],
        }),
      ),
  ],
  [
    'POST /api/registry/blocks',
    'block.create',
    async () =>
      admin.request('POST', '/api/registry/blocks', {
        year: 2030,
        name: 'Khối kiểm tra',
        organizerUnitId: (await id('units', 'BL-SNN')).id,
        leadUnitId: null,
        deputyUnitId: null,
        memberUnitIds: [(await id('units', 'AC-1')).id],
      }),
  ],
  [
    'PUT /api/registry/blocks/:id',
    'block.update',
    async () => {
      const b = (await admin.request('GET', '/api/registry/blocks?year=2030')).json()[0];
      return admin.request('PUT', `/api/registry/blocks/${b.id}`, {
        year: 2030,
        name: 'Khối kiểm tra 2',
        organizerUnitId: b.organizerUnitId,
        leadUnitId: null,
        deputyUnitId: null,
        memberUnitIds: [b.members[0].unitId],
        version: b.version,
      });
    },
  ],
  [
    'POST /api/registry/successions',
    'unit.succession.create',
    async () =>
      admin.request('POST', '/api/registry/successions', {
        predecessorId: (await id('units', 'AC-1')).id,
        successorId: (await id('units', 'BL-TTKN')).id,
        effectiveDate: '2026-01-01',
      }),
  ],
  [
    'DELETE /api/registry/successions/:id',
    'unit.succession.delete',
    async () => {
      const rows = await t.database.rows<{ id: string }>(
        sql`select s.id from unit_successions s join units u on u.id = s.predecessor_id where u.code = 'AC-1'`,
      );
      return admin.request('DELETE', `/api/registry/successions/${rows[0]!.id}`);
    },
  ],
  [
    'POST /api/rules/local-packs',
    'rules.local.create',
    () =>
      admin.request('POST', '/api/rules/local-packs', {
        id: 'AC-PACK',
        name: 'Quy định kiểm thử',
        issuer: 'UBND tỉnh',
        effectiveFrom: '2026-01-01',
        criteria: [],
        quotas: [],
        citation: { instrument: 'Quyết định kiểm thử', verified: false },
      }),
  ],
  [
    'PUT /api/rules/local-packs/:id',
    'rules.local.update',
    () =>
      admin.request('PUT', '/api/rules/local-packs/AC-PACK', {
        name: 'Quy định kiểm thử (sửa)',
        issuer: 'UBND tỉnh',
        effectiveFrom: '2026-01-01',
        criteria: [],
        quotas: [],
        citation: { instrument: 'Quyết định kiểm thử', verified: false },
        version: 1,
      }),
  ],
  [
    'POST /api/rules/local-packs/:id/enabled',
    'rules.local.enable',
    () => admin.request('POST', '/api/rules/local-packs/AC-PACK/enabled', { enabled: true, version: 2 }),
  ],
  [
    'POST /api/rules/base-salaries',
    'salary.create',
    () =>
      admin.request('POST', '/api/rules/base-salaries', {
        effectiveFrom: '2030-01-01',
        amount: 3_000_000,
        instrument: 'Nghị định kiểm thử',
      }),
  ],
  [
    'PUT /api/rules/base-salaries/:id',
    'salary.update',
    async () => {
      const rows = await t.database.rows<{ id: string }>(
        sql`select id from base_salaries where effective_from = '2030-01-01'`,
      );
      return admin.request('PUT', `/api/rules/base-salaries/${rows[0]!.id}`, {
        effectiveFrom: '2030-01-01',
        amount: 3_100_000,
        instrument: 'Nghị định kiểm thử',
        version: 1,
      });
    },
  ],
  [
    'DELETE /api/rules/base-salaries/:id',
    'salary.delete',
    async () => {
      const rows = await t.database.rows<{ id: string }>(
        sql`select id from base_salaries where effective_from = '2030-01-01'`,
      );
      return admin.request('DELETE', `/api/rules/base-salaries/${rows[0]!.id}`);
    },
  ],
  // ── Issue 5: movements (phong trào) and registration (đăng ký thi đua)
  [
    'POST /api/movements',
    'movement.create',
    async () =>
      (await t.login('canbo')).request('POST', '/api/movements', {
        name: 'Phong trào kiểm tra',
        kind: 'thematic',
        year: 2030,
        launchingUnitId: (await id('units', 'BL-SNN')).id,
        periodFrom: '2030-01-01',
        periodTo: '2030-12-31',
        targetKind: 'list',
        targetUnitIds: [(await id('units', 'BL-TTNS')).id],
        indicators: [{ code: 'n', label: 'Số lượng', kind: 'count', target: null }],
      }),
  ],
  [
    'PUT /api/movements/:id',
    'movement.update',
    async () => {
      const canbo = await t.login('canbo');
      const m = (await canbo.request('GET', '/api/movements?year=2030')).json()[0];
      const d = (await canbo.request('GET', `/api/movements/${m.id}`)).json();
      return canbo.request('PUT', `/api/movements/${m.id}`, {
        movement: {
          name: 'Phong trào kiểm tra (sửa)',
          kind: d.kind,
          year: d.year,
          launchingUnitId: d.launchingUnitId,
          periodFrom: d.periodFrom,
          periodTo: d.periodTo,
          targetKind: d.targetKind,
          targetUnitIds: d.targetUnitIds,
          indicators: [{ code: 'n', label: 'Số lượng', kind: 'count', target: null }],
        },
        version: d.version,
      });
    },
  ],
  [
    'POST /api/movements/:id/launch',
    'movement.launch',
    async () => {
      const canbo = await t.login('canbo');
      const m = (await canbo.request('GET', '/api/movements?year=2030')).json()[0];
      return canbo.request('POST', `/api/movements/${m.id}/launch`, { version: m.version });
    },
  ],
  [
    'PUT /api/movements/:id/results/:unitId',
    'movement.result.report',
    async () => {
      const donvi = await t.login('donvi');
      const m = (await donvi.request('GET', '/api/movements?year=2030')).json()[0];
      return donvi.request('PUT', `/api/movements/${m.id}/results/${donvi.user.unitId}`, {
        summary: 'Đã thực hiện',
        values: { n: 2 },
        version: null,
      });
    },
  ],
  [
    'POST /api/movements/:id/close',
    'movement.close',
    async () => {
      const canbo = await t.login('canbo');
      const m = (await canbo.request('GET', '/api/movements?year=2030')).json()[0];
      return canbo.request('POST', `/api/movements/${m.id}/close`, { version: m.version });
    },
  ],
  [
    'POST /api/registrations',
    'registration.create',
    async () =>
      (await t.login('donvi')).request('POST', '/api/registrations', {
        year: 2030,
        items: [{ recipientKind: 'collective', awardCode: 'TTLDTT' }],
      }),
  ],
  [
    'PUT /api/registrations/:id',
    'registration.update',
    async () => {
      const donvi = await t.login('donvi');
      const r = (await donvi.request('GET', '/api/registrations?year=2030')).json()[0];
      return donvi.request('PUT', `/api/registrations/${r.id}`, {
        note: 'Đăng ký',
        items: [{ recipientKind: 'collective', awardCode: 'TTLDXS' }],
        version: r.version,
      });
    },
  ],
  [
    'POST /api/registrations/:id/items/import',
    'registration.import',
    async () => {
      const donvi = await t.login('donvi');
      const r = (await donvi.request('GET', '/api/registrations?year=2030')).json()[0];
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Đăng ký thi đua');
      ws.addRow(['STT', 'Đối tượng (Tập thể/Cá nhân)', 'Mã cán bộ', 'Họ và tên', 'Danh hiệu, hình thức']);
      ws.addRow([1, 'Tập thể', '', '', 'Tập thể lao động xuất sắc']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      return donvi.upload(`/api/registrations/${r.id}/items/import?version=${r.version}`, 'dk.xlsx', file);
    },
  ],
  [
    'POST /api/registrations/:id/submit',
    'registration.submit',
    async () => {
      const donvi = await t.login('donvi');
      const r = (await donvi.request('GET', '/api/registrations?year=2030')).json()[0];
      return donvi.request('POST', `/api/registrations/${r.id}/submit`, { version: r.version });
    },
  ],
  [
    'POST /api/registrations/:id/return',
    'registration.return',
    async () => {
      const canbo = await t.login('canbo');
      const r = (await canbo.request('GET', '/api/registrations?year=2030')).json()[0];
      return canbo.request('POST', `/api/registrations/${r.id}/return`, {
        reason: 'Bổ sung danh sách cá nhân',
        version: r.version,
      });
    },
  ],
  [
    'POST /api/registrations/:id/approve',
    'registration.approve',
    async () => {
      const donvi = await t.login('donvi');
      const r = (await donvi.request('GET', '/api/registrations?year=2030')).json()[0];
      const submitted = (
        await donvi.request('POST', `/api/registrations/${r.id}/submit`, { version: r.version })
      ).json();
      return (await t.login('canbo')).request('POST', `/api/registrations/${r.id}/approve`, {
        version: submitted.version,
      });
    },
  ],
  [
    'POST /api/registrations/forward',
    'registration.forward',
    async () => (await t.login('canbo')).request('POST', '/api/registrations/forward', { year: 2030 }),
  ],
  // ── Issue 5: block covenant and scoring (a one-member block led by BL-TTKN, years 2031–2032)
  [
    'PUT /api/scoring/blocks/:blockId/criteria',
    'scoring.criteria.create',
    async () => {
      const admin2 = await t.login('admin');
      for (const year of [2031, 2032]) {
        await admin2.request('POST', '/api/registry/blocks', {
          year,
          name: 'Khối chấm điểm kiểm tra',
          organizerUnitId: (await id('units', 'BL-SNN')).id,
          leadUnitId: (await id('units', 'BL-TTKN')).id,
          deputyUnitId: null,
          memberUnitIds: [(await id('units', 'BL-TTKN')).id],
        });
      }
      return (await t.login('khoitruong')).request(
        'PUT',
        `/api/scoring/blocks/${await scoringBlock(2031)}/criteria`,
        {
          criteria: [
            {
              code: 'A',
              label: 'Nhóm A',
              parentCode: null,
              kind: 'group',
              maxPoints: 10,
              minPoints: 0,
              evidenceRequired: false,
            },
            {
              code: 'A1',
              label: 'Tiêu chí A1',
              parentCode: 'A',
              kind: 'score',
              maxPoints: 10,
              minPoints: 0,
              evidenceRequired: false,
            },
          ],
          tieRules: [{ kind: 'women_share' }],
        },
      );
    },
  ],
  [
    'POST /api/scoring/blocks/:blockId/criteria/copy',
    'scoring.criteria.copy',
    async () =>
      (await t.login('khoitruong')).request(
        'POST',
        `/api/scoring/blocks/${await scoringBlock(2032)}/criteria/copy`,
        {},
      ),
  ],
  [
    'POST /api/scoring/blocks/:blockId/open',
    'scoring.open',
    async () => {
      const lead = await t.login('khoitruong');
      const b = (await lead.request('GET', `/api/scoring/blocks/${await scoringBlock(2031)}`)).json();
      return lead.request('POST', `/api/scoring/blocks/${b.block.id}/open`, { version: b.set.version });
    },
  ],
  [
    'PUT /api/scoring/sheets/:sheetId/self',
    'scoring.sheet.submit',
    async () => {
      const lead = await t.login('khoitruong');
      const b = (await lead.request('GET', `/api/scoring/blocks/${await scoringBlock(2031)}`)).json();
      return lead.request('PUT', `/api/scoring/sheets/${b.sheets[0].id}/self`, {
        version: b.sheets[0].version,
        submit: true,
        scores: [{ criterionId: b.criteria[1].id, selfScore: 9 }],
      });
    },
  ],
  [
    'POST /api/scoring/sheets/:sheetId/evidence',
    'scoring.evidence.upload',
    async () => {
      const lead = await t.login('khoitruong');
      const b = (await lead.request('GET', `/api/scoring/blocks/${await scoringBlock(2031)}`)).json();
      return lead.upload(
        `/api/scoring/sheets/${b.sheets[0].id}/evidence?criterionId=${b.criteria[1].id}`,
        'bien-ban.pdf',
        Buffer.from('%PDF-1.7\n%%EOF\n'),
      );
    },
  ],
  [
    'PUT /api/scoring/sheets/:sheetId/check',
    'scoring.sheet.check',
    async () => {
      const lead = await t.login('khoitruong');
      const b = (await lead.request('GET', `/api/scoring/blocks/${await scoringBlock(2031)}`)).json();
      return lead.request('PUT', `/api/scoring/sheets/${b.sheets[0].id}/check`, {
        version: b.sheets[0].version,
        scores: [{ criterionId: b.criteria[1].id, checkedScore: 8, reason: 'Kiểm tra chéo' }],
      });
    },
  ],
  [
    'POST /api/scoring/blocks/:blockId/lock',
    'scoring.lock',
    async () => {
      const lead = await t.login('khoitruong');
      const b = (await lead.request('GET', `/api/scoring/blocks/${await scoringBlock(2031)}`)).json();
      return lead.request('POST', `/api/scoring/blocks/${b.block.id}/lock`, {
        version: b.set.version,
        meetingNote: 'Biên bản họp khối',
      });
    },
  ],
  [
    'PUT /api/scoring/blocks/:blockId/proposal',
    'scoring.propose',
    async () =>
      (await t.login('khoitruong')).request(
        'PUT',
        `/api/scoring/blocks/${await scoringBlock(2031)}/proposal`,
        {
          flagUnitId: (await id('units', 'BL-TTKN')).id,
          bkUnitIds: [],
          note: null,
        },
      ),
  ],
  [
    'POST /api/scoring/blocks/:blockId/proposal/dossier',
    'scoring.proposal.dossier',
    async () =>
      (await t.login('khoitruong')).request(
        'POST',
        `/api/scoring/blocks/${await scoringBlock(2031)}/proposal/dossier`,
        {},
      ),
  ],
  [
    'POST /api/scoring/blocks/:blockId/rotation',
    'scoring.rotate',
    async () =>
      (await t.login('khoitruong')).request(
        'POST',
        `/api/scoring/blocks/${await scoringBlock(2031)}/rotation`,
        {},
      ),
  ],
  [
    'POST /api/auth/login',
    'auth.login',
    () =>
      t.sut.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'canbo', password: 'VinhDanh2020' },
      }),
  ],
  [
    'POST /api/auth/change-password',
    'auth.password_changed',
    async () =>
      (await t.login('khoitruong')).request('POST', '/api/auth/change-password', {
        currentPassword: 'VinhDanh2020',
        newPassword: 'KhoiTruong2026',
        confirmPassword: 'KhoiTruong2026',
      }),
  ],
  [
    'DELETE /api/auth/sessions/:id',
    'auth.session_revoked',
    async () => {
      const s = await t.login('lanhdao');
      await t.login('lanhdao');
      const list = (await s.request('GET', '/api/auth/sessions')).json() as {
        id: string;
        current: boolean;
      }[];
      return s.request('DELETE', `/api/auth/sessions/${list.find((x) => !x.current)!.id}`);
    },
  ],
  // Issue 6: disclosure (công khai) and council ballots.
  [
    'POST /api/disclosures',
    'disclosure.publish',
    async () => {
      const { dossier } = await insertDossierUnderReview(t.database.db, {
        nominees: [{ unitCode: 'BL-TTNS', awardCode: 'TTLDXS' }],
      });
      aw.dossier = dossier.id;
      return (await t.login('canbo')).request('POST', '/api/disclosures', {
        dossierId: dossier.id,
        workingDays: 3,
      });
    },
  ],
  [
    'POST /api/public/disclosures/:id/comments',
    'disclosure.comment',
    async () => {
      const [d] = await t.database.db
        .select()
        .from(disclosures)
        .where(eq(disclosures.dossierId, aw.dossier!));
      const page = await t.sut.inject({ method: 'GET', url: `/api/public/disclosures/${d!.id}` });
      t.time.advance(5_000);
      return t.sut.inject({
        method: 'POST',
        url: `/api/public/disclosures/${d!.id}/comments`,
        payload: { name: 'Người dân', contact: '0900 000 000', body: 'Ý kiến', token: page.json().formToken },
      });
    },
  ],
  [
    'POST /api/disclosures/comments/:commentId/handle',
    'disclosure.comment.handle',
    async () => {
      const officer = await t.login('canbo');
      const list = (await officer.request('GET', `/api/disclosures/dossiers/${aw.dossier}/comments`)).json();
      return officer.request('POST', `/api/disclosures/comments/${list[0].id}/handle`, { note: 'Đã xử lý' });
    },
  ],
  [
    'POST /api/councils',
    'council.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/councils', {
        authorityUnitId: (await id('units', 'BL-SNN')).id,
        year: 2020,
        name: 'Hội đồng kiểm tra',
      });
      aw.council = res.json().id;
      return res;
    },
  ],
  [
    'PATCH /api/councils/:councilId',
    'council.update',
    async () =>
      (await t.login('canbo')).request('PATCH', `/api/councils/${aw.council}`, {
        name: 'Hội đồng kiểm tra 2',
        ballotMode: 'secret',
        version: 1,
      }),
  ],
  [
    'POST /api/councils/:councilId/members',
    'council.member.add',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', `/api/councils/${aw.council}/members`, {
        fullName: 'Thành Viên Một',
        councilRole: 'chair',
      });
      aw.member = res.json().members[0].id;
      return res;
    },
  ],
  [
    'PUT /api/councils/members/:memberId',
    'council.member.update',
    async () =>
      (await t.login('canbo')).request('PUT', `/api/councils/members/${aw.member}`, {
        fullName: 'Thành Viên Một',
        councilRole: 'chair',
        userId: (await id('users', 'hoidong')).id,
      }),
  ],
  [
    'DELETE /api/councils/members/:memberId',
    'council.member.remove',
    async () => {
      const officer = await t.login('canbo');
      const c = await awJson(officer, 'POST', `/api/councils/${aw.council}/members`, {
        fullName: 'Tạm',
        councilRole: 'member',
      });
      const temp = (c.members as { id: string; fullName: string }[]).find((m) => m.fullName === 'Tạm')!;
      return officer.request('DELETE', `/api/councils/members/${temp.id}`);
    },
  ],
  [
    'POST /api/councils/:councilId/sessions',
    'council.session.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', `/api/councils/${aw.council}/sessions`, {
        title: 'Phiên kiểm tra',
        heldOn: '2026-03-10',
      });
      aw.session = res.json().session.id;
      return res;
    },
  ],
  [
    'POST /api/councils/sessions/:sessionId/agenda',
    'council.agenda.add',
    async () => {
      // The disclosure period is over (set-up: its dates move into the past).
      await t.database.db
        .update(disclosures)
        .set({ opensOn: '2026-02-02', closesOn: '2026-02-05' })
        .where(eq(disclosures.dossierId, aw.dossier!));
      return (await t.login('canbo')).request('POST', `/api/councils/sessions/${aw.session}/agenda`, {
        dossierId: aw.dossier,
      });
    },
  ],
  [
    'PUT /api/councils/sessions/:sessionId/attendance',
    'council.attendance',
    async () => {
      const officer = await t.login('canbo');
      for (const fullName of ['Thành Viên Hai', 'Thành Viên Ba']) {
        await awJson(officer, 'POST', `/api/councils/${aw.council}/members`, {
          fullName,
          councilRole: 'member',
        });
      }
      const c = await awJson(officer, 'GET', `/api/councils/${aw.council}`);
      const members = c.members as { id: string; fullName: string }[];
      aw.paperMember = members.find((m) => m.fullName === 'Thành Viên Hai')!.id;
      return officer.request('PUT', `/api/councils/sessions/${aw.session}/attendance`, {
        entries: members.map((m) => ({ memberId: m.id, presence: 'present' })),
      });
    },
  ],
  [
    'POST /api/councils/sessions/:sessionId/open',
    'council.session.open',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', `/api/councils/sessions/${aw.session}/open`, {
        version: await sessionVersion(),
      });
      aw.item = res.json().items[0].id;
      return res;
    },
  ],
  [
    'POST /api/councils/items/:itemId/vote',
    'council.ballot',
    async () =>
      (await t.login('hoidong')).request('POST', `/api/councils/items/${aw.item}/vote`, { choice: 'no' }),
  ],
  [
    'POST /api/councils/items/:itemId/paper-ballots',
    'council.ballot',
    async () =>
      (await t.login('canbo')).request('POST', `/api/councils/items/${aw.item}/paper-ballots`, {
        memberId: aw.paperMember,
        choice: 'yes',
      }),
  ],
  [
    // 1 yes of 3 members: not passed, so the dossier is not approved and the close is the last row.
    'POST /api/councils/sessions/:sessionId/close',
    'council.session.close',
    async () =>
      (await t.login('canbo')).request('POST', `/api/councils/sessions/${aw.session}/close`, {
        version: await sessionVersion(),
      }),
  ],
  // Issue 6: nomination dossiers, holidays, notifications.
  [
    'PUT /api/holidays',
    'holiday.create',
    () => admin.request('PUT', '/api/holidays', { day: '2026-09-02', name: 'Quốc khánh' }),
  ],
  ['DELETE /api/holidays/:day', 'holiday.delete', () => admin.request('DELETE', '/api/holidays/2026-09-02')],
  [
    'POST /api/dossiers',
    'dossier.create',
    async () => {
      const res = await (
        await t.login('donvi')
      ).request('POST', '/api/dossiers', { year: 2020, title: 'Hồ sơ kiểm tra', track: 'regular' });
      ds.dossier = res.json().id;
      return res;
    },
  ],
  [
    'PUT /api/dossiers/:id',
    'dossier.update',
    async () => {
      const s = await t.login('donvi');
      const d = await awJson(s, 'GET', `/api/dossiers/${ds.dossier}`);
      return s.request('PUT', `/api/dossiers/${ds.dossier}`, {
        title: 'Hồ sơ kiểm tra (sửa)',
        track: 'ad_hoc',
        authorityUnitId: d.authorityUnitId,
        version: d.version,
      });
    },
  ],
  [
    'POST /api/dossiers/:id/nominees',
    'dossier.nominee.add',
    async () => {
      const res = await (
        await t.login('donvi')
      ).request('POST', `/api/dossiers/${ds.dossier}/nominees`, {
        recipientKind: 'household',
        householdName: 'Hộ ông Trần Văn Bé',
        householdAddress: 'Ấp 3',
        awardCode: 'GIAY_KHEN',
      });
      ds.nominee = res.json().id;
      return res;
    },
  ],
  [
    'PUT /api/dossiers/:id/nominees/:nomineeId',
    'dossier.nominee.update',
    async () =>
      (await t.login('donvi')).request('PUT', `/api/dossiers/${ds.dossier}/nominees/${ds.nominee}`, {
        achievementSummary: 'Hiến đất làm đường',
      }),
  ],
  [
    // The server re-checks what it adds: the check is the last row.
    'POST /api/dossiers/:id/nominees/from-suggestions',
    'dossier.check',
    async () =>
      (await t.login('donvi')).request('POST', `/api/dossiers/${ds.dossier}/nominees/from-suggestions`, {
        awardCode: 'TTLDXS',
        unitIds: [(await id('units', 'BL-TTNS')).id],
      }),
  ],
  [
    'POST /api/dossiers/:id/nominees/import',
    'dossier.nominee.add',
    async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Danh sách đề nghị');
      ws.addRow(['STT', 'Đối tượng (Cá nhân/Tập thể/Hộ gia đình)', 'Mã cán bộ hoặc mã đơn vị']);
      ws.getRow(1).getCell(4).value = 'Họ tên, tên tập thể hoặc tên hộ';
      ws.getRow(1).getCell(6).value = 'Danh hiệu, hình thức';
      ws.addRow([1, 'Hộ gia đình', '', 'Hộ bà Lê Thị Hai', '', 'GIAY_KHEN']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      return (await t.login('donvi')).upload(
        `/api/dossiers/${ds.dossier}/nominees/import?commit=true`,
        'ds.xlsx',
        file,
      );
    },
  ],
  [
    'DELETE /api/dossiers/:id/nominees/:nomineeId',
    'dossier.nominee.remove',
    async () =>
      (await t.login('donvi')).request('DELETE', `/api/dossiers/${ds.dossier}/nominees/${ds.nominee}`),
  ],
  [
    'POST /api/dossiers/:id/attachments',
    'dossier.attachment.add',
    async () => {
      const s = await t.login('donvi');
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      await s.upload(`/api/dossiers/${ds.dossier}/attachments?kind=achievement_report`, 'bc.pdf', pdf);
      return s.upload(`/api/dossiers/${ds.dossier}/attachments?kind=submission_letter`, 'tt.pdf', pdf);
    },
  ],
  [
    'DELETE /api/dossiers/:id/attachments/:attachmentId',
    'dossier.attachment.remove',
    async () => {
      const s = await t.login('donvi');
      const a = await s.upload(`/api/dossiers/${ds.dossier}/attachments?kind=other`, 'x.pdf', '%PDF-1.4\n');
      return s.request('DELETE', `/api/dossiers/${ds.dossier}/attachments/${a.json().id}`);
    },
  ],
  [
    'POST /api/dossiers/:id/checks',
    'dossier.check',
    async () => (await t.login('donvi')).request('POST', `/api/dossiers/${ds.dossier}/checks`),
  ],
  [
    'POST /api/dossiers/:id/actions',
    'dossier.submit',
    async () => {
      const s = await t.login('donvi');
      const d = await awJson(s, 'GET', `/api/dossiers/${ds.dossier}`);
      return s.request('POST', `/api/dossiers/${ds.dossier}/actions`, {
        action: 'submit',
        version: d.version,
      });
    },
  ],
  [
    'POST /api/dossiers/:id/nominees/:nomineeId/accept',
    'dossier.nominee.accept',
    async () => {
      const s = await t.login('canbo');
      const d = await awJson(s, 'GET', `/api/dossiers/${ds.dossier}`);
      await awJson(s, 'POST', `/api/dossiers/${ds.dossier}/actions`, {
        action: 'receive',
        version: d.version,
      });
      const nominees = (await awJson(s, 'GET', `/api/dossiers/${ds.dossier}`)).nominees as {
        id: string;
        recipientKind: string;
      }[];
      ds.household = nominees.find((n) => n.recipientKind === 'household')!.id;
      ds.collective = nominees.find((n) => n.recipientKind === 'collective')!.id;
      return s.request('POST', `/api/dossiers/${ds.dossier}/nominees/${ds.household}/accept`, {
        reason: 'Đã xác minh tại địa phương',
      });
    },
  ],
  [
    'POST /api/dossiers/:id/nominees/:nomineeId/exclude',
    'dossier.nominee.exclude',
    async () =>
      (await t.login('canbo')).request(
        'POST',
        `/api/dossiers/${ds.dossier}/nominees/${ds.collective}/exclude`,
        {
          reason: 'Đề nghị ở hồ sơ khác',
        },
      ),
  ],
  [
    'POST /api/notifications/:id/read',
    'notification.read',
    async () => {
      const s = await t.login('donvi');
      const list = await awJson(s, 'GET', '/api/notifications');
      return s.request('POST', `/api/notifications/${(list.items as { id: string }[])[0]!.id}/read`);
    },
  ],
  [
    'POST /api/notifications/read-all',
    'notification.read_all',
    async () => (await t.login('donvi')).request('POST', '/api/notifications/read-all'),
  ],
  // Issue 6: decisions (a dossier approved by the council, written as the fixture does).
  [
    'POST /api/decisions',
    'decision.create',
    async () => {
      const { id: dossierId } = await makeDossier(
        t.database,
        'approved',
        [{ unitCode: 'BL-TTNS', awardCode: 'TTLDTT' }],
        2024,
      );
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/decisions', { dossierIds: [dossierId] });
      dc.decision = res.json().id;
      return res;
    },
  ],
  [
    'PUT /api/decisions/:id',
    'decision.update',
    async () => {
      const s = await t.login('canbo');
      const d = await awJson(s, 'GET', `/api/decisions/${dc.decision}`);
      return s.request('PUT', `/api/decisions/${dc.decision}`, {
        version: d.version as number,
        signerName: 'Đặng Hoàng Phúc',
      });
    },
  ],
  [
    'POST /api/decisions/:id/issue',
    'decision.issue',
    async () => {
      const s = await t.login('lanhdao');
      const d = await awJson(s, 'GET', `/api/decisions/${dc.decision}`);
      return s.request('POST', `/api/decisions/${dc.decision}/issue`, {
        version: d.version as number,
      });
    },
  ],
  [
    'DELETE /api/decisions/:id',
    'decision.delete',
    async () => {
      const { id: dossierId } = await makeDossier(
        t.database,
        'approved',
        [{ unitCode: 'BL-TTKN', awardCode: 'TTLDTT' }],
        2023,
      );
      const s = await t.login('canbo');
      const d = await awJson(s, 'POST', '/api/decisions', { dossierIds: [dossierId] });
      return s.request('DELETE', `/api/decisions/${d.id}`);
    },
  ],
  // Issue 7: the emulation fund.
  [
    'POST /api/fund/entries',
    'fund.entry.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/fund/entries', await fundEntry(5_000_000));
      fd.entry = (res.json() as { id: string }).id;
      return res;
    },
  ],
  [
    'PUT /api/fund/entries/:id',
    'fund.entry.update',
    async () =>
      (await t.login('canbo')).request('PUT', `/api/fund/entries/${fd.entry}`, {
        ...(await fundEntry(6_000_000)),
        version: 1,
      }),
  ],
  [
    'DELETE /api/fund/entries/:id',
    'fund.entry.delete',
    async () => (await t.login('canbo')).request('DELETE', `/api/fund/entries/${fd.entry}`),
  ],
  [
    'PUT /api/fund/budgets',
    'fund.budget.set',
    async () =>
      (await t.login('canbo')).request('PUT', '/api/fund/budgets', {
        unitId: (await id('units', 'BL-SNN')).id,
        year: 2020,
        recurrentSpending: 30_000_000_000,
      }),
  ],
  [
    'POST /api/fund/prizes',
    'fund.prize.record',
    async () => {
      const d = await issuedDecision(t.database, 'BL-SNN', '2020-08-14', 2_980_000);
      return (await t.login('canbo')).request('POST', '/api/fund/prizes', { decisionId: d.id });
    },
  ],
  // Issue 7: news of the public portal (categories, items, web links).
  [
    'POST /api/news/categories',
    'news.category.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/news/categories', { name: 'Tin kiểm tra' });
      nw.category = res.json().id;
      return res;
    },
  ],
  [
    'PUT /api/news/categories/:id',
    'news.category.update',
    async () =>
      (await t.login('canbo')).request('PUT', `/api/news/categories/${nw.category}`, {
        name: 'Tin kiểm tra (sửa)',
        slug: 'tin-kiem-tra',
      }),
  ],
  [
    'POST /api/news/items',
    'news.item.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/news/items', {
        title: 'Tin kiểm tra',
        bodyHtml: '<p>Nội dung</p>',
        categoryId: nw.category,
        status: 'draft',
      });
      nw.item = res.json().id;
      return res;
    },
  ],
  [
    'PUT /api/news/items/:id',
    'news.item.update',
    async () =>
      (await t.login('canbo')).request('PUT', `/api/news/items/${nw.item}`, {
        title: 'Tin kiểm tra',
        bodyHtml: '<p>Nội dung</p>',
        categoryId: nw.category,
        status: 'published',
        version: 1,
      }),
  ],
  [
    'DELETE /api/news/items/:id',
    'news.item.delete',
    async () => (await t.login('canbo')).request('DELETE', `/api/news/items/${nw.item}`),
  ],
  [
    'POST /api/news/links',
    'news.link.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/news/links', {
        title: 'Cổng thông tin điện tử Chính phủ',
        url: 'https://chinhphu.vn',
      });
      nw.link = res.json().id;
      return res;
    },
  ],
  [
    'PUT /api/news/links/:id',
    'news.link.update',
    async () =>
      (await t.login('canbo')).request('PUT', `/api/news/links/${nw.link}`, {
        title: 'Cổng TTĐT Chính phủ',
        url: 'https://chinhphu.vn',
      }),
  ],
  [
    'DELETE /api/news/links/:id',
    'news.link.delete',
    async () => (await t.login('canbo')).request('DELETE', `/api/news/links/${nw.link}`),
  ],
  // Issue 7: the year-end summary's narrative and its publication as news.
  [
    'PUT /api/reports/summary/narrative',
    'report.narrative.save',
    async () =>
      (await t.login('canbo')).request('PUT', '/api/reports/summary/narrative', {
        year: 2020,
        baseVersion: 0,
        sections: { assessment: 'Hoàn thành tốt nhiệm vụ.' },
      }),
  ],
  [
    'POST /api/reports/summary/publish',
    'report.publish',
    async () => (await t.login('canbo')).request('POST', '/api/reports/summary/publish', { year: 2020 }),
  ],
  // Issue 7: certificate templates.
  [
    'POST /api/certificates/templates',
    'certificate.template.create',
    async () => {
      const res = await (
        await t.login('canbo')
      ).request('POST', '/api/certificates/templates', {
        code: 'GK-KIEM-TRA',
        name: 'Giấy khen (kiểm tra)',
        awardCodes: ['GIAY_KHEN'],
        layout: defaultLayout('GK'),
      });
      fd.template = (res.json() as { id: string }).id;
      return res;
    },
  ],
  [
    'PUT /api/certificates/templates/:id',
    'certificate.template.update',
    async () =>
      (await t.login('canbo')).request('PUT', `/api/certificates/templates/${fd.template}`, {
        code: 'GK-KIEM-TRA',
        name: 'Giấy khen (kiểm tra, đã căn chỉnh)',
        awardCodes: ['GIAY_KHEN'],
        layout: { ...defaultLayout('GK'), offset: { x: 1.5, y: -2 } },
        version: 1,
      }),
  ],
  [
    'DELETE /api/certificates/templates/:id',
    'certificate.template.delete',
    async () => (await t.login('canbo')).request('DELETE', `/api/certificates/templates/${fd.template}`),
  ],
  [
    'POST /api/auth/logout',
    'auth.logout',
    async () => (await t.login('hoidong')).request('POST', '/api/auth/logout'),
  ],
];

describe(`audit coverage (${engine})`, () => {
  it('the list covers every write route the app registers', () => {
    const writes = t.routes
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(steps.map((s) => s[0]).sort()).toEqual(writes);
  });

  it.each(steps)('%s writes %s', async (_route, action, run) => {
    const res = await run();
    expect(res.statusCode).toBeLessThan(300);
    const last = (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;
    expect(last.action).toBe(action);
    expect(last.requestId).toBe(res.headers['x-request-id']);
  });
});
