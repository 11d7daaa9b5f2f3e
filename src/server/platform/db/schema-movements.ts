/** Movements (phong trào thi đua) with indicators and per-unit results; title registration (đăng ký thi đua). */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { createdAt, ts, updatedAt } from './schema-common';
// Lazy references only (inside arrow functions): schema.ts re-exports this file at its end.
import { blocks, people, units, users } from './schema';

/**
 * A movement: launched by a unit for target units. The target is stored as declared (a block, a subtree
 * rooted at a unit, or a list); the units it resolves to are frozen at launch in `movement_targets`.
 */
export const movements = pgTable(
  'movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    launchingUnitId: uuid('launching_unit_id')
      .notNull()
      .references(() => units.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    targetKind: text('target_kind').notNull(),
    targetBlockId: uuid('target_block_id').references(() => blocks.id),
    targetRootUnitId: uuid('target_root_unit_id').references(() => units.id),
    /** Unit ids for the `list` target. */
    targetUnitIds: jsonb('target_unit_ids').$type<string[]>().notNull().default([]),
    goals: text('goals').notNull().default(''),
    criteria: text('criteria').notNull().default(''),
    /** Directives (văn bản chỉ đạo) as text: numbers, dates, excerpts. */
    directives: text('directives').notNull().default(''),
    status: text('status').notNull().default('draft'),
    launchedAt: ts('launched_at'),
    closedAt: ts('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('movements_year_idx').on(t.year),
    index('movements_launching_idx').on(t.launchingUnitId),
    check('movements_period', sql`${t.periodTo} >= ${t.periodFrom}`),
    check('movements_kind', sql`${t.kind} in ('regular', 'thematic')`),
    check('movements_status', sql`${t.status} in ('draft', 'launched', 'closed')`),
    check('movements_target_kind', sql`${t.targetKind} in ('block', 'subtree', 'list')`),
  ],
);

/** Target units resolved at launch. */
export const movementTargets = pgTable(
  'movement_targets',
  {
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.movementId, t.unitId] }), index('movement_targets_unit_idx').on(t.unitId)],
);

/** Indicators (chỉ tiêu) defined on a movement. */
export const movementIndicators = pgTable(
  'movement_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    /** Target per unit: a count, đồng, a percentage, or 1 for a yes/no expected to be yes. */
    target: bigint('target', { mode: 'number' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('movement_indicators_code_key').on(t.movementId, t.code),
    check('movement_indicators_kind', sql`${t.kind} in ('count', 'money', 'percent', 'boolean')`),
  ],
);

/** One unit's result for one movement: free text plus a value per indicator. */
export const movementResults = pgTable(
  'movement_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    movementId: uuid('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    summary: text('summary').notNull().default(''),
    /** `{ [indicatorCode]: number | boolean }`, checked against the indicator kinds by the service. */
    values: jsonb('values').$type<Record<string, number | boolean>>().notNull().default({}),
    reportedBy: uuid('reported_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('movement_results_key').on(t.movementId, t.unitId)],
);

/** In-app notifications to units (a launched movement, a returned registration, …). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_unit_idx').on(t.unitId, t.createdAt)],
);

/** A unit's registration of titles for a year. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    forwarded: boolean('forwarded').notNull().default(false),
    forwardedAt: ts('forwarded_at'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('registrations_unit_year_key').on(t.unitId, t.year),
    index('registrations_year_idx').on(t.year, t.status),
    check('registrations_status', sql`${t.status} in ('draft', 'submitted', 'returned', 'approved')`),
  ],
);

/** One line of a registration: the unit itself (collective) or one of its people (individual). */
export const registrationItems = pgTable(
  'registration_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    recipientKind: text('recipient_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    awardCode: text('award_code').notNull(),
    note: text('note').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('registration_items_reg_idx').on(t.registrationId),
    index('registration_items_person_idx').on(t.personId),
    check(
      'registration_items_recipient',
      sql`(${t.recipientKind} = 'individual' and ${t.personId} is not null)
       or (${t.recipientKind} = 'collective' and ${t.personId} is null)`,
    ),
  ],
);
