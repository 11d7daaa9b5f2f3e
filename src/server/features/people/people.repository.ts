import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { foldedContains, unitSubtree } from '../../platform/sql';
import {
  awards,
  disciplines,
  initiativeAuthors,
  initiatives,
  people,
  personEvaluations,
  personLeaves,
  personTrainings,
  personUnitHistory,
  units,
} from '../../platform/db/schema';

export type PersonRow = typeof people.$inferSelect;
export type PersonWithUnit = PersonRow & { unitName: string | null };

export interface PersonFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  includeSubunits?: boolean;
  isLeader?: boolean | undefined;
  sex?: string | undefined;
  /** Unit scoping: only people whose current unit is under this unit. */
  scopeRootUnitId?: string | undefined;
}

function where(f: PersonFilter): SQL | undefined {
  const q = f.q?.trim();
  return and(
    q
      ? // One LIKE on the trigger-maintained search text (folded name + code), served by its trigram index.
        foldedContains(people.searchText, q)
      : undefined,
    f.unitId
      ? f.includeSubunits === false
        ? eq(people.currentUnitId, f.unitId)
        : sql`${people.currentUnitId} in ${unitSubtree(f.unitId)}`
      : undefined,
    f.scopeRootUnitId ? sql`${people.currentUnitId} in ${unitSubtree(f.scopeRootUnitId)}` : undefined,
    f.isLeader === undefined ? undefined : eq(people.isLeader, f.isLeader),
    f.sex ? eq(people.sex, f.sex) : undefined,
  );
}

export const peopleRepository = {
  /** Everything matching the filter, in list order (exports). */
  async all(db: DbOrTx, filter: PersonFilter): Promise<PersonWithUnit[]> {
    const rows = await db
      .select({ person: people, unitName: units.name })
      .from(people)
      .leftJoin(units, eq(units.id, people.currentUnitId))
      .where(where(filter))
      .orderBy(sql`${people.sortKey} collate "C"`, people.id);
    return rows.map((r) => ({ ...r.person, unitName: r.unitName }));
  },

  async findById(db: DbOrTx, id: string): Promise<PersonWithUnit | undefined> {
    const rows = await db
      .select({ person: people, unitName: units.name })
      .from(people)
      .leftJoin(units, eq(units.id, people.currentUnitId))
      .where(eq(people.id, id));
    return rows[0] ? { ...rows[0].person, unitName: rows[0].unitName } : undefined;
  },

  async findByIdForUpdate(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
    return (await db.select().from(people).where(eq(people.id, id)).for('update'))[0];
  },

  async codeTaken(db: DbOrTx, code: string): Promise<boolean> {
    return (await db.select({ id: people.id }).from(people).where(eq(people.code, code))).length > 0;
  },

  async profileParts(db: DbOrTx, id: string) {
    const [history, evaluations, leaves, trainings, discipline, inits, awardRows] = await Promise.all([
      db
        .select({ h: personUnitHistory, unitCode: units.code, unitName: units.name })
        .from(personUnitHistory)
        .innerJoin(units, eq(units.id, personUnitHistory.unitId))
        .where(eq(personUnitHistory.personId, id))
        .orderBy(desc(personUnitHistory.fromDate)),
      db
        .select({ e: personEvaluations, unitName: units.name })
        .from(personEvaluations)
        .leftJoin(units, eq(units.id, personEvaluations.unitId))
        .where(eq(personEvaluations.personId, id))
        .orderBy(desc(personEvaluations.year)),
      db
        .select()
        .from(personLeaves)
        .where(eq(personLeaves.personId, id))
        .orderBy(desc(personLeaves.fromDate)),
      db
        .select()
        .from(personTrainings)
        .where(eq(personTrainings.personId, id))
        .orderBy(desc(personTrainings.fromDate)),
      db
        .select()
        .from(disciplines)
        .where(eq(disciplines.personId, id))
        .orderBy(desc(disciplines.decisionDate)),
      db
        .select({ i: initiatives })
        .from(initiatives)
        .innerJoin(initiativeAuthors, eq(initiativeAuthors.initiativeId, initiatives.id))
        .where(eq(initiativeAuthors.personId, id))
        .orderBy(desc(initiatives.recognitionDate)),
      db
        .select()
        .from(awards)
        .where(eq(awards.personId, id))
        .orderBy(desc(awards.year), asc(awards.awardCode)),
    ]);
    return { history, evaluations, leaves, trainings, discipline, inits: inits.map((r) => r.i), awardRows };
  },

  async openHistory(db: DbOrTx, personId: string) {
    return (
      await db
        .select()
        .from(personUnitHistory)
        .where(and(eq(personUnitHistory.personId, personId), sql`${personUnitHistory.toDate} is null`))
        .orderBy(desc(personUnitHistory.fromDate))
    )[0];
  },
};
