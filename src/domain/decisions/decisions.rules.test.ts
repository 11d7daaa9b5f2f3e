import { describe, expect, it } from 'vitest';
import { packForYear } from '../rules/packs';
import type { BaseSalaryRow } from '../money/prize';
import {
  authorityTitle,
  decisionPrizes,
  duplicateLines,
  formatDecisionNumber,
  nomineeDecidable,
  parseDecisionNumber,
  placeOn,
  referenceProblem,
  signatureLines,
  type PrizeLineInput,
} from './index';

const SALARIES: BaseSalaryRow[] = [
  { effectiveFrom: '2018-07-01', amount: 1_390_000, instrument: 'NĐ 72/2018' },
  { effectiveFrom: '2019-07-01', amount: 1_490_000, instrument: 'NĐ 38/2019' },
  { effectiveFrom: '2023-07-01', amount: 1_800_000, instrument: 'NĐ 24/2023' },
  { effectiveFrom: '2024-07-01', amount: 2_340_000, instrument: 'NĐ 73/2024' },
];

describe('decision number (Nghị định 30/2020 Phụ lục I: leading zero below 10)', () => {
  it.each([
    [1, 'SNN', '01/QĐ-SNN'],
    [5, 'SNN', '05/QĐ-SNN'],
    [12, 'SNN', '12/QĐ-SNN'],
    [1456, 'UBND', '1456/QĐ-UBND'],
  ])('seq %i, symbol %s → %s', (seq, symbol, expected) => {
    expect(formatDecisionNumber(seq, symbol)).toBe(expected);
    expect(parseDecisionNumber(expected)).toEqual({ seq, symbol });
  });
  it.each([0, -1, 1.5])('refuses sequence %s', (seq) => {
    expect(() => formatDecisionNumber(seq, 'SNN')).toThrow(RangeError);
  });
  it('refuses a symbol with spaces or lower case', () => {
    expect(() => formatDecisionNumber(3, 'snn')).toThrow(RangeError);
    expect(parseDecisionNumber('12/BC-SNN')).toBeUndefined();
  });
});

describe('place line (product.md: Bạc Liêu before 2025-07-01, Cà Mau from then)', () => {
  it.each([
    ['2021-01-18', 'Bạc Liêu'],
    ['2025-06-30', 'Bạc Liêu'],
    ['2025-07-01', 'Cà Mau'],
    ['2026-01-05', 'Cà Mau'],
  ])('%s → %s', (date, place) => expect(placeOn('Bạc Liêu', date)).toBe(place));
});

describe('signature block (Nghị định 30/2020 art. 13)', () => {
  it.each([
    ['direct', '', { onBehalf: '', title: 'GIÁM ĐỐC' }],
    ['KT', 'Phó Giám đốc', { onBehalf: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }],
    ['Q', '', { onBehalf: '', title: 'Q. GIÁM ĐỐC' }],
    ['TL', 'Chánh Văn phòng', { onBehalf: 'TL. GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG' }],
  ] as const)('%s', (mode, own, expected) => {
    expect(signatureLines(mode, 'Giám đốc', own)).toEqual(expected);
  });
  it('TM. names the collective body', () => {
    expect(signatureLines('TM', 'Chủ tịch', 'Chủ tịch', 'Ủy ban nhân dân')).toEqual({
      onBehalf: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
    });
  });
  it('authority of a department and of the province', () => {
    expect(authorityTitle('Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu')).toBe(
      'Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu',
    );
    expect(authorityTitle('Ủy ban nhân dân tỉnh Bạc Liêu')).toBe('Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu');
  });
});

const line = (key: string, over: Partial<PrizeLineInput> = {}): PrizeLineInput => ({
  key,
  recipientKey: `P:${key}`,
  recipientKind: 'individual',
  awardCode: 'LDTT',
  year: 2020,
  ...over,
});

