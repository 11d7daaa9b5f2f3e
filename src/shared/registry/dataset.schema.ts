/**
 * The registry's exchange records: one zod schema per record kind, used by the Excel import (one sheet
 * per kind), the JSON dataset format (all kinds in one document), the export, and the forms. Records refer
 * to each other by natural keys (unit code, person code, initiative code), never by database ids, so a
 * dataset moves between installations. docs/dataset-format.md and its JSON Schema are generated from here.
 */
import { z, isoDate, plainText } from '../zod';
import { UNIT_KINDS } from '../units/units.schema';
import {
  AWARD_CODE_LIST,
  AWARD_TRACKS,
  DISCIPLINE_LEVELS,
  EFFECT_SCOPES,
  INITIATIVE_KINDS,
  LEAVE_KINDS,
  RATINGS,
  RECIPIENT_KINDS,
  RECOGNITION_LEVELS,
  SEXES,
  TRAINING_GRADES,
  AWARD_CODES,
} from './catalog';

const code = (label: string) =>
  z
    .string({ message: `${label} phải là chuỗi ký tự` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_.\-/]{0,63}$/, {
      message: `${label} gồm 1–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới, gạch chéo`,
    });
const optionalText = (label: string, max: number) => plainText(label, max).nullish();
const year = z
  .number({ message: 'Năm phải là số' })
  .int({ message: 'Năm phải là số nguyên' })
  .min(1945, { message: 'Năm không hợp lệ (từ 1945)' })
  .max(2100, { message: 'Năm không hợp lệ' });
const decisionNumber = plainText('Số quyết định', 50);

export const unitRecord = z.strictObject({
  code: code('Mã đơn vị'),
  name: plainText('Tên đơn vị', 255),
  shortName: optionalText('Tên viết tắt', 100),
  kind: z.enum(UNIT_KINDS, { message: 'Loại đơn vị không hợp lệ' }),
  parentCode: code('Mã đơn vị cấp trên').nullish(),
  documentSymbol: optionalText('Ký hiệu văn bản', 20),
  activeFrom: isoDate,
  activeTo: isoDate.nullish(),
  isDemo: z.boolean().optional(),
});

export const successionRecord = z.strictObject({
  predecessorCode: code('Mã đơn vị cũ'),
  successorCode: code('Mã đơn vị kế thừa'),
  effectiveDate: isoDate,
  note: optionalText('Ghi chú', 500),
});

export const blockRecord = z.strictObject({
  year,
  name: plainText('Tên khối', 255),
  organizerCode: code('Mã cơ quan tổ chức khối'),
  leadCode: code('Mã Khối trưởng').nullish(),
  deputyCode: code('Mã Khối phó').nullish(),
  memberCodes: z
    .array(code('Mã đơn vị thành viên'))
    .min(1, { message: 'Khối phải có ít nhất một thành viên' }),
});

/** 12-digit citizen id (CCCD) or 9-digit legacy id (CMND). */
const personalIdNumber = z
  .string()
  .trim()
  .regex(/^(\d{9}|\d{12})$/, { message: 'Số định danh cá nhân gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND)' });

export const personRecord = z.strictObject({
  code: code('Mã cán bộ'),
  fullName: plainText('Họ và tên', 150),
  sex: z.enum(SEXES, { message: 'Giới tính phải là Nam hoặc Nữ' }),
  dateOfBirth: isoDate.nullish(),
  ethnicity: optionalText('Dân tộc', 50),
  personalIdNumber: personalIdNumber.nullish(),
  position: optionalText('Chức vụ', 150),
  isLeader: z.boolean().default(false),
  isDemo: z.boolean().optional(),
});

export const personUnitRecord = z
  .strictObject({
    personCode: code('Mã cán bộ'),
    unitCode: code('Mã đơn vị'),
    fromDate: isoDate,
    toDate: isoDate.nullish(),
    position: optionalText('Chức vụ', 150),
  })
  .refine((r) => !r.toDate || r.toDate >= r.fromDate, {
    path: ['toDate'],
    message: 'Đến ngày phải sau từ ngày',
  });

