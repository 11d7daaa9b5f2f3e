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
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

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
