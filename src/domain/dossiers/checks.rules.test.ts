import { describe, expect, it } from 'vitest';
import { nomineeFlags, type CheckFacts } from './checks';

const clean: CheckFacts = {
  awardCode: 'CSTDCS',
  year: 2020,
  awards: [],
  pendingElsewhere: [],
  initiative: null,
  disciplines: [],
  quota: null,
};
const flags = (f: Partial<CheckFacts>) => nomineeFlags({ ...clean, ...f });

describe('nominee flags', () => {
  it('a clean nominee has none', () => {
    expect(flags({})).toEqual([]);
  });

  it.each<[string, Partial<CheckFacts>, string[]]>([
    [
      'same title, same year already awarded',
      { awards: [{ awardCode: 'CSTDCS', year: 2020, decisionNumber: '12/QĐ-SNN' }] },
      ['already_awarded'],
    ],
    [
      'same title another year: no flag',
      { awards: [{ awardCode: 'CSTDCS', year: 2019, decisionNumber: '1' }] },
      [],
    ],
    [
      'another title same year: no flag',
      { awards: [{ awardCode: 'LDTT', year: 2020, decisionNumber: '1' }] },
      [],
    ],
    [
      'a revoked award does not count',
      { awards: [{ awardCode: 'CSTDCS', year: 2020, decisionNumber: '1', revoked: true }] },
      [],
    ],
    [
      'pending in another dossier',
      { pendingElsewhere: [{ dossierCode: 'HS-2020-0002', unitName: 'Trung tâm Khuyến nông' }] },
      ['pending_elsewhere'],
    ],
    [
      'initiative already used',
      { initiative: { code: 'SK-01', title: 'Máy sấy lúa', usedByAward: true } },
      ['initiative_used'],
    ],
    ['initiative free', { initiative: { code: 'SK-01', title: 'Máy sấy lúa', usedByAward: false } }, []],
    [
      'discipline overlapping the year',
      {
        disciplines: [
          { level: 'khien_trach', decisionNumber: '5/QĐ-KL', fromDate: '2020-06-01', toDate: '2021-05-31' },
        ],
      },
      ['discipline'],
    ],
    [
      'open-ended discipline from an earlier year',
      {
        disciplines: [{ level: 'canh_cao', decisionNumber: '5/QĐ-KL', fromDate: '2018-01-01', toDate: null }],
      },
      ['discipline'],
    ],
    [
      'discipline ended before the year',
      {
        disciplines: [
          { level: 'canh_cao', decisionNumber: '5', fromDate: '2018-01-01', toDate: '2019-12-31' },
        ],
      },
      [],
    ],
    [
      'discipline starting after the year',
      { disciplines: [{ level: 'canh_cao', decisionNumber: '5', fromDate: '2021-01-01', toDate: null }] },
      [],
    ],
    [
      'quota over (NĐ 91/2017 art. 9(3))',
      { quota: { used: 4, allowed: 3, detail: '4/3 (15% …)' } },
      ['quota_over'],
    ],
    ['quota exactly used', { quota: { used: 3, allowed: 3, detail: '3/3' } }, []],
  ])('%s', (_name, facts, codes) => {
    expect(flags(facts).map((f) => f.code)).toEqual(codes);
  });

  it('messages are Vietnamese and name the evidence', () => {
    const all = flags({
      awards: [{ awardCode: 'CSTDCS', year: 2020, decisionNumber: '12/QĐ-SNN' }],
      pendingElsewhere: [{ dossierCode: 'HS-2020-0002', unitName: 'Trung tâm Khuyến nông' }],
      disciplines: [
        { level: 'khien_trach', decisionNumber: '5/QĐ-KL', fromDate: '2020-06-01', toDate: null },
      ],
    });
    expect(all.map((f) => f.message)).toEqual([
      'Đã được tặng Chiến sĩ thi đua cơ sở năm 2020 (Quyết định số 12/QĐ-SNN)',
      'Đang được đề nghị Chiến sĩ thi đua cơ sở năm 2020 trong hồ sơ khác: HS-2020-0002 (Trung tâm Khuyến nông)',
      'Đang trong thời gian thi hành kỷ luật năm 2020: khiển trách (5/QĐ-KL)',
    ]);
  });
});
