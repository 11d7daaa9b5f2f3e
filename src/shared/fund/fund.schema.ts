/**
 * The emulation fund (Quỹ thi đua, khen thưởng): the entry form and the API share these schemas; messages
 * are Vietnamese and reach the user unchanged.
 */
import { z, isoDate, uuid } from '../zod';
import {
  EXPENSE_CATEGORIES,
  FUND_CATEGORY_LABELS,
  FUND_DIRECTIONS,
  INCOME_CATEGORIES,
  categoryMatches,
  type FundCategory,
} from '../../domain/fund/ledger';

export { EXPENSE_CATEGORIES, FUND_CATEGORY_LABELS, FUND_DIRECTIONS, INCOME_CATEGORIES };
export type { FundCategory };
export const FUND_CATEGORIES = [...INCOME_CATEGORIES, ...EXPENSE_CATEGORIES] as const;
export const FUND_DIRECTION_LABELS = { income: 'Thu', expense: 'Chi' } as const;

/** Amounts are whole đồng; a single entry above 10^13 đồng is a typing error, not a fund. */
export const MAX_FUND_AMOUNT = 10_000_000_000_000;

export const fundYear = z.coerce
  .number({ message: 'Năm không hợp lệ' })
  .int({ message: 'Năm không hợp lệ' })
  .min(1990, { message: 'Năm không hợp lệ' })
  .max(2100, { message: 'Năm không hợp lệ' });

const amount = z
  .number({ message: 'Số tiền phải là số' })
  .int({ message: 'Số tiền phải là số nguyên (đồng)' })
  .positive({ message: 'Số tiền phải lớn hơn 0' })
  .max(MAX_FUND_AMOUNT, { message: 'Số tiền quá lớn' });

const description = z
  .string()
  .trim()
  .max(500, { message: 'Nội dung tối đa 500 ký tự' })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
    message: 'Nội dung chứa ký tự điều khiển không hợp lệ',
  });

const entryFields = {
  unitId: uuid,
  year: z.number({ message: 'Năm không hợp lệ' }).int().min(1990).max(2100),
  entryDate: isoDate,
  direction: z.enum(FUND_DIRECTIONS, { message: 'Chọn thu hoặc chi' }),
  category: z.enum(FUND_CATEGORIES, { message: 'Chọn khoản mục' }),
  amount,
  description: description.default(''),
};

type EntryShape = { year: number; entryDate: string; direction: string; category: string };
function entryRules<T extends EntryShape>(v: T, ctx: z.RefinementCtx) {
  if (!categoryMatches(v.direction, v.category))
    ctx.addIssue({
      code: 'custom',
      path: ['category'],
      message:
        v.direction === 'income'
          ? 'Khoản mục không phải khoản thu (chọn: trích từ ngân sách, đóng góp, kết dư năm trước, thu khác)'
          : 'Khoản mục không phải khoản chi (chọn: chi tiền thưởng, chi tổ chức phong trào, chi khác)',
    });
  if (!v.entryDate.startsWith(`${v.year}-`))
    ctx.addIssue({
      code: 'custom',
      path: ['entryDate'],
      message: `Ngày ghi sổ phải trong năm ${v.year}`,
    });
}

/**
 * A new ledger line. Prize payments from a decision go through `fundPrizeInput` (one entry per decision,
 * the amount is the decision's prize total), so a hand-entered "prize" line carries no decision.
 */
export const fundEntryInput = z.strictObject(entryFields).superRefine(entryRules);
export type FundEntryInput = z.input<typeof fundEntryInput>;

export const fundEntryUpdate = z
  .strictObject({ ...entryFields, version: z.number().int().min(1) })
  .superRefine(entryRules);
export type FundEntryUpdate = z.input<typeof fundEntryUpdate>;

/** Record the prizes of an issued decision in its issuer's fund, in one click. */
export const fundPrizeInput = z.strictObject({
  decisionId: uuid,
  /** Defaults to the decision's date. */
  entryDate: isoDate.optional(),
});
export type FundPrizeInput = z.input<typeof fundPrizeInput>;

