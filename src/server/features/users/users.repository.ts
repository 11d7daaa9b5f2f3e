import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { foldContains, likeEscape } from '../../platform/sql';
import { units, users } from '../../platform/db/schema';

export type UserRow = typeof users.$inferSelect;
export type UserWithUnit = UserRow & { unitName: string };

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  unitId?: string | undefined;
  /** Restrict to these units (unit scoping); undefined = all. */
  unitIds?: string[] | undefined;
}

/** Vietnamese order: given name (last word), then family name (first word), then the full name. */
const givenName = sql`vd_fold(regexp_replace(${users.displayName}, '^.*\\s', ''))`;
const familyName = sql`vd_fold(split_part(${users.displayName}, ' ', 1))`;

function where(filter: UserFilter): SQL | undefined {
  const q = filter.q?.trim();
  return and(
    q
      ? sql`(${foldContains(users.displayName, q)} or ${users.username} like '%' || lower(${likeEscape(q)}) || '%')`
      : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.unitId ? eq(users.unitId, filter.unitId) : undefined,
    filter.unitIds
      ? inArray(
          users.unitId,
          filter.unitIds.length ? filter.unitIds : ['00000000-0000-0000-0000-000000000000'],
        )
      : undefined,
  );
}

const selection = { user: users, unitName: units.name };
const flatten = (r: { user: UserRow; unitName: string }): UserWithUnit => ({
  ...r.user,
  unitName: r.unitName,
});

export const usersRepository = {
  async page(db: DbOrTx, filter: UserFilter, page: number, pageSize: number) {
    const condition = where(filter);
    const [rows, total] = await Promise.all([
      db
        .select(selection)
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .where(condition)
        .orderBy(givenName, familyName, users.displayName, users.username)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(users)
        .where(condition),
    ]);
    return { rows: rows.map(flatten), total: total[0]?.n ?? 0 };
  },

  async findById(db: DbOrTx, id: string): Promise<UserWithUnit | undefined> {
    const rows = await db
      .select(selection)
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, id));
    return rows[0] ? flatten(rows[0]) : undefined;
  },

  async findByIdForUpdate(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    return (await db.select().from(users).where(eq(users.id, id)).for('update'))[0];
  },

  async usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
    return (await db.select({ id: users.id }).from(users).where(eq(users.username, username))).length > 0;
  },

  async insert(db: DbOrTx, row: typeof users.$inferInsert): Promise<UserRow> {
    return (await db.insert(users).values(row).returning())[0]!;
  },

  async update(
    db: DbOrTx,
    id: string,
    patch: Partial<typeof users.$inferInsert>,
    at: Date,
  ): Promise<UserRow> {
    return (
      await db
        .update(users)
        .set({ ...patch, updatedAt: at, version: sql`${users.version} + 1` })
        .where(eq(users.id, id))
        .returning()
    )[0]!;
  },
};
