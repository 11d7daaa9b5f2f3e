/**
 * The database schema. One dialect (PostgreSQL 15 and PGlite/PostgreSQL 18 both accept what drizzle-kit
 * generates from this file). Ids are UUIDs made by the database, so a logical backup restores on either
 * engine; the audit log alone has a sequence, because its order is its meaning.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { createdAt, ts, updatedAt } from './schema-common';

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    /** Issuer document symbol, e.g. "SNN" in "12/QĐ-SNN". */
    documentSymbol: text('document_symbol'),
    /** Demo data invented for units the origin article does not name. */
    isDemo: boolean('is_demo').notNull().default(false),
    activeFrom: date('active_from', { mode: 'string' }).notNull(),
    activeTo: date('active_to', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    check('units_active_period', sql`${t.activeTo} is null or ${t.activeTo} >= ${t.activeFrom}`),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    passwordChangedAt: ts('password_changed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_unit_idx').on(t.unitId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a stolen database does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: ts('at').notNull(),
    requestId: text('request_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorId),
    index('audit_at_idx').on(t.at),
  ],
);

/** Emulation blocks (khối thi đua) per year. Issue 3 adds the pages; the demo seed needs the rows now. */
export const blocks = pgTable(
  'blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    deputyUnitId: uuid('deputy_unit_id').references(() => units.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('blocks_year_name_key').on(t.year, t.name)],
);

export const blockMembers = pgTable(
  'block_members',
  {
    blockId: uuid('block_id')
      .notNull()
      .references(() => blocks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.blockId, t.unitId] })],
);

