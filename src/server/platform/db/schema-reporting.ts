/**
 * Issue 7 — reports and the public portal: the year-end summary's narrative sections (kept with the report,
 * versioned), news items and categories with their per-visitor-per-day views and site-wide visit counts,
 * web links, the emulation fund's ledger, and certificate templates calibrated for pre-printed paper.
 * Decision 037 explains the shapes.
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
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { createdAt, ts, updatedAt } from './schema-common';
import { units, users } from './schema';
import { decisions } from './schema-awarding';

/**
 * A year-end summary (báo cáo tổng kết) for one scope and year. `scopeKey` is '' for everything the data
 * holds, else a unit code or a block code. The numbers are computed from data on every read; only the
 * narrative sections are stored, as versions.
 */
export const summaryReports = pgTable(
  'summary_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    scopeKey: text('scope_key').notNull().default(''),
    /** The latest version number (0 before the first save). */
    currentVersion: integer('current_version').notNull().default(0),
    /** The news item this report was last published as, if any. */
    publishedNewsId: uuid('published_news_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('summary_reports_year_scope_key').on(t.year, t.scopeKey)],
);

/** One saved version of a summary's narrative sections: never updated, a new save is a new row. */
export const summaryReportVersions = pgTable(
  'summary_report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => summaryReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** Sections by key: { assessment, strengths, weaknesses, nextYearTasks, proposals } (all optional text). */
    sections: jsonb('sections').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

export const newsCategories = pgTable(
  'news_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('news_categories_slug_key').on(t.slug)],
);

/** A news item of the public portal. `bodyHtml` is stored already sanitised (allow-list), never raw. */
export const newsItems = pgTable(
  'news_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => newsCategories.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    /** draft | published | unpublished */
    status: text('status').notNull().default('draft'),
    /** When it appears on the portal (may be in the future: scheduled). */
    publishAt: ts('publish_at'),
    /** Visitors counted once per day each (see news_views). */
    viewCount: bigint('view_count', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('news_items_slug_key').on(t.slug),
    index('news_items_listing_idx').on(t.status, t.publishAt),
    index('news_items_category_idx').on(t.categoryId),
    check('news_items_status', sql`${t.status} in ('draft', 'published', 'unpublished')`),
  ],
);

/**
 * One row per news item, visitor and day: the view counter rises only when this insert succeeds. The
 * visitor is a keyed hash (cookie id, or address and browser when there is no cookie), never the raw address.
 */
export const newsViews = pgTable(
  'news_views',
  {
    newsId: uuid('news_id')
      .notNull()
      .references(() => newsItems.id, { onDelete: 'cascade' }),
    visitor: text('visitor').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.newsId, t.day, t.visitor] })],
);

/** Site-wide access statistics: one row per visitor and day, with the last time seen (online now). */
export const siteVisits = pgTable(
  'site_visits',
  {
    visitor: text('visitor').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.day, t.visitor] }), index('site_visits_last_seen_idx').on(t.lastSeenAt)],
);

/** Web links shown on the portal (liên kết website). */
export const webLinks = pgTable('web_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  url: text('url').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The emulation fund's ledger (Quỹ thi đua, khen thưởng) of one fund-holding unit: income (budget share,
 * donations, other) and spending (prizes paid from a decision, organising movements, other). Amounts in đồng.
 */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    /** income | expense */
    direction: text('direction').notNull(),
    /** income: budget_share | donation | carried_over | other_income; expense: prize | movement | other_expense */
    category: text('category').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    description: text('description').notNull().default(''),
    /** Prizes paid from an issued decision (one entry per decision). */
    decisionId: uuid('decision_id').references(() => decisions.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('fund_entries_unit_year_idx').on(t.unitId, t.year),
    uniqueIndex('fund_entries_decision_key').on(t.decisionId),
    check('fund_entries_direction', sql`${t.direction} in ('income', 'expense')`),
    check('fund_entries_amount', sql`${t.amount} > 0`),
    check(
      'fund_entries_category',
      sql`(${t.direction} = 'income' and ${t.category} in ('budget_share', 'donation', 'carried_over', 'other_income'))
        or (${t.direction} = 'expense' and ${t.category} in ('prize', 'movement', 'other_expense'))`,
    ),
  ],
);

/** A fund-holding unit's recurrent budget spending for a year, the base of the legal share check. */
export const fundBudgets = pgTable(
  'fund_budgets',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    recurrentSpending: bigint('recurrent_spending', { mode: 'number' }).notNull(),
    /** Mountain, remote or island area: the higher ceiling applies. */
    remoteArea: boolean('remote_area').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.year] }),
    check('fund_budgets_spending', sql`${t.recurrentSpending} >= 0`),
  ],
);

/**
 * A certificate template (Giấy khen, Bằng khen) for pre-printed paper: page size and orientation, and the
 * calibrated position of each field in millimetres (`layout` is validated by the shared zod schema).
 */
export const certificateTemplates = pgTable(
  'certificate_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The award codes of the glossary this template prints (e.g. ['GK_SO'], ['BK_TINH']). */
    awardCodes: jsonb('award_codes').notNull(),
    layout: jsonb('layout').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('certificate_templates_code_key').on(t.code)],
);
