/**
 * Catalogues of the registry: ratings, leave kinds, discipline levels, award codes and tracks, with their
 * Vietnamese labels. Codes are the English names of product.md's glossary.
 */
export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

export const LEAVE_KINDS = ['maternity', 'injury_rescue', 'injury_combat', 'sick', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = {
  maternity: 'Nghỉ thai sản',
  injury_rescue: 'Điều trị thương tích do cứu người, cứu tài sản',
  injury_combat: 'Điều trị thương tích do chiến đấu, phục vụ chiến đấu',
  sick: 'Nghỉ ốm',
  other: 'Nghỉ khác',
};

export const TRAINING_GRADES = ['xuat_sac', 'gioi', 'kha', 'trung_binh'] as const;
export type TrainingGrade = (typeof TRAINING_GRADES)[number];
export const TRAINING_GRADE_LABELS: Record<TrainingGrade, string> = {
  xuat_sac: 'Xuất sắc',
  gioi: 'Giỏi',
  kha: 'Khá',
  trung_binh: 'Trung bình',
};

/** In increasing severity (Luật Cán bộ, công chức; Luật Viên chức). */
export const DISCIPLINE_LEVELS = [
  'khien_trach',
  'canh_cao',
  'ha_bac_luong',
  'giang_chuc',
  'cach_chuc',
  'buoc_thoi_viec',
] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];
export const DISCIPLINE_LEVEL_LABELS: Record<DisciplineLevel, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
};

export const INITIATIVE_KINDS = ['initiative', 'research'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_KIND_LABELS: Record<InitiativeKind, string> = {
  initiative: 'Sáng kiến',
  research: 'Đề tài khoa học',
};

export const RECOGNITION_LEVELS = ['grassroots', 'province', 'ministry', 'national'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
export const RECOGNITION_LEVEL_LABELS: Record<RecognitionLevel, string> = {
  grassroots: 'Cấp cơ sở',
  province: 'Cấp tỉnh',
  ministry: 'Cấp bộ, ngành',
  national: 'Toàn quốc',
};

export const EFFECT_SCOPES = ['unit', 'province', 'national'] as const;
export type EffectScope = (typeof EFFECT_SCOPES)[number];
export const EFFECT_SCOPE_LABELS: Record<EffectScope, string> = {
  unit: 'Trong cơ quan, đơn vị',
  province: 'Phạm vi toàn tỉnh, bộ, ngành',
  national: 'Phạm vi toàn quốc',
};

export const RECIPIENT_KINDS = ['individual', 'collective', 'household'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

export const AWARD_TRACKS = ['regular', 'thematic', 'ad_hoc', 'dedication', 'seniority', 'foreign'] as const;
export type AwardTrack = (typeof AWARD_TRACKS)[number];
export const AWARD_TRACK_LABELS: Record<AwardTrack, string> = {
  regular: 'Thường xuyên (công trạng)',
  thematic: 'Chuyên đề, theo phong trào',
  ad_hoc: 'Đột xuất',
  dedication: 'Quá trình cống hiến',
  seniority: 'Niên hạn',
  foreign: 'Đối ngoại',
};

/** Emulation titles and commendation forms, with who may receive them. */
export const AWARD_CODES = {
  LDTT: { label: 'Lao động tiên tiến', kind: 'title', recipients: ['individual'] },
  CSTDCS: { label: 'Chiến sĩ thi đua cơ sở', kind: 'title', recipients: ['individual'] },
  CSTD_TINH: { label: 'Chiến sĩ thi đua cấp tỉnh', kind: 'title', recipients: ['individual'] },
  CSTD_BO: { label: 'Chiến sĩ thi đua cấp bộ, ngành', kind: 'title', recipients: ['individual'] },
  CSTD_TOANQUOC: { label: 'Chiến sĩ thi đua toàn quốc', kind: 'title', recipients: ['individual'] },
  TTLDTT: { label: 'Tập thể lao động tiên tiến', kind: 'title', recipients: ['collective'] },
  TTLDXS: { label: 'Tập thể lao động xuất sắc', kind: 'title', recipients: ['collective'] },
  CO_TINH: { label: 'Cờ thi đua cấp tỉnh', kind: 'title', recipients: ['collective'] },
  CO_CHINHPHU: { label: 'Cờ thi đua của Chính phủ', kind: 'title', recipients: ['collective'] },
  GIAY_KHEN: { label: 'Giấy khen', kind: 'form', recipients: ['individual', 'collective', 'household'] },
  BK_TINH: {
    label: 'Bằng khen của Chủ tịch UBND tỉnh',
    kind: 'form',
    recipients: ['individual', 'collective', 'household'],
  },
  BK_BO: {
    label: 'Bằng khen cấp bộ, ngành',
    kind: 'form',
    recipients: ['individual', 'collective', 'household'],
  },
  BK_TTG: {
    label: 'Bằng khen của Thủ tướng Chính phủ',
    kind: 'form',
    recipients: ['individual', 'collective', 'household'],
  },
  HCLD_3: { label: 'Huân chương Lao động hạng Ba', kind: 'form', recipients: ['individual', 'collective'] },
  HCLD_2: { label: 'Huân chương Lao động hạng Nhì', kind: 'form', recipients: ['individual', 'collective'] },
  HCLD_1: { label: 'Huân chương Lao động hạng Nhất', kind: 'form', recipients: ['individual', 'collective'] },
  KNC: { label: 'Kỷ niệm chương', kind: 'form', recipients: ['individual'] },
} as const satisfies Record<
  string,
  { label: string; kind: 'title' | 'form'; recipients: readonly RecipientKind[] }
>;
export type AwardCode = keyof typeof AWARD_CODES;
export const AWARD_CODE_LIST = Object.keys(AWARD_CODES) as AwardCode[];