describe('prize lines (NĐ 91/2017 art. 68(2), 69, 73; NĐ 152/2025 art. 49)', () => {
  it.each([
    // [case, line, decision date, amount]
    ['LĐTT 0,3 × 1.490.000 = 447.000 → 450.000 (art. 69, rounded up)', line('a'), '2021-01-18', 450_000],
    [
      'CSTĐCS 1,0 × 1.490.000 = 1.490.000 (art. 69)',
      line('a', { awardCode: 'CSTDCS' }),
      '2021-01-18',
      1_490_000,
    ],
    [
      'Tập thể LĐTT 0,8 × 1.490.000 = 1.192.000 → 1.200.000',
      line('a', { awardCode: 'TTLDTT', recipientKind: 'collective', recipientKey: 'U:a' }),
      '2021-01-18',
      1_200_000,
    ],
    ['Giấy khen cá nhân 0,3 (art. 73)', line('a', { awardCode: 'GIAY_KHEN' }), '2021-01-18', 450_000],
    [
      'Giấy khen tập thể 0,6 × 1.490.000 = 894.000 → 900.000 (art. 73(2)(b))',
      line('a', { awardCode: 'GIAY_KHEN', recipientKind: 'collective', recipientKey: 'U:a' }),
      '2021-01-18',
      900_000,
    ],
    ['Bằng khen tỉnh 1,0 (V2017)', line('a', { awardCode: 'BK_TINH' }), '2020-12-10', 1_490_000],
    [
      'base salary of the decision date, not the achievement year: 2020 LĐTT decided 2024-08-01 → 0,3 × 2.340.000 = 702.000 → 710.000',
      line('a'),
      '2024-08-01',
      710_000,
    ],
  ])('%s', (_case, l, date, amount) => {
    const r = decisionPrizes({
      lines: [l],
      decisionDate: date,
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
    });
    expect(r.ok && r.lines[0]!.paid).toBe(amount);
    expect(r.ok && r.total).toBe(amount);
  });

  it('household (hộ gia đình) under V2025: 1,5 × the individual amount (Giấy khen 0,3 × 1,5 × 2.340.000 = 1.053.000 → 1.060.000)', () => {
    const r = decisionPrizes({
      lines: [
        line('h', { recipientKind: 'household', recipientKey: 'H:x', awardCode: 'GIAY_KHEN', year: 2025 }),
      ],
      decisionDate: '2026-01-05',
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
    });
    expect(r.ok && r.lines[0]).toMatchObject({ multiplier: 1.5, paid: 1_060_000, packId: 'V2025' });
  });

  it('same period, several titles: the highest only (art. 66(2)); a form is paid besides', () => {
    const r = decisionPrizes({
      lines: [
        line('l', { recipientKey: 'P:1', awardCode: 'LDTT' }),
        line('c', { recipientKey: 'P:1', awardCode: 'CSTDCS' }),
        line('g', { recipientKey: 'P:1', awardCode: 'GIAY_KHEN' }),
      ],
      decisionDate: '2021-01-18',
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
    });
    if (!r.ok) throw new Error('no salary');
    expect(r.lines.map((l) => l.paid)).toEqual([0, 1_490_000, 450_000]);
    expect(r.lines[0]!.note).toContain('cao nhất');
    expect(r.total).toBe(1_940_000);
    expect(r.words).toBe('Một triệu chín trăm bốn mươi nghìn đồng');
  });

  it('a title already paid by an earlier decision for the same period: only the difference', () => {
    const r = decisionPrizes({
      lines: [line('c', { recipientKey: 'P:1', awardCode: 'CSTDCS' }), line('l', { recipientKey: 'P:2' })],
      decisionDate: '2021-01-18',
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
      prior: [
        { recipientKey: 'P:1', year: 2020, amount: 450_000, decisionNumber: '15/QĐ-SNN' },
        { recipientKey: 'P:2', year: 2020, amount: 1_490_000, decisionNumber: '17/QĐ-SNN' },
      ],
    });
    if (!r.ok) throw new Error('no salary');
    expect(r.lines.map((l) => l.paid)).toEqual([1_040_000, 0]);
    expect(r.lines.map((l) => l.amount)).toEqual([1_490_000, 450_000]);
  });

  it('no base salary in force on the decision date', () => {
    const r = decisionPrizes({
      lines: [line('a')],
      decisionDate: '2010-01-01',
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
    });
    expect(r).toMatchObject({ ok: false, reason: 'NO_BASE_SALARY' });
  });

  it('Kỷ niệm chương has no coefficient in V2017 (the issuer sets it): 0 with a note', () => {
    const r = decisionPrizes({
      lines: [line('k', { awardCode: 'KNC' })],
      decisionDate: '2020-11-05',
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
    });
    expect(r.ok && r.lines[0]).toMatchObject({ paid: 0, coefficient: null });
    expect(r.ok && r.lines[0]!.note).toBeTruthy();
  });

  it('300 LĐTT + 29 Tập thể LĐTT at 1.490.000: 135.000.000 + 34.800.000', () => {
    const lines = [
      ...Array.from({ length: 300 }, (_, i) => line(`p${i}`)),
      ...Array.from({ length: 29 }, (_, i) =>
        line(`u${i}`, { recipientKey: `U:${i}`, recipientKind: 'collective', awardCode: 'TTLDTT' }),
      ),
    ];
    const r = decisionPrizes({
      lines,
      decisionDate: '2021-01-18',
      salaries: SALARIES,
      packForYear: (y) => packForYear(y),
    });
    expect(r.ok && r.total).toBe(135_000_000 + 34_800_000);
    expect(r.ok && r.words).toBe('Một trăm sáu mươi chín triệu tám trăm nghìn đồng');
  });
});

