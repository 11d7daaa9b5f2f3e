/**
 * Queries of the decisions feature, with intent-named methods. Bulk writes go as one JSON parameter per
 * batch (`json_to_recordset`), so a 5 000-recipient decision is a handful of statements on both engines.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';

export async function rowsOf<T>(tx: DbOrTx, q: SQL): Promise<T[]> {
  const r = (await tx.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

const BATCH = 1000;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface DecisionRow {
  id: string;
  issuerUnitId: string;
  kind: 'award' | 'correction' | 'revocation';
  referencesDecisionId: string | null;
  status: 'draft' | 'issued';
  year: number | null;
  seq: number | null;
  number: string | null;
  symbol: string;
  decidedOn: string | null;
  summary: string;
  basis: string;
  place: string;
  signerName: string;
  signerTitle: string;
  signMode: 'direct' | 'KT' | 'TM' | 'Q' | 'TL' | 'TUQ';
  recipientsNote: string;
  baseSalary: number | null;
  prizeTotal: number | null;
  issuedAt: Date | string | null;
  version: number;
  issuerName: string;
  issuerParentName: string | null;
  referencesNumber: string | null;
}

const DECISION_COLUMNS = sql`d.id, d.issuer_unit_id as "issuerUnitId", d.kind,
  d.references_decision_id as "referencesDecisionId", d.status, d.year, d.seq, d.number, d.symbol,
  d.decided_on::text as "decidedOn", d.summary, d.basis, d.place, d.signer_name as "signerName",
  d.signer_title as "signerTitle", d.sign_mode as "signMode", d.recipients_note as "recipientsNote",
  d.base_salary as "baseSalary", d.prize_total as "prizeTotal", d.issued_at as "issuedAt", d.version,
  u.name as "issuerName", coalesce(pu.short_name, pu.name) as "issuerParentName", r.number as "referencesNumber"`;

const DECISION_FROM = sql`from decisions d join units u on u.id = d.issuer_unit_id
  left join units pu on pu.id = u.parent_id left join decisions r on r.id = d.references_decision_id`;

function fixDecision(r: DecisionRow): DecisionRow {
  return {
    ...r,
    prizeTotal: num(r.prizeTotal),
    baseSalary: num(r.baseSalary),
    year: num(r.year),
    seq: num(r.seq),
  };
}

export async function findDecision(tx: DbOrTx, id: string, lock = false): Promise<DecisionRow | undefined> {
  if (lock) await tx.execute(sql`select id from decisions where id = ${id} for update`);
  const [r] = await rowsOf<DecisionRow>(
    tx,
    sql`select ${DECISION_COLUMNS} ${DECISION_FROM} where d.id = ${id}`,
  );
  return r ? fixDecision(r) : undefined;
}

export interface DecisionListRow extends DecisionRow {
  years: number[];
  recipientCount: number;
}

export async function listDecisions(
  tx: DbOrTx,
  q: { year?: number; status?: string; issuerUnitId?: string; kind?: string },
): Promise<DecisionListRow[]> {
  const where: SQL[] = [sql`true`];
  if (q.status) where.push(sql`d.status = ${q.status}`);
  if (q.kind) where.push(sql`d.kind = ${q.kind}`);
  if (q.issuerUnitId) where.push(sql`d.issuer_unit_id = ${q.issuerUnitId}`);
  if (q.year !== undefined)
    where.push(
      sql`exists (select 1 from decision_recipients x where x.decision_id = d.id and x.year = ${q.year})`,
    );
  const rows = await rowsOf<DecisionListRow>(
    tx,
    sql`select ${DECISION_COLUMNS},
        coalesce((select array_agg(distinct x.year order by x.year) from decision_recipients x where x.decision_id = d.id), '{}') as years,
        (select count(*) from decision_recipients x where x.decision_id = d.id) as "recipientCount"
      ${DECISION_FROM} where ${sql.join(where, sql` and `)}
      order by d.decided_on desc nulls first, d.seq desc nulls first, d.created_at desc`,
  );
  return rows.map((r) => ({
    ...fixDecision(r),
    years: (r.years ?? []).map(Number),
    recipientCount: Number(r.recipientCount),
  }));
}

export interface RecipientRow {
  id: string;
  position: number;
  recipientKind: 'individual' | 'collective' | 'household';
  personId: string | null;
  unitId: string | null;
  householdName: string | null;
  householdAddress: string | null;
  recipientKey: string;
  displayName: string;
  displayDetail: string;
  awardCode: string;
  track: string;
  year: number;
  nomineeId: string | null;
  revokesAwardId: string | null;
  prizeCoefficient: number | null;
  prizeAmount: number;
  awardId: string | null;
  revokedByDecisionId: string | null;
  initiativeId: string | null;
  /** The movement of the nominee's dossier (thematic awards), for the award history's note. */
  movementName: string | null;
}

