/**
 * V2024: Luật TĐKT 2022 (06/2022/QH15), Nghị định 98/2023/NĐ-CP, Thông tư 01/2024/TT-BNV — achievement
 * periods from 01/01/2024 (law.md). The Law's titles and forms are shared with V2025 (`lawRules`); the
 * decree-level values (new-hire months, prize coefficients, vote thresholds) are per pack.
 */
import type { Citation, PrizeCoefficient, Rule, RulePack } from '../types';
import {
  anyOf,
  cite,
  collectiveMovement,
  exemplaryConduct,
  holdsThisYear,
  initiatives,
  LUAT_2022,
  membersNotWarned,
  ND_98_2023,
  newHire,
  noDiscipline,
  ratingAtLeastGood,
  trainingOk,
  TT_01_2024,
  unitRatingAtLeast,
  unverified,
} from './common';

/** Articles of Luật TĐKT 2022 whose content was confirmed (docs/law-sources.md 4', 6a–6j). */
const LAW_SOURCES: Record<string, string> = {
  'Điều 21':
    'https://baoyenbai.com.vn/13/342479/Tieu-chuan-danh-hieu-Chien-si-thi-dua-co-so-Lao-dong-tien-tien-Chien-si-tien-tien.aspx',
  'Điều 22':
    'https://baoyenbai.com.vn/13/342479/Tieu-chuan-danh-hieu-Chien-si-thi-dua-co-so-Lao-dong-tien-tien-Chien-si-tien-tien.aspx',
  'Điều 23':
    'https://chinhsachonline.chinhphu.vn/tieu-chuan-de-nghi-xet-tang-bang-khen-cua-bo-nganh-77204.htm',
  'Điều 24': 'http://laocai.edu.vn/?pageid=100257&qid=76381',
  'Điều 25':
    'https://lawnet.vn/en/laws/tap-the-phai-dat-duoc-nhung-tieu-chuan-dieu-kien-nao-de-duoc-xet-tang-danh-hieu-co-thi-dua-cac-cap-22767.html',
  'Điều 26':
    'http://hethongphapluat.vn/thong-tu-29-2023-tt-bgddt-huong-dan-luat-thi-dua-khen-thuong-doi-voi-nganh-giao-duc-do-bo-truong-bo-giao-duc-va-dao-tao-ban-hanh/dieu-4',
  'Điều 27': 'https://stp.thuathienhue.gov.vn/?gd=12&cn=28&tc=9123',
  'Điều 44':
    'https://news.laodong.vn/thoi-su/bo-noi-vu-noi-ve-tieu-chuan-xet-huan-chuong-lao-dong-hang-ba-1467558.ldo',
  'Điều 73':
    'https://phunuquandoi.vn/chinh-sach-bhxh-bhyt/dieu-kien-duoc-xet-tang-bang-khen-cua-thu-tuong-chinh-phu',
  'Điều 74':
    'https://chinhsachonline.chinhphu.vn/tieu-chuan-de-nghi-xet-tang-bang-khen-cua-bo-nganh-77204.htm',
  'Điều 75':
    'https://ja.laodong.vn/cong-doan/muc-tien-thuong-bang-khen-giay-khen-ky-niem-chuong-doi-voi-ca-nhan-theo-nghi-dinh-152-1535725.ldo',
};
const law = (article: string, more: Partial<Citation> = {}) => {
  // Điều 75: only the article number was confirmed (through Nghị định 152/2025 art. 54(1)), not its text.
  if (article === 'Điều 75' && more.verified === undefined)
    return cite(LUAT_2022, article, {
      ...more,
      verified: false,
      source: LAW_SOURCES[article],
      note: 'Số điều đã đối chiếu; nội dung chưa đọc được nguyên văn',
    });
  const source = LAW_SOURCES[article];
  return cite(LUAT_2022, article, source && more.verified === undefined ? { ...more, source } : more);
};

export interface DecreeValues {
  newHire: { months: number; citation: Citation };
  training: { longMinGrade: 'kha' | null; citation: Citation };
  discipline: Citation;
}

