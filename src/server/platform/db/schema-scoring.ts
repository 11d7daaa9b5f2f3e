/** Block covenant and scoring: criteria sets per block and year, score sheets, cross-checks, rankings. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

import { createdAt, ts, updatedAt } from './schema-common';
// Lazy references only (inside arrow functions): schema.ts re-exports this file at its end.
import { blocks, units, users } from './schema';
import { dossiers } from './schema-awarding';

/** Points keep two decimals (e.g. 0,5 điểm); numeric avoids binary rounding in sums. */
const points = (name: string) => numeric(name, { precision: 7, scale: 2, mode: 'number' });

/** One tie rule of a criteria set, applied in order after the total (data, not code). */
export type TieRuleRow =
  { kind: 'criterion'; code: string } | { kind: 'women_share'; threshold: number; citation: string };

/**
 * Evidence a member attaches to a score: a link (minutes, reports, photos on the unit's site…) or an
 * uploaded file, kept in the file store under its checksum (`sha256`; `url` then points at the download
 * route of the sheet, and backup carries the file).
 */
export type EvidenceLink = {
  label: string;
  url: string;
  sha256?: string;
  fileName?: string;
  mimeType?: string;
  size?: number;
};

/**
 * The covenant (giao ước) of one block in one year: its criteria tree, its tie rules and where it stands —
 * `draft` (the lead edits the criteria), `open` (members self-score, lead and deputy cross-check),
 * `locked` (the block meeting approved the ranking; nothing changes any more).
 */
export const scoringSets = pgTable(
  'scoring_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    blockId: uuid('block_id')
      .notNull()
      .references(() => blocks.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('draft'),
    /** After the total, in this order: named criteria, then the legal preference for women. */
    tieRules: jsonb('tie_rules').$type<TieRuleRow[]>().notNull().default([]),
    copiedFromSetId: uuid('copied_from_set_id').references((): AnyPgColumn => scoringSets.id, {
      onDelete: 'set null',
    }),
    openedAt: ts('opened_at'),
    lockedAt: ts('locked_at'),
    lockedBy: uuid('locked_by').references(() => users.id),
    /** The block meeting that approved the ranking (minutes number, date, place). */
    meetingNote: text('meeting_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('scoring_sets_block_key').on(t.blockId),
    check('scoring_sets_status', sql`${t.status} in ('draft', 'open', 'locked')`),
  ],
);

/** The criteria tree: groups hold score items; bonus and penalty items stand beside them. */
export const scoringCriteria = pgTable(
  'scoring_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => scoringSets.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => scoringCriteria.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    maxPoints: points('max_points').notNull(),
    /** Penalties go below zero (e.g. −5); score items start at 0. */
    minPoints: points('min_points').notNull().default(0),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('scoring_criteria_set_code_key').on(t.setId, t.code),
    index('scoring_criteria_parent_idx').on(t.parentId),
    check('scoring_criteria_kind', sql`${t.kind} in ('score', 'bonus', 'penalty', 'group')`),
    check('scoring_criteria_range', sql`${t.minPoints} <= ${t.maxPoints}`),
  ],
);

/** One member unit's sheet. `version` guards against two officers saving it at once. */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => scoringSets.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** draft → submitted (self-scoring done) → checked (cross-check done). */
    status: text('status').notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    checkedAt: ts('checked_at'),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('score_sheets_set_unit_key').on(t.setId, t.unitId),
    check('score_sheets_status', sql`${t.status} in ('draft', 'submitted', 'checked')`),
  ],
);

/** A score per criterion: the member's own score and, when the lead or deputy changed it, the checked one. */
export const scores = pgTable(
  'scores',
  {
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => scoreSheets.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => scoringCriteria.id, { onDelete: 'cascade' }),
    selfScore: points('self_score'),
    checkedScore: points('checked_score'),
    checkReason: text('check_reason'),
    checkedBy: uuid('checked_by').references(() => users.id),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.sheetId, t.criterionId] }),
    index('scores_criterion_idx').on(t.criterionId),
  ],
);

/** One row of the locked ranking (frozen at the lock, as the meeting approved it). */
export type RankingRow = {
  unitId: string;
  rank: number;
  total: number;
  decidedBy: string | null;
};

/**
 * The locked result of a set: the frozen ranking, the leader's proposal (flag and Bằng khen, read by the
 * nomination feature) and the next year's lead and deputy chosen by rotation.
 */
export const scoringResults = pgTable('scoring_results', {
  setId: uuid('set_id')
    .primaryKey()
    .references(() => scoringSets.id, { onDelete: 'cascade' }),
  ranking: jsonb('ranking').$type<RankingRow[]>().notNull(),
  /** Proposed for Cờ thi đua cấp tỉnh (CO_TINH). */
  flagUnitId: uuid('flag_unit_id').references(() => units.id),
  /** Proposed for Bằng khen Chủ tịch UBND tỉnh (BK_TINH). */
  bkUnitIds: jsonb('bk_unit_ids').$type<string[]>().notNull().default([]),
  proposalNote: text('proposal_note'),
  proposedAt: ts('proposed_at'),
  proposedBy: uuid('proposed_by').references(() => users.id),
  nextLeadUnitId: uuid('next_lead_unit_id').references(() => units.id),
  nextDeputyUnitId: uuid('next_deputy_unit_id').references(() => units.id),
  nextBlockId: uuid('next_block_id').references(() => blocks.id, { onDelete: 'set null' }),
  /** The nomination dossier made from the proposal in one step (one per result; a second click finds it). */
  proposalDossierId: uuid('proposal_dossier_id').references((): AnyPgColumn => dossiers.id, {
    onDelete: 'set null',
  }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
});
