/**
 * Councils (Hội đồng Thi đua – Khen thưởng) and their sessions. The officer acting as secretary keeps the
 * members, plans a session, puts disclosed dossiers on its agenda (which moves them to in_council through
 * the one dossier-action service), records attendance, opens the session (quorum checked, membership
 * frozen, thresholds copied from the pack of each nominee's year), enters paper ballots, and closes it (the
 * tally sets each nominee's result and approves the dossiers whose nominees are all voted and any passed).
 * Members vote from the app. A ballot is two rows written in one transaction: a receipt (who voted on
 * which item, no choice; its primary key refuses a second vote) and an anonymous vote (item and choice, no
 * member, no time). No method returns or logs a member's choice.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/pg-errors';
import {
  ballotReceipts,
  ballotVotes,
  councilAttendance,
  councilMembers,
  councilSessionItems,
  councilSessions,
  councils,
  dossierNominees,
  dossiers,
  units,
  users,
} from '../../platform/db/schema';
import {
  checkQuorum,
  citationText,
  councilQuorum,
  requiredYes,
  tally,
  thresholdLabel,
  voteRequirement,
  type BallotChoice,
} from '../../../domain/council';
import { packForYear } from '../../../domain/rules/packs';
import type {
  AttendanceInput,
  Council,
  CouncilCreateInput,
  CouncilUpdateInput,
  MemberInput,
  SessionCreateInput,
  SessionView,
} from '../../../shared/council/council.schema';
import { applyDossierAction } from '../dossiers/dossier-workflow';
import { councilRepository as repo, type SessionRow } from './council.repository';
import { tallyMinutes, tallyMinutesWord } from './word/tally-minutes';

export interface Viewer {
  actor: Actor;
  /** Holds manage:council:any (the secretary's tools). */
  manages: boolean;
}

type Presence = 'present' | 'absent_written' | 'absent';

const quorumOf = (c: { quorumNumerator: number; quorumDenominator: number; quorumCountsWritten: boolean }) =>
  councilQuorum(c.quorumNumerator, c.quorumDenominator, c.quorumCountsWritten);

