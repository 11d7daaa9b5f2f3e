/**
 * V2025: Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP (replacing 98/2023) and Thông tư 15/2025/TT-BNV —
 * achievement periods from 01/07/2025 (law.md). Same titles and forms as V2024 (the Law did not change);
 * the decree changed prize coefficients (Giấy khen any issuer 0,3/0,6; Bằng khen tỉnh 1,5/3,0) and added
 * the household multiplier (1,5 × the individual amount).
 */
import type { RulePack } from '../types';
import { cite, ND_152_2025, TT_15_2025, LUAT_2022, unverified } from './common';
import { lawRules, prizeTable } from './v2024';

const SRC_152_FORMS =
  'https://giadinh.suckhoedoisong.vn/cong-chuc-vien-chuc-mung-tham-se-duoc-nhan-tien-thuong-hon-8-trieu-dong-neu-dat-duoc-thanh-tich-nay-172250808152932881.htm';
const SRC_152_TITLES =
  'https://dantri.com.vn/noi-vu/muc-tien-thuong-danh-hieu-chien-si-thi-dua-co-so-20251203220710774.htm';
const decree = (note: string, source?: string, article?: string) =>
  cite(ND_152_2025, article, source ? { source, note } : unverified(note));

export const V2025: RulePack = {
  id: 'V2025',
  name: 'Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP',
  effectiveFrom: '2025-07-01',
  instruments: [cite(LUAT_2022), cite(ND_152_2025), cite(TT_15_2025)],
  rules: lawRules({
    newHire: {
      months: 6,
      citation: cite(
        TT_15_2025,
        undefined,
        unverified('Người mới tuyển dụng dưới 06 tháng: chưa đối chiếu Thông tư 15/2025'),
      ),
    },
    training: {
      longMinGrade: null,
      citation: cite(
        TT_15_2025,
        undefined,
        unverified('Giữ như Thông tư 01/2024: đi học từ 01 năm trở lên không có điều kiện xếp loại'),
      ),
    },
    discipline: cite(ND_152_2025, 'Điều 4', unverified('Không khen thưởng trong thời gian bị kỷ luật')),
  }),
  quotas: [],
  prizes: prizeTable(
    (what, verified) =>
      what.startsWith('Huân chương')
        ? decree(`Hệ số ${what}`, 'https://xazon.com/blogs/49948', 'Điều 51')
        : verified
          ? decree(`Hệ số ${what}`, SRC_152_TITLES)
          : decree(`Hệ số ${what} theo Nghị định 152/2025`),
    [
      {
        awardCode: 'GIAY_KHEN',
        recipientKind: 'individual',
        issuerLevel: 'any',
        coefficient: 0.3,
        citation: decree('Giấy khen (mọi cấp ban hành)', SRC_152_FORMS, 'Điều 54'),
      },
      {
        awardCode: 'GIAY_KHEN',
        recipientKind: 'collective',
        issuerLevel: 'any',
        coefficient: 0.6,
        citation: decree('Giấy khen (mọi cấp ban hành)'),
      },
      {
        awardCode: 'BK_TINH',
        recipientKind: 'individual',
        coefficient: 1.5,
        citation: decree('Bằng khen cấp tỉnh', SRC_152_FORMS, 'Điều 54'),
      },
      {
        awardCode: 'BK_TINH',
        recipientKind: 'collective',
        coefficient: 3.0,
        citation: decree('Bằng khen cấp tỉnh'),
      },
      {
        awardCode: 'BK_BO',
        recipientKind: 'individual',
        coefficient: 1.5,
        citation: decree('Bằng khen cấp bộ', SRC_152_FORMS, 'Điều 54'),
      },
      {
        awardCode: 'BK_BO',
        recipientKind: 'collective',
        coefficient: 3.0,
        citation: decree('Bằng khen cấp bộ'),
      },
    ],
  ).filter((p) => !(p.awardCode === 'GIAY_KHEN' && p.issuerLevel && p.issuerLevel !== 'any')),
  householdMultiplier: {
    value: 1.5,
    citation: decree('Hộ gia đình: 1,5 lần mức tiền thưởng đối với cá nhân (law.md; chưa đối chiếu)'),
  },
  votes: [
    {
      awardCodes: ['CSTD_TINH', 'CSTD_TOANQUOC'],
      minShareOfMembers: 0.9,
      citation: cite(
        ND_152_2025,
        undefined,
        unverified('Tỷ lệ phiếu của Hội đồng: tương đương Nghị định 98/2023 Điều 30 khoản 7'),
      ),
    },
    {
      awardCodes: ['CSTDCS', 'CO_TINH', 'CO_CHINHPHU'],
      minShareOfMembers: 0.8,
      citation: cite(
        ND_152_2025,
        undefined,
        unverified('Tỷ lệ phiếu của Hội đồng: tương đương Nghị định 98/2023 Điều 30 khoản 7'),
      ),
    },
  ],
};
