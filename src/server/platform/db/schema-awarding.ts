/**
 * Issue 6 — nomination to decision: dossiers and their nominees and files, public disclosure and comments,
 * councils, sessions and secret ballots, decisions with their recipients and number counters, holidays for
 * working-day deadlines. Decision 034 explains the shapes (why ballots are split into receipts and votes,
 * why decision numbers come from a counter row).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { createdAt, ts, updatedAt } from './schema-common';
import { people, units, users } from './schema';
import { movements } from './schema-movements';

/** A nomination dossier (hồ sơ đề nghị khen thưởng) from a proposing unit to an authority. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `HS-2020-0001`: per year, readable, unique. */
    code: text('code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    proposingUnitId: uuid('proposing_unit_id')
      .notNull()
      .references(() => units.id),
    /** The unit whose head decides (or whose council reviews), e.g. the Sở for Giám đốc Sở's awards. */
    authorityUnitId: uuid('authority_unit_id')
      .notNull()
      .references(() => units.id),
    /** The catalogue's award tracks: regular | thematic | ad_hoc | dedication | seniority | foreign */
    track: text('track').notNull(),
    movementId: uuid('movement_id').references(() => movements.id),
    status: text('status').notNull().default('draft'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    receivedAt: ts('received_at'),
    /** The legal deadline of the current step (working days from the step's start), if any. */
    dueOn: date('due_on', { mode: 'string' }),
    returnReason: text('return_reason'),
    rejectReason: text('reject_reason'),
    forwardedToUnitId: uuid('forwarded_to_unit_id').references(() => units.id),
    transmittalNote: text('transmittal_note'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('dossiers_code_key').on(t.code),
    index('dossiers_year_status_idx').on(t.year, t.status),
    index('dossiers_proposing_idx').on(t.proposingUnitId),
    index('dossiers_authority_idx').on(t.authorityUnitId),
    check(
      'dossiers_status',
      sql`${t.status} in ('draft', 'submitted', 'returned', 'received', 'under_review', 'disclosed',
        'in_council', 'approved', 'decided', 'rejected', 'forwarded')`,
    ),
    check(
      'dossiers_track',
      sql`${t.track} in ('regular', 'thematic', 'ad_hoc', 'dedication', 'seniority', 'foreign')`,
    ),
  ],
);

/** One nominee of a dossier with the title or form proposed for them. */
export const dossierNominees = pgTable(
  'dossier_nominees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    recipientKind: text('recipient_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdAddress: text('household_address'),
    /** Same shape as `awards.recipient_key` (`P:<code>`, `U:<code>`, `H:<name>|<address>`). */
    recipientKey: text('recipient_key').notNull(),
    awardCode: text('award_code').notNull(),
    /** The achievement year (or the last year of the period) the nomination is for. */
    year: integer('year').notNull(),
    achievementSummary: text('achievement_summary').notNull().default(''),
    /** The initiative or research topic the nomination rests on (CSTĐ titles). */
    initiativeId: uuid('initiative_id'),
    /** Last check: eligible | needs_review | ineligible | unknown, with the reasons and flags as JSON. */
    verdictStatus: text('verdict_status').notNull().default('unknown'),
    verdict: jsonb('verdict'),
    flags: jsonb('flags')
      .notNull()
      .default(sql`'[]'::jsonb`),
    checkedAt: ts('checked_at'),
    /** An officer accepted a needs_review/flagged nominee, with the written reason. */
    acceptedReason: text('accepted_reason'),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    /** Excluded from the dossier by the reviewer (kept for the record) with the reason. */
    excludedReason: text('excluded_reason'),
    /** Council outcome: passed | failed (null before the tally). */
    councilResult: text('council_result'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dossier_nominees_key').on(t.dossierId, t.recipientKey, t.awardCode),
    index('dossier_nominees_person_idx').on(t.personId),
    index('dossier_nominees_unit_idx').on(t.unitId),
    index('dossier_nominees_key_idx').on(t.recipientKey, t.awardCode, t.year),
    check(
      'dossier_nominees_recipient',
      sql`(${t.recipientKind} = 'individual' and ${t.personId} is not null)
       or (${t.recipientKind} = 'collective' and ${t.unitId} is not null)
       or (${t.recipientKind} = 'household' and ${t.householdName} is not null)`,
    ),
  ],
);

/** Typed files of a dossier, stored outside the database (`data/files/<sha256>`), checked on upload. */
export const dossierAttachments = pgTable(
  'dossier_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    /** submission_letter | achievement_report | minutes | initiative_proof | htxsnv_proof | transmittal | other */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_attachments_dossier_idx').on(t.dossierId)],
);

