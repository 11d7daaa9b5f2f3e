/**
 * The demo's 2020 awards of the origin article, written through ISSUED decisions (so that their prize money,
 * award history links and Word files exist): the Giám đốc Sở's regular decisions 15–18/QĐ-SNN of 18/01/2021
 * and thematic Giấy khen decisions, and the Chủ tịch UBND tỉnh's Bằng khen decisions. Each group of the
 * registry's award rows (same issuer, number and date) becomes one decision with the same number, issued
 * by the same code path as the app (`issueInTx`) with the historical number. The Bộ Nội vụ's Kỷ niệm chương
 * stays an imported history row: its issuer is not a unit of the demo's tree.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { systemActor } from '../platform/actor';
import { parseDecisionNumber } from '../../domain/decisions/number';
import { AWARD_CODES, type AwardCode } from '../../shared/registry/catalog';
import { insertDraft, issueInTx, type DraftLine } from '../features/decisions/decisions.service';
import { rowsOf } from '../features/decisions/decisions.repository';
import { ISSUER_SNN, ISSUER_UBND, type DemoAward } from './demo-registry';

/** Fictional signers (the demo's leader account for the Sở). */
const SIGNERS: Record<string, { unit: string; name: string; title: string }> = {
  [ISSUER_SNN]: { unit: 'BL-SNN', name: 'Đặng Hoàng Phúc', title: 'Phó Giám đốc' },
  [ISSUER_UBND]: { unit: 'BL-UBND', name: 'Phạm Minh Quân', title: 'Phó Chủ tịch' },
};

function summaryOf(lines: DemoAward[]): string {
  const first = lines[0]!;
  const label = AWARD_CODES[first.awardCode as AwardCode]?.label ?? first.awardCode;
  if (first.track === 'thematic' && first.note)
    return `Về việc tặng ${label} cho các tập thể, cá nhân đã có thành tích trong ${first.note.replace(/^Phong trào/, 'phong trào')}`;
  return AWARD_CODES[first.awardCode as AwardCode]?.kind === 'title'
    ? `Về việc công nhận danh hiệu ${label} năm ${first.year}`
    : `Về việc tặng ${label} năm ${first.year}`;
}

export async function seedDemoDecisions(
  tx: DbOrTx,
  clock: Clock,
  awards: DemoAward[],
): Promise<{ decisions: number; recipients: number; numbers: string[] }> {
  if (awards.length === 0) return { decisions: 0, recipients: 0, numbers: [] };
  const actor = systemActor(null, 'seed');
  const personCodes = [...new Set(awards.filter((a) => a.personCode).map((a) => a.personCode!))];
  const unitCodes = [...new Set(awards.filter((a) => a.unitCode).map((a) => a.unitCode!))];
  const people = new Map(
    (
      await rowsOf<{ code: string; id: string; name: string; detail: string }>(
        tx,
        sql`select p.code, p.id, p.full_name as name,
            concat_ws(', ', nullif(coalesce(h.position, p.position), ''), u.name,
              case when pu.document_symbol is null then pu.name end) as detail
          from people p
          left join lateral (select ph.unit_id, ph.position from person_unit_history ph where ph.person_id = p.id
            and ph.from_date <= '2020-12-31' order by ph.from_date desc limit 1) h on true
          left join units u on u.id = coalesce(h.unit_id, p.current_unit_id)
          left join units pu on pu.id = u.parent_id
          where p.code in (select value from json_array_elements_text(${JSON.stringify(personCodes)}::json))`,
      )
    ).map((r) => [r.code, r]),
  );
  const units = new Map(
    (
      await rowsOf<{ code: string; id: string; name: string; detail: string | null }>(
        tx,
        sql`select u.code, u.id, u.name, pu.name as detail from units u left join units pu on pu.id = u.parent_id
          where u.code in (select value from json_array_elements_text(${JSON.stringify(unitCodes)}::json))
            or u.code in ('BL-SNN', 'BL-UBND')`,
      )
    ).map((r) => [r.code, r]),
  );

  // One decision per (issuer, number, date), in date then number order (the counter only moves forward).
  const groups = new Map<string, DemoAward[]>();
  for (const a of awards) {
    const k = `${a.decisionDate}|${String(parseDecisionNumber(a.decisionNumber)?.seq ?? 0).padStart(6, '0')}|${a.issuer}|${a.decisionNumber}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  let recipients = 0;
  const numbers: string[] = [];
  for (const key of [...groups.keys()].sort()) {
    const lines = groups.get(key)!;
    const first = lines[0]!;
    const signer = SIGNERS[first.issuer];
    const parsed = parseDecisionNumber(first.decisionNumber);
    if (!signer || !parsed) throw new Error(`demo decision ${first.decisionNumber}: unknown issuer`);
    const draftLines: DraftLine[] = lines.map((a) => {
      if (a.recipientKind === 'individual') {
        const p = people.get(a.personCode!);
        if (!p) throw new Error(`demo person ${a.personCode}`);
        return {
          recipientKind: 'individual',
          personId: p.id,
          recipientKey: `P:${a.personCode}`,
          displayName: p.name,
          displayDetail: p.detail,
          awardCode: a.awardCode,
          track: a.track,
          year: a.year,
        };
      }
      const u = units.get(a.unitCode!);
      if (!u) throw new Error(`demo unit ${a.unitCode}`);
      return {
        recipientKind: 'collective',
        unitId: u.id,
        recipientKey: `U:${a.unitCode}`,
        displayName: u.name,
        displayDetail: u.detail ?? '',
        awardCode: a.awardCode,
        track: a.track,
        year: a.year,
      };
    });
    const id = await insertDraft(tx, clock, actor, {
      issuerUnitId: units.get(signer.unit)!.id,
      kind: 'award',
      summary: summaryOf(lines),
      decidedOn: first.decisionDate,
      signerName: signer.name,
      signerTitle: signer.title,
      signMode: 'KT',
      lines: draftLines,
    });
    const r = await issueInTx(tx, clock, actor, id, undefined, {
      fixedSeq: parsed.seq,
      quiet: true,
      ...(first.note ? { awardNote: first.note } : {}),
    });
    if (!r.ok)
      throw new Error(
        `demo decision ${first.decisionNumber}: ${r.error.code} ${JSON.stringify(r.error.fields)}`,
      );
    if (r.value.number !== first.decisionNumber)
      throw new Error(`demo decision numbered ${r.value.number}, expected ${first.decisionNumber}`);
    recipients += lines.length;
    numbers.push(r.value.number);
  }
  // No audit row per decision: the seed's one audit row (seed.demo) names these numbers.
  return { decisions: numbers.length, recipients, numbers };
}