export async function recipientsOf(tx: DbOrTx, decisionId: string): Promise<RecipientRow[]> {
  const rows = await rowsOf<RecipientRow>(
    tx,
    sql`select r.id, r.position, r.recipient_kind as "recipientKind", r.person_id as "personId",
        r.unit_id as "unitId", r.household_name as "householdName", r.household_address as "householdAddress",
        r.recipient_key as "recipientKey", r.display_name as "displayName", r.display_detail as "displayDetail",
        r.award_code as "awardCode", r.track, r.year, r.nominee_id as "nomineeId",
        r.revokes_award_id as "revokesAwardId", r.prize_coefficient as "prizeCoefficient",
        r.prize_amount as "prizeAmount", a.id as "awardId", a.revoked_by_decision_id as "revokedByDecisionId",
        n.initiative_id as "initiativeId", mv.name as "movementName"
      from decision_recipients r
      left join awards a on a.decision_recipient_id = r.id
      left join dossier_nominees n on n.id = r.nominee_id
      left join dossiers nd on nd.id = n.dossier_id
      left join movements mv on mv.id = nd.movement_id
      where r.decision_id = ${decisionId}
      order by r.position, r.id`,
  );
  return rows.map((r) => ({
    ...r,
    position: Number(r.position),
    year: Number(r.year),
    prizeCoefficient: num(r.prizeCoefficient),
    prizeAmount: Number(r.prizeAmount),
  }));
}

export interface NomineeRow {
  nomineeId: string;
  dossierId: string;
  dossierCode: string;
  dossierStatus: string;
  authorityUnitId: string;
  track: string;
  councilResult: string | null;
  excludedReason: string | null;
  recipientKind: 'individual' | 'collective' | 'household';
  personId: string | null;
  unitId: string | null;
  householdName: string | null;
  householdAddress: string | null;
  recipientKey: string;
  awardCode: string;
  year: number;
  displayName: string;
  displayDetail: string;
  onIssued: boolean;
}

