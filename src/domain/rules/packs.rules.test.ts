/**
 * Rule packs as data: the national packs validate; validation refuses what the evaluator could not run or
 * what the law forbids (a local quota above a national ceiling); local packs layer by id and by date;
 * quotas round as the pack says; every citation names its instrument and every verified one its source.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../eligibility/evaluate';
import { history, PERSON, rated } from '../eligibility/test-fixtures';
import { layerPacks, localPackInForce } from './layering';
import { NATIONAL_PACKS, packById, packForDate, V2017, V2024 } from './packs';
import { cite } from './packs/common';
import { V2017 as V2017_DATA } from './packs/v2017';
import { V2024 as V2024_DATA } from './packs/v2024';
import { V2025 as V2025_DATA } from './packs/v2025';
import { allowedBy, quotasFor, quotaUse } from './quota';
import type { Citation, CriterionNode, FactLeaf, LocalPack, Quota, Rule, RulePack } from './types';
import { loadPack, validateLocalPack, validatePack } from './validate';

const clone = <T>(x: T): T => structuredClone(x);

/** A copy of V2024 whose LĐTT rule has `criterion` added (to test one leaf at a time). */
function withLdttCriterion(criterion: unknown, kind: 'individual' | 'collective' = 'individual'): unknown {
  const p = clone(V2024_DATA);
  const rule = p.rules.find((r) => r.awardCode === (kind === 'individual' ? 'LDTT' : 'TTLDTT'))!;
  (rule.criteria as unknown[]).push(criterion);
  return p;
}

const C: Citation = { instrument: 'Quyết định thử nghiệm', verified: false };
const leaf = (more: Partial<FactLeaf>): FactLeaf => ({
  id: 'x',
  label: 'Tiêu chuẩn thử',
  fact: 'rating',
  op: 'gte',
  value: 'HTTNV',
  citation: C,
  ...more,
});