/** The titles and forms of Luật TĐKT 2022 with the decree's values plugged in. */
export function lawRules(d: DecreeValues): Rule[] {
  return [
    {
      awardCode: 'LDTT',
      recipientKind: 'individual',
      criteria: [
        ratingAtLeastGood(law('Điều 24', { clause: 'khoản 1', point: 'điểm a' })),
        exemplaryConduct(
          'Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia phong trào thi đua',
          law('Điều 24', { clause: 'khoản 1', point: 'điểm b' }),
        ),
        newHire(d.newHire.months, d.newHire.citation),
        trainingOk(d.training.longMinGrade, d.training.citation),
        noDiscipline(d.discipline),
      ],
    },
    {
      awardCode: 'CSTDCS',
      recipientKind: 'individual',
      criteria: [
        holdsThisYear('LDTT', 'Đạt danh hiệu Lao động tiên tiến', law('Điều 23')),
        anyOf(
          'achievement',
          'Đạt một trong các tiêu chuẩn: hoàn thành xuất sắc nhiệm vụ; có sáng kiến; có đề tài khoa học',
          [
            {
              id: 'excellent',
              label: 'Hoàn thành xuất sắc nhiệm vụ',
              fact: 'rating',
              op: 'eq',
              value: 'HTXSNV',
              citation: law('Điều 23', { point: 'điểm a' }),
            },
            initiatives(
              'initiative',
              'Có sáng kiến được công nhận, hoặc đề tài khoa học được nghiệm thu, trong năm',
              { minLevel: 'grassroots', years: 1 },
              1,
              law('Điều 23', { point: 'điểm b, c' }),
            ),
          ],
        ),
      ],
    },
    {
      awardCode: 'CSTD_TINH',
      recipientKind: 'individual',
      criteria: [
        {
          id: 'chain',
          label: 'Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở',
          fact: 'titleChain',
          params: { awardCodes: ['CSTDCS'] },
          op: 'gte',
          value: 3,
          citation: law('Điều 22', { point: 'điểm a' }),
        },
        initiatives(
          'initiative',
          'Có sáng kiến, đề tài có phạm vi ảnh hưởng trong bộ, ngành, tỉnh (trong 03 năm)',
          { minLevel: 'grassroots', minScope: 'province', years: 3 },
          1,
          law('Điều 22', { point: 'điểm b' }),
        ),
      ],
    },
    {
      awardCode: 'CSTD_TOANQUOC',
      recipientKind: 'individual',
      criteria: [
        {
          id: 'chain',
          label: 'Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
          fact: 'titleChain',
          params: { awardCodes: ['CSTD_TINH', 'CSTD_BO'], step: 3 },
          op: 'gte',
          value: 2,
          citation: law('Điều 21'),
        },
        initiatives(
          'initiative',
          'Có sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc (trong 06 năm)',
          { minLevel: 'grassroots', minScope: 'national', years: 6 },
          1,
          law('Điều 21'),
        ),
      ],
    },
    {
      awardCode: 'TTLDTT',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast('HTTNV', 'Hoàn thành tốt nhiệm vụ', law('Điều 28', { point: 'điểm a' })),
        collectiveMovement(
          'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết',
          'HTTNV',
          law('Điều 28', { point: 'điểm b, d' }),
        ),
        {
          id: 'members_ldtt',
          label: 'Có ít nhất 70% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến',
          fact: 'memberShareWithTitle',
          params: { awardCode: 'LDTT' },
          op: 'gte',
          value: 70,
          citation: law('Điều 28', {
            point: 'điểm c',
            ...unverified('Tỷ lệ 70% theo law.md; chưa tìm được nguyên văn'),
          }),
        },
        membersNotWarned(
          law('Điều 28', { point: 'điểm c', ...unverified('Theo law.md; chưa tìm được nguyên văn') }),
        ),
      ],
    },
    {
      awardCode: 'TTLDXS',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast('HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ', law('Điều 27', { point: 'điểm a' })),
        collectiveMovement(
          'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, gương mẫu',
          'HTXSNV',
          law('Điều 27', { point: 'điểm b, d' }),
        ),
        {
          id: 'members_done',
          label: 'Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ',
          fact: 'memberShareRating',
          params: { minRating: 'HTNV' },
          op: 'gte',
          value: 100,
          citation: law('Điều 27', { point: 'điểm c' }),
        },
        {
          id: 'members_ldtt',
          label: 'Có ít nhất 70% cá nhân đạt danh hiệu Lao động tiên tiến',
          fact: 'memberShareWithTitle',
          params: { awardCode: 'LDTT' },
          op: 'gte',
          value: 70,
          citation: law('Điều 27', { point: 'điểm c' }),
        },
        {
          id: 'members_cstdcs',
          label: 'Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở',
          fact: 'memberTitleCount',
          params: { awardCode: 'CSTDCS' },
          op: 'gte',
          value: 1,
          citation: law('Điều 27', { point: 'điểm c' }),
        },
        membersNotWarned(
          law('Điều 27', {
            point: 'điểm c',
            ...unverified(
              'Các trích dẫn của Điều 27 không nêu điều kiện kỷ luật (docs/law-sources.md 6f); giữ theo law.md',
            ),
          }),
        ),
      ],
    },
    {
      awardCode: 'CO_TINH',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast(
          'HTXSNV',
          'Hoàn thành xuất sắc nhiệm vụ, vượt các chỉ tiêu thi đua',
          law('Điều 26', { point: 'điểm a' }),
        ),
        {
          id: 'block_lead',
          label: 'Là tập thể tiêu biểu xuất sắc, dẫn đầu khối, cụm thi đua của tỉnh',
          fact: 'blockRank',
          op: 'eq',
          value: 1,
          citation: law('Điều 26', { point: 'điểm a' }),
        },
        {
          id: 'model',
          label: 'Có nhân tố mới, mô hình mới để các tập thể khác học tập',
          judgement: true,
          presumedBy: {
            fact: 'blockRank',
            op: 'eq',
            value: 1,
            explain: 'Được coi là đáp ứng: khối thi đua đã chấm điểm, xếp hạng dẫn đầu',
          },
          citation: law('Điều 26', { point: 'điểm b, c' }),
        },
      ],
    },
    {
      awardCode: 'CO_CHINHPHU',
      recipientKind: 'collective',
      criteria: [
        holdsThisYear(
          'CO_TINH',
          'Được tặng Cờ thi đua cấp bộ, ngành, tỉnh trong năm',
          law('Điều 25', { clause: 'khoản 1' }),
        ),
        {
          id: 'national_model',
          label: 'Là tập thể tiêu biểu xuất sắc nhất trong số tập thể được tặng Cờ thi đua cấp tỉnh',
          judgement: true,
          citation: law('Điều 25', { clause: 'khoản 1' }),
        },
      ],
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      note: 'Người đứng đầu cơ quan quy định chi tiết; khen đột xuất và theo phong trào do người đề nghị nêu thành tích.',
      criteria: [
        exemplaryConduct(
          'Gương mẫu chấp hành tốt chủ trương, chính sách, pháp luật',
          law('Điều 75', { clause: 'khoản 1' }),
        ),
        ratingAtLeastGood(law('Điều 75', { clause: 'khoản 1', ...unverified('Hoàn thành tốt nhiệm vụ') })),
        noDiscipline(law('Điều 75', unverified('Không khen người đang bị kỷ luật (Luật 2022 Điều 5)'))),
      ],
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast('HTTNV', 'Hoàn thành tốt nhiệm vụ', law('Điều 75', { clause: 'khoản 2' })),
        membersNotWarned(law('Điều 75', { clause: 'khoản 2', ...unverified('Nội bộ đoàn kết') })),
      ],
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'household',
      criteria: [
        {
          id: 'contribution',
          label:
            'Gương mẫu chấp hành chủ trương, pháp luật; có đóng góp về công sức, đất đai, tài sản cho địa phương',
          judgement: true,
          citation: law('Điều 75', { clause: 'khoản 3' }),
        },
      ],
    },
    {
      awardCode: 'BK_TINH',
      recipientKind: 'individual',
      note: 'Các tiêu chuẩn khác của Điều 74 khoản 1 (tiêu biểu trong phong trào thi đua của tỉnh; thành tích đột xuất) do người đề nghị nêu.',
      criteria: [
        ratingAtLeastGood(law('Điều 74', { clause: 'khoản 1' })),
        anyOf('achievement', 'Đạt một trong các tiêu chuẩn theo thành tích thường xuyên', [
          {
            id: 'cstdcs_two',
            label: 'Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở',
            fact: 'titleChain',
            params: { awardCodes: ['CSTDCS'], sinceLastAward: ['BK_TINH', 'BK_BO'] },
            op: 'gte',
            value: 2,
            citation: law('Điều 74', { clause: 'khoản 1', point: 'điểm c' }),
          },
          {
            all: [
              {
                id: 'excellent_two_years',
                label: 'Có 02 năm liên tục hoàn thành xuất sắc nhiệm vụ',
                fact: 'ratingChain',
                params: { minRating: 'HTXSNV', sinceLastAward: ['BK_TINH', 'BK_BO'] },
                op: 'gte',
                value: 2,
                citation: law('Điều 74', { clause: 'khoản 1', point: 'điểm d' }),
              },
              initiatives(
                'two_initiatives',
                'Trong thời gian đó có 02 sáng kiến hoặc 02 đề tài được công nhận',
                { minLevel: 'grassroots', years: 2, sinceLastAward: ['BK_TINH', 'BK_BO'] },
                2,
                law('Điều 74', { clause: 'khoản 1', point: 'điểm d' }),
              ),
            ],
          },
        ]),
        noDiscipline(law('Điều 5', unverified('Không khen người đang bị kỷ luật'))),
      ],
    },
    {
      awardCode: 'BK_TINH',
      recipientKind: 'collective',
      criteria: [
        anyOf('achievement', 'Đạt một trong các tiêu chuẩn theo thành tích thường xuyên', [
          {
            id: 'excellent_two_years',
            label: 'Có 02 năm liên tục hoàn thành xuất sắc nhiệm vụ',
            fact: 'ratingChain',
            params: { minRating: 'HTXSNV', sinceLastAward: ['BK_TINH', 'BK_BO'] },
            op: 'gte',
            value: 2,
            citation: law('Điều 74', { clause: 'khoản 2' }),
          },
          {
            id: 'ttldxs_two',
            label: 'Có 02 năm liên tục đạt danh hiệu Tập thể lao động xuất sắc',
            fact: 'titleChain',
            params: { awardCodes: ['TTLDXS'], sinceLastAward: ['BK_TINH', 'BK_BO'] },
            op: 'gte',
            value: 2,
            citation: law('Điều 74', { clause: 'khoản 2' }),
          },
        ]),
        membersNotWarned(law('Điều 74', { clause: 'khoản 2', ...unverified('Nội bộ đoàn kết') })),
      ],
    },
    {
      awardCode: 'BK_TTG',
      recipientKind: 'individual',
      note: 'Các tiêu chuẩn khác của Điều 73 khoản 1 chưa đối chiếu (law.md VERIFY); do người đề nghị nêu.',
      criteria: [
        {
          id: 'prior_bk',
          label: 'Đã được tặng Bằng khen cấp bộ, ngành, tỉnh',
          fact: 'priorAward',
          params: { awardCodes: ['BK_TINH', 'BK_BO'], atLeastYearsBefore: 5 },
          op: 'eq',
          value: true,
          citation: law('Điều 73', { clause: 'khoản 1', point: 'điểm b' }),
        },
        {
          id: 'good_five_years',
          label: 'Sau đó có 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên',
          fact: 'ratingChain',
          params: { minRating: 'HTTNV', sinceLastAward: ['BK_TTG'] },
          op: 'gte',
          value: 5,
          citation: law('Điều 73', { clause: 'khoản 1', point: 'điểm b' }),
        },
        {
          id: 'cstdcs_three',
          label: 'Trong thời gian đó có 03 lần đạt danh hiệu Chiến sĩ thi đua cơ sở',
          fact: 'titleCount',
          params: { awardCodes: ['CSTDCS'], years: 5, sinceLastAward: ['BK_TTG'] },
          op: 'gte',
          value: 3,
          citation: law('Điều 73', { clause: 'khoản 1', point: 'điểm b' }),
        },
        noDiscipline(law('Điều 5', unverified('Không khen người đang bị kỷ luật'))),
      ],
    },
    {
      awardCode: 'HCLD_3',
      recipientKind: 'individual',
      note: 'Các tiêu chuẩn khác của Điều 44 khoản 1 do người đề nghị nêu.',
      criteria: [
        {
          id: 'prior_bk_ttg',
          label: 'Đã được tặng Bằng khen của Thủ tướng Chính phủ',
          fact: 'priorAward',
          params: { awardCodes: ['BK_TTG'], atLeastYearsBefore: 5 },
          op: 'eq',
          value: true,
          citation: law('Điều 44', { clause: 'khoản 1', point: 'điểm e' }),
        },
        {
          id: 'good_five_years',
          label: 'Sau đó có 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên',
          fact: 'ratingChain',
          params: { minRating: 'HTTNV', sinceLastAward: ['HCLD_3'] },
          op: 'gte',
          value: 5,
          citation: law('Điều 44', { clause: 'khoản 1', point: 'điểm e' }),
        },
        {
          id: 'one_excellent',
          label: 'Trong đó có ít nhất 01 năm hoàn thành xuất sắc nhiệm vụ',
          fact: 'ratingCount',
          params: { minRating: 'HTXSNV', years: 5, sinceLastAward: ['HCLD_3'] },
          op: 'gte',
          value: 1,
          citation: law('Điều 44', { clause: 'khoản 1', point: 'điểm e' }),
        },
        {
          id: 'cstdcs_three',
          label: 'Và có 03 lần đạt danh hiệu Chiến sĩ thi đua cơ sở',
          fact: 'titleCount',
          params: { awardCodes: ['CSTDCS'], years: 5, sinceLastAward: ['HCLD_3'] },
          op: 'gte',
          value: 3,
          citation: law('Điều 44', { clause: 'khoản 1', point: 'điểm e' }),
        },
        noDiscipline(law('Điều 5', unverified('Không khen người đang bị kỷ luật'))),
      ],
    },
  ];
}

