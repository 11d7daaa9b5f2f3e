import { describe, expect, it } from 'vitest';
import { buildNarrative, buildSummaryReport, narrativeOutline, type AwardCountInput } from './summary';

const SNN = 'Giám đốc Sở';
const UBND = 'Chủ tịch UBND tỉnh';
const row = (
  track: string,
  issuer: string,
  awardCode: string,
  recipientKind: string,
  awards: number,
  recipients = awards,
): AwardCountInput => ({ track, issuer, awardCode, recipientKind, awards, recipients });
const base = { year: 2020, scope: { code: null, label: 'Toàn bộ dữ liệu' }, movements: [] };

describe('buildSummaryReport: award lines', () => {
  const cases: {
    name: string;
    awards: AwardCountInput[];
    expected: {
      track: string;
      awardCode: string;
      recipientKind: string;
      countOf: string;
      count: number;
      text: string;
    }[];
  }[] = [
    {
      name: 'a title counts recipients',
      awards: [row('regular', SNN, 'LDTT', 'individual', 300)],
      expected: [
        {
          track: 'regular',
          awardCode: 'LDTT',
          recipientKind: 'individual',
          countOf: 'recipients',
          count: 300,
          text: '300 cá nhân',
        },
      ],
    },
    {
      name: 'a form counts awards ("lượt"), even when a recipient had two',
      awards: [row('regular', SNN, 'GIAY_KHEN', 'individual', 5, 4)],
      expected: [
        {
          track: 'regular',
          awardCode: 'GIAY_KHEN',
          recipientKind: 'individual',
          countOf: 'awards',
          count: 5,
          text: '5 lượt cá nhân',
        },
      ],
    },
    {
      name: 'ordered by track (regular before thematic), issuer, catalogue code, recipient kind',
      awards: [
        row('thematic', UBND, 'BK_TINH', 'individual', 3),
        row('thematic', UBND, 'BK_TINH', 'collective', 4),
        row('regular', SNN, 'GIAY_KHEN', 'collective', 19),
        row('regular', SNN, 'LDTT', 'individual', 300),
      ],
      expected: [
        {
          track: 'regular',
          awardCode: 'LDTT',
          recipientKind: 'individual',
          countOf: 'recipients',
          count: 300,
          text: '300 cá nhân',
        },
        {
          track: 'regular',
          awardCode: 'GIAY_KHEN',
          recipientKind: 'collective',
          countOf: 'awards',
          count: 19,
          text: '19 lượt tập thể',
        },
        {
          track: 'thematic',
          awardCode: 'BK_TINH',
          recipientKind: 'individual',
          countOf: 'awards',
          count: 3,
          text: '3 lượt cá nhân',
        },
        {
          track: 'thematic',
          awardCode: 'BK_TINH',
          recipientKind: 'collective',
          countOf: 'awards',
          count: 4,
          text: '4 lượt tập thể',
        },
      ],
    },
    {
      name: 'repeated keys add up; zero lines are dropped',
      awards: [
        row('regular', SNN, 'TTLDTT', 'collective', 10),
        row('regular', SNN, 'TTLDTT', 'collective', 19),
        row('regular', SNN, 'CSTDCS', 'individual', 0),
      ],
      expected: [
        {
          track: 'regular',
          awardCode: 'TTLDTT',
          recipientKind: 'collective',
          countOf: 'recipients',
          count: 29,
          text: '29 tập thể',
        },
      ],
    },
    {
      name: 'households are a recipient kind of their own',
      awards: [row('thematic', UBND, 'GIAY_KHEN', 'household', 2)],
      expected: [
        {
          track: 'thematic',
          awardCode: 'GIAY_KHEN',
          recipientKind: 'household',
          countOf: 'awards',
          count: 2,
          text: '2 lượt hộ gia đình',
        },
      ],
    },
  ];
  it.each(cases)('$name', ({ awards, expected }) => {
    const r = buildSummaryReport({ ...base, awards });
    expect(
      r.lines.map(({ track, awardCode, recipientKind, countOf, count, text }) => ({
        track,
        awardCode,
        recipientKind,
        countOf,
        count,
        text,
      })),
    ).toEqual(expected);
  });

  it('groups lines into track sections with totals and labels', () => {
    const r = buildSummaryReport({
      ...base,
      awards: [
        row('regular', SNN, 'LDTT', 'individual', 300),
        row('regular', SNN, 'TTLDTT', 'collective', 29),
        row('thematic', 'Bộ Nội vụ', 'KNC', 'individual', 1),
      ],
    });
    expect(r.tracks.map((t) => [t.track, t.label, t.lines.length, t.totals])).toEqual([
      [
        'regular',
        'Thường xuyên (công trạng)',
        2,
        { individual: 300, collective: 29, household: 0, awards: 329 },
      ],
      [
        'thematic',
        'Chuyên đề, theo phong trào',
        1,
        { individual: 1, collective: 0, household: 0, awards: 1 },
      ],
    ]);
    expect(r.lines[2]).toMatchObject({
      awardLabel: 'Kỷ niệm chương',
      awardKind: 'form',
      recipientKindLabel: 'Cá nhân',
    });
  });
});

