import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { unitSubtree } from '../../platform/sql';
import { people, registrationItems, registrations, units } from '../../platform/db/schema';

export type RegistrationRow = typeof registrations.$inferSelect;

const collectiveCount = sql<number>`(select count(*) from registration_items i
  where i.registration_id = ${registrations.id} and i.recipient_kind = 'collective')`.mapWith(Number);
const individualCount = sql<number>`(select count(*) from registration_items i
  where i.registration_id = ${registrations.id} and i.recipient_kind = 'individual')`.mapWith(Number);

export interface RegisteredTitle {
  registrationId: string;
  unitId: string;
  year: number;
  status: 'submitted' | 'approved';
  recipientKind: 'collective' | 'individual';
  personId: string | null;
  awardCode: string;
}

export const registrationRepository = {
  async list(
    db: DbOrTx,
    f: { year: number; status?: string | undefined; scopeRootUnitId?: string | undefined },
  ) {
    return db
      .select({
        r: registrations,
        unitCode: units.code,
        unitName: units.name,
        collectiveCount,
        individualCount,
      })
      .from(registrations)
      .innerJoin(units, eq(units.id, registrations.unitId))
      .where(
        and(
          eq(registrations.year, f.year),
          f.status ? eq(registrations.status, f.status) : undefined,
          f.scopeRootUnitId ? sql`${registrations.unitId} in ${unitSubtree(f.scopeRootUnitId)}` : undefined,
        ),
      )
      .orderBy(asc(units.code));
  },

  async findById(db: DbOrTx, id: string) {
    return (
      await db
        .select({
          r: registrations,
          unitCode: units.code,
          unitName: units.name,
          collectiveCount,
          individualCount,
        })
        .from(registrations)
        .innerJoin(units, eq(units.id, registrations.unitId))
        .where(eq(registrations.id, id))
    )[0];
  },

  async findByIdForUpdate(db: DbOrTx, id: string): Promise<RegistrationRow | undefined> {
    return (await db.select().from(registrations).where(eq(registrations.id, id)).for('update'))[0];
  },

  async findByUnitYear(db: DbOrTx, unitId: string, year: number): Promise<RegistrationRow | undefined> {
    return (
      await db
        .select()
        .from(registrations)
        .where(and(eq(registrations.unitId, unitId), eq(registrations.year, year)))
    )[0];
  },

  async insert(db: DbOrTx, values: typeof registrations.$inferInsert): Promise<RegistrationRow> {
    return (await db.insert(registrations).values(values).returning())[0]!;
  },

  async update(db: DbOrTx, id: string, patch: Partial<typeof registrations.$inferInsert>, now: Date) {
    return (
      await db
        .update(registrations)
        .set({ ...patch, updatedAt: now, version: sql`${registrations.version} + 1` })
        .where(eq(registrations.id, id))
        .returning()
    )[0]!;
  },

  async itemsOf(db: DbOrTx, registrationId: string) {
    return db
      .select({ i: registrationItems, personCode: people.code, personName: people.fullName })
      .from(registrationItems)
      .leftJoin(people, eq(people.id, registrationItems.personId))
      .where(eq(registrationItems.registrationId, registrationId))
      .orderBy(asc(registrationItems.position));
  },

  async replaceItems(
    db: DbOrTx,
    registrationId: string,
    items: { recipientKind: string; personId: string | null; awardCode: string; note: string }[],
  ) {
    await db.delete(registrationItems).where(eq(registrationItems.registrationId, registrationId));
    if (items.length)
      await db
        .insert(registrationItems)
        .values(items.map((it, position) => ({ ...it, registrationId, position })));
  },

  /** People whose current unit is in the subtree, among the given ids (an item names one of its own). */
  async peopleInSubtree(db: DbOrTx, rootUnitId: string, personIds: string[]): Promise<Set<string>> {
    if (!personIds.length) return new Set();
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, personIds), sql`${people.currentUnitId} in ${unitSubtree(rootUnitId)}`));
    return new Set(rows.map((r) => r.id));
  },

  async peopleByCode(db: DbOrTx, codes: string[]) {
    if (!codes.length) return [];
    return db
      .select({ id: people.id, code: people.code, fullName: people.fullName })
      .from(people)
      .where(inArray(people.code, codes));
  },

  async approvedNotForwarded(db: DbOrTx, year: number, scopeRootUnitId?: string) {
    return db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.year, year),
          eq(registrations.status, 'approved'),
          eq(registrations.forwarded, false),
          scopeRootUnitId ? sql`${registrations.unitId} in ${unitSubtree(scopeRootUnitId)}` : undefined,
        ),
      )
      .for('update');
  },

  async markForwarded(db: DbOrTx, ids: string[], now: Date) {
    if (!ids.length) return;
    await db
      .update(registrations)
      .set({ forwarded: true, forwardedAt: now, updatedAt: now, version: sql`${registrations.version} + 1` })
      .where(inArray(registrations.id, ids));
  },

  /** Counts per award code and recipient kind of the submitted and approved lists of a year. */
  async countsByAward(db: DbOrTx, year: number, scopeRootUnitId?: string) {
    return db
      .select({
        awardCode: registrationItems.awardCode,
        recipientKind: registrationItems.recipientKind,
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(registrationItems)
      .innerJoin(registrations, eq(registrations.id, registrationItems.registrationId))
      .where(
        and(
          eq(registrations.year, year),
          inArray(registrations.status, ['submitted', 'approved']),
          scopeRootUnitId ? sql`${registrations.unitId} in ${unitSubtree(scopeRootUnitId)}` : undefined,
        ),
      )
      .groupBy(registrationItems.awardCode, registrationItems.recipientKind)
      .orderBy(registrationItems.awardCode, registrationItems.recipientKind);
  },
};

/**
 * Registration as a fact (for the eligibility engine, where a rule requires that a title was registered):
 * the titles registered for a year by the given units and their people, from submitted and approved lists
 * (a draft or a returned list registers nothing). Collective items carry the registering unit.
 */
export async function registeredTitles(
  db: DbOrTx,
  year: number,
  unitIds: readonly string[],
): Promise<RegisteredTitle[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .select({
      registrationId: registrations.id,
      unitId: registrations.unitId,
      year: registrations.year,
      status: registrations.status,
      recipientKind: registrationItems.recipientKind,
      personId: registrationItems.personId,
      awardCode: registrationItems.awardCode,
    })
    .from(registrationItems)
    .innerJoin(registrations, eq(registrations.id, registrationItems.registrationId))
    .where(
      and(
        eq(registrations.year, year),
        inArray(registrations.unitId, [...unitIds]),
        inArray(registrations.status, ['submitted', 'approved']),
      ),
    )
    .orderBy(asc(registrations.unitId), asc(registrationItems.position));
  return rows as RegisteredTitle[];
}