/** The nominees of the given dossiers, with the names and the unit line to print. */
export async function nomineesOfDossiers(tx: DbOrTx, dossierIds: string[]): Promise<NomineeRow[]> {
  if (dossierIds.length === 0) return [];
  const rows = await rowsOf<NomineeRow>(
    tx,
    sql`select n.id as "nomineeId", d.id as "dossierId", d.code as "dossierCode", d.status as "dossierStatus",
        d.authority_unit_id as "authorityUnitId", d.track, n.council_result as "councilResult",
        n.excluded_reason as "excludedReason", n.recipient_kind as "recipientKind", n.person_id as "personId",
        n.unit_id as "unitId", n.household_name as "householdName", n.household_address as "householdAddress",
        n.recipient_key as "recipientKey", n.award_code as "awardCode", n.year,
        coalesce(p.full_name, nu.name, n.household_name) as "displayName",
        case n.recipient_kind
          when 'individual' then concat_ws(', ', nullif(coalesce(h.position, p.position), ''), hu.name,
            case when hpu.document_symbol is null then hpu.name end)
          when 'collective' then coalesce(npu.name, '')
          else coalesce(n.household_address, '') end as "displayDetail",
        exists (select 1 from decision_recipients r join decisions x on x.id = r.decision_id
          where r.nominee_id = n.id and x.status = 'issued') as "onIssued"
      from dossier_nominees n join dossiers d on d.id = n.dossier_id
      left join people p on p.id = n.person_id
      left join lateral (select ph.unit_id, ph.position from person_unit_history ph
        where ph.person_id = n.person_id and ph.from_date <= make_date(n.year, 12, 31)
        order by ph.from_date desc limit 1) h on true
      left join units hu on hu.id = coalesce(h.unit_id, p.current_unit_id)
      -- A sub-unit is printed with the unit it belongs to (not with the issuing department itself).
      left join units hpu on hpu.id = hu.parent_id
      left join units nu on nu.id = n.unit_id
      left join units npu on npu.id = nu.parent_id
      where n.dossier_id in (${sql.join(
        dossierIds.map((i) => sql`${i}`),
        sql`, `,
      )})
      order by d.code, n.position, n.created_at`,
  );
  return rows.map((r) => ({ ...r, year: Number(r.year) }));
}

export interface NewRecipient {
  decision_id: string;
  nominee_id: string | null;
  recipient_kind: string;
  person_id: string | null;
  unit_id: string | null;
  household_name: string | null;
  household_address: string | null;
  recipient_key: string;
  display_name: string;
  display_detail: string;
  award_code: string;
  track: string;
  year: number;
  revokes_award_id: string | null;
  prize_amount: number;
  position: number;
}

export async function insertRecipients(tx: DbOrTx, rows: NewRecipient[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const payload = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.execute(sql`insert into decision_recipients (decision_id, nominee_id, recipient_kind, person_id,
        unit_id, household_name, household_address, recipient_key, display_name, display_detail, award_code,
        track, year, revokes_award_id, prize_amount, position)
      select decision_id, nominee_id, recipient_kind, person_id, unit_id, household_name, household_address,
        recipient_key, display_name, display_detail, award_code, track, year, revokes_award_id, prize_amount,
        position
      from json_to_recordset(${payload}::json) as x(decision_id uuid, nominee_id uuid, recipient_kind text,
        person_id uuid, unit_id uuid, household_name text, household_address text, recipient_key text,
        display_name text, display_detail text, award_code text, track text, year int, revokes_award_id uuid,
        prize_amount int, position int)`);
  }
}

/** Sets the frozen prize of each line (before the decision becomes issued: the trigger refuses after). */
export async function setPrizes(
  tx: DbOrTx,
  rows: { id: string; coefficient: number | null; amount: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const payload = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.execute(sql`update decision_recipients r set prize_coefficient = x.coefficient, prize_amount = x.amount
      from json_to_recordset(${payload}::json) as x(id uuid, coefficient numeric, amount int)
      where r.id = x.id`);
  }
}

export async function setPositions(tx: DbOrTx, rows: { id: string; position: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const payload = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.execute(sql`update decision_recipients r set position = x.position
      from json_to_recordset(${payload}::json) as x(id uuid, position int) where r.id = x.id`);
  }
}

export interface NewAward {
  recipient_kind: string;
  person_id: string | null;
  unit_id: string | null;
  household_name: string | null;
  household_address: string | null;
  recipient_key: string;
  award_code: string;
  year: number;
  track: string;
  issuer: string;
  decision_number: string;
  decision_date: string;
  note: string | null;
  decision_id: string;
  decision_recipient_id: string;
}