function issuesOf(data: unknown): string[] {
  const r = validatePack(data);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('The national packs validate', () => {
  test.each([
    ['V2017', V2017_DATA],
    ['V2024', V2024_DATA],
    ['V2025', V2025_DATA],
  ] as const)('%s', (_id, data) => {
    const r = validatePack(data);
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(loadPack(data).id).toBe(data.id);
  });

  test('the exported packs are the validated ones, in date order, found by id and date', () => {
    expect(NATIONAL_PACKS.map((p) => p.id)).toEqual(['V2017', 'V2024', 'V2025']);
    expect(packById('V2024')).toBe(V2024);
    expect(packById('V1999')).toBeUndefined();
    expect(packForDate('2023-12-31').id).toBe('V2017');
    expect(packForDate('2024-01-01').id).toBe('V2024');
    expect(packForDate('2025-06-30').id).toBe('V2024');
    expect(packForDate('2025-07-01').id).toBe('V2025');
    // Before the first pack, the earliest one answers.
    expect(packForDate('2015-01-01').id).toBe('V2017');
  });

  test('each individual title and form has a rule in every pack', () => {
    for (const p of NATIONAL_PACKS)
      for (const code of [
        'LDTT',
        'CSTDCS',
        'CSTD_TINH',
        'CSTD_TOANQUOC',
        'GIAY_KHEN',
        'BK_TINH',
        'BK_TTG',
        'HCLD_3',
      ])
        expect(
          p.rules.some((r) => r.awardCode === code && r.recipientKind === 'individual'),
          `${p.id} ${code}`,
        ).toBe(true);
  });

  test('loadPack throws, naming the pack and the problem, on an invalid pack', () => {
    const bad = withLdttCriterion(leaf({ id: 'y', fact: 'khongCo' })) as RulePack;
    expect(() => loadPack(bad)).toThrow(
      /Rule pack V2024 is invalid:\n.*Dữ kiện "khongCo" không có trong danh mục/,
    );
  });
});

describe('Validation refuses', () => {
  test('an unknown fact', () => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'y', fact: 'soNamCongTac' })))).toEqual([
      expect.stringMatching(/^rules\[0\]\.criteria\[5\]: Dữ kiện "soNamCongTac" không có trong danh mục$/),
    ]);
  });

  test.each([
    [
      'gt on a boolean fact',
      { fact: 'titleThisYear', params: { awardCodes: ['LDTT'] }, op: 'gt', value: true },
      /Phép so sánh "gt" không dùng được với dữ kiện "titleThisYear" \(kiểu boolean; được dùng: eq\)/,
    ],
    [
      'lt on a rating',
      { fact: 'rating', op: 'lt', value: 'HTXSNV' },
      /Phép so sánh "lt" không dùng được với dữ kiện "rating" \(kiểu rating/,
    ],
    [
      'gte on a severity',
      { fact: 'disciplineLevel', op: 'gte', value: 'canh_cao' },
      /Phép so sánh "gte" không dùng được với dữ kiện "disciplineLevel"/,
    ],
    [
      'in on a number',
      { fact: 'monthsEmployed', op: 'in', value: [6, 10] },
      /Phép so sánh "in" không dùng được/,
    ],
  ] as const)('an operator not allowed for the type: %s', (_n, more, message) => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'y', ...(more as Partial<FactLeaf>) })))).toEqual([
      expect.stringMatching(message),
    ]);
  });

  test.each([
    [
      'a rating that does not exist',
      { fact: 'rating', op: 'gte', value: 'XUAT_SAC' },
      'giá trị không hợp lệ cho kiểu rating',
    ],
    [
      'a number given as text',
      { fact: 'monthsEmployed', op: 'gte', value: '6' },
      'giá trị không hợp lệ cho kiểu number',
    ],
    [
      'a boolean given as text',
      {
        fact: 'trainingConditions',
        params: { longFromMonths: 12, longMinGrade: null, shortNeedsGoodConduct: true },
        op: 'eq',
        value: 'true',
      },
      'giá trị không hợp lệ cho kiểu boolean',
    ],
    [
      'a severity that does not exist',
      { fact: 'disciplineLevel', op: 'lt', value: 'phe_binh' },
      'giá trị không hợp lệ cho kiểu severity',
    ],
    ['an empty list for "in"', { fact: 'rating', op: 'in', value: [] }, 'cần một danh sách giá trị hợp lệ'],
    [
      'a list with a bad rating for "in"',
      { fact: 'rating', op: 'in', value: ['HTTNV', 'TOT'] },
      'cần một danh sách giá trị hợp lệ',
    ],
    ['NaN', { fact: 'monthsEmployed', op: 'gte', value: Number.NaN }, 'giá trị không hợp lệ cho kiểu number'],
  ] as const)('a value of the wrong type: %s', (_n, more, message) => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'y', ...(more as Partial<FactLeaf>) })))).toEqual([
      expect.stringContaining(`Giá trị của "y": ${message}`),
    ]);
  });

  test.each([
    [
      'an unknown recognition level',
      { fact: 'initiatives', params: { minLevel: 'xa', years: 1 }, op: 'gte', value: 1 },
      /Tham số của "y": minLevel/,
    ],
    [
      'a missing required parameter',
      { fact: 'initiatives', params: { minLevel: 'grassroots' }, op: 'gte', value: 1 },
      /Tham số của "y": years/,
    ],
    [
      'an unknown parameter',
      { fact: 'titleChain', params: { awardCodes: ['CSTDCS'], lienTuc: true }, op: 'gte', value: 3 },
      /Tham số của "y": \(gốc\)/,
    ],
    [
      'an empty award list',
      { fact: 'titleChain', params: { awardCodes: [] }, op: 'gte', value: 3 },
      /Tham số của "y": awardCodes/,
    ],
    [
      'an unknown award code',
      { fact: 'priorAward', params: { awardCodes: ['BK_XA'], atLeastYearsBefore: 5 }, op: 'eq', value: true },
      /Tham số của "y": awardCodes\.0/,
    ],
    [
      'parameters on a fact that takes none',
      { fact: 'rating', params: { year: 2020 }, op: 'gte', value: 'HTTNV' },
      /Tham số của "y"/,
    ],
    [
      'a fractional year count',
      { fact: 'ratingCount', params: { minRating: 'HTXSNV', years: 2.5 }, op: 'gte', value: 1 },
      /Tham số của "y": years/,
    ],
  ] as const)('bad parameters: %s', (_n, more, message) => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'y', ...(more as Partial<FactLeaf>) })))).toEqual([
      expect.stringMatching(message),
    ]);
  });

  test('a duplicate criterion id, at the top or inside an alternative', () => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'rating' })))).toEqual([
      'rules[0].criteria[5]: Mã tiêu chuẩn "rating" bị trùng',
    ]);
    const nested: CriterionNode = {
      id: 'alt',
      label: 'Một trong',
      any: [leaf({ id: 'a' }), leaf({ id: 'training' })],
    };
    expect(issuesOf(withLdttCriterion(nested))).toEqual([
      'rules[0].criteria[5].any[1]: Mã tiêu chuẩn "training" bị trùng',
    ]);
  });

  test('a fact for the wrong recipient kind (a unit fact on a person, a person fact on a unit)', () => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'y', fact: 'unitRating' })))).toEqual([
      'rules[0].criteria[5]: Dữ kiện "unitRating" không áp dụng cho đối tượng individual',
    ]);
    const p = withLdttCriterion(leaf({ id: 'y', fact: 'monthsEmployed', op: 'gte', value: 6 }), 'collective');
    expect(issuesOf(p)).toEqual([
      expect.stringMatching(
        /^rules\[4\]\.criteria\[\d\]: Dữ kiện "monthsEmployed" không áp dụng cho đối tượng collective$/,
      ),
    ]);
  });

  test('a judgement presumed by a fact is checked like a fact', () => {
    const j: CriterionNode = {
      id: 'y',
      label: 'Gương mẫu',
      judgement: true,
      presumedBy: { fact: 'rating', op: 'gt', value: 'HTTNV', explain: 'x' },
      citation: C,
    };
    expect(issuesOf(withLdttCriterion(j))).toEqual([
      expect.stringMatching(/Phép so sánh "gt" không dùng được/),
    ]);
  });

  test('structure: an unknown operator, a citation without an instrument, an unknown field', () => {
    expect(issuesOf(withLdttCriterion(leaf({ id: 'y', op: 'like' as 'eq' })))).not.toEqual([]);
    expect(
      issuesOf(withLdttCriterion(leaf({ id: 'y', citation: { instrument: '', verified: true } }))),
    ).toEqual(expect.arrayContaining([expect.stringContaining('Cần ghi văn bản')]));
    expect(issuesOf(withLdttCriterion({ ...leaf({ id: 'y' }), weight: 2 }))).not.toEqual([]);
  });

  test('a rule for a recipient the award is not given to, and two rules for one award and recipient', () => {
    const p = clone(V2024_DATA);
    p.rules.push({ awardCode: 'KNC', recipientKind: 'collective', criteria: [leaf({ fact: 'unitRating' })] });
    p.rules.push(clone(p.rules[0]!) as Rule);
    expect(issuesOf(p)).toEqual([
      expect.stringMatching(/^rules\[\d+\]: Kỷ niệm chương không xét cho đối tượng collective$/),
      expect.stringMatching(/^rules\[\d+\]: Trùng quy định cho LDTT\/individual$/),
    ]);
  });
});