/** Every state change of a dossier, for its timeline (the audit log holds the same with hashes). */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.at)],
);

/** A dossier's public disclosure (công khai): its nominee list is on the portal from `opensOn` to `closesOn`. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [uniqueIndex('disclosures_dossier_key').on(t.dossierId)],
);

/** A comment from the public on a disclosed list; must be handled before the council votes. */
export const disclosureComments = pgTable(
  'disclosure_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    nomineeId: uuid('nominee_id').references(() => dossierNominees.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    contact: text('contact').notNull(),
    body: text('body').notNull(),
    /** HMAC of the sender's address (rate limiting without keeping the address). */
    senderHash: text('sender_hash').notNull(),
    handledAt: ts('handled_at'),
    handledBy: uuid('handled_by').references(() => users.id),
    handlingNote: text('handling_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('disclosure_comments_dossier_idx').on(t.dossierId),
    index('disclosure_comments_sender_idx').on(t.senderHash, t.createdAt),
  ],
);

/** The emulation and commendation council (Hội đồng TĐKT) of an authority for a year. */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorityUnitId: uuid('authority_unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /** secret (default) | open */
    ballotMode: text('ballot_mode').notNull().default('secret'),
    /**
     * Quorum of a session as an exact fraction of the membership (default 2/3, a provincial council's rule),
     * and whether absent members voting in writing count toward it (decision 035).
     */
    quorumNumerator: integer('quorum_numerator').notNull().default(2),
    quorumDenominator: integer('quorum_denominator').notNull().default(3),
    quorumCountsWritten: boolean('quorum_counts_written').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('councils_authority_year_key').on(t.authorityUnitId, t.year),
    check('councils_ballot_mode', sql`${t.ballotMode} in ('secret', 'open')`),
    check(
      'councils_quorum',
      sql`${t.quorumNumerator} > 0 and ${t.quorumDenominator} > 0 and ${t.quorumNumerator} <= ${t.quorumDenominator}`,
    ),
  ],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    /** chair | vice_chair | member | secretary (the secretary is a member who also records). */
    councilRole: text('council_role').notNull().default('member'),
    /** The member's login, if they vote from the app. */
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('council_members_council_idx').on(t.councilId),
    uniqueIndex('council_members_user_key').on(t.councilId, t.userId),
  ],
);

/** A council session (phiên họp) with its agenda of nominees. */
export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    /** planned | open | closed */
    status: text('status').notNull().default('planned'),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    /** The membership on the day the session opened (thresholds are shares of it). */
    membersTotal: integer('members_total'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('council_sessions_council_idx').on(t.councilId),
    check('council_sessions_status', sql`${t.status} in ('planned', 'open', 'closed')`),
  ],
);

/** One agenda line: a nominee to vote on, with the threshold copied from the pack when the session opens. */
export const councilSessionItems = pgTable(
  'council_session_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    nomineeId: uuid('nominee_id')
      .notNull()
      .references(() => dossierNominees.id),
    /** Share of total membership required (e.g. 0.8), or null when the title needs no vote (majority). */
    thresholdShare: numeric('threshold_share', { precision: 5, scale: 4 }),
    thresholdCitation: text('threshold_citation'),
    yes: integer('yes'),
    no: integer('no'),
    abstain: integer('abstain'),
    /** passed | failed, set at the tally. */
    result: text('result'),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('council_session_items_key').on(t.sessionId, t.nomineeId)],
);

export const councilAttendance = pgTable(
  'council_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    /** present | absent_written (absent, votes in writing) | absent */
    presence: text('presence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    check('council_attendance_presence', sql`${t.presence} in ('present', 'absent_written', 'absent')`),
  ],
);

/**
 * Secret ballot, part 1: that a member has voted on an item (so nobody votes twice) — no choice here.
 */