describe('buildSummaryReport: the report as a whole', () => {
  it('a year with no data is an empty report, not an error', () => {
    const r = buildSummaryReport({ ...base, year: 1999, awards: [] });
    expect(r).toMatchObject({ empty: true, lines: [], tracks: [], movements: [], year: 1999 });
    expect(r.title).toBe('Tổng kết công tác thi đua, khen thưởng năm 1999');
  });

  it('keeps movements as given and splits narrative text into paragraphs', () => {
    const movement = {
      name: 'Cả nước chung tay vì người nghèo',
      kind: 'thematic' as const,
      launchingUnit: 'Sở',
      results: [{ unitName: 'Trung tâm Khuyến nông', summary: '01 nhà tình thương' }],
      totals: [{ label: 'Giá trị nhà tình thương', value: '30.000.000 đồng' }],
    };
    const r = buildSummaryReport({
      ...base,
      movements: [movement],
      awards: [],
      narrative: {
        sections: { assessment: 'Đạt.\r\n\n  Tốt.  ', nextYearTasks: '1. Chấm điểm.' },
        version: 3,
        note: 'Sửa lần 3',
        savedAt: '2021-01-10T02:00:00.000Z',
        savedBy: 'Cán bộ',
      },
    });
    expect(r.empty).toBe(false);
    expect(r.movements).toEqual([movement]);
    expect(r.narrative).toMatchObject({ version: 3, note: 'Sửa lần 3', savedBy: 'Cán bộ', empty: false });
    expect(r.narrative.sections.map((s) => s.key)).toEqual([
      'assessment',
      'strengths',
      'weaknesses',
      'lessons',
      'nextYearTasks',
      'proposals',
    ]);
    const by = (k: string) => r.narrative.sections.find((s) => s.key === k)!;
    expect(by('assessment')).toMatchObject({ text: 'Đạt.\n\n  Tốt.', paragraphs: ['Đạt.', 'Tốt.'] });
    expect(by('nextYearTasks').heading).toBe('PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021');
    expect(by('strengths').paragraphs).toEqual([]);
  });

  it('numbers the narrative outline after I and II, skipping empty parts', () => {
    const none = buildSummaryReport({ ...base, awards: [] });
    expect(none.narrative).toMatchObject({ version: 0, empty: true, savedAt: null });
    expect(narrativeOutline(none.narrative)).toEqual([]);

    const tasksOnly = buildNarrative(2020, {
      sections: { nextYearTasks: 'Tiếp tục.', proposals: 'Đề nghị.' },
    });
    expect(narrativeOutline(tasksOnly).map((p) => p.heading)).toEqual([
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);

    // Strengths alone still open the assessment part, as its first sub-part.
    const all = buildNarrative(2020, {
      sections: { strengths: 'Tốt.', lessons: 'Học.', nextYearTasks: 'Làm.' },
    });
    const outline = narrativeOutline(all);
    expect(outline.map((p) => p.heading)).toEqual([
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021',
    ]);
    expect(outline[0]!.paragraphs).toEqual([]);
    expect(outline[0]!.sub).toEqual([
      { heading: '1. Ưu điểm', paragraphs: ['Tốt.'] },
      { heading: '2. Bài học kinh nghiệm', paragraphs: ['Học.'] },
    ]);
  });

  it('an unknown code is kept with its code as label', () => {
    const r = buildSummaryReport({ ...base, awards: [row('ad_hoc', SNN, 'XYZ', 'individual', 2)] });
    expect(r.lines[0]).toMatchObject({
      awardLabel: 'XYZ',
      awardKind: 'other',
      countOf: 'awards',
      trackLabel: 'Đột xuất',
    });
  });
});