/** Writes the award history of an issued decision; returns the new award id of each recipient line. */
export async function insertAwards(tx: DbOrTx, rows: NewAward[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const payload = JSON.stringify(rows.slice(i, i + BATCH));
    const out = await rowsOf<{ id: string; rid: string }>(
      tx,
      sql`insert into awards (recipient_kind, person_id, unit_id, household_name, household_address,
          recipient_key, award_code, year, track, issuer, decision_number, decision_date, source, note,
          decision_id, decision_recipient_id)
        select recipient_kind, person_id, unit_id, household_name, household_address, recipient_key, award_code,
          year, track, issuer, decision_number, decision_date, 'decision', note, decision_id, decision_recipient_id
        from json_to_recordset(${payload}::json) as x(recipient_kind text, person_id uuid, unit_id uuid,
          household_name text, household_address text, recipient_key text, award_code text, year int,
          track text, issuer text, decision_number text, decision_date date, note text, decision_id uuid,
          decision_recipient_id uuid)
        returning id, decision_recipient_id as rid`,
    );
    for (const r of out) ids.set(r.rid, r.id);
  }
  return ids;
}

/** Awards not revoked that hold any of the given (recipient, code, year) keys. */
export async function liveAwardsFor(
  tx: DbOrTx,
  keys: { recipientKey: string; awardCode: string; year: number }[],
): Promise<
  {
    id: string;
    recipientKey: string;
    awardCode: string;
    year: number;
    track: string;
    decisionNumber: string;
  }[]
> {
  if (keys.length === 0) return [];
  const out: {
    id: string;
    recipientKey: string;
    awardCode: string;
    year: number;
    track: string;
    decisionNumber: string;
  }[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const payload = JSON.stringify(
      keys.slice(i, i + BATCH).map((k) => ({ k: k.recipientKey, c: k.awardCode, y: k.year })),
    );
    out.push(
      ...(await rowsOf<(typeof out)[number]>(
        tx,
        sql`select a.id, a.recipient_key as "recipientKey", a.award_code as "awardCode", a.year, a.track,
            a.decision_number as "decisionNumber"
          from awards a join (select distinct k, c, y from json_to_recordset(${payload}::json) as x(k text, c text, y int)) x
            on a.recipient_key = x.k and a.award_code = x.c and a.year = x.y
          where a.revoked_by_decision_id is null`,
      )),
    );
  }
  return out.map((r) => ({ ...r, year: Number(r.year) }));
}

/** Titles already paid by other issued decisions to these recipients for these years. */
export async function priorPaidTitles(
  tx: DbOrTx,
  keys: { recipientKey: string; year: number }[],
  titleCodes: string[],
  exceptDecisionId: string,
): Promise<{ recipientKey: string; year: number; amount: number; decisionNumber: string }[]> {
  if (keys.length === 0) return [];
  const out: { recipientKey: string; year: number; amount: number; decisionNumber: string }[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const payload = JSON.stringify(keys.slice(i, i + BATCH).map((k) => ({ k: k.recipientKey, y: k.year })));
    out.push(
      ...(await rowsOf<(typeof out)[number]>(
        tx,
        sql`select r.recipient_key as "recipientKey", r.year, r.prize_amount as amount, d.number as "decisionNumber"
          from decision_recipients r join decisions d on d.id = r.decision_id
          join (select distinct k, y from json_to_recordset(${payload}::json) as x(k text, y int)) x
            on r.recipient_key = x.k and r.year = x.y
          join awards a on a.decision_recipient_id = r.id and a.revoked_by_decision_id is null
          where d.status = 'issued' and d.kind = 'award' and d.id <> ${exceptDecisionId}
            and r.award_code in (${sql.join(
              titleCodes.map((c) => sql`${c}`),
              sql`, `,
            )}) and r.prize_amount > 0`,
      )),
    );
  }
  return out.map((r) => ({ ...r, year: Number(r.year), amount: Number(r.amount) }));
}

export async function baseSalaryRows(tx: DbOrTx) {
  return rowsOf<{ effectiveFrom: string; amount: number; instrument: string }>(
    tx,
    sql`select effective_from::text as "effectiveFrom", amount, instrument from base_salaries`,
  );
}

/**
 * Units to notify of an issued decision: each recipient's unit (a person's unit on the decision date), the
 * unit a sub-unit belongs to (the member unit whose officer reads notifications; a parent with its own
 * document symbol is an issuing body, not notified), and the proposing units of the dossiers.
 */
