/** Queries of nomination dossiers, their nominees, files and timeline, with intent-named methods. */
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database';
import { unitSubtree } from '../../platform/sql';
import {
  awards,
  disciplines,
  dossierAttachments,
  dossierEvents,
  dossierNominees,
  dossiers,
  holidays,
  initiatives,
  movements,
  notifications,
  people,
  units,
  users,
} from '../../platform/db/schema';
import { PENDING_STATUSES } from '../../../domain/dossiers/workflow';

export type DossierRow = typeof dossiers.$inferSelect;
export type NomineeRow = typeof dossierNominees.$inferSelect;
export type NomineeInsert = typeof dossierNominees.$inferInsert;

const proposing = alias(units, 'proposing');
const authority = alias(units, 'authority');
const nomineeCount = sql<number>`(select count(*) from dossier_nominees n
  where n.dossier_id = ${dossiers.id} and n.excluded_reason is null)`.mapWith(Number);

function listed(db: DbOrTx) {
  return db
    .select({
      d: dossiers,
      proposingUnitName: proposing.name,
      authorityUnitName: authority.name,
      authorityParentId: authority.parentId,
      nomineeCount,
    })
    .from(dossiers)
    .innerJoin(proposing, eq(proposing.id, dossiers.proposingUnitId))
    .innerJoin(authority, eq(authority.id, dossiers.authorityUnitId));
}
export type ListedDossier = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

