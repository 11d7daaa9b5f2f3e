/**
 * Eligibility over the registry: resolve the viewer's scope, read the histories in bulk, choose the pack by
 * the achievement year (layered with the enabled local packs), run the pure sweep, and shape the verdicts
 * for the suggestion list, the person and unit panels, and the quota figures.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/actor';
import { fail, ok, type Result } from '../../platform/errors';
import { unitSubtree } from '../../platform/sql';
import { NATIONAL_PACKS, packForYear } from '../../../domain/rules/packs';
import { layeredPack } from './local-packs';
import { historyNeeds } from '../../../domain/rules/needs';
import { quotaUse } from '../../../domain/rules/quota';
import type { RulePack } from '../../../domain/rules/types';
import {
  explainSubjects,
  isNearMiss,
  sweep,
  Sweep,
  type SweepCollective,
  type SweepInput,
  type SweepPerson,
} from '../../../domain/eligibility/sweep';
import type { CollectiveHistory, PersonHistory, Verdict } from '../../../domain/eligibility/types';
import { buildHistories, emptyHistory, evenHalfOf } from './histories';
import { decodeVerdicts, judgeOnWorker, judgedByWorker } from './parallel-sweep';
import { countsForYear, mergeLineage } from '../../../domain/eligibility/lineage';
import { foldVietnamese } from '../../../shared/vietnamese';
import type {
  QuotaResponse,
  SubjectVerdicts,
  SuggestionQuery,
  SuggestionResponse,
  SuggestionRow,
} from '../../../shared/eligibility/eligibility.schema';
import type { AwardCode } from '../../../shared/registry/catalog';
import { eligibilityRepository as repo, type PersonRow, type UnitRow } from './eligibility.repository';

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(t);
  }
  return out;
}

export interface Viewer {
  actor: Actor;
  scope: 'any' | 'own';
}

interface Scope {
  label: string;
  units: SQL;
  personId?: string;
  /** Units whose collective verdicts are wanted (undefined: every unit of the scope). */
  collectiveIds?: string[];
}

const ALL_UNITS = sql`select id from units`;

function subtreeOfMany(ids: string[]): SQL {
  if (!ids.length) return sql`select null::uuid where false`;
  return sql`with recursive sub(id) as (
      select id from units where id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})
      union all
      select u.id from units u join sub on u.parent_id = sub.id)
    select id from sub`;
}

/** The national pack for the year with the local packs in force on the period's last day. */
/**
 * Below this much id text (~2 000 people) a second thread is not worth its start and the copy: everyone is
 * judged on the main thread.
 */
const PARALLEL_MIN_TEXT = 80_000;

export async function effectivePack(db: DbOrTx, year: number): Promise<RulePack> {
  return layeredPack(db, packForYear(year, NATIONAL_PACKS), `${year}-12-31`);
}

export interface EligibilityServiceOptions {
  /**
   * Sweeps of at least this many characters of packed ids (~40 per person) are judged on two threads;
   * default ~2 000 people. Tests set 0 to take the two-thread path on the demo data.
   */
  parallelMinText?: number;
}