describe('what may go into a decision', () => {
  const n = { nomineeId: 'n', dossierCode: 'HS-2020-0001', councilResult: 'passed', excludedReason: null };
  it.each([
    ['approved and passed', { ...n, dossierStatus: 'approved' }, true],
    [
      'dossier still in council (un-voted)',
      { ...n, dossierStatus: 'in_council', councilResult: null },
      false,
    ],
    [
      'dossier approved but nominee failed',
      { ...n, dossierStatus: 'approved', councilResult: 'failed' },
      false,
    ],
    ['excluded nominee', { ...n, dossierStatus: 'approved', excludedReason: 'trùng' }, false],
    ['dossier only disclosed', { ...n, dossierStatus: 'disclosed' }, false],
  ])('%s', (_c, fact, okay) => {
    expect(nomineeDecidable(fact).ok).toBe(okay);
  });

  it('same recipient, title and period twice in one decision', () => {
    const t = {
      recipientKey: 'P:1',
      awardCode: 'LDTT',
      year: 2020,
      track: 'regular',
      awardKind: 'title',
    } as const;
    const f = { ...t, awardCode: 'GIAY_KHEN', awardKind: 'form' } as const;
    const l = [
      t,
      { ...t, track: 'thematic' },
      { ...t, year: 2019 },
      f,
      { ...f, track: 'thematic' },
      { ...f, track: 'ad_hoc' },
      { ...f, track: 'ad_hoc' },
    ];
    // A title twice in a year (whatever the track) is a duplicate; a form per track; ad-hoc never.
    expect(duplicateLines(l)).toEqual([l[1]]);
  });

  it('revocation references an issued decision and awards of it not yet revoked', () => {
    const d = { id: 'd1', status: 'issued' };
    expect(
      referenceProblem('revocation', d, [{ awardId: 'a', decisionId: 'd1', revokedByDecisionId: null }]),
    ).toBeNull();
    expect(referenceProblem('revocation', { id: 'd1', status: 'draft' }, [])).toMatch(/chưa ban hành/);
    expect(
      referenceProblem('revocation', d, [{ awardId: 'a', decisionId: 'd2', revokedByDecisionId: null }]),
    ).toMatch(/không thuộc/);
    expect(
      referenceProblem('correction', d, [{ awardId: 'a', decisionId: 'd1', revokedByDecisionId: 'x' }]),
    ).toMatch(/đã bị thu hồi/);
    expect(referenceProblem('award', undefined, [])).toBeNull();
  });
});
