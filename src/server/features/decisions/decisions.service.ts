/**
 * Decisions: drafted from approved dossiers (or, for a correction or revocation, from an issued decision's
 * awards), edited while a draft, and issued in one transaction that takes the next number from the issuer's
 * counter, freezes the base salary and prize money, writes the award history, marks the initiatives used,
 * moves fully decided dossiers to "decided", notifies the recipients' units and audits. Issued decisions are
 * final (database triggers refuse updates and deletes); see decision 036.
 */
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { todayInVietnam } from '../../platform/dates';
import { applyDossierAction } from '../dossiers/dossier-workflow';
import { packForYear } from '../../../domain/rules/packs';
import { layeredPack } from '../eligibility/local-packs';
import type { RulePack } from '../../../domain/rules/types';
import { AWARD_CODES, type AwardCode } from '../../../shared/registry/catalog';
import {
  decisionPrizes,
  duplicateLines,
  formatDecisionNumber,
  nomineeDecidable,
  periodKey,
  placeOn,
  referenceProblem,
  type DecisionPrizes,
} from '../../../domain/decisions';
import { amountInWords } from '../../../domain/money/vietnamese-words';
import type {
  DecisionCreateInput,
  DecisionDetail,
  DecisionListQuery,
  DecisionSummary,
  DecisionUpdateInput,
  RecipientLine,
} from '../../../shared/decisions/decisions.schema';
import { decisionCreateInput } from '../../../shared/decisions/decisions.schema';
import {
  baseSalaryRows,
  findApprovedDossiers,
  findDecision,
  issuerOn,
  lastSigner,
  insertAwards,
  insertRecipients,
  listDecisions,
  liveAwardsFor,
  nomineesOfDossiers,
  priorPaidTitles,
  recipientsOf,
  rowsOf,
  setPositions,
  setPrizes,
  unitsToNotify,
  type DecisionRow,
  type NewRecipient,
  type RecipientRow,
} from './decisions.repository';
import { defaultBasis, defaultSummary, historyIssuer, provinceOf } from './decision-text';

const TITLE_CODES = Object.entries(AWARD_CODES)
  .filter(([, v]) => v.kind === 'title')
  .map(([k]) => k);
const kindOf = (code: string) => (AWARD_CODES[code as AwardCode]?.kind ?? 'form') as 'title' | 'form';

/** The layered pack of each achievement year, as of the decision date (local packs in force then). */
async function packsFor(tx: DbOrTx, years: number[], date: string): Promise<(y: number) => RulePack> {
  const map = new Map<number, RulePack>();
  for (const y of [...new Set(years)]) map.set(y, await layeredPack(tx, packForYear(y), date));
  return (y) => map.get(y) ?? packForYear(y);
}