export const dossiersRepository = {
  async list(
    db: DbOrTx,
    f: {
      year?: number | undefined;
      status?: string | undefined;
      proposingUnitId?: string | undefined;
      scopeRootUnitId?: string | undefined;
    },
  ) {
    return listed(db)
      .where(
        and(
          f.year ? eq(dossiers.year, f.year) : undefined,
          f.status ? eq(dossiers.status, f.status) : undefined,
          f.proposingUnitId ? eq(dossiers.proposingUnitId, f.proposingUnitId) : undefined,
          f.scopeRootUnitId
            ? sql`${dossiers.proposingUnitId} in ${unitSubtree(f.scopeRootUnitId)}`
            : undefined,
        ),
      )
      .orderBy(desc(dossiers.year), desc(dossiers.code));
  },

  async findById(db: DbOrTx, id: string): Promise<ListedDossier | undefined> {
    return (await listed(db).where(eq(dossiers.id, id)))[0];
  },

  async lock(tx: DbOrTx, id: string): Promise<DossierRow | undefined> {
    return (await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update'))[0];
  },

  /** `HS-<year>-<nnnn>`: the next number of the year, under a lock so two creations never collide. */
  async nextCode(tx: DbOrTx, year: number): Promise<string> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vinhdanh.dossier_code'), ${year})`);
    const [r] = await tx
      .select({
        n: sql<number>`coalesce(max(substring(${dossiers.code} from '[0-9]+$')::int), 0)`.mapWith(Number),
      })
      .from(dossiers)
      .where(eq(dossiers.year, year));
    return `HS-${year}-${String((r?.n ?? 0) + 1).padStart(4, '0')}`;
  },

  async insert(tx: DbOrTx, values: typeof dossiers.$inferInsert): Promise<DossierRow> {
    return (await tx.insert(dossiers).values(values).returning())[0]!;
  },

  async update(tx: DbOrTx, id: string, values: Partial<typeof dossiers.$inferInsert>): Promise<DossierRow> {
    return (await tx.update(dossiers).set(values).where(eq(dossiers.id, id)).returning())[0]!;
  },

  async bumpVersion(tx: DbOrTx, d: DossierRow, now: Date) {
    await tx
      .update(dossiers)
      .set({ version: d.version + 1, updatedAt: now })
      .where(eq(dossiers.id, d.id));
  },

  async nominees(db: DbOrTx, dossierId: string) {
    return db
      .select({
        n: dossierNominees,
        personCode: people.code,
        personName: people.fullName,
        unitCode: units.code,
        unitName: units.name,
      })
      .from(dossierNominees)
      .leftJoin(people, eq(people.id, dossierNominees.personId))
      .leftJoin(units, eq(units.id, dossierNominees.unitId))
      .where(eq(dossierNominees.dossierId, dossierId))
      .orderBy(asc(dossierNominees.position), asc(dossierNominees.createdAt));
  },

  async nominee(db: DbOrTx, dossierId: string, nomineeId: string): Promise<NomineeRow | undefined> {
    return (
      await db
        .select()
        .from(dossierNominees)
        .where(and(eq(dossierNominees.id, nomineeId), eq(dossierNominees.dossierId, dossierId)))
    )[0];
  },

  async insertNominees(tx: DbOrTx, rows: NomineeInsert[]): Promise<NomineeRow[]> {
    if (!rows.length) return [];
    return tx.insert(dossierNominees).values(rows).returning();
  },

  async updateNominee(tx: DbOrTx, id: string, values: Partial<NomineeInsert>): Promise<NomineeRow> {
    return (await tx.update(dossierNominees).set(values).where(eq(dossierNominees.id, id)).returning())[0]!;
  },

  async deleteNominee(tx: DbOrTx, id: string) {
    await tx.delete(dossierNominees).where(eq(dossierNominees.id, id));
  },

  async maxPosition(tx: DbOrTx, dossierId: string): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`coalesce(max(${dossierNominees.position}), 0)`.mapWith(Number) })
      .from(dossierNominees)
      .where(eq(dossierNominees.dossierId, dossierId));
    return r?.n ?? 0;
  },

  async peopleByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({ id: people.id, code: people.code, fullName: people.fullName, unitId: people.currentUnitId })
      .from(people)
      .where(inArray(people.id, ids));
  },

  async peopleByCodes(db: DbOrTx, codes: string[]) {
    if (!codes.length) return [];
    return db
      .select({ id: people.id, code: people.code, fullName: people.fullName, unitId: people.currentUnitId })
      .from(people)
      .where(inArray(people.code, codes));
  },

  async unitsByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({ id: units.id, code: units.code, name: units.name, parentId: units.parentId })
      .from(units)
      .where(inArray(units.id, ids));
  },

  async unitsByCodes(db: DbOrTx, codes: string[]) {
    if (!codes.length) return [];
    return db
      .select({ id: units.id, code: units.code, name: units.name })
      .from(units)
      .where(inArray(units.code, codes));
  },

  async movementExists(db: DbOrTx, id: string): Promise<boolean> {
    return (await db.select({ id: movements.id }).from(movements).where(eq(movements.id, id))).length > 0;
  },

  /** Which of `ids` are `root` or under it. */
  async inSubtree(db: DbOrTx, root: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await db
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, ids), sql`${units.id} in ${unitSubtree(root)}`));
    return new Set(rows.map((r) => r.id));
  },

  async attachments(db: DbOrTx, dossierId: string) {
    return db
      .select()
      .from(dossierAttachments)
      .where(eq(dossierAttachments.dossierId, dossierId))
      .orderBy(asc(dossierAttachments.createdAt));
  },

  async attachment(db: DbOrTx, dossierId: string, id: string) {
    return (
      await db
        .select()
        .from(dossierAttachments)
        .where(and(eq(dossierAttachments.id, id), eq(dossierAttachments.dossierId, dossierId)))
    )[0];
  },

  async insertAttachment(tx: DbOrTx, values: typeof dossierAttachments.$inferInsert) {
    return (await tx.insert(dossierAttachments).values(values).returning())[0]!;
  },

  async deleteAttachment(tx: DbOrTx, id: string) {
    await tx.delete(dossierAttachments).where(eq(dossierAttachments.id, id));
  },

  async events(db: DbOrTx, dossierId: string) {
    return db
      .select({ e: dossierEvents, actorName: users.displayName })
      .from(dossierEvents)
      .leftJoin(users, eq(users.id, dossierEvents.actorId))
      .where(eq(dossierEvents.dossierId, dossierId))
      .orderBy(asc(dossierEvents.at));
  },

  // ——— facts for the nominee checks ———

  async awardsOf(db: DbOrTx, recipientKeys: string[]) {
    if (!recipientKeys.length) return [];
    return db
      .select({
        recipientKey: awards.recipientKey,
        awardCode: awards.awardCode,
        year: awards.year,
        decisionNumber: awards.decisionNumber,
        revokedBy: awards.revokedByDecisionId,
      })
      .from(awards)
      .where(inArray(awards.recipientKey, recipientKeys));
  },

  /** The same recipient and title of the year in other dossiers still pending, anywhere in the system. */
  async pendingElsewhere(db: DbOrTx, dossierId: string, year: number, recipientKeys: string[]) {
    if (!recipientKeys.length) return [];
    return db
      .select({
        recipientKey: dossierNominees.recipientKey,
        awardCode: dossierNominees.awardCode,
        dossierCode: dossiers.code,
        unitName: units.name,
      })
      .from(dossierNominees)
      .innerJoin(dossiers, eq(dossiers.id, dossierNominees.dossierId))
      .innerJoin(units, eq(units.id, dossiers.proposingUnitId))
      .where(
        and(
          inArray(dossierNominees.recipientKey, recipientKeys),
          eq(dossierNominees.year, year),
          ne(dossierNominees.dossierId, dossierId),
          isNull(dossierNominees.excludedReason),
          inArray(dossiers.status, [...PENDING_STATUSES]),
        ),
      );
  },

  async initiativesByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return db
      .select({
        id: initiatives.id,
        code: initiatives.code,
        title: initiatives.title,
        usedBy: initiatives.usedByAwardId,
      })
      .from(initiatives)
      .where(inArray(initiatives.id, ids));
  },

  async disciplinesOf(db: DbOrTx, personIds: string[]) {
    if (!personIds.length) return [];
    return db
      .select({
        personId: disciplines.personId,
        level: disciplines.level,
        decisionNumber: disciplines.decisionNumber,
        fromDate: disciplines.fromDate,
        toDate: disciplines.toDate,
      })
      .from(disciplines)
      .where(inArray(disciplines.personId, personIds));
  },

  // ——— holidays and notifications ———

  async holidays(db: DbOrTx, year?: number) {
    return db
      .select({ day: holidays.day, name: holidays.name, workingDay: holidays.workingDay })
      .from(holidays)
      .where(year ? sql`extract(year from ${holidays.day}) = ${year}` : undefined)
      .orderBy(asc(holidays.day));
  },

  async notificationsOf(db: DbOrTx, unitId: string, unreadOnly: boolean, limit = 50) {
    return db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, unitId), unreadOnly ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.createdAt))
      .limit(limit);
  },

  async unreadCount(db: DbOrTx, unitId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(notifications)
      .where(and(eq(notifications.unitId, unitId), isNull(notifications.readAt)));
    return r?.n ?? 0;
  },
};
