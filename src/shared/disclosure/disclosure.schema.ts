/**
 * Public disclosure (công khai) of a dossier's nominee list and the public's comments: one schema per input,
 * parsed by the routes, the web forms and the no-JavaScript public page; and the shapes the API returns.
 */
import { z, plainText, uuid } from '../zod';

/** Longest period an officer may set (working days); the law's minimum comes from `disclosureRule`. */
export const MAX_DISCLOSURE_DAYS = 60;

export const publishSchema = z.strictObject({
  dossierId: uuid,
  workingDays: z
    .number({ message: 'Số ngày làm việc phải là số' })
    .int({ message: 'Số ngày làm việc phải là số nguyên' })
    .min(1, { message: 'Số ngày làm việc ít nhất là 1' })
    .max(MAX_DISCLOSURE_DAYS, { message: `Số ngày làm việc tối đa ${MAX_DISCLOSURE_DAYS}` }),
});
export type PublishInput = z.infer<typeof publishSchema>;

export const handleCommentSchema = z.strictObject({
  note: plainText('Nội dung xử lý', 2000),
});

export const COMMENT_LIMITS = { name: 100, contact: 200, body: 3000, maxLinks: 2 } as const;

/**
 * A comment from the public. `website` is a honeypot (hidden from people, filled by bots); `token` is the
 * signed form token of the page (issued time + HMAC) that also enforces a minimum fill time.
 */
export const publicCommentSchema = z.object({
  name: plainText('Họ và tên', COMMENT_LIMITS.name),
  contact: plainText('Địa chỉ liên hệ (điện thoại hoặc email)', COMMENT_LIMITS.contact),
  body: plainText('Nội dung góp ý', COMMENT_LIMITS.body).refine(
    (s) => (s.match(/https?:\/\/|www\./gi) ?? []).length <= COMMENT_LIMITS.maxLinks,
    { message: `Nội dung góp ý chứa tối đa ${COMMENT_LIMITS.maxLinks} liên kết` },
  ),
  nomineeId: z.union([uuid, z.literal('')]).optional(),
  token: z.string().max(300).default(''),
  website: z.string().max(300).default(''),
});
export type PublicCommentInput = z.infer<typeof publicCommentSchema>;

export const disclosureSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  dossierTitle: z.string(),
  dossierStatus: z.string(),
  year: z.number(),
  proposingUnitName: z.string(),
  authorityUnitName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  workingDays: z.number(),
  /** Comments are accepted (today ≤ closesOn and the dossier is still disclosed). */
  open: z.boolean(),
  nominees: z.number(),
  comments: z.number(),
  unhandled: z.number(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

export const candidateSchema = z.object({
  dossierId: z.string(),
  code: z.string(),
  title: z.string(),
  year: z.number(),
  proposingUnitName: z.string(),
  nominees: z.number(),
  minWorkingDays: z.number(),
  citation: z.string(),
});
export type DisclosureCandidate = z.infer<typeof candidateSchema>;

export const commentSchema = z.object({
  id: z.string(),
  nomineeId: z.string().nullable(),
  nomineeName: z.string().nullable(),
  authorName: z.string(),
  contact: z.string(),
  body: z.string(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
  handlingNote: z.string().nullable(),
});
export type DisclosureComment = z.infer<typeof commentSchema>;

export const publicNomineeSchema = z.object({
  id: z.string(),
  name: z.string(),
  detail: z.string(),
  awardLabel: z.string(),
  achievementSummary: z.string(),
});

export const publicDisclosureSchema = z.object({
  id: z.string(),
  dossierCode: z.string(),
  title: z.string(),
  year: z.number(),
  proposingUnitName: z.string(),
  authorityUnitName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  nominees: z.array(publicNomineeSchema),
});
export type PublicDisclosure = z.infer<typeof publicDisclosureSchema>;