/**
 * Coefficients of Nghị định 98/2023 (titles confirmed, art. 54; the rest as law.md assumes: 91/2017's values).
 * `cited(what, confirmed)` makes the citation of each row.
 */
export function prizeTable(
  cited: (article: string, verified: boolean) => Citation,
  changes: PrizeCoefficient[] = [],
) {
  const base: PrizeCoefficient[] = [
    { awardCode: 'LDTT', recipientKind: 'individual', coefficient: 0.3, citation: cited('LĐTT', true) },
    { awardCode: 'CSTDCS', recipientKind: 'individual', coefficient: 1.0, citation: cited('CSTĐCS', true) },
    {
      awardCode: 'CSTD_TINH',
      recipientKind: 'individual',
      coefficient: 3.0,
      citation: cited('CSTĐ tỉnh', true),
    },
    { awardCode: 'CSTD_BO', recipientKind: 'individual', coefficient: 3.0, citation: cited('CSTĐ bộ', true) },
    {
      awardCode: 'CSTD_TOANQUOC',
      recipientKind: 'individual',
      coefficient: 4.5,
      citation: cited('CSTĐ toàn quốc', true),
    },
    {
      awardCode: 'TTLDTT',
      recipientKind: 'collective',
      coefficient: 0.8,
      citation: cited('Tập thể LĐTT', true),
    },
    {
      awardCode: 'TTLDXS',
      recipientKind: 'collective',
      coefficient: 1.5,
      citation: cited('Tập thể LĐXS', true),
    },
    {
      awardCode: 'CO_TINH',
      recipientKind: 'collective',
      coefficient: 8.0,
      citation: cited('Cờ thi đua tỉnh', true),
    },
    {
      awardCode: 'CO_CHINHPHU',
      recipientKind: 'collective',
      coefficient: 12.0,
      citation: cited('Cờ Chính phủ', true),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      issuerLevel: 'unit_head',
      coefficient: 0.3,
      citation: cited('Giấy khen', false),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'collective',
      issuerLevel: 'unit_head',
      coefficient: 0.6,
      citation: cited('Giấy khen', false),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      issuerLevel: 'commune',
      coefficient: 0.15,
      citation: cited('Giấy khen cấp xã', false),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'collective',
      issuerLevel: 'commune',
      coefficient: 0.3,
      citation: cited('Giấy khen cấp xã', false),
    },
    {
      awardCode: 'BK_TINH',
      recipientKind: 'individual',
      coefficient: 1.0,
      citation: cited('Bằng khen tỉnh', false),
    },
    {
      awardCode: 'BK_TINH',
      recipientKind: 'collective',
      coefficient: 2.0,
      citation: cited('Bằng khen tỉnh', false),
    },
    {
      awardCode: 'BK_BO',
      recipientKind: 'individual',
      coefficient: 1.0,
      citation: cited('Bằng khen bộ', false),
    },
    {
      awardCode: 'BK_BO',
      recipientKind: 'collective',
      coefficient: 2.0,
      citation: cited('Bằng khen bộ', false),
    },
    {
      awardCode: 'BK_TTG',
      recipientKind: 'individual',
      coefficient: 3.5,
      citation: cited('Bằng khen Thủ tướng', false),
    },
    {
      awardCode: 'BK_TTG',
      recipientKind: 'collective',
      coefficient: 7.0,
      citation: cited('Bằng khen Thủ tướng', false),
    },
    {
      awardCode: 'HCLD_3',
      recipientKind: 'individual',
      coefficient: 4.5,
      citation: cited('Huân chương Lao động', false),
    },
    {
      awardCode: 'HCLD_2',
      recipientKind: 'individual',
      coefficient: 7.5,
      citation: cited('Huân chương Lao động', false),
    },
    {
      awardCode: 'HCLD_1',
      recipientKind: 'individual',
      coefficient: 9.0,
      citation: cited('Huân chương Lao động', false),
    },
    {
      awardCode: 'HCLD_3',
      recipientKind: 'collective',
      coefficient: 9.0,
      citation: cited('Huân chương Lao động', false),
    },
    {
      awardCode: 'HCLD_2',
      recipientKind: 'collective',
      coefficient: 15.0,
      citation: cited('Huân chương Lao động', false),
    },
    {
      awardCode: 'HCLD_1',
      recipientKind: 'collective',
      coefficient: 18.0,
      citation: cited('Huân chương Lao động', false),
    },
  ];
  const key = (p: PrizeCoefficient) => `${p.awardCode}/${p.recipientKind}/${p.issuerLevel ?? 'any'}`;
  const replaced = new Map(changes.map((c) => [key(c), c]));
  const out = base.filter((p) => !replaced.has(key(p)));
  return [...out, ...changes];
}