export const ballotReceipts = pgTable(
  'ballot_receipts',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => councilSessionItems.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    /** app | paper (entered by the secretary) */
    via: text('via').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

/**
 * Secret ballot, part 2: the choice, with no member, no time and a random id — it cannot be joined back to
 * a receipt. Tallies count these rows.
 */
export const ballotVotes = pgTable(
  'ballot_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => councilSessionItems.id, { onDelete: 'cascade' }),
    /** yes | no | abstain */
    choice: text('choice').notNull(),
  },
  (t) => [
    index('ballot_votes_item_idx').on(t.itemId),
    check('ballot_votes_choice', sql`${t.choice} in ('yes', 'no', 'abstain')`),
  ],
);

/** Next number per issuer and year: `update … set last = last + 1 returning` serialises issuing. */
export const decisionCounters = pgTable(
  'decision_counters',
  {
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.issuerUnitId, t.year] })],
);

/** An award decision (quyết định khen thưởng), or a correction or revocation of one. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    /** award | correction | revocation */
    kind: text('kind').notNull().default('award'),
    referencesDecisionId: uuid('references_decision_id'),
    /** draft | issued */
    status: text('status').notNull().default('draft'),
    /** Set when issued: the sequence within issuer and year, and the number `12/QĐ-SNN`. */
    year: integer('year'),
    seq: integer('seq'),
    number: text('number'),
    /** The symbol after `QĐ-` (the issuer's document symbol, e.g. `SNN`). */
    symbol: text('symbol').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** Trích yếu: `Về việc công nhận danh hiệu … năm 2020`. */
    summary: text('summary').notNull(),
    /** Căn cứ lines, one per line. */
    basis: text('basis').notNull().default(''),
    place: text('place').notNull().default(''),
    signerName: text('signer_name').notNull().default(''),
    /** GIÁM ĐỐC, or `KT. GIÁM ĐỐC` with `PHÓ GIÁM ĐỐC` as the signer's own title. */
    signerTitle: text('signer_title').notNull().default(''),
    signMode: text('sign_mode').notNull().default('direct'),
    recipientsNote: text('recipients_note').notNull().default(''),
    /** The base salary and rule pack used for prize money, kept for the record at issuing. */
    baseSalary: integer('base_salary'),
    /** Totals of a 5 000-recipient decision exceed 2^31 đồng. */
    prizeTotal: bigint('prize_total', { mode: 'number' }),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('decisions_seq_key').on(t.issuerUnitId, t.year, t.seq),
    uniqueIndex('decisions_number_key').on(t.issuerUnitId, t.number),
    index('decisions_status_idx').on(t.status, t.decidedOn),
    check('decisions_kind', sql`${t.kind} in ('award', 'correction', 'revocation')`),
    check('decisions_status', sql`${t.status} in ('draft', 'issued')`),
    check('decisions_sign_mode', sql`${t.signMode} in ('direct', 'KT', 'TM', 'Q', 'TL', 'TUQ')`),
  ],
);

/** One recipient line of a decision, with its prize money computed by the rules. */
export const decisionRecipients = pgTable(
  'decision_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    nomineeId: uuid('nominee_id').references(() => dossierNominees.id),
    recipientKind: text('recipient_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdAddress: text('household_address'),
    recipientKey: text('recipient_key').notNull(),
    /** Name and position/unit line as printed in the attached list. */
    displayName: text('display_name').notNull(),
    displayDetail: text('display_detail').notNull().default(''),
    awardCode: text('award_code').notNull(),
    track: text('track').notNull(),
    year: integer('year').notNull(),
    prizeCoefficient: numeric('prize_coefficient', { precision: 6, scale: 3 }),
    prizeAmount: integer('prize_amount').notNull().default(0),
    /** For a revocation: the award it takes back. */
    revokesAwardId: uuid('revokes_award_id'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('decision_recipients_decision_idx').on(t.decisionId, t.position),
    index('decision_recipients_person_idx').on(t.personId),
  ],
);

/** Public holidays and make-up working days, for working-day deadlines. */
export const holidays = pgTable(
  'holidays',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    name: text('name').notNull(),
    /** A weekend day that is a working day (ngày làm bù) rather than a holiday. */
    workingDay: boolean('working_day').notNull().default(false),
    createdAt: createdAt(),
  },
  () => [],
);