/** Prize money of a decision's lines on a date (live for drafts). Revocations recover what was paid. */
export async function computePrizes(
  tx: DbOrTx,
  decision: Pick<DecisionRow, 'id' | 'kind'>,
  lines: RecipientRow[],
  date: string,
): Promise<DecisionPrizes> {
  const salaries = await baseSalaryRows(tx);
  if (decision.kind !== 'award') {
    // The amount a revocation recovers is the one the referenced decision paid; a correction pays nothing.
    const paidBy = new Map<string, number>();
    const ids = lines.map((l) => l.revokesAwardId).filter((x): x is string => Boolean(x));
    if (ids.length && decision.kind === 'revocation') {
      const rows = await rowsOf<{ id: string; amount: number }>(
        tx,
        sql`select a.id, r.prize_amount as amount from awards a join decision_recipients r on r.id = a.decision_recipient_id
          where a.id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
      );
      for (const r of rows) paidBy.set(r.id, Number(r.amount));
    }
    const out = lines.map((l) => {
      const amount = l.revokesAwardId ? (paidBy.get(l.revokesAwardId) ?? 0) : 0;
      return { key: l.id, coefficient: null, multiplier: 1, amount, paid: amount, note: null, packId: '' };
    });
    const total = out.reduce((s, l) => s + l.paid, 0);
    // No base salary applies: nothing is computed, the amounts are those already paid (or none).
    return { ok: true, baseSalary: 0, lines: out, total, words: amountInWords(total) };
  }
  const packOf = await packsFor(
    tx,
    lines.map((l) => l.year),
    date,
  );
  const prior = await priorPaidTitles(
    tx,
    lines
      .filter((l) => kindOf(l.awardCode) === 'title')
      .map((l) => ({ recipientKey: l.recipientKey, year: l.year })),
    TITLE_CODES,
    decision.id,
  );
  return decisionPrizes({
    lines: lines.map((l) => ({
      key: l.id,
      recipientKey: l.recipientKey,
      recipientKind: l.recipientKind,
      awardCode: l.awardCode as AwardCode,
      year: l.year,
    })),
    decisionDate: date,
    salaries,
    packForYear: packOf,
    prior,
  });
}

export interface DraftLine {
  nomineeId?: string | null;
  recipientKind: 'individual' | 'collective' | 'household';
  personId?: string | null;
  unitId?: string | null;
  householdName?: string | null;
  householdAddress?: string | null;
  recipientKey: string;
  displayName: string;
  displayDetail: string;
  awardCode: string;
  track: string;
  year: number;
  revokesAwardId?: string | null;
}

export interface DraftSpec {
  issuerUnitId: string;
  kind: 'award' | 'correction' | 'revocation';
  referencesDecisionId?: string | null;
  summary?: string;
  decidedOn?: string | null;
  basis?: string;
  signerName?: string;
  signerTitle?: string;
  signMode?: DecisionRow['signMode'];
  lines: DraftLine[];
}

/** Inserts a draft decision and its lines (used by the service, the demo seed and the bench). */
export async function insertDraft(tx: DbOrTx, clock: Clock, actor: Actor, spec: DraftSpec): Promise<string> {
  const refNumber = spec.referencesDecisionId
    ? ((await findDecision(tx, spec.referencesDecisionId))?.number ?? null)
    : null;
  const date = spec.decidedOn ?? todayInVietnam(clock);
  // The body that exists on the decision date issues it (a successor after a merger).
  const issuer = await issuerOn(tx, spec.issuerUnitId, date);
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`insert into decisions (issuer_unit_id, kind, references_decision_id, status, symbol, decided_on, summary,
        basis, place, signer_name, signer_title, sign_mode, recipients_note, created_by)
      values (${issuer.id}, ${spec.kind}, ${spec.referencesDecisionId ?? null}, 'draft',
        ${issuer.symbol}, ${spec.decidedOn ?? null}, ${spec.summary ?? defaultSummary(spec.kind, spec.lines, refNumber)},
        ${spec.basis ?? defaultBasis(date, issuer.name)}, ${provinceOf(issuer.name)}, ${spec.signerName ?? ''},
        ${spec.signerTitle ?? ''}, ${spec.signMode ?? 'direct'}, ${'Như Điều 3;\nLưu: VT, TĐKT'}, ${actor.id})
      returning id`,
  );
  const id = row!.id;
  const recipients: NewRecipient[] = spec.lines.map((l, i) => ({
    decision_id: id,
    nominee_id: l.nomineeId ?? null,
    recipient_kind: l.recipientKind,
    person_id: l.personId ?? null,
    unit_id: l.unitId ?? null,
    household_name: l.householdName ?? null,
    household_address: l.householdAddress ?? null,
    recipient_key: l.recipientKey,
    display_name: l.displayName,
    display_detail: l.displayDetail,
    award_code: l.awardCode,
    track: l.track,
    year: l.year,
    revokes_award_id: l.revokesAwardId ?? null,
    prize_amount: 0,
    position: i + 1,
  }));
  await insertRecipients(tx, recipients);
  return id;
}

export interface IssueOptions {
  /** Demo only: the historical number to give (the counter is moved past it). */
  fixedSeq?: number;
  /** Skip the audit row per decision (the demo seed audits once). */
  quiet?: boolean;
  /** The award history's note (the demo's movement names); otherwise the nominee's movement, if any. */
  awardNote?: string;
}

/**
 * Issues a draft inside the caller's transaction. The counter row is locked by the upsert until commit, so
 * two issuers of the same unit and year are serialised and get consecutive numbers; a failure rolls the
 * counter back with everything else, so no number is lost.
 */
export async function issueInTx(
  tx: DbOrTx,
  clock: Clock,
  actor: Actor,
  id: string,
  version: number | undefined,
  options: IssueOptions = {},
): Promise<Result<{ id: string; number: string; prizeTotal: number }>> {
  const d = await findDecision(tx, id, true);
  if (!d) return fail('NOT_FOUND');
  if (d.status !== 'draft') return fail('DECISION.NOT_DRAFT');
  if (version !== undefined && d.version !== version) return fail('CONFLICT.VERSION');
  if (!d.decidedOn || !d.signerName.trim() || (!d.signerTitle.trim() && d.signMode !== 'direct'))
    return fail('DECISION.INCOMPLETE');
  const lines = await recipientsOf(tx, id);
  if (lines.length === 0) return fail('DECISION.EMPTY');

  // Nominees must still be passed and their dossiers approved (a dossier can be sent back after drafting).
  const nomineeIds = lines.map((l) => l.nomineeId).filter((x): x is string => Boolean(x));
  const dossierIds = new Set<string>();
  if (nomineeIds.length) {
    const facts = await rowsOf<{
      nomineeId: string;
      dossierId: string;
      dossierCode: string;
      dossierStatus: string;
      councilResult: string | null;
      excludedReason: string | null;
    }>(
      tx,
      sql`select n.id as "nomineeId", d.id as "dossierId", d.code as "dossierCode", d.status as "dossierStatus",
          n.council_result as "councilResult", n.excluded_reason as "excludedReason"
        from dossier_nominees n join dossiers d on d.id = n.dossier_id
        where n.id in (${sql.join(
          nomineeIds.map((i) => sql`${i}`),
          sql`, `,
        )})`,
    );
    for (const f of facts) {
      const v = nomineeDecidable(f);
      if (!v.ok) return fail('DECISION.NOT_APPROVED', { recipients: v.detail });
      dossierIds.add(f.dossierId);
    }
  }

  // Same recipient, same title or form, same period: refused (within the decision and against history).
  const keyed = lines.map((l) => ({ ...l, awardKind: kindOf(l.awardCode) }));
  const within = duplicateLines(keyed);
  if (within.length)
    return fail('DECISION.ALREADY_DECIDED', {
      recipients: `${within[0]!.displayName}: trùng trong quyết định`,
    });
  const excluded = new Set(lines.map((l) => l.revokesAwardId).filter(Boolean));
  if (d.kind !== 'revocation') {
    const live = await liveAwardsFor(tx, lines);
    const held = new Map<string, string>();
    for (const a of live) {
      if (excluded.has(a.id)) continue;
      const k = periodKey({ ...a, awardKind: kindOf(a.awardCode) });
      if (k) held.set(k, a.decisionNumber);
    }
    for (const l of keyed) {
      const k = periodKey(l);
      if (k && held.has(k))
        return fail('DECISION.ALREADY_DECIDED', {
          recipients: `${l.displayName}: ${AWARD_CODES[l.awardCode as AwardCode]?.label ?? l.awardCode} năm ${l.year} (QĐ ${held.get(k)})`,
        });
    }
  } else {
    const refAwards = await rowsOf<{
      awardId: string;
      decisionId: string | null;
      revokedByDecisionId: string | null;
    }>(
      tx,
      sql`select id as "awardId", decision_id as "decisionId", revoked_by_decision_id as "revokedByDecisionId"
        from awards where id in (${sql.join(
          [...excluded].map((i) => sql`${i}`),
          sql`, `,
        )}) for update`,
    );
    const ref = d.referencesDecisionId ? await findDecision(tx, d.referencesDecisionId) : undefined;
    const problem = referenceProblem(d.kind, ref, refAwards);
    if (problem) return fail('DECISION.REFERENCE_INVALID', { referencesDecisionId: problem });
  }

  const prizes = await computePrizes(tx, d, lines, d.decidedOn);
  if (!prizes.ok) return fail('DECISION.NO_BASE_SALARY');

  // The date may have moved past a merger since drafting: the successor issues, with its own symbol.
  const issuerNow = await issuerOn(tx, d.issuerUnitId, d.decidedOn);
  if (issuerNow.id !== d.issuerUnitId) {
    await tx.execute(sql`update decisions set issuer_unit_id = ${issuerNow.id}, symbol = ${issuerNow.symbol},
        place = ${provinceOf(issuerNow.name) || d.place} where id = ${id}`);
    d.issuerUnitId = issuerNow.id;
    d.symbol = issuerNow.symbol;
    d.issuerName = issuerNow.name;
  }

  // The number: one row per issuer and year, incremented under its row lock.
  const year = Number(d.decidedOn.slice(0, 4));
  const [counter] =
    options.fixedSeq !== undefined
      ? await rowsOf<{ last: number }>(
          tx,
          sql`insert into decision_counters (issuer_unit_id, year, last) values (${d.issuerUnitId}, ${year}, ${options.fixedSeq})
            on conflict (issuer_unit_id, year) do update set last = greatest(decision_counters.last, excluded.last)
            returning ${options.fixedSeq}::int as last`,
        )
      : await rowsOf<{ last: number }>(
          tx,
          sql`insert into decision_counters (issuer_unit_id, year, last) values (${d.issuerUnitId}, ${year}, 1)
            on conflict (issuer_unit_id, year) do update set last = decision_counters.last + 1
            returning last`,
        );
  const seq = Number(counter!.last);
  const number = formatDecisionNumber(seq, d.symbol);

  await setPrizes(
    tx,
    prizes.lines.map((p) => ({ id: p.key, coefficient: p.coefficient, amount: p.paid })),
  );
  const issuer = historyIssuer(d.issuerName);
  if (d.kind !== 'revocation') {
    const awardIds = await insertAwards(
      tx,
      lines.map((l) => ({
        recipient_kind: l.recipientKind,
        person_id: l.personId,
        unit_id: l.unitId,
        household_name: l.householdName,
        household_address: l.householdAddress,
        recipient_key: l.recipientKey,
        award_code: l.awardCode,
        year: l.year,
        track: l.track,
        issuer,
        decision_number: number,
        decision_date: d.decidedOn!,
        note:
          d.kind === 'correction'
            ? `Đính chính Quyết định số ${d.referencesNumber ?? ''}`
            : (options.awardNote ?? l.movementName ?? null),
        decision_id: id,
        decision_recipient_id: l.id,
      })),
    );
    // An initiative backs one award: the nominee's initiative is now used by this award.
    const used = lines
      .filter((l) => l.initiativeId)
      .map((l) => ({ initiative: l.initiativeId!, award: awardIds.get(l.id)! }));
    if (used.length)
      await tx.execute(sql`update initiatives i set used_by_award_id = x.award
        from json_to_recordset(${JSON.stringify(used)}::json) as x(initiative uuid, award uuid)
        where i.id = x.initiative and i.used_by_award_id is null`);
  }
  if (excluded.size) {
    // Only this column changes: the awards trigger allows exactly that, once.
    await tx.execute(sql`update awards set revoked_by_decision_id = ${id}
      where id in (${sql.join(
        [...excluded].map((i) => sql`${i}`),
        sql`, `,
      )}) and revoked_by_decision_id is null`);
  }
  const now = clock();
  await tx.execute(sql`update decisions set status = 'issued', year = ${year}, seq = ${seq}, number = ${number},
      base_salary = ${prizes.baseSalary || null}, prize_total = ${prizes.total}, issued_at = ${now.toISOString()},
      issued_by = ${actor.id}, updated_at = ${now.toISOString()}, version = version + 1
    where id = ${id}`);

  // Dossiers whose passed nominees are now all on issued decisions move to "decided".
  for (const dossierId of dossierIds) {
    const r = await applyDossierAction(tx, clock, actor, dossierId, 'decide', 'department', {
      note: `Đã có Quyết định số ${number}`,
    });
    if (!r.ok && r.error.code !== 'DOSSIER.NOT_IN_DECISION' && r.error.code !== 'DOSSIER.WRONG_STATUS') {
      // Any other refusal is a bug: roll the whole issue back rather than leave a half-decided dossier.
      throw new Error(`dossier ${dossierId}: ${r.error.code}`);
    }
  }
  const notify = await unitsToNotify(tx, id, d.decidedOn);
  if (notify.length) {
    const title = `Quyết định số ${number} ngày ${d.decidedOn.split('-').reverse().join('/')}: ${d.summary}`;
    await tx.execute(sql`insert into notifications (unit_id, kind, title, body, entity_type, entity_id)
      select x.id, 'decision.issued', ${title}, ${`Tổng tiền thưởng: ${prizes.total} đồng`}, 'decision', ${id}
      from json_to_recordset(${JSON.stringify(notify.map((u) => ({ id: u })))}::json) as x(id uuid)`);
  }
  if (!options.quiet)
    await recordAudit(
      tx,
      actor,
      {
        action: 'decision.issue',
        entityType: 'decision',
        entityId: id,
        before: { status: 'draft', version: d.version },
        after: {
          status: 'issued',
          number,
          decidedOn: d.decidedOn,
          kind: d.kind,
          recipients: lines.length,
          baseSalary: prizes.baseSalary,
          prizeTotal: prizes.total,
        },
      },
      clock,
    );
  return ok({ id, number, prizeTotal: prizes.total });
}

const toSummary = (d: DecisionRow & { years: number[]; recipientCount: number }): DecisionSummary => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  number: d.number,
  symbol: d.symbol,
  issuerUnitId: d.issuerUnitId,
  issuerName: d.issuerName,
  decidedOn: d.decidedOn,
  summary: d.summary,
  years: d.years,
  recipientCount: d.recipientCount,
  prizeTotal: d.prizeTotal,
  referencesDecisionId: d.referencesDecisionId,
  version: d.version,
});

export function createDecisionsService(database: Database, clock: Clock) {
  const { db } = database;

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
  ) {
    await recordAudit(tx, actor, { action, entityType: 'decision', entityId: id, before, after }, clock);
  }

  async function detailIn(tx: DbOrTx, id: string, previewDate?: string): Promise<Result<DecisionDetail>> {
    const d = await findDecision(tx, id);
    if (!d) return fail('NOT_FOUND');
    const lines = await recipientsOf(tx, id);
    const years = [...new Set(lines.map((l) => l.year))].sort();
    let total = d.prizeTotal ?? 0;
    let baseSalary = d.baseSalary;
    let prizeProblem: string | null = null;
    const byLine = new Map<
      string,
      { amount: number; paid: number; coefficient: number | null; note: string | null }
    >();
    const date = previewDate ?? d.decidedOn ?? todayInVietnam(clock);
    if (d.status === 'draft') {
      const p = await computePrizes(tx, d, lines, date);
      if (p.ok) {
        total = p.total;
        baseSalary = p.baseSalary;
        for (const l of p.lines) byLine.set(l.key, l);
      } else {
        total = 0;
        prizeProblem = p.message;
      }
    } else {
      // Issued: the frozen amounts; the note explains a reduced one (recomputed, for display only).
      const p = await computePrizes(tx, d, lines, d.decidedOn!);
      for (const l of lines) {
        const live = p.ok ? p.lines.find((x) => x.key === l.id) : undefined;
        byLine.set(l.id, {
          amount: Math.max(l.prizeAmount, live?.amount ?? 0),
          paid: l.prizeAmount,
          coefficient: l.prizeCoefficient,
          note: l.prizeAmount > 0 ? null : (live?.note ?? null),
        });
      }
    }
    const dossiers = await rowsOf<{ id: string; code: string; status: string }>(
      tx,
      sql`select distinct d.id, d.code, d.status from decision_recipients r join dossier_nominees n on n.id = r.nominee_id
        join dossiers d on d.id = n.dossier_id where r.decision_id = ${id} order by d.code`,
    );
    const recipients: RecipientLine[] = lines.map((l) => {
      const p = byLine.get(l.id);
      return {
        id: l.id,
        position: l.position,
        recipientKind: l.recipientKind,
        personId: l.personId,
        unitId: l.unitId,
        recipientKey: l.recipientKey,
        displayName: l.displayName,
        displayDetail: l.displayDetail,
        awardCode: l.awardCode,
        awardLabel: AWARD_CODES[l.awardCode as AwardCode]?.label ?? l.awardCode,
        track: l.track,
        year: l.year,
        nomineeId: l.nomineeId,
        revokesAwardId: l.revokesAwardId,
        coefficient: p?.coefficient ?? null,
        amount: p?.amount ?? 0,
        paid: p?.paid ?? 0,
        note: p?.note ?? null,
        awardId: l.awardId,
        revokedByDecisionId: l.revokedByDecisionId,
      };
    });
    return ok({
      ...toSummary({ ...d, years, recipientCount: lines.length }),
      basis: d.basis,
      place: d.place,
      placeLine: placeOn(d.place, date),
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      signMode: d.signMode,
      recipientsNote: d.recipientsNote,
      authority: historyIssuer(d.issuerName),
      issuerParentName: d.issuerParentName,
      referencesNumber: d.referencesNumber,
      issuedAt: d.issuedAt ? new Date(d.issuedAt).toISOString() : null,
      baseSalary,
      total,
      words: amountInWords(total),
      prizeProblem,
      recipients,
      dossiers,
    });
  }

  return {
    async list(q: DecisionListQuery): Promise<DecisionSummary[]> {
      return (await listDecisions(db, q)).map(toSummary);
    },

    approvedDossiers() {
      return findApprovedDossiers(db);
    },

    detail(id: string, previewDate?: string): Promise<Result<DecisionDetail>> {
      return detailIn(db, id, previewDate);
    },

    async create(actor: Actor, raw: DecisionCreateInput): Promise<Result<DecisionDetail>> {
      const input = decisionCreateInput.parse(raw);
      return db.transaction(async (tx) => {
        let spec: DraftSpec;
        if (input.kind === 'award') {
          const nominees = await nomineesOfDossiers(tx, input.dossierIds);
          const found = new Set(nominees.map((n) => n.dossierId));
          const [empty] = await rowsOf<{ code: string; status: string }>(
            tx,
            sql`select code, status from dossiers where id in (${sql.join(
              input.dossierIds.map((i) => sql`${i}`),
              sql`, `,
            )}) and status <> 'approved'`,
          );
          if (empty)
            return fail('DECISION.NOT_APPROVED', {
              dossierIds: `Hồ sơ ${empty.code} chưa được Hội đồng thông qua (trạng thái: ${empty.status})`,
            });
          if (input.dossierIds.some((i) => !found.has(i)))
            return fail('DECISION.EMPTY', { dossierIds: 'Hồ sơ không có người được đề nghị' });
          const authorities = new Set(nominees.map((n) => n.authorityUnitId));
          if (authorities.size > 1)
            return fail('VALIDATION.FAILED', { dossierIds: 'Các hồ sơ phải cùng một cấp quyết định' });
          const lines = nominees.filter(
            (n) => n.councilResult === 'passed' && n.excludedReason === null && !n.onIssued,
          );
          if (lines.length === 0) return fail('DECISION.EMPTY');
          const issuerUnitId = nominees[0]!.authorityUnitId;
          // A new draft is dated today and signed like the issuer's last decision; the officer edits both.
          const signer = await lastSigner(tx, issuerUnitId);
          spec = {
            issuerUnitId,
            kind: 'award',
            ...(input.summary ? { summary: input.summary } : {}),
            decidedOn: input.decidedOn ?? todayInVietnam(clock),
            ...(signer ?? {}),
            lines: lines.map((n) => ({
              nomineeId: n.nomineeId,
              recipientKind: n.recipientKind,
              personId: n.personId,
              unitId: n.unitId,
              householdName: n.householdName,
              householdAddress: n.householdAddress,
              recipientKey: n.recipientKey,
              displayName: n.displayName,
              displayDetail: n.displayDetail,
              awardCode: n.awardCode,
              track: n.track,
              year: n.year,
            })),
          };
        } else {
          const ref = await findDecision(tx, input.referencesDecisionId!);
          if (!ref || ref.status !== 'issued') return fail('DECISION.REFERENCE_INVALID');
          const refLines = (await recipientsOf(tx, ref.id)).filter(
            (l) =>
              l.awardId && !l.revokedByDecisionId && (!input.awardIds || input.awardIds.includes(l.awardId)),
          );
          if (input.awardIds && refLines.length !== input.awardIds.length)
            return fail('DECISION.REFERENCE_INVALID', {
              awardIds: 'Khen thưởng không thuộc quyết định hoặc đã bị thu hồi',
            });
          if (refLines.length === 0) return fail('DECISION.EMPTY');
          spec = {
            issuerUnitId: ref.issuerUnitId,
            kind: input.kind,
            referencesDecisionId: ref.id,
            ...(input.summary ? { summary: input.summary } : {}),
            decidedOn: input.decidedOn ?? todayInVietnam(clock),
            signerName: ref.signerName,
            signerTitle: ref.signerTitle,
            signMode: ref.signMode,
            lines: refLines.map((l) => ({
              recipientKind: l.recipientKind,
              personId: l.personId,
              unitId: l.unitId,
              householdName: l.householdName,
              householdAddress: l.householdAddress,
              recipientKey: l.recipientKey,
              displayName: l.displayName,
              displayDetail: l.displayDetail,
              awardCode: l.awardCode,
              track: l.track,
              year: l.year,
              revokesAwardId: l.awardId,
            })),
          };
        }
        const id = await insertDraft(tx, clock, actor, spec);
        await audit(tx, actor, 'decision.create', id, null, {
          kind: spec.kind,
          issuerUnitId: spec.issuerUnitId,
          recipients: spec.lines.length,
          dossierIds: input.dossierIds,
          referencesDecisionId: spec.referencesDecisionId ?? null,
        });
        return detailIn(tx, id);
      });
    },

    async update(actor: Actor, id: string, input: DecisionUpdateInput): Promise<Result<DecisionDetail>> {
      return db.transaction(async (tx) => {
        const d = await findDecision(tx, id, true);
        if (!d) return fail('NOT_FOUND');
        if (d.status !== 'draft') return fail('DECISION.NOT_DRAFT');
        if (d.version !== input.version) return fail('CONFLICT.VERSION');
        const lines = await recipientsOf(tx, id);
        if (input.recipientOrder) {
          const ids = new Set(lines.map((l) => l.id));
          if (input.recipientOrder.length !== ids.size || !input.recipientOrder.every((x) => ids.has(x)))
            return fail('VALIDATION.FAILED', {
              recipientOrder: 'Thứ tự phải gồm đúng các dòng của quyết định',
            });
          await setPositions(
            tx,
            input.recipientOrder.map((rid, i) => ({ id: rid, position: i + 1 })),
          );
        }
        if (input.recipientText) {
          if (d.kind !== 'correction')
            return fail('VALIDATION.FAILED', {
              recipientText: 'Chỉ sửa tên, đơn vị trong quyết định đính chính',
            });
          const ids = new Set(lines.map((l) => l.id));
          if (!input.recipientText.every((r) => ids.has(r.id))) return fail('NOT_FOUND');
          await tx.execute(sql`update decision_recipients r set display_name = x.n, display_detail = x.d
            from json_to_recordset(${JSON.stringify(
              input.recipientText.map((r) => ({ id: r.id, n: r.displayName, d: r.displayDetail })),
            )}::json) as x(id uuid, n text, d text) where r.id = x.id`);
        }
        const set = {
          decided_on: input.decidedOn === undefined ? d.decidedOn : input.decidedOn,
          summary: input.summary ?? d.summary,
          basis: input.basis ?? d.basis,
          place: input.place ?? d.place,
          signer_name: input.signerName ?? d.signerName,
          signer_title: input.signerTitle ?? d.signerTitle,
          sign_mode: input.signMode ?? d.signMode,
          recipients_note: input.recipientsNote ?? d.recipientsNote,
        };
        if (set.decided_on && set.decided_on !== d.decidedOn) {
          // A date past a merger moves the draft to the successor body (its name, symbol and place).
          const issuerNow = await issuerOn(tx, d.issuerUnitId, set.decided_on);
          if (issuerNow.id !== d.issuerUnitId) {
            await tx.execute(sql`update decisions set issuer_unit_id = ${issuerNow.id}, symbol = ${issuerNow.symbol}
              where id = ${id}`);
            if (input.place === undefined) set.place = provinceOf(issuerNow.name) || set.place;
          }
        }
        await tx.execute(sql`update decisions set decided_on = ${set.decided_on}, summary = ${set.summary},
            basis = ${set.basis}, place = ${set.place}, signer_name = ${set.signer_name},
            signer_title = ${set.signer_title}, sign_mode = ${set.sign_mode}, recipients_note = ${set.recipients_note},
            updated_at = ${clock().toISOString()}, version = version + 1
          where id = ${id}`);
        const { recipientOrder, recipientText, version: _v, ...fields } = input;
        void _v;
        await audit(
          tx,
          actor,
          'decision.update',
          id,
          { version: d.version },
          { ...fields, reordered: Boolean(recipientOrder), corrected: recipientText?.length ?? 0 },
        );
        return detailIn(tx, id);
      });
    },

    async remove(actor: Actor, id: string, version?: number): Promise<Result<{ id: string }>> {
      return db.transaction(async (tx) => {
        const d = await findDecision(tx, id, true);
        if (!d) return fail('NOT_FOUND');
        if (d.status !== 'draft') return fail('DECISION.NOT_DRAFT');
        if (version !== undefined && version !== d.version) return fail('CONFLICT.VERSION');
        await tx.execute(sql`delete from decisions where id = ${id}`);
        await audit(
          tx,
          actor,
          'decision.delete',
          id,
          { kind: d.kind, summary: d.summary, version: d.version },
          null,
        );
        return ok({ id });
      });
    },

    async issue(actor: Actor, id: string, version: number): Promise<Result<DecisionDetail>> {
      return db.transaction(async (tx) => {
        const r = await issueInTx(tx, clock, actor, id, version);
        if (!r.ok) return r;
        return detailIn(tx, id);
      });
    },

    /** Award decisions of a year (achievement year), with recipients: the CLI and the API read the same. */
    async yearReport(year: number): Promise<DecisionDetail[]> {
      const list = await listDecisions(db, { year, status: 'issued' });
      const out: DecisionDetail[] = [];
      for (const d of list.sort(
        (a, b) => (a.decidedOn ?? '').localeCompare(b.decidedOn ?? '') || (a.seq ?? 0) - (b.seq ?? 0),
      )) {
        const r = await detailIn(db, d.id);
        if (r.ok) out.push(r.value);
      }
      return out;
    },
  };
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;
