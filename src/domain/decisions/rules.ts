/**
 * What may go into a decision, as pure checks over plain facts. An award decision takes nominees the council
 * passed in approved dossiers only (the council advises, the head decides on its proposal — law.md "Council
 * votes"); a recipient already holding the same title or form for the same period is refused (product.md
 * "duplicates and repeats"). Corrections and revocations are other decisions that reference an issued one:
 * the award history is written from issued decisions only and revoked only by another decision (product.md,
 * cycle step 9). Article numbers are not cited here because they were not verified (docs/law-sources.md).
 */

export type DecisionKind = 'award' | 'correction' | 'revocation';

export interface NomineeFact {
  nomineeId: string;
  dossierCode: string;
  dossierStatus: string;
  councilResult: string | null;
  excludedReason: string | null;
}

export type NomineeVerdict = { ok: true } | { ok: false; code: 'DECISION.NOT_APPROVED'; detail: string };

/** A nominee may be decided when its dossier is approved and the council passed it. */
export function nomineeDecidable(n: NomineeFact): NomineeVerdict {
  if (n.excludedReason !== null)
    return {
      ok: false,
      code: 'DECISION.NOT_APPROVED',
      detail: `${n.dossierCode}: người này đã bị loại khỏi hồ sơ`,
    };
  if (n.dossierStatus !== 'approved' && n.dossierStatus !== 'decided')
    return {
      ok: false,
      code: 'DECISION.NOT_APPROVED',
      detail: `Hồ sơ ${n.dossierCode} chưa được Hội đồng thông qua (trạng thái: ${n.dossierStatus})`,
    };
  if (n.councilResult !== 'passed')
    return {
      ok: false,
      code: 'DECISION.NOT_APPROVED',
      detail: `${n.dossierCode}: Hội đồng chưa thông qua người này`,
    };
  return { ok: true };
}

export interface AwardKeyFields {
  recipientKey: string;
  awardCode: string;
  year: number;
  track: string;
  /** 'title' (danh hiệu) or 'form' (hình thức). */
  awardKind: 'title' | 'form';
}

/**
 * The natural key of "same recipient, same title or form, same period", or null when repeats are lawful.
 * A title is held once per year whatever the track; a form once per year and track (a regular Giấy khen for
 * the year's work and a thematic one for a movement are different awards); ad-hoc (đột xuất) awards reward
 * separate feats and are never duplicates of each other.
 */
export function periodKey(l: AwardKeyFields): string | null {
  if (l.awardKind === 'title') return `${l.recipientKey}|${l.awardCode}|${l.year}`;
  if (l.track === 'ad_hoc') return null;
  return `${l.recipientKey}|${l.awardCode}|${l.year}|${l.track}`;
}

/** Lines of one decision that repeat the same recipient, title and period (kept: the first). */
export function duplicateLines<T extends AwardKeyFields>(lines: readonly T[]): T[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const k = periodKey(l);
    if (k === null) return false;
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}

export interface ReferencedAward {
  awardId: string;
  decisionId: string | null;
  revokedByDecisionId: string | null;
}

/**
 * A revocation or correction names awards of the decision it references, each not yet revoked.
 * Returns the first problem, or null.
 */
export function referenceProblem(
  kind: DecisionKind,
  referenced: { id: string; status: string } | undefined,
  awards: readonly ReferencedAward[],
): string | null {
  if (kind === 'award') return null;
  if (!referenced || referenced.status !== 'issued') return 'Quyết định được tham chiếu chưa ban hành';
  if (awards.length === 0) return 'Chưa chọn khen thưởng nào của quyết định được tham chiếu';
  for (const a of awards) {
    if (a.decisionId !== referenced.id) return 'Khen thưởng không thuộc quyết định được tham chiếu';
    if (a.revokedByDecisionId !== null) return 'Khen thưởng này đã bị thu hồi hoặc đính chính';
  }
  return null;
}
