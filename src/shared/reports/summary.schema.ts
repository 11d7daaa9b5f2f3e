/**
 * The year-end summary (báo cáo tổng kết): what the API and the /reports page share — the query, the
 * narrative sections and their save, the version history, the scope picker and publishing as news.
 */
import { z } from '../zod';
import { foldVietnamese } from '../vietnamese';
import { NARRATIVE_SECTIONS, type NarrativeKey } from '../../domain/reports/summary';

export { NARRATIVE_SECTIONS };
export type { NarrativeKey };

const YEAR_MESSAGE = 'Năm không hợp lệ (từ 1990 đến 2100)';
export const reportYear = z.coerce
  .number({ message: YEAR_MESSAGE })
  .int(YEAR_MESSAGE)
  .min(1990, YEAR_MESSAGE)
  .max(2100, YEAR_MESSAGE);

/**
 * A scope: a unit code (BL-TTKN), a block's name (compared without diacritics, case or punctuation, e.g.
 * "khoi-thi-dua-cac-don-vi-su-nghiep-cong-lap-…"), or a block id; empty: everything the viewer may see.
 */
export const reportScope = z
  .string({ message: 'Phạm vi phải là chuỗi ký tự' })
  .trim()
  .max(200, { message: 'Phạm vi tối đa 200 ký tự' });

export const summaryQuery = z.strictObject({
  year: reportYear,
  scope: reportScope.optional(),
  format: z
    .enum(['json', 'docx', 'xlsx'], { message: 'Định dạng chỉ nhận json, docx hoặc xlsx' })
    .default('json'),
  /** Show an older version of the narrative (default: the latest). */
  version: z.coerce
    .number({ message: 'Phiên bản không hợp lệ' })
    .int('Phiên bản không hợp lệ')
    .min(1, 'Phiên bản không hợp lệ')
    .optional(),
});
export type SummaryQueryInput = z.infer<typeof summaryQuery>;

/** Longest section (characters): a section is a few pages of the report, not a book. */
export const SECTION_MAX = 20_000;
export const NOTE_MAX = 500;

const sectionText = (label: string) =>
  z
    .string({ message: `${label} phải là chuỗi ký tự` })
    .max(SECTION_MAX, { message: `${label} tối đa ${SECTION_MAX.toLocaleString('vi-VN')} ký tự` })
    // Control characters would corrupt the Word file; tabs and line breaks are kept.
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: `${label} chứa ký tự điều khiển không hợp lệ`,
    })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim());

const sectionShape = Object.fromEntries(
  NARRATIVE_SECTIONS.map((s) => [s.key, sectionText(s.label).default('')]),
) as unknown as Record<NarrativeKey, z.ZodDefault<ReturnType<typeof sectionText>>>;

export const narrativeSections = z.strictObject(sectionShape);
export type NarrativeSections = Record<NarrativeKey, string>;

export const narrativeSaveInput = z
  .strictObject({
    year: reportYear,
    scope: reportScope.default(''),
    /** The version the editor started from (0: none saved yet); a stale number is refused. */
    baseVersion: z
      .number({ message: 'Thiếu số phiên bản đang sửa' })
      .int('Số phiên bản không hợp lệ')
      .min(0, 'Số phiên bản không hợp lệ'),
    sections: narrativeSections,
    note: z
      .string({ message: 'Ghi chú phải là chuỗi ký tự' })
      .trim()
      .max(NOTE_MAX, { message: `Ghi chú tối đa ${NOTE_MAX} ký tự` })
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), {
        message: 'Ghi chú chứa ký tự điều khiển không hợp lệ',
      })
      .default(''),
  })
  .refine((v) => Object.values(v.sections).some((s) => s.length > 0), {
    message: 'Cần nhập nội dung cho ít nhất một phần',
    path: ['sections'],
  });
export type NarrativeSaveInput = z.infer<typeof narrativeSaveInput>;

export const versionsQuery = z.strictObject({ year: reportYear, scope: reportScope.optional() });

export const narrativeVersionSchema = z.object({
  version: z.number().int(),
  note: z.string(),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
});
export type NarrativeVersion = z.infer<typeof narrativeVersionSchema>;

export const narrativeHistorySchema = z.object({
  year: z.number().int(),
  scopeKey: z.string(),
  currentVersion: z.number().int(),
  publishedNewsId: z.string().nullable(),
  versions: z.array(narrativeVersionSchema),
});
export type NarrativeHistory = z.infer<typeof narrativeHistorySchema>;

export const publishInput = z.strictObject({
  year: reportYear,
  scope: reportScope.default(''),
  /** When the item appears on the portal (ISO date-time); none: now. */
  publishAt: z.iso.datetime({ offset: true, message: 'Thời điểm đăng không hợp lệ' }).optional(),
});
export type PublishInput = z.infer<typeof publishInput>;

export const publishResult = z.object({ id: z.string(), slug: z.string(), url: z.string() });

export const scopesQuery = z.strictObject({ year: reportYear });
export const scopeOptionSchema = z.object({
  kind: z.enum(['unit', 'block']),
  /** What to pass as `scope` (a unit code, or the block's name as a code). */
  code: z.string(),
  label: z.string(),
});
export type ScopeOption = z.infer<typeof scopeOptionSchema>;

/**
 * A block's readable code: its name folded (no diacritics, lower case) with every run of other characters
 * made one hyphen — "Khối thi đua các đơn vị sự nghiệp…" → "khoi-thi-dua-cac-don-vi-su-nghiep-…". Blocks
 * have no code column (decision 041); a block is unique by year and name, and a report names its year.
 */
export function blockCode(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