// ------------------------------------------------------------------------------------------ Local packs

const ceilingQuota = (maxShare: number): Quota => ({
  id: 'CSTDCS_SHARE_OF_LDTT',
  awardCode: 'CSTDCS',
  basisAwardCode: 'LDTT',
  maxShare,
  rounding: 'floor',
  citation: cite('Quyết định 15/2020/QĐ-UBND', 'Điều 6', { verified: false }),
});

const local = (more: Partial<LocalPack> = {}): LocalPack => ({
  id: 'CM-2020',
  name: 'Quy định thi đua, khen thưởng tỉnh Cà Mau',
  issuer: 'UBND tỉnh Cà Mau',
  effectiveFrom: '2020-01-01',
  effectiveTo: '2023-12-31',
  criteria: [],
  quotas: [],
  citation: cite('Quyết định 15/2020/QĐ-UBND', undefined, { verified: false }),
  ...more,
});

describe('Local packs (validateLocalPack)', () => {
  test('raising the V2017 15% CSTĐCS ceiling (NĐ 91/2017 Điều 9 khoản 3) is refused, in Vietnamese', () => {
    const r = validateLocalPack(local({ quotas: [ceilingQuota(0.2)] }), NATIONAL_PACKS);
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          path: 'quotas[0].maxShare',
          message: 'Tỷ lệ 20% vượt mức trần 15% của Luật TĐKT 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP',
        },
      ],
    });
  });

  test('a fractional excess is shown with a decimal comma', () => {
    const r = validateLocalPack(local({ quotas: [ceilingQuota(0.155)] }), NATIONAL_PACKS);
    expect(r.ok ? '' : r.issues[0]!.message).toMatch(/^Tỷ lệ 15,5% vượt mức trần 15% của /);
  });

  test.each([
    ['lowering it to 10%', 0.1],
    ['keeping it at 15%', 0.15],
  ])('%s is accepted', (_n, share) => {
    const r = validateLocalPack(local({ quotas: [ceilingQuota(share)] }), NATIONAL_PACKS);
    expect(r.ok).toBe(true);
  });

  test('from 2024 no national ceiling applies (Luật TĐKT 2022 sets no cap): a local 28% cap is accepted', () => {
    const r = validateLocalPack(
      local({
        id: 'CM-2024',
        effectiveFrom: '2024-01-01',
        effectiveTo: undefined,
        quotas: [ceilingQuota(0.28)],
      }),
      NATIONAL_PACKS,
    );
    expect(r.ok).toBe(true);
  });

  test('a local pack overlapping the V2017 period by a day is held to its ceiling', () => {
    const r = validateLocalPack(
      local({ effectiveFrom: '2023-12-31', effectiveTo: undefined, quotas: [ceilingQuota(0.28)] }),
      NATIONAL_PACKS,
    );
    expect(r.ok).toBe(false);
  });

  test('dates out of order, a bad id, a criterion that does not check, a rule for the wrong recipient', () => {
    expect(
      validateLocalPack(local({ effectiveFrom: '2021-01-01', effectiveTo: '2020-12-31' }), NATIONAL_PACKS),
    ).toEqual({
      ok: false,
      issues: [{ path: 'effectiveTo', message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' }],
    });
    const badId = validateLocalPack(local({ id: 'tỉnh Cà Mau' }), NATIONAL_PACKS);
    expect(badId.ok ? [] : badId.issues.map((i) => i.message)).toEqual([
      'Mã bộ quy định gồm 2–40 chữ, số, dấu chấm, gạch',
    ]);
    const badLeaf = validateLocalPack(
      local({
        criteria: [{ awardCode: 'LDTT', recipientKind: 'individual', criterion: leaf({ op: 'lt' }) }],
      }),
      NATIONAL_PACKS,
    );
    expect(badLeaf.ok ? [] : badLeaf.issues.map((i) => i.path)).toEqual(['criteria[0][0]']);
    const wrongKind = validateLocalPack(
      local({
        criteria: [
          { awardCode: 'LDTT', recipientKind: 'collective', criterion: leaf({ fact: 'unitRating' }) },
        ],
      }),
      NATIONAL_PACKS,
    );
    expect(wrongKind.ok ? [] : wrongKind.issues.map((i) => i.message)).toEqual([
      'Lao động tiên tiến không xét cho đối tượng collective',
    ]);
  });
});