export function createCouncilService(database: Database, clock: Clock) {
  const { db } = database;

  async function councilView(tx: DbOrTx, viewer: Viewer, id: string): Promise<Result<Council>> {
    const c = await repo.findCouncil(tx, id);
    if (!c) return fail('NOT_FOUND');
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, c.authorityUnitId));
    const members = await repo.members(tx, id);
    return ok({
      id: c.id,
      authorityUnitId: c.authorityUnitId,
      authorityUnitName: unit?.name ?? '',
      year: c.year,
      name: c.name,
      ballotMode: c.ballotMode as Council['ballotMode'],
      quorum: {
        numerator: c.quorumNumerator,
        denominator: c.quorumDenominator,
        countsWritten: c.quorumCountsWritten,
      },
      version: c.version,
      members: members.map((m) => ({
        ...m,
        councilRole: m.councilRole as Council['members'][number]['councilRole'],
      })),
      sessions: (await repo.sessionsOf(tx, id)).map((s) => ({
        ...s,
        status: s.status as 'planned' | 'open' | 'closed',
      })),
      isMember: members.some((m) => m.userId !== null && m.userId === viewer.actor.id),
    });
  }

  /** Membership changes only while no session of the council is open (the open one froze its count). */
  async function checkMemberInput(
    tx: DbOrTx,
    councilId: string,
    input: MemberInput,
    memberId: string | null,
  ): Promise<Result<null>> {
    if (await repo.hasOpenSession(tx, councilId)) return fail('COUNCIL.SESSION_NOT_PLANNED');
    if (input.userId) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!u) return fail('VALIDATION.FAILED', { userId: 'Tài khoản không tồn tại' });
      const taken = await repo.memberOfUser(tx, councilId, input.userId);
      if (taken && taken.id !== memberId) return fail('COUNCIL.MEMBER_USER_TAKEN');
    }
    return ok(null);
  }

  async function sessionView(tx: DbOrTx, viewer: Viewer, sessionId: string): Promise<Result<SessionView>> {
    const s = await repo.findSession(tx, sessionId);
    if (!s) return fail('NOT_FOUND');
    const c = (await repo.findCouncil(tx, s.councilId))!;
    const members = await repo.members(tx, c.id);
    const attendance = new Map(
      (await repo.attendance(tx, s.id)).map((a) => [a.memberId, a.presence as Presence]),
    );
    const perMember = await repo.ballotsPerMember(tx, s.id);
    const me = members.find((m) => m.userId !== null && m.userId === viewer.actor.id);
    const mine = me ? await repo.receiptsOfMember(tx, s.id, me.id) : new Set<string>();
    const total = s.membersTotal ?? members.length;
    const count = (p: Presence) => [...attendance.values()].filter((x) => x === p).length;
    const quorum = checkQuorum(
      { membersTotal: total, present: count('present'), absentWritten: count('absent_written') },
      quorumOf(c),
    );
    const closed = s.status === 'closed';
    const items = (await repo.items(tx, s.id)).map((i) => {
      const hasThreshold = s.status !== 'planned';
      const t =
        closed && i.yes !== null
          ? tally({ yes: i.yes, no: i.no ?? 0, abstain: i.abstain ?? 0 }, total, i.thresholdShare)
          : null;
      return {
        id: i.id,
        nomineeId: i.nomineeId,
        dossierId: i.dossierId,
        dossierCode: i.dossierCode,
        name: i.name,
        detail: i.detail,
        awardCode: i.awardCode,
        awardLabel: i.awardLabel,
        year: i.year,
        thresholdShare: i.thresholdShare,
        thresholdLabel: hasThreshold ? thresholdLabel(i.thresholdShare) : null,
        thresholdCitation: i.thresholdCitation,
        ballots: i.ballots,
        iVoted: mine.has(i.id),
        // Counts exist only after the close: running counts next to "who has voted" would reveal choices.
        yes: closed ? i.yes : null,
        no: closed ? i.no : null,
        abstain: closed ? i.abstain : null,
        required: hasThreshold ? requiredYes(total, i.thresholdShare) : null,
        shareOfMembers: t ? t.shareOfMembers : null,
        result: closed ? ((i.result as 'passed' | 'failed' | null) ?? null) : null,
      };
    });
    const myPresence = me ? (attendance.get(me.id) ?? null) : null;
    return ok({
      session: {
        id: s.id,
        councilId: c.id,
        councilName: c.name,
        ballotMode: c.ballotMode as 'secret' | 'open',
        year: c.year,
        title: s.title,
        heldOn: s.heldOn,
        place: s.place,
        status: s.status as 'planned' | 'open' | 'closed',
        membersTotal: s.membersTotal,
        openedAt: s.openedAt?.toISOString() ?? null,
        closedAt: s.closedAt?.toISOString() ?? null,
        version: s.version,
      },
      members: members.map((m) => ({
        ...m,
        councilRole: m.councilRole as SessionView['members'][number]['councilRole'],
        presence: attendance.get(m.id) ?? null,
        ballots: perMember.get(m.id) ?? 0,
      })),
      items,
      quorum: {
        ok: quorum.ok,
        counted: quorum.counted,
        required: quorum.required,
        citation: `${citationText(quorum.citation)} — ${quorum.citation.note ?? ''}`,
      },
      me: {
        memberId: me?.id ?? null,
        presence: myPresence,
        canVote: s.status === 'open' && (myPresence === 'present' || myPresence === 'absent_written'),
      },
      candidates:
        s.status === 'planned' && viewer.manages
          ? (await repo.agendaCandidates(tx, c.authorityUnitId, s.id)).map((d) => ({
              ...d,
              disclosureClosesOn: d.disclosureClosesOn ?? null,
            }))
          : [],
    });
  }

  /** Bumps the session's version (every change to it, its agenda or attendance). */
  async function touch(tx: DbOrTx, s: SessionRow, set: Partial<SessionRow> = {}) {
    await tx
      .update(councilSessions)
      .set({ ...set, updatedAt: clock(), version: s.version + 1 })
      .where(eq(councilSessions.id, s.id));
  }

  /**
   * One ballot: receipt then anonymous vote, in one transaction. The receipt's primary key (item, member)
   * refuses a second vote even when two requests race; the check before it only gives the clean message.
   */
  async function castBallot(
    actor: Actor,
    itemId: string,
    who: { memberId?: string; userId?: string },
    choice: BallotChoice,
    via: 'app' | 'paper',
  ): Promise<Result<{ itemId: string; memberId: string }>> {
    try {
      return await db.transaction(async (tx) => {
        const [item] = await tx
          .select({ id: councilSessionItems.id, sessionId: councilSessionItems.sessionId })
          .from(councilSessionItems)
          .where(eq(councilSessionItems.id, itemId));
        if (!item) return fail('NOT_FOUND');
        // Shares the row lock with other ballots; the close takes it exclusively, so no vote lands after it.
        const [s] = await tx
          .select()
          .from(councilSessions)
          .where(eq(councilSessions.id, item.sessionId))
          .for('share');
        if (!s) return fail('NOT_FOUND');
        const member = who.memberId
          ? await repo.findMember(tx, who.memberId)
          : await repo.memberOfUser(tx, s.councilId, who.userId ?? null);
        if (!member || member.councilId !== s.councilId) return fail('COUNCIL.NOT_MEMBER');
        if (s.status !== 'open') return fail('COUNCIL.SESSION_NOT_OPEN');
        const [att] = await tx
          .select({ presence: councilAttendance.presence })
          .from(councilAttendance)
          .where(and(eq(councilAttendance.sessionId, s.id), eq(councilAttendance.memberId, member.id)));
        if (!att || att.presence === 'absent') return fail('COUNCIL.ABSENT');
        const [already] = await tx
          .select({ itemId: ballotReceipts.itemId })
          .from(ballotReceipts)
          .where(and(eq(ballotReceipts.itemId, item.id), eq(ballotReceipts.memberId, member.id)));
        if (already) return fail('COUNCIL.ALREADY_VOTED');
        await tx.insert(ballotReceipts).values({ itemId: item.id, memberId: member.id, via });
        await tx.insert(ballotVotes).values({ itemId: item.id, choice });
        // The audit row records the receipt — who voted on what, and how the ballot came in — never the choice.
        await recordAudit(
          tx,
          actor,
          {
            action: 'council.ballot',
            entityType: 'council_session_item',
            entityId: item.id,
            after: { sessionId: s.id, memberId: member.id, via },
          },
          clock,
        );
        return ok({ itemId: item.id, memberId: member.id });
      });
    } catch (err) {
      if (isUniqueViolation(err)) return fail('COUNCIL.ALREADY_VOTED');
      throw err;
    }
  }

  return {
    async listCouncils(viewer: Viewer, year?: number) {
      return repo.listCouncils(db, year, viewer.actor.id);
    },

    getCouncil: (viewer: Viewer, id: string) => councilView(db, viewer, id),

    async createCouncil(viewer: Viewer, input: CouncilCreateInput): Promise<Result<Council>> {
      return db.transaction(async (tx) => {
        const [unit] = await tx
          .select({ id: units.id })
          .from(units)
          .where(eq(units.id, input.authorityUnitId));
        if (!unit) return fail('VALIDATION.FAILED', { authorityUnitId: 'Đơn vị không tồn tại' });
        if (await repo.findCouncilFor(tx, input.authorityUnitId, input.year)) return fail('COUNCIL.EXISTS');
        const { quorum, ...rest } = input;
        const [row] = await tx
          .insert(councils)
          .values({
            ...rest,
            quorumNumerator: quorum.numerator,
            quorumDenominator: quorum.denominator,
            quorumCountsWritten: quorum.countsWritten,
          })
          .returning();
        await recordAudit(
          tx,
          viewer.actor,
          { action: 'council.create', entityType: 'council', entityId: row!.id, after: input },
          clock,
        );
        return councilView(tx, viewer, row!.id);
      });
    },

    async updateCouncil(viewer: Viewer, id: string, input: CouncilUpdateInput): Promise<Result<Council>> {
      return db.transaction(async (tx) => {
        const c = await repo.findCouncil(tx, id, true);
        if (!c) return fail('NOT_FOUND');
        if (c.version !== input.version) return fail('CONFLICT.VERSION');
        const q = input.quorum;
        const quorumChanged =
          q !== undefined &&
          (q.numerator !== c.quorumNumerator ||
            q.denominator !== c.quorumDenominator ||
            q.countsWritten !== c.quorumCountsWritten);
        // The rules of a session do not change while it runs.
        if ((c.ballotMode !== input.ballotMode || quorumChanged) && (await repo.hasOpenSession(tx, id))) {
          return fail('COUNCIL.SESSION_NOT_PLANNED');
        }
        await tx
          .update(councils)
          .set({
            name: input.name,
            ballotMode: input.ballotMode,
            ...(q
              ? {
                  quorumNumerator: q.numerator,
                  quorumDenominator: q.denominator,
                  quorumCountsWritten: q.countsWritten,
                }
              : {}),
            updatedAt: clock(),
            version: c.version + 1,
          })
          .where(eq(councils.id, id));
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.update',
            entityType: 'council',
            entityId: id,
            before: {
              name: c.name,
              ballotMode: c.ballotMode,
              quorum: `${c.quorumNumerator}/${c.quorumDenominator}`,
              quorumCountsWritten: c.quorumCountsWritten,
            },
            after: { name: input.name, ballotMode: input.ballotMode, quorum: input.quorum },
          },
          clock,
        );
        return councilView(tx, viewer, id);
      });
    },

    async addMember(viewer: Viewer, councilId: string, input: MemberInput): Promise<Result<Council>> {
      return db.transaction(async (tx) => {
        const c = await repo.findCouncil(tx, councilId, true);
        if (!c) return fail('NOT_FOUND');
        const checked = await checkMemberInput(tx, councilId, input, null);
        if (!checked.ok) return checked;
        const [row] = await tx
          .insert(councilMembers)
          .values({ councilId, ...input })
          .returning({ id: councilMembers.id });
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.member.add',
            entityType: 'council_member',
            entityId: row!.id,
            after: { councilId, ...input },
          },
          clock,
        );
        return councilView(tx, viewer, councilId);
      });
    },

    async updateMember(viewer: Viewer, memberId: string, input: MemberInput): Promise<Result<Council>> {
      return db.transaction(async (tx) => {
        const m = await repo.findMember(tx, memberId);
        if (!m) return fail('NOT_FOUND');
        await repo.findCouncil(tx, m.councilId, true);
        const checked = await checkMemberInput(tx, m.councilId, input, m.id);
        if (!checked.ok) return checked;
        // Re-linking the login of a member who has already voted would blur who cast those ballots.
        if (input.userId !== m.userId && (await repo.memberInUse(tx, m.id)))
          return fail('COUNCIL.MEMBER_IN_USE');
        await tx.update(councilMembers).set(input).where(eq(councilMembers.id, memberId));
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.member.update',
            entityType: 'council_member',
            entityId: memberId,
            before: {
              fullName: m.fullName,
              position: m.position,
              councilRole: m.councilRole,
              userId: m.userId,
            },
            after: input,
          },
          clock,
        );
        return councilView(tx, viewer, m.councilId);
      });
    },

    async removeMember(viewer: Viewer, memberId: string): Promise<Result<Council>> {
      return db.transaction(async (tx) => {
        const m = await repo.findMember(tx, memberId);
        if (!m) return fail('NOT_FOUND');
        await repo.findCouncil(tx, m.councilId, true);
        if (await repo.hasOpenSession(tx, m.councilId)) return fail('COUNCIL.SESSION_NOT_PLANNED');
        if (await repo.memberInUse(tx, m.id)) return fail('COUNCIL.MEMBER_IN_USE');
        await tx.delete(councilMembers).where(eq(councilMembers.id, memberId));
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.member.remove',
            entityType: 'council_member',
            entityId: memberId,
            before: { councilId: m.councilId, fullName: m.fullName, councilRole: m.councilRole },
          },
          clock,
        );
        return councilView(tx, viewer, m.councilId);
      });
    },

    async createSession(
      viewer: Viewer,
      councilId: string,
      input: SessionCreateInput,
    ): Promise<Result<SessionView>> {
      return db.transaction(async (tx) => {
        const c = await repo.findCouncil(tx, councilId);
        if (!c) return fail('NOT_FOUND');
        const [row] = await tx
          .insert(councilSessions)
          .values({ councilId, ...input })
          .returning({ id: councilSessions.id });
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.session.create',
            entityType: 'council_session',
            entityId: row!.id,
            after: { councilId, ...input },
          },
          clock,
        );
        return sessionView(tx, viewer, row!.id);
      });
    },

    getSession: (viewer: Viewer, sessionId: string) => sessionView(db, viewer, sessionId),

    /**
     * Puts a dossier's unvoted nominees on a planned session's agenda. A disclosed dossier moves to
     * in_council here, which the state machine refuses while its disclosure runs or a comment is unhandled.
     */
    async addToAgenda(viewer: Viewer, sessionId: string, dossierId: string): Promise<Result<SessionView>> {
      return db.transaction(async (tx) => {
        const s = await repo.findSession(tx, sessionId, true);
        if (!s) return fail('NOT_FOUND');
        if (s.status !== 'planned') return fail('COUNCIL.SESSION_NOT_PLANNED');
        const c = (await repo.findCouncil(tx, s.councilId))!;
        const [d] = await tx
          .select({ status: dossiers.status, authorityUnitId: dossiers.authorityUnitId })
          .from(dossiers)
          .where(eq(dossiers.id, dossierId));
        if (!d || d.authorityUnitId !== c.authorityUnitId) return fail('COUNCIL.ITEM_INVALID');
        const nominees = await repo.unvotedNominees(tx, dossierId);
        if (nominees.length === 0) return fail('COUNCIL.ITEM_INVALID');
        if (d.status === 'disclosed') {
          const moved = await applyDossierAction(
            tx,
            clock,
            viewer.actor,
            dossierId,
            'open_council',
            'department',
          );
          if (!moved.ok) return moved;
        } else if (d.status !== 'in_council') {
          return fail('COUNCIL.ITEM_INVALID');
        }
        const [{ next } = { next: 0 }] = await tx
          .select({
            next: sql<number>`coalesce(max(${councilSessionItems.position}) + 1, 0)`.mapWith(Number),
          })
          .from(councilSessionItems)
          .where(eq(councilSessionItems.sessionId, s.id));
        await tx
          .insert(councilSessionItems)
          .values(nominees.map((n, i) => ({ sessionId: s.id, nomineeId: n.id, position: next + i })))
          .onConflictDoNothing();
        await touch(tx, s);
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.agenda.add',
            entityType: 'council_session',
            entityId: s.id,
            after: { dossierId, nominees: nominees.map((n) => n.id) },
          },
          clock,
        );
        return sessionView(tx, viewer, s.id);
      });
    },

    /** Attendance is recorded before the session opens (the quorum is judged on it). */
    async setAttendance(
      viewer: Viewer,
      sessionId: string,
      input: AttendanceInput,
    ): Promise<Result<SessionView>> {
      return db.transaction(async (tx) => {
        const s = await repo.findSession(tx, sessionId, true);
        if (!s) return fail('NOT_FOUND');
        if (s.status !== 'planned') return fail('COUNCIL.SESSION_NOT_PLANNED');
        const ids = new Set((await repo.members(tx, s.councilId)).map((m) => m.id));
        const bad = input.entries.find((e) => !ids.has(e.memberId));
        if (bad) return fail('COUNCIL.NOT_MEMBER');
        for (const e of input.entries) {
          await tx
            .insert(councilAttendance)
            .values({ sessionId: s.id, memberId: e.memberId, presence: e.presence })
            .onConflictDoUpdate({
              target: [councilAttendance.sessionId, councilAttendance.memberId],
              set: { presence: e.presence },
            });
        }
        await touch(tx, s);
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.attendance',
            entityType: 'council_session',
            entityId: s.id,
            after: { entries: input.entries },
          },
          clock,
        );
        return sessionView(tx, viewer, s.id);
      });
    },

    /** Opens a session: quorum, frozen membership, thresholds and citations copied per nominee. */
    async openSession(viewer: Viewer, sessionId: string, version: number): Promise<Result<SessionView>> {
      return db.transaction(async (tx) => {
        const s = await repo.findSession(tx, sessionId, true);
        if (!s) return fail('NOT_FOUND');
        if (s.version !== version) return fail('CONFLICT.VERSION');
        if (s.status !== 'planned') return fail('COUNCIL.SESSION_NOT_PLANNED');
        const members = await repo.members(tx, s.councilId);
        const attendance = await repo.attendance(tx, s.id);
        const n = (p: Presence) => attendance.filter((a) => a.presence === p).length;
        const c = (await repo.findCouncil(tx, s.councilId))!;
        const quorum = checkQuorum(
          { membersTotal: members.length, present: n('present'), absentWritten: n('absent_written') },
          quorumOf(c),
        );
        if (!quorum.ok) {
          return fail('COUNCIL.NO_QUORUM', {
            attendance: `Cần ít nhất ${quorum.required}/${members.length} thành viên có mặt hoặc có ý kiến bằng văn bản; hiện có ${quorum.counted}.`,
          });
        }
        const items = await tx
          .select({
            id: councilSessionItems.id,
            year: dossierNominees.year,
            awardCode: dossierNominees.awardCode,
          })
          .from(councilSessionItems)
          .innerJoin(dossierNominees, eq(dossierNominees.id, councilSessionItems.nomineeId))
          .where(eq(councilSessionItems.sessionId, s.id));
        if (items.length === 0) return fail('COUNCIL.ITEM_INVALID');
        for (const item of items) {
          const req = voteRequirement(packForYear(item.year), item.awardCode);
          await tx
            .update(councilSessionItems)
            .set({
              thresholdShare: req.share === null ? null : String(req.share),
              thresholdCitation: citationText(req.citation),
            })
            .where(eq(councilSessionItems.id, item.id));
        }
        await touch(tx, s, { status: 'open', openedAt: clock(), membersTotal: members.length });
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.session.open',
            entityType: 'council_session',
            entityId: s.id,
            after: {
              membersTotal: members.length,
              present: n('present'),
              absentWritten: n('absent_written'),
              quorumRequired: quorum.required,
            },
          },
          clock,
        );
        return sessionView(tx, viewer, s.id);
      });
    },

    /** The tally minutes (biên bản kiểm phiếu) as a Word file. */
    async minutesDocx(
      viewer: Viewer,
      sessionId: string,
    ): Promise<Result<{ buffer: Buffer; fileName: string }>> {
      const view = await sessionView(db, viewer, sessionId);
      if (!view.ok) return view;
      const c = (await repo.findCouncil(db, view.value.session.councilId))!;
      const [unit] = await db.select().from(units).where(eq(units.id, c.authorityUnitId));
      const name = unit?.name ?? '';
      const place = /(?:tỉnh|thành phố)\s+(.+)$/i.exec(name)?.[1]?.trim() ?? name;
      const model = tallyMinutes(view.value, { authorityName: name, place });
      const buffer = await tallyMinutesWord(
        model,
        view.value.session.closedAt ? new Date(view.value.session.closedAt) : clock(),
      );
      return ok({ buffer, fileName: `bien-ban-kiem-phieu-${view.value.session.heldOn}.docx` });
    },

    /** A member votes from the app (vote:council:own): only on councils they sit on. */
    vote: (viewer: Viewer, itemId: string, choice: BallotChoice) =>
      castBallot(viewer.actor, itemId, { userId: viewer.actor.id ?? undefined }, choice, 'app'),

    /** The secretary enters a paper ballot (or a written opinion) of a present or absent-in-writing member. */
    paperBallot: (viewer: Viewer, itemId: string, memberId: string, choice: BallotChoice) =>
      castBallot(viewer.actor, itemId, { memberId }, choice, 'paper'),

    /**
     * Closes a session: tallies every item against its threshold (share of the frozen total membership),
     * writes each nominee's result, and approves every dossier of the agenda whose nominees are all voted
     * with at least one passed. A dossier with none passed stays in council for the officer to reject with
     * a reason.
     */
    async closeSession(viewer: Viewer, sessionId: string, version: number): Promise<Result<SessionView>> {
      return db.transaction(async (tx) => {
        const s = await repo.findSession(tx, sessionId, true);
        if (!s) return fail('NOT_FOUND');
        if (s.version !== version) return fail('CONFLICT.VERSION');
        if (s.status !== 'open') return fail('COUNCIL.SESSION_NOT_OPEN');
        const total = s.membersTotal ?? 0;
        const counts = await repo.countVotes(tx, s.id);
        const items = await tx
          .select({
            id: councilSessionItems.id,
            nomineeId: councilSessionItems.nomineeId,
            share: councilSessionItems.thresholdShare,
            dossierId: dossierNominees.dossierId,
          })
          .from(councilSessionItems)
          .innerJoin(dossierNominees, eq(dossierNominees.id, councilSessionItems.nomineeId))
          .where(eq(councilSessionItems.sessionId, s.id));
        const results: Record<string, unknown>[] = [];
        for (const item of items) {
          const votes = counts.get(item.id) ?? { yes: 0, no: 0, abstain: 0 };
          const t = tally(votes, total, item.share === null ? null : Number(item.share));
          await tx
            .update(councilSessionItems)
            .set({ yes: t.yes, no: t.no, abstain: t.abstain, result: t.result })
            .where(eq(councilSessionItems.id, item.id));
          await tx
            .update(dossierNominees)
            .set({ councilResult: t.result })
            .where(eq(dossierNominees.id, item.nomineeId));
          results.push({
            itemId: item.id,
            yes: t.yes,
            no: t.no,
            abstain: t.abstain,
            required: t.required,
            result: t.result,
          });
        }
        await touch(tx, s, { status: 'closed', closedAt: clock() });
        await recordAudit(
          tx,
          viewer.actor,
          {
            action: 'council.session.close',
            entityType: 'council_session',
            entityId: s.id,
            after: { membersTotal: total, results },
          },
          clock,
        );
        const dossierIds = [...new Set(items.map((i) => i.dossierId))];
        if (dossierIds.length) {
          const rows = await tx
            .select({ id: dossiers.id, status: dossiers.status })
            .from(dossiers)
            .where(inArray(dossiers.id, dossierIds));
          for (const d of rows) {
            if (d.status !== 'in_council') continue;
            // Refused (not all voted, none passed) leaves the dossier in council: nothing was written.
            await applyDossierAction(tx, clock, viewer.actor, d.id, 'approve', 'department');
          }
        }
        return sessionView(tx, viewer, s.id);
      });
    },
  };
}

export type CouncilService = ReturnType<typeof createCouncilService>;
