import { AWARD_CODES, type AwardCode } from '../../../../shared/registry/catalog';

/** The abbreviations officers write in reports ("CSTĐCS: đã dùng 44 / được phép 45"). */
const SHORT: Partial<Record<AwardCode, string>> = {
  LDTT: 'LĐTT',
  CSTDCS: 'CSTĐCS',
  CSTD_TINH: 'CSTĐ cấp tỉnh',
  CSTD_BO: 'CSTĐ cấp bộ, ngành',
  CSTD_TOANQUOC: 'CSTĐ toàn quốc',
  TTLDTT: 'TTLĐTT',
  TTLDXS: 'TTLĐXS',
  CO_TINH: 'Cờ thi đua cấp tỉnh',
  CO_CHINHPHU: 'Cờ thi đua của Chính phủ',
  BK_TINH: 'Bằng khen UBND tỉnh',
  BK_BO: 'Bằng khen bộ, ngành',
  BK_TTG: 'Bằng khen Thủ tướng',
  HCLD_1: 'HCLĐ hạng Nhất',
  HCLD_2: 'HCLĐ hạng Nhì',
  HCLD_3: 'HCLĐ hạng Ba',
};

export const awardLabel = (code: string) => AWARD_CODES[code as AwardCode]?.label ?? code;
export const awardShort = (code: string) => SHORT[code as AwardCode] ?? awardLabel(code);