export const personEvaluationRecord = z.strictObject({
  personCode: code('Mã cán bộ'),
  year,
  rating: z.enum(RATINGS, { message: 'Xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV' }),
  unitCode: code('Mã đơn vị đánh giá').nullish(),
  employmentStartDate: isoDate.nullish(),
  note: optionalText('Ghi chú', 500),
});

export const leaveRecord = z
  .strictObject({
    personCode: code('Mã cán bộ'),
    kind: z.enum(LEAVE_KINDS, { message: 'Loại nghỉ không hợp lệ' }),
    fromDate: isoDate,
    toDate: isoDate,
    note: optionalText('Ghi chú', 500),
  })
  .refine((r) => r.toDate >= r.fromDate, { path: ['toDate'], message: 'Đến ngày phải sau từ ngày' });

export const trainingRecord = z
  .strictObject({
    personCode: code('Mã cán bộ'),
    fromDate: isoDate,
    toDate: isoDate,
    grade: z.enum(TRAINING_GRADES, { message: 'Xếp loại học tập không hợp lệ' }).nullish(),
    institution: optionalText('Cơ sở đào tạo', 255),
    goodConduct: z.boolean().default(true),
  })
  .refine((r) => r.toDate >= r.fromDate, { path: ['toDate'], message: 'Đến ngày phải sau từ ngày' });

export const unitEvaluationRecord = z.strictObject({
  unitCode: code('Mã đơn vị'),
  year,
  rating: z.enum(RATINGS, { message: 'Xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV' }),
  memberCount: z.number().int().min(0, { message: 'Số thành viên không được âm' }),
  note: optionalText('Ghi chú', 500),
});

export const disciplineRecord = z
  .strictObject({
    personCode: code('Mã cán bộ'),
    level: z.enum(DISCIPLINE_LEVELS, { message: 'Hình thức kỷ luật không hợp lệ' }),
    decisionNumber,
    decisionDate: isoDate,
    fromDate: isoDate,
    toDate: isoDate.nullish(),
    reason: optionalText('Lý do', 1000),
  })
  .refine((r) => !r.toDate || r.toDate >= r.fromDate, {
    path: ['toDate'],
    message: 'Đến ngày phải sau từ ngày',
  });

export const initiativeRecord = z.strictObject({
  code: code('Mã sáng kiến'),
  kind: z.enum(INITIATIVE_KINDS, { message: 'Loại phải là sáng kiến hoặc đề tài' }),
  title: plainText('Tên sáng kiến, đề tài', 500),
  level: z.enum(RECOGNITION_LEVELS, { message: 'Cấp công nhận không hợp lệ' }),
  recognitionDate: isoDate,
  effectScope: z.enum(EFFECT_SCOPES, { message: 'Phạm vi ảnh hưởng không hợp lệ' }),
  recognizingBody: plainText('Cơ quan công nhận', 255),
  authorCodes: z.array(code('Mã tác giả')).default([]),
});

