/**
 * V2017: Luật TĐKT 2003 (amended 2013), Nghị định 91/2017/NĐ-CP, Thông tư 12/2019/TT-BNV — achievement
 * periods up to 31/12/2023 (law.md, "Rule versions"). Sources of each value: docs/law-sources.md.
 */
import type { Citation, RulePack } from '../types';
import {
  cite,
  collectiveMovement,
  exemplaryConduct,
  holdsThisYear,
  initiatives,
  LUAT_2003,
  membersNotWarned,
  ND_91_2017,
  newHire,
  noDiscipline,
  ratingAtLeastGood,
  trainingOk,
  TT_12_2019,
  unitRatingAtLeast,
  unverified,
} from './common';

const SRC_ND91_ART10 =
  'https://baotintuc.vn/van-de-quan-tam/nghi-40-ngay-lam-viec-tro-len-van-duoc-xet-lao-dong-tien-tien-20170827160626805.htm';
/** Articles of Luật TĐKT 2003 whose content was confirmed (docs/law-sources.md 2, 3a–3d). */
const LUAT_2003_SOURCES: Record<string, string> = {
  'Điều 21': 'http://websrv2.ctu.edu.vn/dept/dp/index.php/khen-thng/cac-danh-hieu-thi-dua',
  'Điều 22': 'http://tdkt.toaan.gov.vn/portal/page/portal/tdkt/Gioithieu/67987125/67987711',
  'Điều 23': 'http://banthiduakhenthuongtw.gov.vn/traloi/460b8a748639415f8b9c28ccfe707fcd',
  'Điều 28': 'http://thiduakhenthuong.langson.gov.vn/en/hinhthucs/tap-lao-dong-tien-tien',
};
const luat = (article: string, more: Partial<Citation> = {}) => {
  const source = LUAT_2003_SOURCES[article];
  if (article === 'Điều 27')
    return cite(LUAT_2003, article, {
      ...more,
      verified: false,
      source: 'http://222.255.252.36/Default.aspx?Mod=ViewCategory&CateID=294',
      note: 'Nội dung đã đối chiếu; số điều chưa thấy trong nguồn',
    });
  return cite(
    LUAT_2003,
    article,
    source ? { ...more, source } : { ...more, note: 'Theo law.md; chưa đọc được nguyên văn' },
  );
};
const SRC_BK_TTG = 'http://baodientu.chinhphu.vn/Utilities/PrintView.aspx?distributionid=442848';
const SRC_PRIZE_TITLES =
  'https://thuvienphapluat.vn/hoi-dap-phap-luat/iframe/516AF-hd-giao-vien-dat-danh-hieu-lao-dong-tien-tien-duoc-thuong-bao-nhieu-tien.html';
const SRC_PRIZE_FORMS =
  'https://thuvienphapluat.vn/hoi-dap-phap-luat/5153D-hd-tap-the-duoc-tang-giay-khen-cua-chu-tich-ubnd-xa-se-duoc-thuong-450-000-dong.html';
const prize = (article: string) => {
  if (article === 'Điều 69') return cite(ND_91_2017, article, { source: SRC_PRIZE_TITLES });
  if (article === 'Điều 73') return cite(ND_91_2017, article, { source: SRC_PRIZE_FORMS });
  return cite(
    ND_91_2017,
    article,
    unverified('Điều khoản về Huân chương chưa đối chiếu; hệ số khớp Nghị định 152/2025'),
  );
};

/**
 * No award while disciplined (law.md, cross-cutting principles). BK tỉnh already applied it; BK TTg and HCLĐ
 * lacked it, so a discipline could even make them eligible by freeing an initiative CSTĐCS had reserved.
 */
const NO_AWARD_DURING_DISCIPLINE = cite(
  ND_91_2017,
  undefined,
  unverified('Nguyên tắc không khen thưởng người đang bị kỷ luật (law.md); chưa đối chiếu điều khoản'),
);

