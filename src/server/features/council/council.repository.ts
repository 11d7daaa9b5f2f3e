/** Queries of the council feature. None of them joins a ballot's choice to a member: they cannot. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database';
import { toCount } from '../../platform/db/database';
import {
  ballotReceipts,
  ballotVotes,
  councilAttendance,
  councilMembers,
  councilSessionItems,
  councilSessions,
  councils,
  disclosureComments,
  disclosures,
  dossierNominees,
  dossiers,
  people,
  units,
  users,
} from '../../platform/db/schema';
import { AWARD_CODES, type AwardCode } from '../../../shared/registry/catalog';

const nomineeUnit = alias(units, 'nominee_unit');
const personUnit = alias(units, 'person_unit');

export const awardLabel = (code: string) => AWARD_CODES[code as AwardCode]?.label ?? code;

export type CouncilRow = typeof councils.$inferSelect;
export type SessionRow = typeof councilSessions.$inferSelect;
export type MemberRow = typeof councilMembers.$inferSelect;

export const councilRepository = {
  async listCouncils(tx: DbOrTx, year: number | undefined, userId: string | null) {
    return tx
      .select({
        id: councils.id,
        authorityUnitName: units.name,
        year: councils.year,
        name: councils.name,
        members:
          sql<number>`(select count(*) from ${councilMembers} m where m.council_id = ${councils.id})`.mapWith(
            toCount,
          ),
        sessions:
          sql<number>`(select count(*) from ${councilSessions} s where s.council_id = ${councils.id})`.mapWith(
            toCount,
          ),
        isMember: sql<boolean>`exists (select 1 from ${councilMembers} m
          where m.council_id = ${councils.id} and m.user_id = ${userId})`,
      })
      .from(councils)
      .innerJoin(units, eq(units.id, councils.authorityUnitId))
      .where(year ? eq(councils.year, year) : undefined)
      .orderBy(desc(councils.year), asc(units.name));
  },

  async findCouncil(tx: DbOrTx, id: string, lock = false) {
    const q = tx.select().from(councils).where(eq(councils.id, id));
    return (await (lock ? q.for('update') : q))[0];
  },

  async findCouncilFor(tx: DbOrTx, authorityUnitId: string, year: number) {
    return (
      await tx
        .select()
        .from(councils)
        .where(and(eq(councils.authorityUnitId, authorityUnitId), eq(councils.year, year)))
    )[0];
  },

  async members(tx: DbOrTx, councilId: string) {
    return tx
      .select({
        id: councilMembers.id,
        fullName: councilMembers.fullName,
        position: councilMembers.position,
        councilRole: councilMembers.councilRole,
        userId: councilMembers.userId,
        username: users.username,
      })
      .from(councilMembers)
      .leftJoin(users, eq(users.id, councilMembers.userId))
      .where(eq(councilMembers.councilId, councilId))
      .orderBy(
        sql`case ${councilMembers.councilRole} when 'chair' then 0 when 'vice_chair' then 1 when 'member' then 2 else 3 end`,
        asc(councilMembers.createdAt),
      );
  },

  async findMember(tx: DbOrTx, memberId: string) {
    return (await tx.select().from(councilMembers).where(eq(councilMembers.id, memberId)))[0];
  },

  async memberOfUser(tx: DbOrTx, councilId: string, userId: string | null) {
    if (!userId) return undefined;
    return (
      await tx
        .select()
        .from(councilMembers)
        .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.userId, userId)))
    )[0];
  },

  async hasOpenSession(tx: DbOrTx, councilId: string): Promise<boolean> {
    const rows = await tx
      .select({ id: councilSessions.id })
      .from(councilSessions)
      .where(and(eq(councilSessions.councilId, councilId), eq(councilSessions.status, 'open')));
    return rows.length > 0;
  },

  async memberInUse(tx: DbOrTx, memberId: string): Promise<boolean> {
    const a = await tx
      .select({ n: sql<number>`count(*)`.mapWith(toCount) })
      .from(councilAttendance)
      .where(eq(councilAttendance.memberId, memberId));
    const r = await tx
      .select({ n: sql<number>`count(*)`.mapWith(toCount) })
      .from(ballotReceipts)
      .where(eq(ballotReceipts.memberId, memberId));
    return (a[0]?.n ?? 0) + (r[0]?.n ?? 0) > 0;
  },

  async sessionsOf(tx: DbOrTx, councilId: string) {
    return tx
      .select({
        id: councilSessions.id,
        title: councilSessions.title,
        heldOn: councilSessions.heldOn,
        place: councilSessions.place,
        status: councilSessions.status,
        items:
          sql<number>`(select count(*) from ${councilSessionItems} i where i.session_id = ${councilSessions.id})`.mapWith(
            toCount,
          ),
      })
      .from(councilSessions)
      .where(eq(councilSessions.councilId, councilId))
      .orderBy(desc(councilSessions.heldOn), desc(councilSessions.createdAt));
  },

  async findSession(tx: DbOrTx, sessionId: string, lock = false) {
    const q = tx.select().from(councilSessions).where(eq(councilSessions.id, sessionId));
    return (await (lock ? q.for('update') : q))[0];
  },

  async attendance(tx: DbOrTx, sessionId: string) {
    return tx.select().from(councilAttendance).where(eq(councilAttendance.sessionId, sessionId));
  },

  /** Agenda lines with the nominee's printed name, and how many ballots each has (never which). */
  async items(tx: DbOrTx, sessionId: string) {
    const rows = await tx
      .select({
        id: councilSessionItems.id,
        nomineeId: councilSessionItems.nomineeId,
        dossierId: dossierNominees.dossierId,
        dossierCode: dossiers.code,
        kind: dossierNominees.recipientKind,
        personName: people.fullName,
        personPosition: people.position,
        personUnit: personUnit.name,
        unitName: nomineeUnit.name,
        householdName: dossierNominees.householdName,
        householdAddress: dossierNominees.householdAddress,
        awardCode: dossierNominees.awardCode,
        year: dossierNominees.year,
        thresholdShare: councilSessionItems.thresholdShare,
        thresholdCitation: councilSessionItems.thresholdCitation,
        yes: councilSessionItems.yes,
        no: councilSessionItems.no,
        abstain: councilSessionItems.abstain,
        result: councilSessionItems.result,
        ballots:
          sql<number>`(select count(*) from ${ballotReceipts} r where r.item_id = ${councilSessionItems.id})`.mapWith(
            toCount,
          ),
      })
      .from(councilSessionItems)
      .innerJoin(dossierNominees, eq(dossierNominees.id, councilSessionItems.nomineeId))
      .innerJoin(dossiers, eq(dossiers.id, dossierNominees.dossierId))
      .leftJoin(people, eq(people.id, dossierNominees.personId))
      .leftJoin(personUnit, eq(personUnit.id, people.currentUnitId))
      .leftJoin(nomineeUnit, eq(nomineeUnit.id, dossierNominees.unitId))
      .where(eq(councilSessionItems.sessionId, sessionId))
      .orderBy(asc(councilSessionItems.position));
    return rows.map((r) => ({
      ...r,
      name:
        r.kind === 'individual'
          ? (r.personName ?? '')
          : r.kind === 'collective'
            ? (r.unitName ?? '')
            : `Hộ ${r.householdName ?? ''}`,
      detail:
        r.kind === 'individual'
          ? [r.personPosition, r.personUnit].filter(Boolean).join(', ')
          : r.kind === 'household'
            ? (r.householdAddress ?? '')
            : '',
      awardLabel: awardLabel(r.awardCode),
      thresholdShare: r.thresholdShare === null ? null : Number(r.thresholdShare),
    }));
  },

  /** Ballots per member in a session (who has voted on how many items). */
  async ballotsPerMember(tx: DbOrTx, sessionId: string): Promise<Map<string, number>> {
    const rows = await tx
      .select({ memberId: ballotReceipts.memberId, n: sql<number>`count(*)`.mapWith(toCount) })
      .from(ballotReceipts)
      .innerJoin(councilSessionItems, eq(councilSessionItems.id, ballotReceipts.itemId))
      .where(eq(councilSessionItems.sessionId, sessionId))
      .groupBy(ballotReceipts.memberId);
    return new Map(rows.map((r) => [r.memberId, r.n]));
  },

  async receiptsOfMember(tx: DbOrTx, sessionId: string, memberId: string): Promise<Set<string>> {
    const rows = await tx
      .select({ itemId: ballotReceipts.itemId })
      .from(ballotReceipts)
      .innerJoin(councilSessionItems, eq(councilSessionItems.id, ballotReceipts.itemId))
      .where(and(eq(councilSessionItems.sessionId, sessionId), eq(ballotReceipts.memberId, memberId)));
    return new Set(rows.map((r) => r.itemId));
  },

  /** Counts per choice for each item of a session (the tally reads only the anonymous votes). */
  async countVotes(tx: DbOrTx, sessionId: string) {
    const rows = await tx
      .select({
        itemId: ballotVotes.itemId,
        yes: sql<number>`count(*) filter (where ${ballotVotes.choice} = 'yes')`.mapWith(toCount),
        no: sql<number>`count(*) filter (where ${ballotVotes.choice} = 'no')`.mapWith(toCount),
        abstain: sql<number>`count(*) filter (where ${ballotVotes.choice} = 'abstain')`.mapWith(toCount),
      })
      .from(ballotVotes)
      .innerJoin(councilSessionItems, eq(councilSessionItems.id, ballotVotes.itemId))
      .where(eq(councilSessionItems.sessionId, sessionId))
      .groupBy(ballotVotes.itemId);
    return new Map(rows.map((r) => [r.itemId, { yes: r.yes, no: r.no, abstain: r.abstain }]));
  },

  /** Dossiers of the authority that can go on an agenda: disclosed, or in council with unvoted nominees. */
  async agendaCandidates(tx: DbOrTx, authorityUnitId: string, sessionId: string) {
    return tx
      .select({
        dossierId: dossiers.id,
        code: dossiers.code,
        title: dossiers.title,
        status: dossiers.status,
        nominees: sql<number>`(select count(*) from ${dossierNominees} n
          where n.dossier_id = ${dossiers.id} and n.excluded_reason is null)`.mapWith(toCount),
        disclosureClosesOn: disclosures.closesOn,
        unhandledComments: sql<number>`(select count(*) from ${disclosureComments} c
          where c.dossier_id = ${dossiers.id} and c.handled_at is null)`.mapWith(toCount),
      })
      .from(dossiers)
      .leftJoin(disclosures, eq(disclosures.dossierId, dossiers.id))
      .where(
        and(
          eq(dossiers.authorityUnitId, authorityUnitId),
          inArray(dossiers.status, ['disclosed', 'in_council']),
          sql`exists (select 1 from ${dossierNominees} n where n.dossier_id = ${dossiers.id}
            and n.excluded_reason is null and n.council_result is null
            and not exists (select 1 from ${councilSessionItems} i
              join ${councilSessions} s on s.id = i.session_id
              where i.nominee_id = n.id and (i.session_id = ${sessionId} or s.status <> 'closed')))`,
        ),
      )
      .orderBy(asc(dossiers.code));
  },

  /** Nominees of a dossier that still need a vote. */
  async unvotedNominees(tx: DbOrTx, dossierId: string) {
    return tx
      .select({ id: dossierNominees.id, year: dossierNominees.year, awardCode: dossierNominees.awardCode })
      .from(dossierNominees)
      .where(
        and(
          eq(dossierNominees.dossierId, dossierId),
          isNull(dossierNominees.excludedReason),
          isNull(dossierNominees.councilResult),
          // Not already on the agenda of a session still to be tallied (here or elsewhere): one vote each.
          sql`not exists (select 1 from ${councilSessionItems} i
            join ${councilSessions} s on s.id = i.session_id
            where i.nominee_id = ${dossierNominees.id} and s.status <> 'closed')`,
        ),
      )
      .orderBy(asc(dossierNominees.position), asc(dossierNominees.createdAt));
  },
};