export function createEligibilityService(database: Database, options: EligibilityServiceOptions = {}) {
  const { db } = database;
  const parallelMinText = options.parallelMinText ?? PARALLEL_MIN_TEXT;

  async function inSubtree(root: string, unitId: string): Promise<boolean> {
    const r = (await db.execute(
      sql`select 1 as x from (${unitSubtree(root)}) s where s.id = ${unitId}`,
    )) as unknown as { rows: unknown[] };
    return r.rows.length > 0;
  }

  async function resolveScope(
    v: Viewer,
    q: {
      unitId?: string | undefined;
      blockId?: string | undefined;
      personId?: string | undefined;
      year: number;
    },
  ): Promise<Result<Scope>> {
    const root = v.scope === 'own' ? v.actor.unitId : null;
    if (v.scope === 'own' && !root) return fail('ELIGIBILITY.SCOPE_REQUIRED');
    const base = root ? unitSubtree(root) : ALL_UNITS;
    if (q.personId) {
      if (root) {
        const r = (await db.execute(
          sql`select 1 as x from people p where p.id = ${q.personId} and (
                p.current_unit_id in (${unitSubtree(root)})
                or exists (select 1 from person_evaluations e where e.person_id = p.id and e.year = ${q.year}
                           and e.unit_id in (${unitSubtree(root)})))`,
        )) as unknown as { rows: unknown[] };
        if (!r.rows.length) return fail('NOT_FOUND');
      } else {
        const r = (await db.execute(sql`select 1 as x from people where id = ${q.personId}`)) as unknown as {
          rows: unknown[];
        };
        if (!r.rows.length) return fail('NOT_FOUND');
      }
      return ok({ label: 'cá nhân', units: base, personId: q.personId, collectiveIds: [] });
    }
    if (q.unitId) {
      if (root && !(await inSubtree(root, q.unitId))) return fail('PERSON.OUT_OF_SCOPE');
      const r = (await db.execute(sql`select name from units where id = ${q.unitId}`)) as unknown as {
        rows: Array<{ name: string }>;
      };
      if (!r.rows.length) return fail('NOT_FOUND');
      return ok({ label: r.rows[0]!.name, units: unitSubtree(q.unitId) });
    }
    if (q.blockId) {
      const b = await repo.blockUnits(db, q.blockId);
      if (!b) return fail('NOT_FOUND');
      const units = subtreeOfMany(b.unitIds);
      return ok({
        label: 'khối thi đua',
        units: root ? sql`select id from (${units}) b where b.id in (${unitSubtree(root)})` : units,
      });
    }
    return ok({ label: root ? 'đơn vị của tôi' : 'toàn bộ', units: base });
  }

  /** Everything the sweep reads for a scope and year (the benchmark's read-only floor is this alone). */
  async function load(scope: Scope, year: number) {
    const pack = await effectivePack(db, year);
    const [people, histories, collectives] = await Promise.all([
      repo.people(db, scope.units, year, scope.personId),
      repo.personHistories(db, scope.units, year, scope.personId, historyNeeds(pack)),
      collectivesFor(scope, year),
    ]);
    const sweepPeople: SweepPerson[] = people.map((p) => ({
      subject: { kind: 'individual', id: p.id, name: p.fullName },
      history: histories.get(p.id) ?? emptyHistory(),
    }));
    return { pack, people, sweepPeople, collectives };
  }

  /**
   * Every verdict of the scope for the year. A large sweep without explanations is judged on two threads
   * (parallel-sweep.ts, decision 046); the verdicts are the same either way, in the same order.
   */
  async function run(scope: Scope, year: number, explain = true) {
    if (explain || scope.personId) return runOnOneThread(scope, year, explain);
    const pack = await effectivePack(db, year);
    const packedRead = repo.packedHistories(db, scope.units, year, undefined, historyNeeds(pack));
    // The worker starts on its half of the text as soon as it arrives, while the other reads finish.
    // (Wrapped: a promise returned from `then` would be waited for, and the point is not to wait yet.)
    const onWorker = packedRead.then((packed) => ({
      answer:
        packed.ids && packed.ids.length >= parallelMinText
          ? judgeOnWorker({ year, pack, packed: evenHalfOf(packed) })
          : null,
    }));
    onWorker.catch(() => undefined); // observed below; not unhandled if a read fails first
    const [people, packed, collectives] = await Promise.all([
      repo.people(db, scope.units, year),
      packedRead,
      collectivesFor(scope, year),
    ]);
    const worker = (await onWorker).answer;
    const odd = buildHistories(packed, year, worker ? 'odd' : 'all');
    const number = new Map(odd.personIds.map((id, i) => [id, i + 1]));
    const theirs = (id: string) => !!worker && judgedByWorker(number.get(id) ?? 1);
    const state = new Sweep(year, pack, false);
    const sweepPeople: SweepPerson[] = people.map((p) => ({
      subject: { kind: 'individual', id: p.id, name: p.fullName },
      history: odd.byId.get(p.id) ?? emptyHistory(),
    }));
    const judged = new Map<string, Verdict[]>();
    for (const p of sweepPeople) if (!theirs(p.subject.id)) judged.set(p.subject.id, state.person(p));

    let even: Map<string, PersonHistory> | undefined;
    const evenHistories = () => (even ??= buildHistories(packed, year, 'even').byId);
    if (worker) {
      const bySubject = new Map(sweepPeople.map((p) => [p.subject.id, p.subject]));
      try {
        const answer = await worker;
        for (const [id, vs] of decodeVerdicts(answer, (pid) => bySubject.get(pid)!)) judged.set(id, vs);
        answer.members.forEach((m) => state.members.set(m.personId, m));
      } catch {
        // The worker failed: its half is judged here.
        for (const p of sweepPeople)
          if (theirs(p.subject.id))
            judged.set(
              p.subject.id,
              state.person({ ...p, history: evenHistories().get(p.subject.id) ?? emptyHistory() }),
            );
      }
    }
    const verdicts: Verdict[] = [];
    for (const p of sweepPeople) {
      // Anyone the worker's answer lacks (the list and the histories are separate reads) is judged here.
      const vs =
        judged.get(p.subject.id) ??
        state.person({ ...p, history: evenHistories().get(p.subject.id) ?? p.history });
      for (const v of vs) verdicts.push(v);
    }
    state.collectives(collectives.list, verdicts);
    /** The same verdicts of a few subjects, with the facts written out (after an unexplained sweep). */
    const explained = (ids: ReadonlySet<string>) => {
      const chosen = sweepPeople
        .filter((p) => ids.has(p.subject.id))
        .map((p) =>
          theirs(p.subject.id) ? { ...p, history: evenHistories().get(p.subject.id) ?? emptyHistory() } : p,
        );
      const input: SweepInput = { year, pack, people: chosen, collectives: collectives.list, explain: false };
      return explainSubjects(input, state.members, ids);
    };
    return { pack, people, units: collectives.units, verdicts, explained };
  }

  async function runOnOneThread(scope: Scope, year: number, explain: boolean) {
    const { pack, people, sweepPeople, collectives } = await load(scope, year);
    const input: SweepInput = { year, pack, people: sweepPeople, collectives: collectives.list, explain };
    const result = sweep(input);
    /** The same verdicts of a few subjects, with the facts written out (after an unexplained sweep). */
    const explained = (ids: ReadonlySet<string>) => explainSubjects(input, result.members, ids);
    return { pack, people, units: collectives.units, verdicts: result.verdicts, explained };
  }

  function collectivesFor(scope: Scope, year: number) {
    return scope.collectiveIds && scope.collectiveIds.length === 0
      ? Promise.resolve({ list: [] as SweepCollective[], units: [] as UnitRow[] })
      : collectivesOf(scope, year);
  }

  async function collectivesOf(
    scope: Scope,
    year: number,
  ): Promise<{ list: SweepCollective[]; units: UnitRow[] }> {
    let units = await repo.units(db, scope.units, year);
    if (scope.collectiveIds) units = units.filter((u) => scope.collectiveIds!.includes(u.id));
    if (!units.length) return { list: [], units };
    const [tree, successions, rated] = await Promise.all([
      repo.tree(db),
      repo.successions(db),
      repo.ratedIn(db, scope.units, year),
    ]);
    // Lineage: a successor carries its predecessors' records from before the succession (Nghị định
    // 152/2025 art. 4: successor units propose for their predecessors' achievements).
    const lineages = new Map(units.map((u) => [u.id, mergeLineage(successions, u.id)]));
    const allIds = [...new Set([...lineages.values()].flatMap((l) => [...l.keys()]))];
    const recs = await repo.unitRecords(
      db,
      sql`${sql.join(
        allIds.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}`,
      year,
    );
    const parent = new Map(tree.map((t) => [t.id, t.parentId]));
    const members = new Map<string, string[]>();
    for (const r of rated) {
      // Each rated person belongs to their unit and every unit above it.
      for (let u: string | null | undefined = r.unitId; u; u = parent.get(u)) {
        let list = members.get(u);
        if (!list) members.set(u, (list = []));
        list.push(r.personId);
      }
    }
    const evalsOf = groupBy(recs.evals, (e) => e.u);
    const awardsOf = groupBy(recs.awards, (a) => a.u);
    const regsOf = groupBy(recs.registrations, (r) => r.u);
    const list: SweepCollective[] = units.map((u) => {
      const lineage = lineages.get(u.id)!;
      const ids = [...lineage.keys()];
      const history: Omit<CollectiveHistory, 'members'> = {
        evaluations: ids.flatMap((id) =>
          (evalsOf.get(id) ?? [])
            .filter((e) => countsForYear(lineage, id, e.year))
            .map((e) => ({ year: e.year, rating: e.rating, memberCount: e.memberCount })),
        ),
        awards: ids.flatMap((id) =>
          (awardsOf.get(id) ?? [])
            .filter((a) => countsForYear(lineage, id, a.year))
            .map((a) => ({ id: a.id, awardCode: a.awardCode, year: a.year, track: a.track })),
        ),
        registrations: (regsOf.get(u.id) ?? []).map((r) => ({ year, awardCode: r.awardCode })),
      };
      return {
        subject: { kind: 'collective', id: u.id, name: u.name },
        history,
        memberIds: [...new Set(members.get(u.id) ?? [])],
      };
    });
    return { list, units };
  }

  function toRow(v: Verdict, people: Map<string, PersonRow>, units: Map<string, UnitRow>): SuggestionRow {
    const p = v.subject.kind === 'individual' ? people.get(v.subject.id) : undefined;
    const u = v.subject.kind === 'collective' ? units.get(v.subject.id) : undefined;
    return {
      subjectKind: v.subject.kind,
      subjectId: v.subject.id,
      code: p?.code ?? u?.code ?? '',
      name: p?.fullName ?? u?.name ?? v.subject.name ?? '',
      unitName: p?.unitName ?? null,
      awardCode: v.awardCode,
      status: v.status,
      nearMiss: isNearMiss(v),
      missing: v.missing,
      checks: v.checks,
    };
  }

  async function suggestionRows(
    v: Viewer,
    q: SuggestionQuery,
  ): Promise<
    Result<{
      rows: SuggestionRow[];
      pack: RulePack;
      scope: string;
      explain: (rows: SuggestionRow[]) => SuggestionRow[];
    }>
  > {
    const scope = await resolveScope(v, q);
    if (!scope.ok) return scope;
    // Judge everyone without writing the facts; write them only for the rows that are returned.
    const r = await run(scope.value, q.year, false);
    const people = new Map(r.people.map((p) => [p.id, p]));
    const units = new Map(r.units.map((u) => [u.id, u]));
    const order = new Map(r.people.map((p, i) => [p.id, i]));
    const rows = r.verdicts
      .map((x) => toRow(x, people, units))
      .sort(
        (a, b) =>
          (a.subjectKind === b.subjectKind ? 0 : a.subjectKind === 'individual' ? -1 : 1) ||
          (order.get(a.subjectId) ?? 0) - (order.get(b.subjectId) ?? 0) ||
          a.code.localeCompare(b.code),
      );
    const explain = (list: SuggestionRow[]): SuggestionRow[] => {
      const full = new Map(
        r.explained(new Set(list.map((x) => x.subjectId))).map((x) => [`${x.subject.id}/${x.awardCode}`, x]),
      );
      return list.map((x) => {
        const e = full.get(`${x.subjectId}/${x.awardCode}`);
        return e ? { ...x, checks: e.checks } : x;
      });
    };
    return ok({ rows, pack: r.pack, scope: scope.value.label, explain });
  }

  function filterRows(rows: SuggestionRow[], q: SuggestionQuery): SuggestionRow[] {
    const needle = q.q ? foldVietnamese(q.q) : '';
    return rows.filter(
      (r) =>
        (!q.awardCode || r.awardCode === q.awardCode) &&
        (!q.recipientKind || r.subjectKind === q.recipientKind) &&
        (!q.status ||
          (q.status === 'near_miss'
            ? r.nearMiss
            : q.status === 'ineligible'
              ? r.status === 'ineligible'
              : r.status === q.status)) &&
        (!needle || foldVietnamese(`${r.name} ${r.code}`).includes(needle)),
    );
  }

  return {
    resolveScope,
    load,
    run,

    async suggestions(v: Viewer, q: SuggestionQuery): Promise<Result<SuggestionResponse>> {
      const r = await suggestionRows(v, q);
      if (!r.ok) return r;
      const counts = new Map<AwardCode, { eligible: number; needsReview: number; nearMiss: number }>();
      for (const row of r.value.rows) {
        let c = counts.get(row.awardCode);
        if (!c) counts.set(row.awardCode, (c = { eligible: 0, needsReview: 0, nearMiss: 0 }));
        if (row.status === 'eligible') c.eligible++;
        else if (row.status === 'needs_review') c.needsReview++;
        else if (row.nearMiss) c.nearMiss++;
      }
      // Without a status filter the list shows what officers act on: eligible, to review, one short.
      const filtered = filterRows(r.value.rows, q).filter(
        (x) => q.status || x.status !== 'ineligible' || x.nearMiss,
      );
      const start = (q.page - 1) * q.pageSize;
      return ok({
        year: q.year,
        pack: { id: r.value.pack.id, name: r.value.pack.name },
        scope: r.value.scope,
        counts: r.value.pack.rules
          .map((x) => x.awardCode)
          .filter((c, i, a) => a.indexOf(c) === i && counts.has(c))
          .map((c) => ({ awardCode: c, ...counts.get(c)! })),
        items: r.value.explain(filtered.slice(start, start + q.pageSize)),
        total: filtered.length,
        page: q.page,
        pageSize: q.pageSize,
      });
    },

    /** All rows of the filter, for export (same filter as the list). */
    async suggestionExport(
      v: Viewer,
      q: SuggestionQuery,
    ): Promise<Result<{ rows: SuggestionRow[]; pack: RulePack; scope: string }>> {
      const r = await suggestionRows(v, q);
      if (!r.ok) return r;
      const { pack, scope, explain } = r.value;
      return ok({
        pack,
        scope,
        rows: explain(
          filterRows(r.value.rows, q).filter((x) => q.status || x.status !== 'ineligible' || x.nearMiss),
        ),
      });
    },

    /** Every verdict of the filter, ineligible ones included. */
    async allRows(v: Viewer, q: SuggestionQuery): Promise<SuggestionRow[]> {
      const r = await suggestionRows(v, q);
      return r.ok ? r.value.explain(filterRows(r.value.rows, q)) : [];
    },

    async person(v: Viewer, personId: string, year: number): Promise<Result<SubjectVerdicts>> {
      const scope = await resolveScope(v, { personId, year });
      if (!scope.ok) return scope;
      const r = await run(scope.value, year);
      return ok({
        year,
        pack: { id: r.pack.id, name: r.pack.name },
        verdicts: r.verdicts.filter((x) => x.subject.id === personId),
      });
    },

    async unit(v: Viewer, unitId: string, year: number): Promise<Result<SubjectVerdicts>> {
      const scope = await resolveScope(v, { unitId, year });
      if (!scope.ok) return scope;
      const r = await run({ ...scope.value, collectiveIds: [unitId] }, year);
      return ok({
        year,
        pack: { id: r.pack.id, name: r.pack.name },
        verdicts: r.verdicts.filter((x) => x.subject.kind === 'collective' && x.subject.id === unitId),
      });
    },

    async quotas(v: Viewer, year: number, unitId?: string): Promise<Result<QuotaResponse>> {
      const scope = await resolveScope(v, { unitId, year });
      if (!scope.ok) return scope;
      const pack = await effectivePack(db, year);
      let eligibleCounts: Map<AwardCode, number> | null = null;
      const items: QuotaResponse['items'] = [];
      for (const q of pack.quotas) {
        let basis = await repo.countAwards(db, scope.value.units, year, q.basisAwardCode);
        let basisSource: 'awarded' | 'eligible' = 'awarded';
        if (basis === 0) {
          // Before the decision: the base is who is eligible now.
          if (!eligibleCounts) {
            const r = await run(scope.value, year, false);
            eligibleCounts = new Map();
            for (const x of r.verdicts)
              if (x.status === 'eligible')
                eligibleCounts.set(x.awardCode, (eligibleCounts.get(x.awardCode) ?? 0) + 1);
          }
          basis = eligibleCounts.get(q.basisAwardCode) ?? 0;
          basisSource = 'eligible';
        }
        const used = await repo.countAwards(db, scope.value.units, year, q.awardCode);
        const u = quotaUse(q, basis, used);
        items.push({
          quotaId: q.id,
          awardCode: q.awardCode,
          basisAwardCode: q.basisAwardCode,
          maxShare: q.maxShare,
          rounding: q.rounding,
          basis,
          basisSource,
          allowed: u.allowed,
          used,
          remaining: u.remaining,
          exceeded: u.exceeded,
          detail: u.detail,
          citation: q.citation,
        });
      }
      return ok({ year, packId: pack.id, unitId: unitId ?? null, unitName: scope.value.label, items });
    },
  };
}

export type EligibilityService = ReturnType<typeof createEligibilityService>;
