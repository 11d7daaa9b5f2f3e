/**
 * Public disclosure (công khai): the officer publishes a dossier's nominee list for a number of working days
 * (at least the legal or configured minimum, `disclosureRule`), the public comments without an account, and
 * the officer marks each comment handled with a note. The dossier moves under_review → disclosed through the
 * one dossier-action service; it cannot go to the council while the period runs or a comment is unhandled
 * (the state machine's guards). Every write is one transaction with its audit row.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { systemActor, type Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { todayInVietnam } from '../../platform/dates';
import { loadWorkCalendar } from '../../platform/work-calendar';
import { disclosureComments, disclosures, dossierNominees } from '../../platform/db/schema';
import { addWorkingDays, disclosureRule } from '../../../domain/dossiers/deadlines';
import { citationText } from '../../../domain/council';
import type {
  Disclosure,
  DisclosureCandidate,
  DisclosureComment,
  PublicCommentInput,
  PublicDisclosure,
  PublishInput,
} from '../../../shared/disclosure/disclosure.schema';
import { applyDossierAction } from '../dossiers/dossier-workflow';
import { disclosureRepository as repo } from './disclosure.repository';
import { checkFormToken, formToken, loadFormSecret, RATE_LIMITS, senderHash } from './antispam';

type ListRow = Awaited<ReturnType<typeof repo.list>>[number];

export function createDisclosureService(database: Database, clock: Clock) {
  const { db } = database;
  let secret: string | undefined;
  const formSecret = async () => (secret ??= await loadFormSecret(db));

  const toDisclosure = (r: ListRow, today: string): Disclosure => ({
    ...r,
    open: r.dossierStatus === 'disclosed' && r.opensOn <= today && today <= r.closesOn,
  });

  async function publicView(id: string): Promise<Result<PublicDisclosure & { formToken: string }>> {
    const today = todayInVietnam(clock);
    const [row] = await repo.list(db, { id });
    if (!row) return fail('NOT_FOUND');
    const d = toDisclosure(row, today);
    const nominees = await repo.nomineeLabels(db, [row.dossierId]);
    return ok({
      id: d.id,
      dossierCode: d.dossierCode,
      title: d.dossierTitle,
      year: d.year,
      proposingUnitName: d.proposingUnitName,
      authorityUnitName: d.authorityUnitName,
      opensOn: d.opensOn,
      closesOn: d.closesOn,
      open: d.open,
      nominees: nominees.map((n) => ({
        id: n.id,
        name: n.name,
        detail: n.detail,
        awardLabel: n.awardLabel,
        achievementSummary: n.achievementSummary,
      })),
      formToken: formToken(await formSecret(), d.id, clock()),
    });
  }

  return {
    async candidates(): Promise<DisclosureCandidate[]> {
      const rows = await repo.findReadyToDisclose(db);
      return rows.map((r) => {
        const rule = disclosureRule(r.codes ?? []);
        return {
          dossierId: r.dossierId,
          code: r.code,
          title: r.title,
          year: r.year,
          proposingUnitName: r.proposingUnitName,
          nominees: r.nominees,
          minWorkingDays: rule.minWorkingDays,
          citation: `${citationText(rule.citation)}${rule.citation.note ? ` — ${rule.citation.note}` : ''}`,
        };
      });
    },

    async list(status: 'open' | 'closed' | 'all'): Promise<Disclosure[]> {
      const today = todayInVietnam(clock);
      const rows = (await repo.list(db)).map((r) => toDisclosure(r, today));
      return status === 'all' ? rows : rows.filter((r) => r.open === (status === 'open'));
    },

    async publish(actor: Actor, input: PublishInput): Promise<Result<Disclosure>> {
      return db.transaction(async (tx) => {
        const codes = await repo.awardCodesOf(tx, input.dossierId);
        const rule = disclosureRule(codes);
        if (input.workingDays < rule.minWorkingDays) {
          return fail('DISCLOSURE.TOO_SHORT', {
            workingDays: `Tối thiểu ${rule.minWorkingDays} ngày làm việc (${citationText(rule.citation)})`,
          });
        }
        const moved = await applyDossierAction(tx, clock, actor, input.dossierId, 'disclose', 'department');
        if (!moved.ok) return moved;
        const today = todayInVietnam(clock);
        const closesOn = addWorkingDays(today, input.workingDays, await loadWorkCalendar(tx));
        const values = {
          dossierId: input.dossierId,
          opensOn: today,
          closesOn,
          workingDays: input.workingDays,
          publishedBy: actor.id,
          publishedAt: clock(),
          withdrawnAt: null,
        };
        const [row] = await tx
          .insert(disclosures)
          .values(values)
          .onConflictDoUpdate({ target: disclosures.dossierId, set: values })
          .returning();
        await recordAudit(
          tx,
          actor,
          {
            action: 'disclosure.publish',
            entityType: 'disclosure',
            entityId: row!.id,
            after: {
              dossierId: input.dossierId,
              opensOn: today,
              closesOn,
              workingDays: input.workingDays,
              minWorkingDays: rule.minWorkingDays,
            },
          },
          clock,
        );
        const [listed] = await repo.list(tx, { id: row!.id });
        return ok(toDisclosure(listed!, today));
      });
    },

    async comments(dossierId: string): Promise<DisclosureComment[]> {
      const rows = await repo.comments(db, dossierId);
      const names = new Map((await repo.nomineeLabels(db, [dossierId])).map((n) => [n.id, n.name]));
      return rows.map((r) => ({
        ...r,
        nomineeName: r.nomineeId ? (names.get(r.nomineeId) ?? null) : null,
        createdAt: r.createdAt.toISOString(),
        handledAt: r.handledAt?.toISOString() ?? null,
      }));
    },

    async handleComment(actor: Actor, commentId: string, note: string): Promise<Result<{ id: string }>> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(disclosureComments)
          .set({ handledAt: clock(), handledBy: actor.id, handlingNote: note })
          .where(and(eq(disclosureComments.id, commentId), isNull(disclosureComments.handledAt)))
          .returning({ id: disclosureComments.id, dossierId: disclosureComments.dossierId });
        if (!row) {
          const exists = await tx
            .select({ id: disclosureComments.id })
            .from(disclosureComments)
            .where(eq(disclosureComments.id, commentId));
          // Already handled: idempotent for a double click; unknown: not found.
          return exists.length ? ok({ id: commentId }) : fail('NOT_FOUND');
        }
        await recordAudit(
          tx,
          actor,
          {
            action: 'disclosure.comment.handle',
            entityType: 'disclosure_comment',
            entityId: commentId,
            after: { dossierId: row.dossierId, note },
          },
          clock,
        );
        return ok({ id: row.id });
      });
    },

    /** Open disclosures for the public portal. */
    async publicList(): Promise<Disclosure[]> {
      const today = todayInVietnam(clock);
      return (await repo.list(db, { openOn: today })).map((r) => toDisclosure(r, today));
    },

    publicView,

    /**
     * A comment from the public. Order of checks: the honeypot, the disclosure (exists, still open), the
     * form token (signed for this list, old enough), then the sender's rate.
     */
    async submitComment(
      disclosureId: string,
      input: PublicCommentInput,
      ip: string,
      requestId: string | null = null,
    ): Promise<Result<{ id: string }>> {
      const now = clock();
      const key = await formSecret();
      if (input.website.trim() !== '') return fail('DISCLOSURE.REFUSED');
      const hash = senderHash(key, ip);
      return db.transaction(async (tx) => {
        const today = todayInVietnam(clock);
        const [d] = await repo.list(tx, { id: disclosureId });
        if (!d) return fail('DISCLOSURE.REFUSED');
        // A closed list says so plainly (its page no longer has a form to send).
        if (!toDisclosure(d, today).open) return fail('DISCLOSURE.NOT_OPEN');
        if (!checkFormToken(key, disclosureId, input.token, now)) return fail('DISCLOSURE.REFUSED');
        // One sender at a time, so two parallel posts cannot both slip under the limit.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`comment:${hash}`}))`);
        for (const limit of RATE_LIMITS) {
          const n = await repo.countFromSender(tx, hash, new Date(now.getTime() - limit.windowMs));
          if (n >= limit.max) return fail('RATE_LIMITED');
        }
        let nomineeId: string | null = null;
        if (input.nomineeId) {
          const [n] = await tx
            .select({ id: dossierNominees.id })
            .from(dossierNominees)
            .where(and(eq(dossierNominees.id, input.nomineeId), eq(dossierNominees.dossierId, d.dossierId)));
          nomineeId = n?.id ?? null;
        }
        const [row] = await tx
          .insert(disclosureComments)
          .values({
            dossierId: d.dossierId,
            nomineeId,
            authorName: input.name,
            contact: input.contact,
            body: input.body,
            senderHash: hash,
            createdAt: now,
          })
          .returning({ id: disclosureComments.id });
        // The author's name and contact stay out of the append-only log (personal data).
        await recordAudit(
          tx,
          systemActor(requestId, 'public'),
          {
            action: 'disclosure.comment',
            entityType: 'disclosure_comment',
            entityId: row!.id,
            after: { dossierId: d.dossierId, nomineeId, length: input.body.length },
          },
          clock,
        );
        return ok({ id: row!.id });
      });
    },
  };
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;