// --------------------------------------------------------------------------------------------- Layering

describe('Layering local packs on a national pack (layerPacks)', () => {
  const extra: FactLeaf = {
    id: 'local_initiative_count',
    label: 'Có ít nhất 01 sáng kiến trong 02 năm (quy định của tỉnh)',
    fact: 'initiatives',
    params: { minLevel: 'grassroots', years: 2 },
    op: 'gte',
    value: 1,
    citation: cite('Quyết định 15/2024/QĐ-UBND', 'Điều 4', { verified: false }),
  };
  const twelveMonths: FactLeaf = {
    id: 'new_hire',
    label: 'Công tác đủ 12 tháng trong năm (quy định của tỉnh)',
    fact: 'monthsEmployed',
    op: 'gte',
    value: 12,
    citation: cite('Quyết định 15/2024/QĐ-UBND', 'Điều 5', { verified: false }),
  };
  const cm2024 = (more: Partial<LocalPack> = {}) =>
    local({
      id: 'CM-2024',
      effectiveFrom: '2024-01-01',
      effectiveTo: '2024-12-31',
      criteria: [
        { awardCode: 'LDTT', recipientKind: 'individual', criterion: extra },
        { awardCode: 'LDTT', recipientKind: 'individual', criterion: twelveMonths },
      ],
      quotas: [ceilingQuota(0.28)],
      citation: cite('Quyết định 15/2024/QĐ-UBND', undefined, { verified: false }),
      ...more,
    });
  const ldtt = (p: RulePack) =>
    p.rules.find((r) => r.awardCode === 'LDTT' && r.recipientKind === 'individual')!;
  const hired = (start: string) =>
    history({ evaluations: [rated(2024, 'HTTNV', { employmentStartDate: start })] });

  test('adds a criterion and replaces one by id, keeping the order of the national rule', () => {
    const p = layerPacks(V2024, [cm2024()], '2024-12-31');
    expect(p.id).toBe('V2024+CM-2024');
    expect(p.name).toBe(
      'Luật TĐKT 2022, Nghị định 98/2023/NĐ-CP + Quy định thi đua, khen thưởng tỉnh Cà Mau',
    );
    expect(ldtt(p).criteria.map((c) => ('id' in c ? c.id : '+'))).toEqual([
      'rating',
      'conduct',
      'new_hire',
      'training',
      'discipline',
      'local_initiative_count',
    ]);
    expect(ldtt(p).criteria[2]).toBe(twelveMonths);
    expect(p.instruments.at(-1)!.instrument).toBe('Quyết định 15/2024/QĐ-UBND');
    // The national pack is untouched.
    expect(ldtt(V2024).criteria).toHaveLength(5);
    expect(V2024.quotas).toEqual([]);
  });

  test('the layered pack judges with the local criteria and their citations', () => {
    const p = layerPacks(V2024, [cm2024()], '2024-12-31');
    const v = evaluate(PERSON, hired('2024-06-01'), p, { year: 2024 }, 'LDTT');
    expect(v.status).toBe('ineligible');
    expect(v.checks.find((c) => c.id === 'new_hire')).toMatchObject({
      status: 'unmet',
      citation: { instrument: 'Quyết định 15/2024/QĐ-UBND', article: 'Điều 5' },
    });
    expect(v.checks.find((c) => c.id === 'local_initiative_count')!.status).toBe('unmet');
    // The same person under the national pack: 7 months is enough and no initiative is needed.
    expect(evaluate(PERSON, hired('2024-06-01'), V2024, { year: 2024 }, 'LDTT').status).toBe('eligible');
  });

  test('replaces a national quota by id, and adds a new one', () => {
    const flagCap: Quota = {
      id: 'CO_TINH_SHARE',
      awardCode: 'CO_TINH',
      basisAwardCode: 'TTLDXS',
      maxShare: 0.1,
      rounding: 'floor',
      citation: cite('Quyết định 15/2020/QĐ-UBND', 'Điều 7', { verified: false }),
    };
    const p = layerPacks(V2017, [local({ quotas: [ceilingQuota(0.1), flagCap] })], '2020-12-31');
    expect(quotasFor(p, 'CSTDCS')).toEqual([ceilingQuota(0.1)]);
    expect(quotasFor(p, 'CO_TINH')).toEqual([flagCap]);
    expect(quotasFor(p, 'CO_CHINHPHU').map((q) => q.maxShare)).toEqual([0.2]);
    expect(quotasFor(V2017, 'CSTDCS').map((q) => q.maxShare)).toEqual([0.15]);
  });

  test('adds a rule the national pack does not have', () => {
    const knc: LocalPack = local({
      criteria: [
        {
          awardCode: 'KNC',
          recipientKind: 'individual',
          criterion: {
            ...extra,
            id: 'years',
            label: 'Có thời gian công tác',
            fact: 'monthsEmployed',
            params: undefined,
            value: 12,
          },
        },
      ],
    });
    const p = layerPacks(V2017, [knc], '2020-06-30');
    expect(p.rules.filter((r) => r.awardCode === 'KNC')).toHaveLength(1);
    expect(V2017.rules.some((r) => r.awardCode === 'KNC')).toBe(false);
  });

  test.each([
    ['the day before it takes effect', '2023-12-31', false],
    ['its first day', '2024-01-01', true],
    ['its last day', '2024-12-31', true],
    ['the day after it ends', '2025-01-01', false],
  ])('in force only between its dates: %s (%s)', (_n, date, inForce) => {
    expect(localPackInForce(cm2024(), date)).toBe(inForce);
    const p = layerPacks(V2024, [cm2024()], date);
    if (inForce) expect(p.id).toBe('V2024+CM-2024');
    else expect(p).toBe(V2024);
  });

  test('several local packs apply in order; the later one wins on the same id', () => {
    const ten: FactLeaf = {
      ...twelveMonths,
      value: 10,
      citation: cite('Quyết định 20/2024/QĐ-UBND', 'Điều 1', { verified: false }),
    };
    const later = local({
      id: 'CM-2024b',
      effectiveFrom: '2024-06-01',
      effectiveTo: undefined,
      criteria: [{ awardCode: 'LDTT', recipientKind: 'individual', criterion: ten }],
    });
    const p = layerPacks(V2024, [cm2024(), later], '2024-12-31');
    expect(p.id).toBe('V2024+CM-2024+CM-2024b');
    expect(ldtt(p).criteria[2]).toBe(ten);
    expect(layerPacks(V2024, [cm2024(), later], '2024-03-01').id).toBe('V2024+CM-2024');
  });
});