export const V2017: RulePack = {
  id: 'V2017',
  name: 'Luật TĐKT 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP',
  effectiveFrom: '2017-10-01',
  effectiveTo: '2023-12-31',
  instruments: [cite(LUAT_2003), cite(ND_91_2017), cite(TT_12_2019)],
  rules: [
    {
      awardCode: 'LDTT',
      recipientKind: 'individual',
      criteria: [
        ratingAtLeastGood(luat('Điều 24', { clause: 'khoản 1', point: 'điểm a' })),
        exemplaryConduct(
          'Chấp hành tốt chủ trương, chính sách, pháp luật; có tinh thần tự lực, tự cường, đoàn kết, tích cực tham gia thi đua; có đạo đức, lối sống lành mạnh',
          luat('Điều 24', { clause: 'khoản 1', point: 'điểm b, c, d' }),
        ),
        // No leave limit: the 40-working-day rule was Nghị định 65/2014 art. 5(6), dropped by 91/2017
        // (docs/law-sources.md 1b). Maternity and injury treatment count as work (art. 10).
        newHire(10, cite(ND_91_2017, 'Điều 10', { source: SRC_ND91_ART10 })),
        trainingOk('kha', cite(ND_91_2017, 'Điều 10', { clause: 'khoản 3', source: SRC_ND91_ART10 })),
        noDiscipline(cite(ND_91_2017, 'Điều 10', { source: SRC_ND91_ART10 })),
      ],
    },
    {
      awardCode: 'CSTDCS',
      recipientKind: 'individual',
      criteria: [
        holdsThisYear('LDTT', 'Đạt danh hiệu Lao động tiên tiến', luat('Điều 23', { point: 'điểm a' })),
        initiatives(
          'initiative',
          'Có sáng kiến được công nhận, hoặc đề tài khoa học được nghiệm thu, trong năm',
          { minLevel: 'grassroots', years: 1 },
          1,
          luat('Điều 23', { point: 'điểm b' }),
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
          citation: luat('Điều 22', { point: 'điểm a' }),
        },
        initiatives(
          'initiative',
          'Có sáng kiến, đề tài có tác dụng ảnh hưởng trong phạm vi bộ, ngành, tỉnh (trong 03 năm)',
          { minLevel: 'grassroots', minScope: 'province', years: 3 },
          1,
          luat('Điều 22', { point: 'điểm b' }),
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
          citation: luat('Điều 21'),
        },
        initiatives(
          'initiative',
          'Có sáng kiến, đề tài có tác dụng ảnh hưởng trong phạm vi toàn quốc (trong 06 năm)',
          { minLevel: 'grassroots', minScope: 'national', years: 6 },
          1,
          luat('Điều 21'),
        ),
      ],
    },
    {
      awardCode: 'TTLDTT',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast(
          'HTTNV',
          'Hoàn thành tốt nhiệm vụ và kế hoạch được giao',
          luat('Điều 28', { point: 'điểm a' }),
        ),
        collectiveMovement(
          'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, chấp hành tốt chủ trương, pháp luật',
          'HTTNV',
          luat('Điều 28', { point: 'điểm b, d' }),
        ),
        {
          id: 'members_ldtt',
          label: 'Có trên 50% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến',
          fact: 'memberShareWithTitle',
          params: { awardCode: 'LDTT' },
          op: 'gt',
          value: 50,
          citation: luat('Điều 28', { point: 'điểm c' }),
        },
        membersNotWarned(luat('Điều 28', { point: 'điểm c' })),
      ],
    },
    {
      awardCode: 'TTLDXS',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast(
          'HTXSNV',
          'Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ',
          luat('Điều 27', { point: 'điểm a' }),
        ),
        collectiveMovement(
          'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, gương mẫu chấp hành pháp luật',
          'HTXSNV',
          luat('Điều 27', { point: 'điểm b, d' }),
        ),
        {
          id: 'members_done',
          label: 'Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ',
          fact: 'memberShareRating',
          params: { minRating: 'HTNV' },
          op: 'gte',
          value: 100,
          citation: luat('Điều 27', { point: 'điểm c' }),
        },
        {
          id: 'members_ldtt',
          label: 'Có ít nhất 70% cá nhân đạt danh hiệu Lao động tiên tiến',
          fact: 'memberShareWithTitle',
          params: { awardCode: 'LDTT' },
          op: 'gte',
          value: 70,
          citation: luat('Điều 27', { point: 'điểm c' }),
        },
        {
          id: 'members_cstdcs',
          label: 'Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở',
          fact: 'memberTitleCount',
          params: { awardCode: 'CSTDCS' },
          op: 'gte',
          value: 1,
          citation: luat('Điều 27', { point: 'điểm c' }),
        },
        membersNotWarned(luat('Điều 27', { point: 'điểm c' })),
      ],
    },
    {
      awardCode: 'CO_TINH',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast(
          'HTXSNV',
          'Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao',
          luat('Điều 26', { point: 'điểm a' }),
        ),
        {
          id: 'block_lead',
          label: 'Là tập thể tiêu biểu xuất sắc, được suy tôn dẫn đầu khối, cụm thi đua',
          fact: 'blockRank',
          op: 'eq',
          value: 1,
          citation: luat('Điều 26', { point: 'điểm a' }),
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
          citation: luat('Điều 26', { point: 'điểm b, c' }),
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
          cite(ND_91_2017, 'Điều 11', { clause: 'khoản 1' }),
        ),
        {
          id: 'national_model',
          label: 'Là tập thể tiêu biểu xuất sắc nhất trong số tập thể được tặng Cờ thi đua cấp tỉnh',
          judgement: true,
          citation: cite(ND_91_2017, 'Điều 11', { clause: 'khoản 1' }),
        },
      ],
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      note: 'Thủ trưởng cơ quan ban hành quy định chi tiết; khen đột xuất và theo chuyên đề do người đề nghị nêu thành tích.',
      criteria: [
        exemplaryConduct(
          'Gương mẫu chấp hành tốt chủ trương, chính sách, pháp luật',
          cite(ND_91_2017, 'Điều 40', unverified('Tiêu chuẩn Giấy khen (Nghị định 91/2017)')),
        ),
        ratingAtLeastGood(
          cite(ND_91_2017, 'Điều 40', unverified('Hoàn thành tốt nhiệm vụ, nghĩa vụ công dân')),
        ),
        noDiscipline(cite(ND_91_2017, 'Điều 40', unverified('Không khen người đang bị kỷ luật'))),
      ],
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'collective',
      criteria: [
        unitRatingAtLeast(
          'HTTNV',
          'Hoàn thành tốt nhiệm vụ',
          cite(ND_91_2017, 'Điều 40', unverified('Tiêu chuẩn Giấy khen tập thể')),
        ),
        membersNotWarned(cite(ND_91_2017, 'Điều 40', unverified('Nội bộ đoàn kết, chấp hành tốt pháp luật'))),
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
          citation: cite(ND_91_2017, 'Điều 40', unverified('Giấy khen hộ gia đình')),
        },
      ],
    },
    {
      awardCode: 'BK_TINH',
      recipientKind: 'individual',
      note: 'Thành tích xuất sắc trong phong trào thi đua, thành tích đột xuất: khen theo chuyên đề hoặc đột xuất, do người đề nghị nêu.',
      criteria: [
        ratingAtLeastGood(
          cite(ND_91_2017, 'Điều 39', {
            clause: 'khoản 1',
            ...unverified('Gương mẫu, hoàn thành tốt nhiệm vụ'),
          }),
        ),
        {
          id: 'excellent_two_years',
          label: 'Có 02 năm liên tục hoàn thành xuất sắc nhiệm vụ',
          fact: 'ratingChain',
          params: { minRating: 'HTXSNV', sinceLastAward: ['BK_TINH', 'BK_BO'] },
          op: 'gte',
          value: 2,
          citation: cite(ND_91_2017, 'Điều 39', {
            clause: 'khoản 1',
            point: 'điểm c',
            ...unverified('Nghị định 91/2017 Điều 39'),
          }),
        },
        initiatives(
          'initiatives',
          'Trong thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cơ sở',
          { minLevel: 'grassroots', years: 2, sinceLastAward: ['BK_TINH', 'BK_BO'] },
          2,
          cite(ND_91_2017, 'Điều 39', {
            clause: 'khoản 1',
            point: 'điểm c',
            ...unverified('Nghị định 91/2017 Điều 39'),
          }),
        ),
        noDiscipline(cite(ND_91_2017, 'Điều 39', unverified('Không khen người đang bị kỷ luật'))),
      ],
    },
    {
      awardCode: 'BK_TINH',
      recipientKind: 'collective',
      criteria: [
        {
          id: 'excellent_two_years',
          label: 'Có 02 năm liên tục hoàn thành xuất sắc nhiệm vụ',
          fact: 'ratingChain',
          params: { minRating: 'HTXSNV', sinceLastAward: ['BK_TINH', 'BK_BO'] },
          op: 'gte',
          value: 2,
          citation: cite(ND_91_2017, 'Điều 39', {
            clause: 'khoản 2',
            ...unverified('Nghị định 91/2017 Điều 39'),
          }),
        },
        membersNotWarned(
          cite(ND_91_2017, 'Điều 39', { clause: 'khoản 2', ...unverified('Nội bộ đoàn kết') }),
        ),
      ],
    },
    {
      awardCode: 'BK_TTG',
      recipientKind: 'individual',
      note: 'Các tiêu chuẩn khác của Điều 38 (thành tích xuất sắc đột xuất, tiêu biểu trong phong trào) do người đề nghị nêu.',
      criteria: [
        {
          id: 'prior_bk',
          label: 'Đã được tặng Bằng khen cấp bộ, ngành, tỉnh',
          fact: 'priorAward',
          params: { awardCodes: ['BK_TINH', 'BK_BO'], atLeastYearsBefore: 5 },
          op: 'eq',
          value: true,
          citation: cite(ND_91_2017, 'Điều 38', { clause: 'khoản 1', point: 'điểm c', source: SRC_BK_TTG }),
        },
        {
          id: 'excellent_five_years',
          label: 'Sau đó có 05 năm liên tục hoàn thành xuất sắc nhiệm vụ',
          fact: 'ratingChain',
          params: { minRating: 'HTXSNV', sinceLastAward: ['BK_TTG'] },
          op: 'gte',
          value: 5,
          citation: cite(ND_91_2017, 'Điều 38', { clause: 'khoản 1', point: 'điểm c', source: SRC_BK_TTG }),
        },
        initiatives(
          'initiatives',
          'Trong thời gian đó có 05 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cơ sở',
          { minLevel: 'grassroots', years: 5, sinceLastAward: ['BK_TTG'] },
          5,
          cite(ND_91_2017, 'Điều 38', { clause: 'khoản 1', point: 'điểm c', source: SRC_BK_TTG }),
        ),
        noDiscipline(NO_AWARD_DURING_DISCIPLINE),
      ],
    },
    {
      awardCode: 'HCLD_3',
      recipientKind: 'individual',
      note: 'Các tiêu chuẩn khác (lập được thành tích đặc biệt xuất sắc, phát minh, sáng chế…) do người đề nghị nêu.',
      criteria: [
        {
          id: 'prior_bk_ttg',
          label: 'Đã được tặng Bằng khen của Thủ tướng Chính phủ',
          fact: 'priorAward',
          params: { awardCodes: ['BK_TTG'], atLeastYearsBefore: 5 },
          op: 'eq',
          value: true,
          citation: cite(ND_91_2017, 'Điều 24', {
            verified: false,
            source: 'docs/law-sources.md 5b (nguồn thứ cấp)',
            note: 'Nội dung khớp nguồn thứ cấp; chưa đọc được nguyên văn',
          }),
        },
        {
          id: 'excellent_five_years',
          label: 'Sau đó có 05 năm trở lên liên tục hoàn thành xuất sắc nhiệm vụ',
          fact: 'ratingChain',
          params: { minRating: 'HTXSNV', sinceLastAward: ['HCLD_3'] },
          op: 'gte',
          value: 5,
          citation: cite(ND_91_2017, 'Điều 24', {
            verified: false,
            source: 'docs/law-sources.md 5b (nguồn thứ cấp)',
            note: 'Nội dung khớp nguồn thứ cấp; chưa đọc được nguyên văn',
          }),
        },
        initiatives(
          'initiatives',
          'Trong thời gian đó có 02 sáng kiến được công nhận ở cấp bộ, ngành, tỉnh',
          { minLevel: 'province', years: 5, sinceLastAward: ['HCLD_3'] },
          2,
          cite(ND_91_2017, 'Điều 24', {
            verified: false,
            source: 'docs/law-sources.md 5b (nguồn thứ cấp)',
            note: 'Nội dung khớp nguồn thứ cấp; chưa đọc được nguyên văn',
          }),
        ),
        noDiscipline(NO_AWARD_DURING_DISCIPLINE),
      ],
    },
  ],
  quotas: [
    {
      id: 'CSTDCS_SHARE_OF_LDTT',
      awardCode: 'CSTDCS',
      basisAwardCode: 'LDTT',
      maxShare: 0.15,
      rounding: 'floor',
      ceiling: true,
      citation: cite(ND_91_2017, 'Điều 9', {
        clause: 'khoản 3',
        source: 'http://banthiduakhenthuongtw.gov.vn/traloi/460b8a748639415f8b9c28ccfe707fcd',
      }),
    },
    {
      id: 'CO_CHINHPHU_SHARE_OF_CO_TINH',
      awardCode: 'CO_CHINHPHU',
      basisAwardCode: 'CO_TINH',
      maxShare: 0.2,
      rounding: 'floor',
      ceiling: true,
      citation: cite(ND_91_2017, 'Điều 11', {
        clause: 'khoản 1',
        source: 'http://banthiduakhenthuongtw.gov.vn/traloi/bdd164a488c44a9da99ce1d36990b69c',
      }),
    },
  ],
  prizes: [
    { awardCode: 'LDTT', recipientKind: 'individual', coefficient: 0.3, citation: prize('Điều 69') },
    { awardCode: 'CSTDCS', recipientKind: 'individual', coefficient: 1.0, citation: prize('Điều 69') },
    { awardCode: 'CSTD_TINH', recipientKind: 'individual', coefficient: 3.0, citation: prize('Điều 69') },
    { awardCode: 'CSTD_BO', recipientKind: 'individual', coefficient: 3.0, citation: prize('Điều 69') },
    { awardCode: 'CSTD_TOANQUOC', recipientKind: 'individual', coefficient: 4.5, citation: prize('Điều 69') },
    { awardCode: 'TTLDTT', recipientKind: 'collective', coefficient: 0.8, citation: prize('Điều 69') },
    { awardCode: 'TTLDXS', recipientKind: 'collective', coefficient: 1.5, citation: prize('Điều 69') },
    { awardCode: 'CO_TINH', recipientKind: 'collective', coefficient: 8.0, citation: prize('Điều 69') },
    { awardCode: 'CO_CHINHPHU', recipientKind: 'collective', coefficient: 12.0, citation: prize('Điều 69') },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      issuerLevel: 'unit_head',
      coefficient: 0.3,
      citation: prize('Điều 73'),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'collective',
      issuerLevel: 'unit_head',
      coefficient: 0.6,
      citation: prize('Điều 73'),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'individual',
      issuerLevel: 'commune',
      coefficient: 0.15,
      citation: prize('Điều 73'),
    },
    {
      awardCode: 'GIAY_KHEN',
      recipientKind: 'collective',
      issuerLevel: 'commune',
      coefficient: 0.3,
      citation: prize('Điều 73'),
    },
    { awardCode: 'BK_TINH', recipientKind: 'individual', coefficient: 1.0, citation: prize('Điều 73') },
    { awardCode: 'BK_TINH', recipientKind: 'collective', coefficient: 2.0, citation: prize('Điều 73') },
    { awardCode: 'BK_BO', recipientKind: 'individual', coefficient: 1.0, citation: prize('Điều 73') },
    { awardCode: 'BK_BO', recipientKind: 'collective', coefficient: 2.0, citation: prize('Điều 73') },
    { awardCode: 'BK_TTG', recipientKind: 'individual', coefficient: 3.5, citation: prize('Điều 73') },
    { awardCode: 'BK_TTG', recipientKind: 'collective', coefficient: 7.0, citation: prize('Điều 73') },
    { awardCode: 'HCLD_3', recipientKind: 'individual', coefficient: 4.5, citation: prize('Điều 71') },
    { awardCode: 'HCLD_2', recipientKind: 'individual', coefficient: 7.5, citation: prize('Điều 71') },
    { awardCode: 'HCLD_1', recipientKind: 'individual', coefficient: 9.0, citation: prize('Điều 71') },
    { awardCode: 'HCLD_3', recipientKind: 'collective', coefficient: 9.0, citation: prize('Điều 71') },
    { awardCode: 'HCLD_2', recipientKind: 'collective', coefficient: 15.0, citation: prize('Điều 71') },
    { awardCode: 'HCLD_1', recipientKind: 'collective', coefficient: 18.0, citation: prize('Điều 71') },
  ],
  votes: [
    {
      // Secret ballot, at least 90% of all council members (absent members vote in writing).
      awardCodes: ['CSTD_TINH', 'CSTD_TOANQUOC'],
      minShareOfMembers: 0.9,
      citation: cite(ND_91_2017, 'Điều 45', {
        clause: 'khoản 8',
        source: 'http://banthiduakhenthuongtw.gov.vn/traloi/b6b7af14f6e14ac9a084a21d7a64b00e',
      }),
    },
  ],
};