export const awardRecord = z
  .strictObject({
    recipientKind: z.enum(RECIPIENT_KINDS, {
      message: 'Đối tượng phải là cá nhân, tập thể hoặc hộ gia đình',
    }),
    personCode: code('Mã cán bộ').nullish(),
    unitCode: code('Mã đơn vị').nullish(),
    householdName: optionalText('Tên hộ gia đình', 255),
    householdAddress: optionalText('Địa chỉ hộ gia đình', 255),
    awardCode: z.enum(AWARD_CODE_LIST as [string, ...string[]], {
      message: 'Danh hiệu, hình thức khen thưởng không hợp lệ',
    }),
    year,
    track: z.enum(AWARD_TRACKS, { message: 'Loại hình khen thưởng không hợp lệ' }),
    issuer: plainText('Cấp khen', 255),
    decisionNumber,
    decisionDate: isoDate,
    note: optionalText('Ghi chú', 500),
  })
  .superRefine((r, ctx) => {
    if (r.recipientKind === 'individual' && !r.personCode) {
      ctx.addIssue({ code: 'custom', path: ['personCode'], message: 'Khen thưởng cá nhân cần mã cán bộ' });
    }
    if (r.recipientKind === 'collective' && !r.unitCode) {
      ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'Khen thưởng tập thể cần mã đơn vị' });
    }
    if (r.recipientKind === 'household' && !r.householdName) {
      ctx.addIssue({
        code: 'custom',
        path: ['householdName'],
        message: 'Khen thưởng hộ gia đình cần tên hộ',
      });
    }
    const allowed = AWARD_CODES[r.awardCode as keyof typeof AWARD_CODES]?.recipients as
      readonly string[] | undefined;
    if (allowed && !allowed.includes(r.recipientKind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['awardCode'],
        message: 'Danh hiệu, hình thức này không dành cho đối tượng đã chọn',
      });
    }
  });

export const DATASET_KINDS = {
  units: unitRecord,
  successions: successionRecord,
  blocks: blockRecord,
  people: personRecord,
  personUnits: personUnitRecord,
  personEvaluations: personEvaluationRecord,
  leaves: leaveRecord,
  trainings: trainingRecord,
  unitEvaluations: unitEvaluationRecord,
  disciplines: disciplineRecord,
  initiatives: initiativeRecord,
  awards: awardRecord,
} as const;
export type DatasetKind = keyof typeof DATASET_KINDS;
/** Import order: what a record refers to comes before it. */
export const DATASET_ORDER: DatasetKind[] = [
  'units',
  'successions',
  'blocks',
  'people',
  'personUnits',
  'personEvaluations',
  'leaves',
  'trainings',
  'unitEvaluations',
  'disciplines',
  'initiatives',
  'awards',
];

export const datasetSchema = z.strictObject({
  format: z.literal('vinhdanh-dataset', {
    message: 'Không phải tệp dữ liệu VinhDanh (format phải là "vinhdanh-dataset")',
  }),
  version: z.literal(1, { message: 'Phiên bản định dạng không được hỗ trợ (chỉ hỗ trợ 1)' }),
  generatedAt: z.string().optional(),
  description: z.string().max(1000).optional(),
  units: z.array(unitRecord).default([]),
  successions: z.array(successionRecord).default([]),
  blocks: z.array(blockRecord).default([]),
  people: z.array(personRecord).default([]),
  personUnits: z.array(personUnitRecord).default([]),
  personEvaluations: z.array(personEvaluationRecord).default([]),
  leaves: z.array(leaveRecord).default([]),
  trainings: z.array(trainingRecord).default([]),
  unitEvaluations: z.array(unitEvaluationRecord).default([]),
  disciplines: z.array(disciplineRecord).default([]),
  initiatives: z.array(initiativeRecord).default([]),
  awards: z.array(awardRecord).default([]),
});
export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;
export type UnitRecord = z.infer<typeof unitRecord>;
export type SuccessionRecord = z.infer<typeof successionRecord>;
export type BlockRecord = z.infer<typeof blockRecord>;
export type PersonRecord = z.infer<typeof personRecord>;
export type PersonUnitRecord = z.infer<typeof personUnitRecord>;
export type PersonEvaluationRecord = z.infer<typeof personEvaluationRecord>;
export type LeaveRecord = z.infer<typeof leaveRecord>;
export type TrainingRecord = z.infer<typeof trainingRecord>;
export type UnitEvaluationRecord = z.infer<typeof unitEvaluationRecord>;
export type DisciplineRecord = z.infer<typeof disciplineRecord>;
export type InitiativeRecord = z.infer<typeof initiativeRecord>;
export type AwardRecord = z.infer<typeof awardRecord>;