/** Small key/value facts about this installation (e.g. when the demo was seeded). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

// ─── Registry (issue 3) ──────────────────────────────────────────────────────────────────────────────

/** A unit succeeded by another from a date (mergers, splits, renamings in the 2025 reorganisation). */
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('unit_successions_pair_key').on(t.predecessorId, t.successorId),
    index('unit_successions_successor_idx').on(t.successorId),
    check('unit_successions_not_self', sql`${t.predecessorId} <> ${t.successorId}`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Staff code: the natural key imports match on. */
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    /** Sort keys, Vietnamese order: given name, then family name, then middle name. */
    familyName: text('family_name').notNull(),
    middleName: text('middle_name').notNull().default(''),
    givenName: text('given_name').notNull(),
    /** Vietnamese collation key (given, family, middle), compared bytewise (COLLATE "C"); see shared/vietnamese.ts. */
    sortKey: text('sort_key').notNull(),
    /** `vd_fold(full_name) || ' ' || lower(code)`, kept by a trigger; one trigram index serves the search. */
    searchText: text('search_text').notNull().default(''),
    sex: text('sex').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    ethnicity: text('ethnicity'),
    personalIdNumber: text('personal_id_number'),
    position: text('position'),
    isLeader: boolean('is_leader').notNull().default(false),
    /** The unit of the open unit-history period (kept by the service), for scoping and lists. */
    currentUnitId: uuid('current_unit_id').references(() => units.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('people_code_key').on(t.code),
    index('people_unit_idx').on(t.currentUnitId),
    index('people_sort_idx').on(sql`${t.sortKey} collate "C"`, t.id),
    index('people_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('people_dup_idx').on(sql`vd_fold(${t.fullName})`, t.dateOfBirth),
  ],
);

/**
 * Change stamps for in-process caches (decision 044). Kept outside `public`, so backups neither carry nor
 * restore them: a transaction in which a statement changed at least one row of a stamped table gives that
 * table a fresh random UUID when it commits (statement triggers, drizzle/0011; set at commit through
 * `change_marks`, drizzle/0012, decision 048), and a cache that read the stamp with its data knows, by one
 * primary-key read, whether what it holds is still what the database holds.
 */
export const cacheSchema = pgSchema('vd_cache');
export const changeStamps = cacheSchema.table('change_stamps', {
  name: text('name').primaryKey(),
  stamp: uuid('stamp').notNull().defaultRandom(),
});

/**
 * A writing transaction's marks: which stamped tables it changed (drizzle/0012). A deferred trigger turns
 * them into new stamps at commit and deletes them, so a long transaction (an import) does not hold the
 * stamp rows, and other writers of people or units do not wait for it. Always empty outside a transaction.
 */
export const changeMarks = cacheSchema.table('change_marks', {
  name: text('name').notNull(),
});

export const personUnitHistory = pgTable(
  'person_unit_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    position: text('position'),
  },
  (t) => [
    uniqueIndex('person_unit_history_key').on(t.personId, t.fromDate),
    index('person_unit_history_unit_idx').on(t.unitId),
    check('person_unit_history_period', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

export const personEvaluations = pgTable(
  'person_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    /** The unit that evaluated (where the person was at evaluation time). */
    unitId: uuid('unit_id').references(() => units.id),
    /** Start of employment, for new hires (months-worked rules). */
    employmentStartDate: date('employment_start_date', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('person_evaluations_key').on(t.personId, t.year),
    index('person_evaluations_year_idx').on(t.year),
  ],
);

export const personLeaves = pgTable(
  'person_leaves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('person_leaves_key').on(t.personId, t.kind, t.fromDate),
    check('person_leaves_period', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

export const personTrainings = pgTable(
  'person_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    grade: text('grade'),
    institution: text('institution'),
    /** Good conduct at the school (counts toward LĐTT for trainings under a year). */
    goodConduct: boolean('good_conduct').notNull().default(true),
  },
  (t) => [
    uniqueIndex('person_trainings_key').on(t.personId, t.fromDate),
    check('person_trainings_period', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

export const unitEvaluations = pgTable(
  'unit_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    rating: text('rating').notNull(),
    memberCount: integer('member_count').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('unit_evaluations_key').on(t.unitId, t.year)],
);

export const disciplines = pgTable(
  'disciplines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('disciplines_key').on(t.personId, t.decisionNumber),
    check('disciplines_period', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    level: text('level').notNull(),
    recognitionDate: date('recognition_date', { mode: 'string' }).notNull(),
    effectScope: text('effect_scope').notNull(),
    recognizingBody: text('recognizing_body').notNull(),
    /** The one award this initiative was the basis of (an initiative is usable once). */
    usedByAwardId: uuid('used_by_award_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('initiatives_code_key').on(t.code),
    uniqueIndex('initiatives_used_by_key').on(t.usedByAwardId),
  ],
);

export const initiativeAuthors = pgTable(
  'initiative_authors',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.personId] }),
    index('initiative_authors_person_idx').on(t.personId),
  ],
);

/** Award history: imported for past years, written by issued decisions later. */
export const awards = pgTable(
  'awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientKind: text('recipient_kind').notNull(),
    personId: uuid('person_id').references(() => people.id),
    unitId: uuid('unit_id').references(() => units.id),
    householdName: text('household_name'),
    householdAddress: text('household_address'),
    /** `P:<person code>`, `U:<unit code>` or `H:<folded name>|<folded address>`: part of the natural key. */
    recipientKey: text('recipient_key').notNull(),
    awardCode: text('award_code').notNull(),
    year: integer('year').notNull(),
    track: text('track').notNull(),
    issuer: text('issuer').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    source: text('source').notNull().default('import'),
    note: text('note'),
    /** The issued decision that wrote this award (source = 'decision'); such rows are read-only. */
    decisionId: uuid('decision_id'),
    decisionRecipientId: uuid('decision_recipient_id'),
    /** The revocation decision that took it back (the row stays, for the record). */
    revokedByDecisionId: uuid('revoked_by_decision_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('awards_key').on(t.recipientKey, t.awardCode, t.year, t.decisionNumber),
    index('awards_person_idx').on(t.personId),
    index('awards_unit_idx').on(t.unitId),
    index('awards_year_idx').on(t.year, t.awardCode),
    index('awards_decision_idx').on(t.decisionId),
    check(
      'awards_recipient',
      sql`(${t.recipientKind} = 'individual' and ${t.personId} is not null)
       or (${t.recipientKind} = 'collective' and ${t.unitId} is not null)
       or (${t.recipientKind} = 'household' and ${t.householdName} is not null)`,
    ),
  ],
);

/**
 * Mức lương cơ sở, dated (admins add rows; prize money uses the row in force on the decision date). The
 * known rows are inserted by migration 0004 with their instruments.
 */
export const baseSalaries = pgTable(
  'base_salaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    amount: integer('amount').notNull(),
    instrument: text('instrument').notNull(),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('base_salaries_from').on(t.effectiveFrom),
    check('base_salaries_amount', sql`${t.amount} > 0`),
  ],
);

/**
 * Local rule packs (a province's or ministry's added criteria and quotas), layered on the national pack in
 * force when enabled. `content` is validated by the domain (`validateLocalPack`) before it is stored.
 */
export const localRulePacks = pgTable('local_rule_packs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  effectiveTo: date('effective_to', { mode: 'string' }),
  enabled: boolean('enabled').notNull().default(false),
  content: jsonb('content').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: integer('version').notNull().default(1),
});

// Issue 5 (emulation work): movements and registration, block covenant and scoring — kept in their own
// files so that the two can grow side by side. Tables there reference the ones above only lazily.
export * from './schema-movements';
export * from './schema-scoring';
export * from './schema-awarding';
export * from './schema-reporting';
