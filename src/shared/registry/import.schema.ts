import { z } from '../zod';

/** One problem found in an import, located the way the officer sees the file. */
export const importIssueSchema = z.object({
  /** Record kind (dataset key) or sheet name. */
  kind: z.string(),
  /** 1-based: the spreadsheet row, or the record's position in a JSON array. */
  row: z.number(),
  /** Field name, or the column header in the spreadsheet. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importCountsSchema = z.object({
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importSummarySchema = z.object({
  committed: z.boolean(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  byKind: z.record(z.string(), importCountsSchema),
  errors: z.array(importIssueSchema),
  warnings: z.array(importIssueSchema),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