// ----------------------------------------------------------------------------------------------- Quotas

describe('Quotas (NĐ 91/2017 Điều 9 khoản 3: CSTĐCS at most 15% of LĐTT)', () => {
  const q = V2017.quotas.find((x) => x.id === 'CSTDCS_SHARE_OF_LDTT')!;

  test('the V2017 quota is 15% of LĐTT, rounded down, a national ceiling', () => {
    expect(q).toMatchObject({
      awardCode: 'CSTDCS',
      basisAwardCode: 'LDTT',
      maxShare: 0.15,
      rounding: 'floor',
      ceiling: true,
    });
  });

  test.each([
    [44, false, 1],
    [45, false, 0],
    [46, true, 0],
  ])('%i CSTĐCS of 300 LĐTT (allowed 45) → exceeded %s', (used, exceeded, remaining) => {
    const u = quotaUse(q, 300, used);
    expect(u).toMatchObject({ basis: 300, allowed: 45, used, exceeded, remaining });
  });

  test('the detail reads in Vietnamese', () => {
    expect(quotaUse(q, 300, 44).detail).toBe(
      '44/45 (15% của 300 danh hiệu Lao động tiên tiến, làm tròn xuống)',
    );
    expect(quotaUse({ ...q, maxShare: 0.125, rounding: 'ceil' }, 10, 1).detail).toBe(
      '1/2 (12,5% của 10 danh hiệu Lao động tiên tiến, làm tròn lên)',
    );
  });

  test.each([
    ['floor', 46],
    ['round', 47],
    ['ceil', 47],
  ] as const)('0.15 × 310 = 46.5, %s → %i', (rounding, allowed) => {
    expect(allowedBy({ maxShare: 0.15, rounding }, 310)).toBe(allowed);
  });

  test.each([
    [0.15, 300, 45],
    [0.15, 20, 3],
    [0.28, 100, 28],
    [0.2, 5, 1],
    [0.07, 100, 7],
    [0.15, 0, 0],
  ])(
    'exact products are not lost to floating point: %f × %i → %i (floor and ceil agree)',
    (share, basis, n) => {
      expect(allowedBy({ maxShare: share, rounding: 'floor' }, basis)).toBe(n);
      expect(allowedBy({ maxShare: share, rounding: 'ceil' }, basis)).toBe(n);
    },
  );
});

