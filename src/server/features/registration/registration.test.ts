import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { units } from '../../platform/db/schema';
import type {
  RegistrationAggregate,
  RegistrationDetail,
  RegistrationSummary,
} from '../../../shared/movements/registration.schema';
import { registeredTitles } from './registration.repository';

let t: TestApp;
let canbo: Session;
let donvi: Session;
const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;
const peopleOf = async (code: string) =>
  t.database.rows<{ id: string; code: string }>(
    sql`select p.id, p.code from people p join units u on u.id = p.current_unit_id
        where u.code = ${code} or u.parent_id = (select id from units where code = ${code})
        order by p.code limit 3`,
  );

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  canbo = await t.login('canbo');
  donvi = await t.login('donvi');
});
afterAll(async () => t?.close());

const list = async (s: Session, year = 2021) =>
  (await s.request('GET', `/api/registrations?year=${year}`)).json() as RegistrationSummary[];
const ownDraft = async () => {
  const [r] = await list(donvi);
  return (await donvi.request('GET', `/api/registrations/${r!.id}`)).json() as RegistrationDetail;
};

describe(`registration (${engine})`, () => {
  it('the demo: 2021 lists of the block members, one approved, one returned, some submitted', async () => {
    const rows = await list(canbo);
    const byUnit = Object.fromEntries(rows.map((r) => [r.unitCode, r]));
    expect(byUnit['BL-TTKN']!.status).toBe('approved');
    expect(byUnit['BL-CCCNTY']).toMatchObject({ status: 'returned' });
    expect(byUnit['BL-CCCNTY']!.returnReason).toContain('Lao động tiên tiến');
    expect(
      rows
        .filter((r) => r.status === 'submitted')
        .map((r) => r.unitCode)
        .sort(),
    ).toEqual(['BL-BQLCC', 'BL-BQLR']);
    expect(byUnit['BL-TTNS']!.status).toBe('draft');
    // A unit sees only its own list.
    expect((await list(donvi)).map((r) => r.unitCode)).toEqual(['BL-TTNS']);
    const other = await donvi.request('GET', `/api/registrations/${byUnit['BL-TTKN']!.id}`);
    expect(other.statusCode).toBe(404);
  });

  it('registered titles are a fact for eligibility: submitted and approved lists only', async () => {
    const ids = await Promise.all(['BL-TTKN', 'BL-TTNS', 'BL-CCCNTY', 'BL-BQLR'].map(unitId));
    const titles = await registeredTitles(t.database.db, 2021, ids);
    const units = new Set(titles.map((x) => x.unitId));
    expect(units).toEqual(new Set([ids[0], ids[3]]));
    expect(titles.filter((x) => x.recipientKind === 'collective').map((x) => x.awardCode)).toEqual([
      'TTLDXS',
      'TTLDXS',
    ]);
    expect(titles.every((x) => x.status === 'approved' || x.status === 'submitted')).toBe(true);
    expect(await registeredTitles(t.database.db, 2021, [])).toEqual([]);
  });

  it('items must name the unit’s own people, once per title, with a title meant for them', async () => {
    const d = await ownDraft();
    const [foreign] = await peopleOf('BL-TTKN');
    const [own] = await peopleOf('BL-TTNS');
    const bad = await donvi.request('PUT', `/api/registrations/${d.id}`, {
      note: '',
      items: [
        { recipientKind: 'individual', personId: foreign!.id, awardCode: 'LDTT' },
        { recipientKind: 'individual', personId: own!.id, awardCode: 'CSTDCS' },
        { recipientKind: 'individual', personId: own!.id, awardCode: 'CSTDCS' },
      ],
      version: d.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('REGISTRATION.ITEM_INVALID');
    expect(Object.keys(bad.json().fields).sort()).toEqual(['items.0.personId', 'items.2.awardCode']);
    const wrongKind = await donvi.request('PUT', `/api/registrations/${d.id}`, {
      items: [{ recipientKind: 'collective', awardCode: 'CSTDCS' }],
      version: d.version,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().fields['items.0.awardCode']).toContain('không dành cho tập thể');
    const dup = await donvi.request('POST', '/api/registrations', { year: 2021, items: [] });
    expect(dup.json().code).toBe('REGISTRATION.DUPLICATE');
    const foreignUnit = await donvi.request('POST', '/api/registrations', {
      year: 2022,
      unitId: await unitId('BL-TTKN'),
      items: [],
    });
    expect(foreignUnit.json().code).toBe('REGISTRATION.OUT_OF_SCOPE');
  });

  it('submit, return with a reason, resubmit, approve, forward upward; stale versions and wrong roles refused', async () => {
    const d = await ownDraft();
    const stale = await donvi.request('POST', `/api/registrations/${d.id}/submit`, {
      version: d.version + 5,
    });
    expect(stale.json().code).toBe('CONFLICT.VERSION');
    const submitted = (
      await donvi.request('POST', `/api/registrations/${d.id}/submit`, { version: d.version })
    ).json() as RegistrationDetail;
    expect(submitted.status).toBe('submitted');

    const locked = await donvi.request('PUT', `/api/registrations/${d.id}`, {
      items: [],
      version: submitted.version,
    });
    expect(locked.json().code).toBe('REGISTRATION.WRONG_STATUS');
    const selfApprove = await donvi.request('POST', `/api/registrations/${d.id}/approve`, {
      version: submitted.version,
    });
    expect(selfApprove.statusCode).toBe(403);

    const noReason = await canbo.request('POST', `/api/registrations/${d.id}/return`, {
      reason: '   ',
      version: submitted.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields.reason).toBe('Vui lòng nêu lý do trả lại');
    const returned = (
      await canbo.request('POST', `/api/registrations/${d.id}/return`, {
        reason: 'Bổ sung cá nhân đăng ký CSTĐCS',
        version: submitted.version,
      })
    ).json() as RegistrationDetail;
    expect(returned).toMatchObject({ status: 'returned', returnReason: 'Bổ sung cá nhân đăng ký CSTĐCS' });
    const notes = (await donvi.request('GET', '/api/movements/notifications')).json() as {
      entityId: string;
    }[];
    expect(notes.some((n) => n.entityId === d.id)).toBe(true);

    const [own] = await peopleOf('BL-TTNS');
    const edited = (
      await donvi.request('PUT', `/api/registrations/${d.id}`, {
        note: 'Đã bổ sung',
        items: [
          { recipientKind: 'collective', awardCode: 'TTLDXS' },
          { recipientKind: 'individual', personId: own!.id, awardCode: 'CSTDCS' },
        ],
        version: returned.version,
      })
    ).json() as RegistrationDetail;
    expect(edited.status).toBe('returned');
    const again = (
      await donvi.request('POST', `/api/registrations/${d.id}/submit`, { version: edited.version })
    ).json() as RegistrationDetail;
    const approved = await canbo.request('POST', `/api/registrations/${d.id}/approve`, {
      version: again.version,
    });
    expect(approved.json().status).toBe('approved');
    const twice = await canbo.request('POST', `/api/registrations/${d.id}/approve`, {
      version: approved.json().version,
    });
    expect(twice.json().code).toBe('REGISTRATION.WRONG_STATUS');

    const agg = (
      await canbo.request('GET', '/api/registrations/aggregate?year=2021')
    ).json() as RegistrationAggregate;
    expect(agg.byStatus).toMatchObject({ approved: 2, submitted: 2, returned: 1, draft: 0 });
    expect(agg.forwardable).toBe(2);
    const fwd = await canbo.request('POST', '/api/registrations/forward', { year: 2021 });
    expect(fwd.json()).toEqual({ forwarded: 2 });
    const nothing = await canbo.request('POST', '/api/registrations/forward', { year: 2021 });
    expect(nothing.json().code).toBe('REGISTRATION.NOTHING_TO_FORWARD');
    expect(
      (await list(canbo))
        .filter((r) => r.forwarded)
        .map((r) => r.unitCode)
        .sort(),
    ).toEqual(['BL-TTKN', 'BL-TTNS']);
  });

  it('imports the list from the Excel template, naming bad rows', async () => {
    const created = await donvi.request('POST', '/api/registrations', { year: 2022, items: [] });
    expect(created.statusCode, created.body).toBe(201);
    const reg = created.json() as RegistrationDetail;
    const tpl = await donvi.request('GET', '/api/registrations/template');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const [p1, p2] = await peopleOf('BL-TTNS');
    // The template's two example rows are replaced by the unit's own.
    ws.getRow(2).values = [1, 'Tập thể', '', '', 'Tập thể lao động xuất sắc'];
    ws.getRow(3).values = [2, 'Cá nhân', p1!.code, '', 'CSTDCS'];
    ws.addRow([3, 'cá nhân', p2!.code, '', 'Lao động tiên tiến', 'ghi chú']);
    const good = await donvi.upload(
      `/api/registrations/${reg.id}/items/import?version=${reg.version}`,
      'dang-ky.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(good.statusCode, good.body).toBe(200);
    const imported = good.json() as RegistrationDetail;
    expect(imported.items.map((i) => [i.recipientKind, i.personCode, i.awardCode])).toEqual([
      ['collective', null, 'TTLDXS'],
      ['individual', p1!.code, 'CSTDCS'],
      ['individual', p2!.code, 'LDTT'],
    ]);

    ws.addRow([4, 'Hộ gia đình', '', '', 'Giấy khen']);
    ws.addRow([5, 'Cá nhân', 'KHONG-CO', '', 'LDTT']);
    ws.addRow([6, 'Tập thể', '', '', 'Chiến sĩ thi đua cơ sở']);
    const bad = await donvi.upload(
      `/api/registrations/${reg.id}/items/import?version=${imported.version}`,
      'dang-ky.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['row 5', 'row 6', 'row 7']);
    const notXlsx = await donvi.upload(
      `/api/registrations/${reg.id}/items/import?version=${imported.version}`,
      'x.xlsx',
      'not a workbook',
    );
    expect(notXlsx.statusCode).toBe(400);
    // Nothing changed by the refused files.
    const after = (await donvi.request('GET', `/api/registrations/${reg.id}`)).json() as RegistrationDetail;
    expect(after.items).toHaveLength(3);
    expect(after.version).toBe(imported.version);
  });
});
