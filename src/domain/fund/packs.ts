/**
 * The emulation fund's legal shares (Quỹ thi đua, khen thưởng), versioned like the other rule packs: one pack
 * per decree, chosen by the fund year. The values are data; the checks (checks.ts) are code.
 *
 * Sources (docs/law-sources.md, "Emulation fund"):
 * - Nghị định 91/2017/NĐ-CP, Điều 65 (nguồn và mức trích quỹ; the khoản for the local levels not read in the text): the province, district and commune
 *   funds are formed from the yearly budget at most 1,0% of recurrent spending of each budget level (1,5% in
 *   mountain, midland, Central Highlands, remote and island areas), plus donations. The share for organising
 *   movements — "trích không quá 20% trong tổng lập Quỹ thi đua, khen thưởng của từng cấp để chi cho công tác
 *   tổ chức, chỉ đạo các phong trào thi đua" — comes from the Finance Ministry's guidance (Thông tư
 *   71/2011/TT-BTC, Điều 4 khoản 2 điểm c), applied with Điều 66 (sử dụng quỹ).
 * - Nghị định 98/2023/NĐ-CP, Điều 50 (applied from 01/01/2024 with the 2022 law): the same 1,0% / 1,5% for the province, district and
 *   commune levels; the 20% share for movements is kept (the article on using the fund was not found in the
 *   stored texts: cited by the decree, without an article number).
 * - Nghị định 152/2025/NĐ-CP, Điều 46 khoản 3 điểm b (in force 01/7/2025): province and commune levels (no more
 *   district level), at most 1,0% of recurrent spending (1,5% in mountain, midland, Central Highlands, remote
 *   and island areas); 20% of the fund for organising movements (../shared/law.md, "Emulation fund (V2025)"; the
 *   article on using the fund was not found in the stored texts, so it is cited without a number).
 */

export interface FundCitation {
  /** Short legal reference, e.g. "Điểm b khoản 3 Điều 46 Nghị định 152/2025/NĐ-CP". */
  ref: string;
  /** What the text says, paraphrased in Vietnamese. */
  text: string;
}

export interface FundPack {
  id: 'FUND-V2017' | 'FUND-V2024' | 'FUND-V2025';
  name: string;
  /** First day the decree applies (yyyy-mm-dd). */
  effectiveFrom: string;
  /** Budget share ceiling as a share of the budget level's recurrent spending, in basis points (1% = 100). */
  budgetShareBp: { plains: number; remote: number; citation: FundCitation };
  /** The share of the fund that goes to organising movements, in basis points. */
  movementShareBp: { max: number; citation: FundCitation };
  /** Spending only from what the fund holds. */
  noOverspend: FundCitation;
}

export const FUND_V2017: FundPack = {
  id: 'FUND-V2017',
  name: 'Nghị định 91/2017/NĐ-CP',
  effectiveFrom: '2017-10-01',
  budgetShareBp: {
    plains: 100,
    remote: 150,
    citation: {
      ref: 'Điều 65 Nghị định 91/2017/NĐ-CP',
      text: 'Quỹ thi đua, khen thưởng cấp tỉnh, huyện, xã được trích tối đa 1,0% chi ngân sách thường xuyên của mỗi cấp ngân sách (tối đa 1,5% đối với miền núi, trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo).',
    },
  },
  movementShareBp: {
    max: 2000,
    citation: {
      ref: 'Điều 66 Nghị định 91/2017/NĐ-CP; điểm c khoản 2 Điều 4 Thông tư 71/2011/TT-BTC',
      text: 'Trích không quá 20% tổng quỹ thi đua, khen thưởng của từng cấp để chi cho công tác tổ chức, chỉ đạo các phong trào thi đua.',
    },
  },
  noOverspend: {
    ref: 'Khoản 2, 3 Điều 64 Nghị định 91/2017/NĐ-CP',
    text: 'Quỹ được hình thành từ ngân sách, đóng góp và nguồn thu hợp pháp; nghiêm cấm sử dụng quỹ vào mục đích khác — khoản chi vượt số dư không có nguồn.',
  },
};

export const FUND_V2024: FundPack = {
  id: 'FUND-V2024',
  name: 'Nghị định 98/2023/NĐ-CP',
  // With the Luật Thi đua, khen thưởng 2022, from 01/01/2024 (as the V2024 rule pack).
  effectiveFrom: '2024-01-01',
  budgetShareBp: {
    plains: 100,
    remote: 150,
    citation: {
      ref: 'Điều 50 Nghị định 98/2023/NĐ-CP',
      text: 'Quỹ thi đua, khen thưởng cấp tỉnh, huyện, xã được hình thành từ ngân sách nhà nước hằng năm tối đa 1,0% chi ngân sách thường xuyên của mỗi cấp ngân sách (tối đa 1,5% đối với miền núi, trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo).',
    },
  },
  movementShareBp: {
    max: 2000,
    citation: {
      ref: 'Nghị định 98/2023/NĐ-CP (sử dụng quỹ thi đua, khen thưởng)',
      text: 'Dành 20% tổng quỹ thi đua, khen thưởng để chi cho công tác tổ chức, chỉ đạo các phong trào thi đua.',
    },
  },
  noOverspend: {
    ref: 'Điều 50 Nghị định 98/2023/NĐ-CP',
    text: 'Quỹ thi đua, khen thưởng chỉ được chi trong phạm vi nguồn quỹ đã hình thành.',
  },
};

export const FUND_V2025: FundPack = {
  id: 'FUND-V2025',
  name: 'Nghị định 152/2025/NĐ-CP',
  effectiveFrom: '2025-07-01',
  budgetShareBp: {
    plains: 100,
    remote: 150,
    citation: {
      ref: 'Điểm b khoản 3 Điều 46 Nghị định 152/2025/NĐ-CP',
      text: 'Quỹ thi đua, khen thưởng cấp tỉnh, cấp xã được hình thành từ ngân sách nhà nước hằng năm tối đa 1,0% chi ngân sách thường xuyên của mỗi cấp ngân sách (tối đa 1,5% đối với các tỉnh miền núi, trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo) và từ đóng góp của cá nhân, tổ chức.',
    },
  },
  movementShareBp: {
    max: 2000,
    citation: {
      ref: 'Nghị định 152/2025/NĐ-CP (sử dụng quỹ thi đua, khen thưởng)',
      text: 'Dành 20% tổng quỹ thi đua, khen thưởng để chi cho công tác tổ chức, chỉ đạo các phong trào thi đua.',
    },
  },
  noOverspend: {
    ref: 'Điều 46 Nghị định 152/2025/NĐ-CP',
    text: 'Quỹ thi đua, khen thưởng chỉ được chi trong phạm vi nguồn quỹ đã hình thành.',
  },
};

export const FUND_PACKS: readonly FundPack[] = [FUND_V2017, FUND_V2024, FUND_V2025];

/**
 * The pack that judges a fund year: the latest decree in force on the year's last day (as the rule packs
 * choose by period): 2020 → 91/2017, 2024 → 98/2023, 2025 → 152/2025. Years before 2017 use the oldest.
 */
export function fundPackForYear(year: number, packs: readonly FundPack[] = FUND_PACKS): FundPack {
  const last = `${year}-12-31`;
  const fit = [...packs]
    .filter((p) => p.effectiveFrom <= last)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return fit[0] ?? packs[0]!;
}