export async function unitsToNotify(tx: DbOrTx, decisionId: string, on: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string | null }>(
    tx,
    sql`with direct as (
        select distinct coalesce(r.unit_id, h.unit_id, p.current_unit_id) as id
        from decision_recipients r
        left join people p on p.id = r.person_id
        left join lateral (select ph.unit_id from person_unit_history ph where ph.person_id = r.person_id
          and ph.from_date <= ${on}::date order by ph.from_date desc limit 1) h on true
        where r.decision_id = ${decisionId})
      select id from direct
      union select pu.id from direct d join units u on u.id = d.id join units pu on pu.id = u.parent_id
        where pu.document_symbol is null
      union select ds.proposing_unit_id from decision_recipients r join dossier_nominees n on n.id = r.nominee_id
        join dossiers ds on ds.id = n.dossier_id where r.decision_id = ${decisionId}`,
  );
  return rows.map((r) => r.id).filter((x): x is string => Boolean(x));
}

export interface ApprovedDossierRow {
  id: string;
  code: string;
  title: string;
  year: number;
  proposingUnitName: string;
  authorityUnitId: string;
  passed: number;
}

/** Approved dossiers with passed nominees not yet on an issued decision (what a new decision can take). */
export async function findApprovedDossiers(tx: DbOrTx): Promise<ApprovedDossierRow[]> {
  const rows = await rowsOf<ApprovedDossierRow>(
    tx,
    sql`select d.id, d.code, d.title, d.year, u.name as "proposingUnitName", d.authority_unit_id as "authorityUnitId",
        (select count(*) from dossier_nominees n where n.dossier_id = d.id and n.council_result = 'passed'
          and n.excluded_reason is null and not exists (select 1 from decision_recipients r
            join decisions x on x.id = r.decision_id where r.nominee_id = n.id and x.status = 'issued')) as passed
      from dossiers d join units u on u.id = d.proposing_unit_id
      where d.status = 'approved' order by d.code`,
  );
  return rows.map((r) => ({ ...r, year: Number(r.year), passed: Number(r.passed) }));
}

/** The signer of the issuer's latest issued decision (a new draft starts with it). */
export async function lastSigner(
  tx: DbOrTx,
  issuerUnitId: string,
): Promise<{ signerName: string; signerTitle: string; signMode: DecisionRow['signMode'] } | undefined> {
  const [r] = await rowsOf<{ signerName: string; signerTitle: string; signMode: DecisionRow['signMode'] }>(
    tx,
    sql`select signer_name as "signerName", signer_title as "signerTitle", sign_mode as "signMode" from decisions
      where issuer_unit_id = ${issuerUnitId} and status = 'issued' and signer_name <> ''
      order by decided_on desc, seq desc limit 1`,
  );
  return r;
}

export interface IssuerRow {
  id: string;
  name: string;
  symbol: string;
}

/**
 * The body that issues on `date` for `unitId`: the unit itself, or its successor after a merger or a
 * reorganisation in force by then (the Sở NN&PTNT tỉnh Bạc Liêu → Sở NN&MT tỉnh Bạc Liêu from 2025-03-01 →
 * Sở NN&MT tỉnh Cà Mau from 2025-07-01). The symbol is the unit's document symbol (or its code).
 */
export async function issuerOn(tx: DbOrTx, unitId: string, date: string): Promise<IssuerRow> {
  let id = unitId;
  for (let i = 0; i < 10; i++) {
    const [next] = await rowsOf<{ id: string }>(
      tx,
      sql`select successor_id as id from unit_successions where predecessor_id = ${id}
        and effective_date <= ${date}::date order by effective_date desc, successor_id limit 1`,
    );
    if (!next) break;
    id = next.id;
  }
  const [u] = await rowsOf<IssuerRow>(
    tx,
    sql`select id, name, coalesce(document_symbol, upper(code)) as symbol from units where id = ${id}`,
  );
  if (!u) throw new Error(`unit ${id} not found`);
  return u;
}
