/**
 * Councils (Hội đồng Thi đua – Khen thưởng), their members, sessions, attendance and secret ballots: one
 * schema per input and the shapes the API returns. No shape carries a member's choice.
 */
import { z, isoDate, plainText, uuid } from '../zod';

export const BALLOT_MODES = ['secret', 'open'] as const;
export const COUNCIL_ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
export const PRESENCES = ['present', 'absent_written', 'absent'] as const;
export const CHOICES = ['yes', 'no', 'abstain'] as const;
export const SESSION_STATUSES = ['planned', 'open', 'closed'] as const;

export const COUNCIL_ROLE_LABELS: Record<(typeof COUNCIL_ROLES)[number], string> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  member: 'Ủy viên',
  secretary: 'Ủy viên thư ký',
};
export const PRESENCE_LABELS: Record<(typeof PRESENCES)[number], string> = {
  present: 'Có mặt',
  absent_written: 'Vắng, có ý kiến bằng văn bản',
  absent: 'Vắng',
};

const version = z.number().int().min(1);
const year = z.number().int().min(1945).max(2100);

/** A session is valid with at least numerator/denominator of the members (default 2/3, written opinions count). */
export const quorumSchema = z
  .strictObject({
    numerator: z.number().int().min(1).max(100),
    denominator: z.number().int().min(1).max(100),
    countsWritten: z.boolean(),
  })
  .refine((q) => q.numerator <= q.denominator, {
    message: 'Tỷ lệ tham dự tối thiểu không được lớn hơn 1',
    path: ['numerator'],
  });
export const DEFAULT_QUORUM_INPUT = { numerator: 2, denominator: 3, countsWritten: true };

export const councilCreateSchema = z.strictObject({
  authorityUnitId: uuid,
  year,
  name: plainText('Tên Hội đồng', 300),
  ballotMode: z.enum(BALLOT_MODES, { message: 'Hình thức bỏ phiếu không hợp lệ' }).default('secret'),
  quorum: quorumSchema.default(DEFAULT_QUORUM_INPUT),
});
export type CouncilCreateInput = z.infer<typeof councilCreateSchema>;

export const councilUpdateSchema = z.strictObject({
  name: plainText('Tên Hội đồng', 300),
  ballotMode: z.enum(BALLOT_MODES, { message: 'Hình thức bỏ phiếu không hợp lệ' }),
  quorum: quorumSchema.optional(),
  version,
});
export type CouncilUpdateInput = z.infer<typeof councilUpdateSchema>;

export const memberInputSchema = z.strictObject({
  fullName: plainText('Họ và tên', 100),
  position: z.string().trim().max(300).default(''),
  councilRole: z.enum(COUNCIL_ROLES, { message: 'Vai trò trong Hội đồng không hợp lệ' }),
  userId: uuid.nullable().default(null),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

export const sessionCreateSchema = z.strictObject({
  title: plainText('Tên phiên họp', 300),
  heldOn: isoDate,
  place: z.string().trim().max(300).default(''),
});
export type SessionCreateInput = z.infer<typeof sessionCreateSchema>;

export const agendaAddSchema = z.strictObject({ dossierId: uuid });

export const attendanceSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        memberId: uuid,
        presence: z.enum(PRESENCES, { message: 'Tình trạng tham dự không hợp lệ' }),
      }),
    )
    .min(1)
    .max(200),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const versionSchema = z.strictObject({ version });
export const voteSchema = z.strictObject({
  choice: z.enum(CHOICES, { message: 'Phiếu phải là Đồng ý, Không đồng ý hoặc Không biểu quyết' }),
});
export const paperBallotSchema = z.strictObject({
  memberId: uuid,
  choice: z.enum(CHOICES, { message: 'Phiếu phải là Đồng ý, Không đồng ý hoặc Không biểu quyết' }),
});

export const memberSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string(),
  councilRole: z.enum(COUNCIL_ROLES),
  userId: z.string().nullable(),
  username: z.string().nullable(),
});
export type CouncilMember = z.infer<typeof memberSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  status: z.enum(SESSION_STATUSES),
  items: z.number(),
});

export const councilSchema = z.object({
  id: z.string(),
  authorityUnitId: z.string(),
  authorityUnitName: z.string(),
  year: z.number(),
  name: z.string(),
  ballotMode: z.enum(BALLOT_MODES),
  quorum: z.object({ numerator: z.number(), denominator: z.number(), countsWritten: z.boolean() }),
  version: z.number(),
  members: z.array(memberSchema),
  sessions: z.array(sessionSummarySchema),
  /** The signed-in user sits on this council. */
  isMember: z.boolean(),
});
export type Council = z.infer<typeof councilSchema>;

export const councilListItemSchema = z.object({
  id: z.string(),
  authorityUnitName: z.string(),
  year: z.number(),
  name: z.string(),
  members: z.number(),
  sessions: z.number(),
  isMember: z.boolean(),
});

export const sessionItemSchema = z.object({
  id: z.string(),
  nomineeId: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  name: z.string(),
  detail: z.string(),
  awardCode: z.string(),
  awardLabel: z.string(),
  year: z.number(),
  /** Copied from the pack when the session opens (null share = more than half of the members). */
  thresholdShare: z.number().nullable(),
  thresholdLabel: z.string().nullable(),
  thresholdCitation: z.string().nullable(),
  /** How many ballots are in (never whose choice is what). */
  ballots: z.number(),
  /** The signed-in member has voted on this item. */
  iVoted: z.boolean(),
  /** Set when the session closes. */
  yes: z.number().nullable(),
  no: z.number().nullable(),
  abstain: z.number().nullable(),
  required: z.number().nullable(),
  shareOfMembers: z.number().nullable(),
  result: z.enum(['passed', 'failed']).nullable(),
});
export type SessionItem = z.infer<typeof sessionItemSchema>;

export const sessionMemberSchema = memberSchema.extend({
  presence: z.enum(PRESENCES).nullable(),
  /** Items this member has a ballot for (who voted, never how). */
  ballots: z.number(),
});

export const agendaCandidateSchema = z.object({
  dossierId: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
  nominees: z.number(),
  disclosureClosesOn: z.string().nullable(),
  unhandledComments: z.number(),
});

export const sessionViewSchema = z.object({
  session: z.object({
    id: z.string(),
    councilId: z.string(),
    councilName: z.string(),
    ballotMode: z.enum(BALLOT_MODES),
    year: z.number(),
    title: z.string(),
    heldOn: z.string(),
    place: z.string(),
    status: z.enum(SESSION_STATUSES),
    membersTotal: z.number().nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number(),
  }),
  members: z.array(sessionMemberSchema),
  items: z.array(sessionItemSchema),
  quorum: z.object({ ok: z.boolean(), counted: z.number(), required: z.number(), citation: z.string() }),
  me: z.object({
    memberId: z.string().nullable(),
    presence: z.enum(PRESENCES).nullable(),
    canVote: z.boolean(),
  }),
  candidates: z.array(agendaCandidateSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;
