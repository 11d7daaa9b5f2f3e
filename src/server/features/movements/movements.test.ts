import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { blocks, units } from '../../platform/db/schema';
import type {
  MovementAggregate,
  MovementDetail,
  MovementSummary,
} from '../../../shared/movements/movements.schema';

let t: TestApp;
let canbo: Session;
let donvi: Session;
const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed({ registry: true });
  canbo = await t.login('canbo');
  donvi = await t.login('donvi');
});
afterAll(async () => t?.close());

const list2020 = async () =>
  (await canbo.request('GET', '/api/movements?year=2020')).json() as MovementSummary[];
const find = async (fragment: string) => (await list2020()).find((m) => m.name.includes(fragment))!;
const aggregateOf = async (id: string) =>
  (await canbo.request('GET', `/api/movements/${id}/aggregate`)).json() as MovementAggregate;
const indicator = (a: MovementAggregate, scope: 'block' | 'department', code: string) =>
  a.groups.find((g) => g.scope === scope)!.indicators.find((i) => i.code === code)!;

describe(`the 2020 movements of the origin article (${engine})`, () => {
  it('six movements launched by the Department for the 8 members of the 2020 block', async () => {
    const rows = await list2020();
    expect(rows).toHaveLength(6);
    for (const m of rows) {
      expect(m.launchingUnitName).toBe('Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu');
      expect(m.targetCount).toBe(8);
      expect(m.reportedCount).toBe(8);
    }
  });

  it('political tasks: 08/08 members met or exceeded their state plan targets', async () => {
    const a = await aggregateOf((await find('nhiệm vụ chính trị')).id);
    for (const scope of ['block', 'department'] as const)
      expect(indicator(a, scope, 'plan_met')).toMatchObject({ value: 8, units: 8, met: 8, metShare: 100 });
  });

  it('reform: 04 legal normative documents drafted', async () => {
    const a = await aggregateOf((await find('cải cách thể chế')).id);
    expect(indicator(a, 'department', 'legal_drafts').value).toBe(4);
    expect(indicator(a, 'block', 'legal_drafts').value).toBe(4);
  });

  it('"chung tay vì người nghèo": 01 charity house worth 30.000.000 đồng by one member; 100% gave 03 days', async () => {
    const m = await find('chung tay vì người nghèo');
    const a = await aggregateOf(m.id);
    expect(indicator(a, 'department', 'charity_houses').value).toBe(1);
    expect(indicator(a, 'department', 'charity_value').value).toBe(30_000_000);
    expect(indicator(a, 'department', 'salary_days')).toMatchObject({ met: 8, units: 8, metShare: 100 });
    const d = (await canbo.request('GET', `/api/movements/${m.id}`)).json() as MovementDetail;
    const builders = d.results.filter((r) => (r.values.charity_houses as number) > 0);
    expect(builders).toHaveLength(1);
    expect(builders[0]!.values).toMatchObject({ charity_houses: 1, charity_value: 30_000_000 });
  });

  it('the text-only movements carry every member’s report', async () => {
    for (const fragment of ['Hồ Chí Minh', 'tiết kiệm', 'nông thôn mới']) {
      const m = await find(fragment);
      const d = (await canbo.request('GET', `/api/movements/${m.id}`)).json() as MovementDetail;
      expect(d.indicators).toEqual([]);
      expect(d.results).toHaveLength(8);
      expect(d.results.every((r) => r.summary.length > 10)).toBe(true);
    }
  });

  it('a unit sees the movements launched for it, and only its own results', async () => {
    const rows = (await donvi.request('GET', '/api/movements?year=2020')).json() as MovementSummary[];
    expect(rows).toHaveLength(6);
    const m = await find('chung tay');
    const d = (await donvi.request('GET', `/api/movements/${m.id}`)).json() as MovementDetail;
    expect(d.results.map((r) => r.unitCode)).toEqual(['BL-TTNS']);
  });

  it('exports the results to Excel, with the aggregate rows', async () => {
    const m = await find('chung tay');
    const res = await canbo.request('GET', `/api/movements/${m.id}/results/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[] = [];
    ws.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(30_000_000);
    expect(values.some((v) => typeof v === 'string' && v.startsWith('Tổng hợp khối'))).toBe(true);
  });
});

describe(`a movement's life (${engine})`, () => {
  const draft = async (targetCodes: string[], extra: Record<string, unknown> = {}) => {
    const res = await canbo.request('POST', '/api/movements', {
      name: 'Thi đua chuyển đổi số năm 2026',
      kind: 'thematic',
      year: 2026,
      launchingUnitId: await unitId('BL-SNN'),
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      targetKind: 'list',
      targetUnitIds: await Promise.all(targetCodes.map(unitId)),
      goals: 'Số hóa hồ sơ',
      indicators: [
        { code: 'files', label: 'Hồ sơ số hóa', kind: 'count', target: 100 },
        { code: 'budget', label: 'Kinh phí', kind: 'money', target: null },
        { code: 'share', label: 'Tỷ lệ thủ tục trực tuyến', kind: 'percent', target: 80 },
        { code: 'portal', label: 'Có cổng thông tin', kind: 'boolean', target: null },
      ],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as MovementDetail;
  };
  const launch = async (m: MovementDetail) => {
    const res = await canbo.request('POST', `/api/movements/${m.id}/launch`, { version: m.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MovementDetail;
  };

  it('a draft is invisible to units and refuses results; launching freezes the targets and notifies them', async () => {
    const m = await draft(['BL-TTNS', 'BL-TTKN']);
    expect((await donvi.request('GET', `/api/movements/${m.id}`)).statusCode).toBe(404);
    const early = await donvi.request('PUT', `/api/movements/${m.id}/results/${donvi.user.unitId}`, {
      summary: 'x',
      values: {},
      version: null,
    });
    expect(early.json().code).toBe('MOVEMENT.NOT_LAUNCHED');
    const launched = await launch(m);
    expect(launched.status).toBe('launched');
    expect(launched.targets.map((x) => x.unitCode).sort()).toEqual(['BL-TTKN', 'BL-TTNS']);
    const notes = (await donvi.request('GET', '/api/movements/notifications')).json() as {
      entityId: string;
    }[];
    expect(notes.some((n) => n.entityId === m.id)).toBe(true);
    // The same notification rings the bell (/api/notifications, the unit's own) and can be marked read.
    const bell = (await donvi.request('GET', '/api/notifications')).json() as {
      unread: number;
      items: { id: string; entityId: string | null; readAt: string | null }[];
    };
    const item = bell.items.find((n) => n.entityId === m.id)!;
    expect(item.readAt).toBeNull();
    const read = await donvi.request('POST', `/api/notifications/${item.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ marked: 1 });
    const after = (await donvi.request('GET', '/api/notifications')).json() as typeof bell;
    expect(after.unread).toBe(bell.unread - 1);
    expect(after.items.find((n) => n.id === item.id)!.readAt).not.toBeNull();
    const again = await canbo.request('POST', `/api/movements/${m.id}/launch`, { version: launched.version });
    expect(again.json().code).toBe('MOVEMENT.NOT_DRAFT');
  });

  it('a block target resolves to the block members at launch', async () => {
    const block = (await t.database.db.select().from(blocks).where(eq(blocks.year, 2020)))[0]!;
    const m = await draft([], { targetKind: 'block', targetBlockId: block.id, targetUnitIds: [] });
    expect((await launch(m)).targets).toHaveLength(8);
  });

  it('a subtree target resolves to the unit and its sub-units active in the period', async () => {
    const root = await unitId('BL-TTNS');
    const m = await launch(
      await draft([], { targetKind: 'subtree', targetRootUnitId: root, targetUnitIds: [] }),
    );
    const codes = m.targets.map((x) => x.unitCode);
    expect(codes).toContain('BL-TTNS');
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c.startsWith('BL-TTNS'))).toBe(true);
  });

  it('a unit reports its own results; values of the wrong kind, other units, stale versions are refused', async () => {
    const m = await launch(await draft(['BL-TTNS', 'BL-TTKN']));
    const own = `/api/movements/${m.id}/results/${donvi.user.unitId}`;

    const wrong = await donvi.request('PUT', own, {
      summary: 'Báo cáo',
      values: { files: 12.5, budget: '5 triệu', share: 120, portal: 'có', nope: 1 },
      version: null,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('MOVEMENT.VALUE_KIND');
    expect(Object.keys(wrong.json().fields).sort()).toEqual([
      'values.budget',
      'values.files',
      'values.nope',
      'values.portal',
      'values.share',
    ]);

    const other = await donvi.request('PUT', `/api/movements/${m.id}/results/${await unitId('BL-TTKN')}`, {
      summary: 'Báo cáo hộ',
      values: {},
      version: null,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('MOVEMENT.OTHER_UNIT');

    const first = await donvi.request('PUT', own, {
      summary: 'Đã số hóa 120 hồ sơ',
      values: { files: 120, budget: 5_000_000, share: 85.5, portal: true },
      version: null,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(1);

    // A second officer whose form still says "no result yet" is told, not silently overwriting.
    const racing = await donvi.request('PUT', own, { summary: 'khác', values: {}, version: null });
    expect(racing.json().code).toBe('CONFLICT.VERSION');
    const fixed = await donvi.request('PUT', own, {
      summary: 'Đã số hóa 130 hồ sơ',
      values: { files: 130 },
      version: 1,
    });
    expect(fixed.json().version).toBe(2);
    const stale = await donvi.request('PUT', own, { summary: 'cũ', values: {}, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT.VERSION');

    // The department may enter a target unit's results; a unit outside the targets may not report.
    const byDept = await canbo.request('PUT', `/api/movements/${m.id}/results/${await unitId('BL-TTKN')}`, {
      summary: 'Sở nhập hộ',
      values: { files: 90, share: 70, portal: false },
      version: null,
    });
    expect(byDept.statusCode, byDept.body).toBe(200);
    const notTarget = await canbo.request(
      'PUT',
      `/api/movements/${m.id}/results/${await unitId('BL-BQLR')}`,
      {
        summary: 'x',
        values: {},
        version: null,
      },
    );
    expect(notTarget.json().code).toBe('MOVEMENT.NOT_TARGET');

    const a = await aggregateOf(m.id);
    const dept = a.groups.find((g) => g.scope === 'department')!;
    expect(dept.units).toBe(2);
    expect(dept.indicators.find((i) => i.code === 'files')).toMatchObject({ value: 220, met: 1 });
    expect(dept.indicators.find((i) => i.code === 'share')).toMatchObject({ value: 70, met: 0 });
    expect(dept.indicators.find((i) => i.code === 'portal')).toMatchObject({ value: 0, met: 0 });
  });

  it('after launch indicators are fixed; after close nothing changes; stale edits are refused', async () => {
    const d = await draft(['BL-TTNS']);
    const input = {
      name: d.name,
      kind: d.kind,
      year: d.year,
      launchingUnitId: d.launchingUnitId,
      periodFrom: d.periodFrom,
      periodTo: d.periodTo,
      targetKind: d.targetKind,
      targetBlockId: d.targetBlockId,
      targetRootUnitId: d.targetRootUnitId,
      targetUnitIds: d.targetUnitIds,
      goals: d.goals,
      criteria: d.criteria,
      directives: d.directives,
      indicators: d.indicators.map(({ code, label, kind, target }) => ({ code, label, kind, target })),
    };
    const stale = await canbo.request('PUT', `/api/movements/${d.id}`, {
      movement: input,
      version: d.version + 1,
    });
    expect(stale.json().code).toBe('CONFLICT.VERSION');
    const m = await launch(d);
    const changed = await canbo.request('PUT', `/api/movements/${m.id}`, {
      movement: { ...input, indicators: [] },
      version: m.version,
    });
    expect(changed.json().code).toBe('MOVEMENT.NOT_DRAFT');
    const text = await canbo.request('PUT', `/api/movements/${m.id}`, {
      movement: { ...input, goals: 'Mục tiêu mới' },
      version: m.version,
    });
    expect(text.statusCode, text.body).toBe(200);
    const closed = await canbo.request('POST', `/api/movements/${m.id}/close`, {
      version: text.json().version,
    });
    expect(closed.json().status).toBe('closed');
    const late = await donvi.request('PUT', `/api/movements/${m.id}/results/${donvi.user.unitId}`, {
      summary: 'muộn',
      values: {},
      version: null,
    });
    expect(late.json().code).toBe('MOVEMENT.CLOSED');
    const edit = await canbo.request('PUT', `/api/movements/${m.id}`, {
      movement: input,
      version: closed.json().version,
    });
    expect(edit.json().code).toBe('MOVEMENT.CLOSED');
  });

  it('bad input: period backwards, duplicate indicator codes, missing target, unknown block', async () => {
    const base = {
      name: 'X',
      kind: 'regular',
      year: 2026,
      launchingUnitId: await unitId('BL-SNN'),
      periodFrom: '2026-06-01',
      periodTo: '2026-01-01',
      targetKind: 'list',
      targetUnitIds: [],
      indicators: [
        { code: 'a', label: 'A', kind: 'count', target: null },
        { code: 'a', label: 'A2', kind: 'percent', target: 150 },
      ],
    };
    const res = await canbo.request('POST', '/api/movements', base);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual([
      'indicators.1.code',
      'indicators.1.target',
      'periodTo',
      'targetUnitIds',
    ]);
    const unknownBlock = await canbo.request('POST', '/api/movements', {
      ...base,
      periodTo: '2026-12-31',
      targetKind: 'block',
      targetBlockId: '00000000-0000-4000-8000-000000000000',
      indicators: [],
    });
    expect(unknownBlock.json().code).toBe('MOVEMENT.TARGET_INVALID');
  });

  it('units may not create or launch movements', async () => {
    const res = await donvi.request('POST', '/api/movements', {});
    expect(res.statusCode).toBe(403);
  });
});