export const fundBudgetInput = z.strictObject({
  unitId: uuid,
  year: z.number({ message: 'Năm không hợp lệ' }).int().min(1990).max(2100),
  recurrentSpending: z
    .number({ message: 'Chi thường xuyên phải là số' })
    .int({ message: 'Chi thường xuyên phải là số nguyên (đồng)' })
    .min(0, { message: 'Chi thường xuyên không được âm' })
    .max(MAX_FUND_AMOUNT * 100, { message: 'Số tiền quá lớn' }),
  remoteArea: z.boolean().default(false),
});
export type FundBudgetInput = z.input<typeof fundBudgetInput>;

export const fundYearQuery = z.strictObject({ year: fundYear });
export const fundLedgerQuery = z.strictObject({ year: fundYear, unitId: uuid.optional() });

export const fundEntrySchema = z.object({
  id: uuid,
  unitId: uuid,
  unitName: z.string(),
  year: z.number(),
  entryDate: z.string(),
  direction: z.enum(FUND_DIRECTIONS),
  category: z.enum(FUND_CATEGORIES),
  amount: z.number(),
  description: z.string(),
  decisionId: uuid.nullable(),
  decisionNumber: z.string().nullable(),
  version: z.number(),
});
export type FundEntry = z.infer<typeof fundEntrySchema>;

const totals = z.object({
  income: z.number(),
  expense: z.number(),
  balance: z.number(),
  prizes: z.number(),
  movements: z.number(),
});

export const fundUnitSummarySchema = z.object({
  unitId: uuid,
  unitCode: z.string(),
  unitName: z.string(),
  /** Carried over from the previous year (part of the balance, not of income). */
  opening: z.number(),
  income: z.number(),
  expense: z.number(),
  balance: z.number(),
  budgetShare: z.number(),
  donations: z.number(),
  prizes: z.number(),
  movements: z.number(),
  /** Issued decisions of the year whose prizes are not yet recorded in this fund. */
  unrecordedDecisions: z.number(),
  /** Checks that found a violation. */
  violations: z.number(),
});

/**
 * `GET /api/fund/summary?year=`: the dashboard reads exactly this shape — keep it stable. `totals.income`
 * leaves out amounts carried over from the previous year; `balance` includes them.
 */
export const fundSummarySchema = z.object({
  year: z.number(),
  totals,
  units: z.array(fundUnitSummarySchema),
});
export type FundSummary = z.infer<typeof fundSummarySchema>;
export type FundUnitSummary = z.infer<typeof fundUnitSummarySchema>;

export const fundVerdictSchema = z.object({
  code: z.enum(['BUDGET_SHARE_CEILING', 'MOVEMENT_SHARE', 'NO_OVERSPEND']),
  status: z.enum(['ok', 'violation', 'unknown']),
  limit: z.number().nullable(),
  actual: z.number(),
  reason: z.string(),
  citation: z.object({ ref: z.string(), text: z.string() }),
  packId: z.string(),
});
export type FundVerdictDto = z.infer<typeof fundVerdictSchema>;

export const fundBudgetSchema = z.object({
  unitId: uuid,
  year: z.number(),
  recurrentSpending: z.number(),
  remoteArea: z.boolean(),
});
export type FundBudget = z.infer<typeof fundBudgetSchema>;

export const fundChecksSchema = z.object({
  year: z.number(),
  unitId: uuid,
  packName: z.string(),
  budget: fundBudgetSchema.nullable(),
  verdicts: z.array(fundVerdictSchema),
});
export type FundChecks = z.infer<typeof fundChecksSchema>;

export const fundPendingPrizeSchema = z.object({
  decisionId: uuid,
  number: z.string(),
  decidedOn: z.string(),
  summary: z.string(),
  issuerUnitId: uuid,
  issuerName: z.string(),
  prizeTotal: z.number(),
});
export type FundPendingPrize = z.infer<typeof fundPendingPrizeSchema>;

export const fundUnitSchema = z.object({ id: uuid, code: z.string(), name: z.string() });
export type FundUnit = z.infer<typeof fundUnitSchema>;
