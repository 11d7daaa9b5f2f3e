/** Queries of the disclosure feature, with intent-named methods over drizzle. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database';
import { toCount } from '../../platform/db/database';
import {
  disclosureComments,
  disclosures,
  dossierNominees,
  dossiers,
  people,
  units,
  users,
} from '../../platform/db/schema';
import { AWARD_CODES, type AwardCode } from '../../../shared/registry/catalog';

const proposing = alias(units, 'proposing');
const authority = alias(units, 'authority');
const nomineeUnit = alias(units, 'nominee_unit');
const personUnit = alias(units, 'person_unit');

export const awardLabel = (code: string) => AWARD_CODES[code as AwardCode]?.label ?? code;

export interface NomineeLabel {
  id: string;
  dossierId: string;
  name: string;
  detail: string;
  awardCode: string;
  awardLabel: string;
  achievementSummary: string;
  year: number;
}

export const disclosureRepository = {
  /** Non-excluded nominees of dossiers with their printed name and detail line. */
  async nomineeLabels(tx: DbOrTx, dossierIds: string[]): Promise<NomineeLabel[]> {
    if (dossierIds.length === 0) return [];
    const rows = await tx
      .select({
        id: dossierNominees.id,
        dossierId: dossierNominees.dossierId,
        kind: dossierNominees.recipientKind,
        personName: people.fullName,
        personPosition: people.position,
        personUnit: personUnit.name,
        unitName: nomineeUnit.name,
        householdName: dossierNominees.householdName,
        householdAddress: dossierNominees.householdAddress,
        awardCode: dossierNominees.awardCode,
        achievementSummary: dossierNominees.achievementSummary,
        year: dossierNominees.year,
      })
      .from(dossierNominees)
      .leftJoin(people, eq(people.id, dossierNominees.personId))
      .leftJoin(personUnit, eq(personUnit.id, people.currentUnitId))
      .leftJoin(nomineeUnit, eq(nomineeUnit.id, dossierNominees.unitId))
      .where(and(inArray(dossierNominees.dossierId, dossierIds), isNull(dossierNominees.excludedReason)))
      .orderBy(asc(dossierNominees.position), asc(dossierNominees.createdAt));
    return rows.map((r) => ({
      id: r.id,
      dossierId: r.dossierId,
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
      awardCode: r.awardCode,
      awardLabel: awardLabel(r.awardCode),
      achievementSummary: r.achievementSummary,
      year: r.year,
    }));
  },

  /** Dossiers under review, ready to be published (the state machine checks the rest). */
  async findReadyToDisclose(tx: DbOrTx) {
    return tx
      .select({
        dossierId: dossiers.id,
        code: dossiers.code,
        title: dossiers.title,
        year: dossiers.year,
        proposingUnitName: proposing.name,
        codes: sql<string[]>`coalesce((select array_agg(distinct n.award_code) from ${dossierNominees} n
          where n.dossier_id = ${dossiers.id} and n.excluded_reason is null), '{}')`,
        nominees: sql<number>`(select count(*) from ${dossierNominees} n
          where n.dossier_id = ${dossiers.id} and n.excluded_reason is null)`.mapWith(toCount),
      })
      .from(dossiers)
      .innerJoin(proposing, eq(proposing.id, dossiers.proposingUnitId))
      .where(eq(dossiers.status, 'under_review'))
      .orderBy(desc(dossiers.year), asc(dossiers.code));
  },

  async awardCodesOf(tx: DbOrTx, dossierId: string): Promise<string[]> {
    const rows = await tx
      .selectDistinct({ code: dossierNominees.awardCode })
      .from(dossierNominees)
      .where(and(eq(dossierNominees.dossierId, dossierId), isNull(dossierNominees.excludedReason)));
    return rows.map((r) => r.code);
  },

  /** Disclosures with their dossier and comment counts; `openOn` keeps those accepting comments that day. */
  async list(tx: DbOrTx, filter: { openOn?: string; id?: string; dossierId?: string } = {}) {
    const conditions = [isNull(disclosures.withdrawnAt)];
    if (filter.openOn) {
      conditions.push(
        lte(disclosures.opensOn, filter.openOn),
        gte(disclosures.closesOn, filter.openOn),
        eq(dossiers.status, 'disclosed'),
      );
    }
    if (filter.id) conditions.push(eq(disclosures.id, filter.id));
    if (filter.dossierId) conditions.push(eq(disclosures.dossierId, filter.dossierId));
    return tx
      .select({
        id: disclosures.id,
        dossierId: dossiers.id,
        dossierCode: dossiers.code,
        dossierTitle: dossiers.title,
        dossierStatus: dossiers.status,
        year: dossiers.year,
        proposingUnitName: proposing.name,
        authorityUnitName: authority.name,
        opensOn: disclosures.opensOn,
        closesOn: disclosures.closesOn,
        workingDays: disclosures.workingDays,
        nominees: sql<number>`(select count(*) from ${dossierNominees} n
          where n.dossier_id = ${dossiers.id} and n.excluded_reason is null)`.mapWith(toCount),
        comments: sql<number>`(select count(*) from ${disclosureComments} c
          where c.dossier_id = ${dossiers.id})`.mapWith(toCount),
        unhandled: sql<number>`(select count(*) from ${disclosureComments} c
          where c.dossier_id = ${dossiers.id} and c.handled_at is null)`.mapWith(toCount),
      })
      .from(disclosures)
      .innerJoin(dossiers, eq(dossiers.id, disclosures.dossierId))
      .innerJoin(proposing, eq(proposing.id, dossiers.proposingUnitId))
      .innerJoin(authority, eq(authority.id, dossiers.authorityUnitId))
      .where(and(...conditions))
      .orderBy(desc(disclosures.closesOn), asc(dossiers.code));
  },

  async comments(tx: DbOrTx, dossierId: string) {
    return tx
      .select({
        id: disclosureComments.id,
        nomineeId: disclosureComments.nomineeId,
        authorName: disclosureComments.authorName,
        contact: disclosureComments.contact,
        body: disclosureComments.body,
        createdAt: disclosureComments.createdAt,
        handledAt: disclosureComments.handledAt,
        handledByName: users.displayName,
        handlingNote: disclosureComments.handlingNote,
      })
      .from(disclosureComments)
      .leftJoin(users, eq(users.id, disclosureComments.handledBy))
      .where(eq(disclosureComments.dossierId, dossierId))
      .orderBy(asc(disclosureComments.createdAt));
  },

  /** Comments from one sender since an instant (rate limiting). */
  async countFromSender(tx: DbOrTx, senderHash: string, since: Date): Promise<number> {
    const rows = await tx
      .select({ n: sql<number>`count(*)`.mapWith(toCount) })
      .from(disclosureComments)
      .where(and(eq(disclosureComments.senderHash, senderHash), gte(disclosureComments.createdAt, since)));
    return rows[0]?.n ?? 0;
  },
};