export const V2024: RulePack = {
  id: 'V2024',
  name: 'Luật TĐKT 2022, Nghị định 98/2023/NĐ-CP',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2025-06-30',
  instruments: [cite(LUAT_2022), cite(ND_98_2023), cite(TT_01_2024)],
  rules: lawRules({
    newHire: {
      months: 6,
      citation: cite(TT_01_2024, undefined, {
        source:
          'https://laodongthudo.vn/khong-xet-lao-dong-tien-tien-voi-ca-nhan-moi-tuyen-dung-duoi-6-thang-166833.html',
      }),
    },
    training: {
      longMinGrade: null,
      citation: cite(TT_01_2024, undefined, {
        verified: false,
        source:
          'https://phapluatvacuocsong.vn/khong-xet-tang-danh-hieu-lao-dong-tien-tien-doi-voi-cac-ca-nhan-moi-tuyen-dung-duoi-06-thang-a74072.html',
        note: 'Đi học từ 01 năm trở lên: không còn điều kiện xếp loại (theo bản tin; chưa đọc nguyên văn Thông tư)',
      }),
    },
    discipline: cite(
      ND_98_2023,
      undefined,
      unverified('Bị kỷ luật từ khiển trách trở lên trong năm không xét LĐTT'),
    ),
  }),
  quotas: [],
  prizes: prizeTable((what, verified) =>
    verified
      ? cite(ND_98_2023, 'Điều 54', {
          source:
            'https://phunuvietnam.vn/muc-tien-thuong-danh-hieu-thi-dua-bang-khen-giay-khen-ky-niem-chuong-20240107151947536.htm',
          note: `Hệ số ${what}`,
        })
      : cite(
          ND_98_2023,
          undefined,
          unverified(`Hệ số ${what} theo Nghị định 98/2023 chưa đối chiếu; tạm dùng mức Nghị định 91/2017`),
        ),
  ),
  votes: [
    {
      awardCodes: ['CSTD_TINH', 'CSTD_TOANQUOC'],
      minShareOfMembers: 0.9,
      citation: cite(ND_98_2023, 'Điều 30', {
        clause: 'khoản 7',
        ...unverified('Chưa tìm được nguyên văn (docs/law-sources.md 8b)'),
      }),
    },
    {
      awardCodes: ['CSTDCS', 'CO_TINH', 'CO_CHINHPHU'],
      minShareOfMembers: 0.8,
      citation: cite(ND_98_2023, 'Điều 30', {
        clause: 'khoản 7',
        ...unverified('Chưa tìm được nguyên văn (docs/law-sources.md 8b)'),
      }),
    },
  ],
};