// -------------------------------------------------------------------------------------------- Citations

function citationsOf(p: RulePack): Array<{ where: string; c: Citation }> {
  const out: Array<{ where: string; c: Citation }> = [];
  const walk = (n: CriterionNode, where: string) => {
    if ('all' in n) n.all.forEach((x, i) => walk(x, `${where}.all[${i}]`));
    else if ('any' in n) n.any.forEach((x, i) => walk(x, `${where}.${n.id}[${i}]`));
    else out.push({ where: `${where}.${n.id}`, c: n.citation });
  };
  p.instruments.forEach((c, i) => out.push({ where: `instruments[${i}]`, c }));
  p.rules.forEach((r) => r.criteria.forEach((n) => walk(n, `${r.awardCode}/${r.recipientKind}`)));
  p.quotas.forEach((q) => out.push({ where: `quota ${q.id}`, c: q.citation }));
  p.prizes.forEach((x) =>
    out.push({ where: `prize ${x.awardCode}/${x.recipientKind}/${x.issuerLevel ?? ''}`, c: x.citation }),
  );
  p.votes.forEach((v) => out.push({ where: `vote ${v.awardCodes.join(',')}`, c: v.citation }));
  if (p.householdMultiplier) out.push({ where: 'householdMultiplier', c: p.householdMultiplier.citation });
  return out;
}

describe.each(NATIONAL_PACKS)('$id: citations', (pack) => {
  const all = citationsOf(pack);

  test('every citation names an instrument the pack declares', () => {
    const declared = new Set(pack.instruments.map((c) => c.instrument));
    expect(all.length).toBeGreaterThan(40);
    for (const { where, c } of all) {
      expect(c.instrument, where).toMatch(/^(Luật|Nghị định|Thông tư) \S/);
      expect(declared.has(c.instrument), `${where}: ${c.instrument}`).toBe(true);
    }
  });

  test('every verified citation has a source that was read (a URL or a record of what was read)', () => {
    const verified = all.filter((x) => x.c.verified);
    expect(verified.length).toBeGreaterThan(5);
    for (const { where, c } of verified) {
      expect(c.source, where).toBeTruthy();
      expect(c.source, where).not.toMatch(/VERIFY/);
      expect(c.source, where).toMatch(/^https?:\/\//);
    }
  });
});
